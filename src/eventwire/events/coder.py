"""The event coder stage: CAMEO events from trigger patterns over the dependency parse."""

from __future__ import annotations

from dataclasses import replace
from itertools import product

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..knowledge.countries import country_table
from ..labels import (
    CLAUSAL_COMPLEMENTS_OF_NOUNS_OR_VERBS,
    CODER_CLAUSE_DEPS,
    GOVERNED_CLAUSES,
    GOVERNED_SLOTS,
    INFINITIVE_CLAUSES,
    NOUN_MODIFIERS,
    OBJECT_SLOTS,
    OBJECT_WORD_MODIFIERS,
    OTHER_TARGET_SLOTS,
    PREPOSITIONS_AND_DATIVES,
    REQUESTED_SLOTS,
    SUBJECTS,
)
from ..model import Analysis, Event, EventSide, Modality, Span
from ..nlp import ParseTable, dateline_end, doc_text, parse_table, sentence_of, sentences, trees_in_sentences
from ..vocabulary import vocabulary
from ..wordlists import word_lists
from .confidence.confidence import confidence, evidence
from .grammar.syntax import (
    ADVERBIAL_PREPS,
    TIME_ENTS,
    complement_lemmas,
    content_head,
    nominal_source,
    subjects,
)
from .lexicon.cameo import cameo_code, intent_code, persistence_code, promise_code, refusal_code, threat_code
from .lexicon.lexicon import NO_EVENT, Pattern, boilerplate_markers, non_agents
from .lexicon.senses import circumstances, object_kinds, sense_ok
from .lexicon.triggers import candidates, doc_candidates, trigger_pos
from .rules.background import described, origin
from .rules.genericity import felt, kind_object, non_episodic
from .rules.modality import continued, modality, prospect, refusal_negation
from .rules.pruning import (
    VIOLENT_ROOTS,
    drop_blank_sources,
    drop_consequences,
    drop_partnerless,
    drop_self_accusations,
    drop_sourceless,
    drop_targetless,
    drop_tolls,
    drop_untargeted,
    mirrors_second,
    who,
)
from .rules.recode import appeal_recode, arrival_recode, force_recode, protest_recode, says_will
from .rules.statements import Judged, addressee_side, approved_act_patient, judged_in, own_word, private_feeling
from .sides.actorhood import is_means, judge, speaker_side
from .sides.addressees import aim_responses, own_public, pair_targets
from .sides.arguments import (
    Match,
    SidePair,
    arguments,
    clean,
    is_purpose,
    symmetric_pairs,
    target_side,
    understood,
    wanted_patients,
)
from .sides.sides import make_side, same_side
from .sides.targets import (
    PATIENT_ROOT,
    actor_targets,
    instruments,
    is_actor,
    partners,
    split_countries,
    target_extent,
    trim_charge,
)

_WORDS = word_lists("eventwire.events")

__all__ = ["EventCoder", "Match", "best_match"]

MAX_SENT_CHARS = 1500
#: how deep in the complements a veto word still counts ("detained X over the election" is an arrest)
VETO_DEPTH = 2
#: source phrases keep their place phrases and appositions too
WIDE_SOURCES = True
#: roots of material conflict: "X said Y attacked Z" is also X accusing Y (or claiming it, when X is Y)
ACCUSABLE_ROOTS = frozenset({"18", "19", "20"})
#: roots of verbal acts that stand without a target when their only target is the source's own thing
#: ("reneged on his commitment"); violence and material acts need another side
VERBAL_ROOTS = frozenset({"01", "02", "03", "04", "05", "10", "11", "12", "13"})
#: roots of acts whose announcement "unless" another acts is an ultimatum (withdrawal, protest, coercion, force)
ULTIMATUM_ROOTS = frozenset({"08", "14", "15", "16", "17", "18", "19", "20"})
#: prepositions naming the venue of an act
VENUE_PREPS = _WORDS.words("venue_preps")
#: roots of requests whose noun may take a "that" clause naming the addressee ("its demand that X ease ...")
REQUEST_ROOTS = frozenset({"02", "10"})
PLURAL_SOURCES = _WORDS.words("plural_sources")
#: roots of acts a causative imposes: the causer acts (reduce relations, coerce); its object is the target
#: unless it is the causer's own agent ("ordered police to ban the rally")
IMPOSED_ROOTS = frozenset({"16", "17"})
#: roots of material acts (and intents to do them) whose target may be a named place with no known
#: country ("withdrew its warships from the Black Sea")
PLACE_ROOTS = frozenset({"03", "06", "07", "08", "14", "15", "16", "17", "18", "19", "20"})
#: roots of acts that stand with no agent named, against an actor of a known country: coercion ("a
#: missionary was arrested in X") and violence ("three soldiers were killed")
AGENTLESS_ROOTS = frozenset({"17", "18", "19", "20"})
#: sectors of speakers who tell of an attack as witnesses, not as parties accusing the attacker
WITNESS_SECTORS = frozenset({"CVL", "HLH", "MED", "COP", "EDU", "BUS", "REF", "LAB"})
#: dependencies that open a clause inside a phrase ("X, who was held in Y")
CLAUSE_DEPS = CODER_CLAUSE_DEPS
#: codes of a stance for or against whose object is what it is taken on (praise, endorse, disapprove,
#: criticize); "filed complaints", "rallied support" name the means instead
STANCE_CODES = frozenset({"050", "051", "110", "111"})
#: sectors of an object that carries out its own side's order
AGENT_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD"})
#: codes (prefixes) of offers and acts of help (an intent to cooperate or to give aid, aid) that, naming no one
#: helped, help the place the story is datelined in when the helper is foreign to it ("JAKARTA - ... 'We stand
#: ready to assist'"); not an intent to meet, which has a partner of its own
HELP_CODES = ("030", "033", "07")
#: the longest place name a dateline is looked up by, in words
DATELINE_WORDS = 4


class EventCoder:
    name = "events"
    #: the stage contract (``eventwire.stages``)
    requires: tuple[str, ...] = ("doc", "actors", "quotes")
    assigns: tuple[str, ...] = ("events",)

    def __call__(self, doc: Doc, analysis: Analysis) -> Analysis:
        events: list[Event] = []
        cands = doc_candidates(doc)
        for sent in sentences(doc):
            if _is_boilerplate(sent):
                continue
            for ev in _code_sentence(sent, analysis, cands):
                events.append(replace(ev, id=f"E{len(events) + 1}"))
        # an act aimed at no one named ("condemned what he called a cowardly act") is dropped once
        # untargeted threats to respond have been aimed at the attack they answer
        kept = drop_self_accusations(drop_targetless(aim_responses(doc, events), doc), analysis)
        kept = drop_blank_sources(kept)  # a source naming nothing codable
        return analysis.with_(events=tuple(replace(ev, id=f"E{n}") for n, ev in enumerate(kept, 1)))


def _is_boilerplate(sent: SpacySpan) -> bool:
    text = _sent_text(sent).strip().lower()
    if not text or len(text) > MAX_SENT_CHARS:
        return True
    starts, contains = boilerplate_markers()
    return text.startswith(starts) or any(marker in text for marker in contains)


def _obj_words(table: ParseTable, doc: Doc, kids: list[int]) -> set[str]:
    """The words of a trigger's objects (``kids``: its children): their heads' lemmas and words, and
    their modifiers' lemmas."""
    dep, lemma = table.dep, table.lemma
    heads = [c for c in kids if dep[c] in OBJECT_SLOTS]
    heads += [c for h in heads for c in table.children(h) if dep[c] == "conj"]
    heads += [inner for h in heads if (inner := content_head(doc[h]).i) != h]  # "dozens of artifacts"
    words: set[str] = set()
    for h in heads:
        words.update((lemma[h], table.lower[h]))
        words.update(lemma[c] for c in table.children(h) if dep[c] in OBJECT_WORD_MODIFIERS)
    return words


def best_match(tok: Token) -> Match | None:
    """The most specific pattern matching the trigger ``tok`` (None when none does)."""
    tpos = trigger_pos(parse_table(tok.doc), tok.i)
    cands = candidates(tok.lemma_, tok.lower_, tok.pos_, tpos) if tpos else ()
    return _select(tok, cands, _reach(sentence_of(tok))) if cands else None


def _reach(sent: SpacySpan) -> set[str]:
    """Every lemma and lower-cased word that the complement of a trigger in ``sent`` may hold: those of
    the sentence, as a parse tree stays inside its sentence (else those of the whole doc)."""
    doc = sent.doc
    table = parse_table(doc)
    start, end = (sent.start, sent.end) if trees_in_sentences(doc) else (0, len(doc))
    return {*table.lemma[start:end], *table.lower[start:end]}


def _select(tok: Token, cands: tuple[Pattern, ...], reach: set[str]) -> Match | None:
    """The most specific of the trigger's candidate patterns whose constraints its parse meets;
    ``reach``: a superset of the words of its complement (see ``_reach``)."""
    doc = tok.doc
    table = parse_table(doc)
    dep, lower = table.dep, table.lower
    kids = table.children(tok.i)
    objs = _obj_words(table, doc, kids) | object_kinds(tok)
    has_obj = any(dep[c] == "dobj" for c in kids)
    prts = {lower[c] for c in kids if dep[c] == "prt"}
    dated_preps = [c for c in kids if dep[c] in PREPOSITIONS_AND_DATIVES and _dated(doc[c])]  # "on Friday"
    preps = {lower[c] for c in kids if dep[c] in PREPOSITIONS_AND_DATIVES and c not in dated_preps}
    # The complement (most of the sentence under a main verb) is walked only for a pattern that needs
    # it: one whose complement or veto words occur in ``reach`` at all. Most patterns' words ("said" ...
    # "must") occur nowhere in the sentence.
    comp: dict[str, int] | None = None
    near: set[str] = set()
    best: tuple[tuple[int, int], Match] | None = None
    for p in cands:
        if (p.prt and not p.prt & prts) or (p.prep and not p.prep & preps) or (p.obj and not p.obj & objs):
            continue
        if p.comp and p.comp.isdisjoint(reach):
            continue  # none of its complement words in reach
        if comp is None and (p.comp or not p.veto.isdisjoint(reach)):
            dated = {t.i for c in dated_preps if dep[c] == "prep" for t in doc[c].subtree} | circumstances(tok)
            comp = complement_lemmas(tok, dated)
            near = {w for w, d in comp.items() if d <= VETO_DEPTH}
        words = comp or {}  # walked above whenever p.comp is set
        depth = min((words[w] for w in p.comp if w in words), default=99) if p.comp else 0
        if p.comp and depth == 99:
            continue
        if p.veto and (p.veto & objs or p.veto & near or (p.comp and p.veto & _modified(tok, p.comp))):
            continue
        if p.trans is not None and p.trans != has_obj:
            continue
        if p.finite and _infinitive(tok):
            continue
        if not sense_ok(p, tok):
            continue
        key = (p.specificity, -depth if p.comp else -1)
        if best is None or key > best[0]:
            best = (key, Match(tok, p, depth))
    return best[1] if best else None


def _dated(prep: Token) -> bool:
    """A preposition whose object is a date ("called on Friday for X to ..."): no pattern's preposition."""
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    return bool(objs) and all(p.ent_type_ in TIME_ENTS for p in objs)


def _modified(tok: Token, words: frozenset[str]) -> set[str]:
    """The nouns the pattern's complement words modify in the trigger's phrase ("aid" of "emergency
    aid"), and the nouns of the phrases that place them ("hospitals" of "an emergency in hospitals"): a
    veto noun there says the word is no act of its own ("emergency aid" is no emergency)."""
    found = [t for t in tok.subtree if t.lemma_.lower() in words]
    heads = {t.head.lemma_.lower() for t in found if t.dep_ in NOUN_MODIFIERS}
    preps = [p for t in found for p in t.children if p.dep_ == "prep"]
    placed = {o.lemma_.lower() for p in preps for o in p.children if o.dep_ == "pobj"}
    return heads | placed


def _infinitive(tok: Token) -> bool:
    """An infinitive of purpose or a noun's complement ("sent aid to help", "pressure to help"); the
    complement of a verb ("wants to help") stays, its governor sets the modality."""
    return tok.tag_ == "VB" and tok.dep_ in INFINITIVE_CLAUSES


def _governed(m: Match) -> list[Token]:
    """Tokens the trigger's pattern accounts for: its infinitive/clausal complements and object heads."""
    out: list[Token] = []
    stack = [m.token]
    while stack:
        cur = stack.pop()
        for c in cur.children:
            if c.dep_ in GOVERNED_SLOTS or (c.dep_ == "acl" and cur is not m.token):
                out.append(c)
                if c.dep_ in GOVERNED_CLAUSES or (c.dep_ == "dobj" and cur is not m.token):
                    stack.append(c)
    return out


def _consumed(matches: list[Match]) -> tuple[set[int], set[int]]:
    """(tokens consumed by a governing trigger, generic governors dropped for their complement)."""
    by_token = {m.token.i: m for m in matches}
    consumed: set[int] = set()
    dropped: set[int] = set()
    reporting = vocabulary().words("eventwire.reporting")
    for m in matches:
        if (
            m.pattern.code == NO_EVENT
            or m.token.lemma_ in reporting
            or m.token.lemma_ in vocabulary().words("events.denials")
        ):
            continue
        governed = _governed(m)
        if m.pattern.code in ("015", "016"):  # a claim or denial of an act accounts for the act
            governed += [t for t in m.token.subtree if t.i != m.token.i]
        if m.pattern.code[:2] >= "06":  # "provided aid to support X"; but "visited X to mediate" is two acts
            governed += [c for c in m.token.children if c.dep_ == "advcl" and is_purpose(c)]
        same_root = [by_token[c.i] for c in m.token.children if c.dep_ == "advcl" and c.i in by_token]
        governed += [i.token for i in same_root if is_purpose(i.token) and i.pattern.code[:2] == m.pattern.code[:2]]
        if m.token.pos_ == "NOUN" and m.pattern.code[:2] in REQUEST_ROOTS:  # "its demand that X ease the curbs"
            governed += [c for c in m.token.children if _clause_subjects(m.token, c)]
        if m.pattern.code[:2] >= "18":  # "bombarded the city, killing eight": one attack
            governed += [c for c in m.token.children if c.dep_ == "advcl" and c.tag_ == "VBG"]
            governed += [  # "stormed the base after striking it with car bombs"
                g
                for c in m.token.children
                if c.dep_ == "prep" and c.lower_ in ADVERBIAL_PREPS
                for g in c.children
                if g.dep_ == "pcomp" and g.tag_ == "VBG"
            ]
        if m.pattern.yields and m.pattern.specificity <= 0:
            # an act in the complement, not a noun its verb acts on ("pressed X to call off the strike")
            inner = [by_token[t.i] for t in governed if t.i in by_token and (t.pos_ != "NOUN" or t.head.i == m.token.i)]
            if any(i.pattern.code != NO_EVENT and i.pattern.code[:2] >= "13" for i in inner):
                dropped.add(m.token.i)
                continue
        consumed.update(t.i for t in governed)
    return consumed, dropped


def _sent_text(sent: SpacySpan) -> str:
    """``sent.text``, sliced from the doc's cached text (spaCy joins it from every token on each access)."""
    return doc_text(sent.doc)[sent.start_char : sent.end_char]


def _code_sentence(sent: SpacySpan, analysis: Analysis, cands: list[tuple[Pattern, ...]]) -> list[Event]:
    """The sentence's events; ``cands``: ``triggers.candidates`` of each token of the doc."""
    doc = sent.doc
    triggers = [i for i in range(sent.start, sent.end) if cands[i]]
    reach = _reach(sent) if triggers else set()
    matches = [m for i in triggers if (m := _select(doc[i], cands[i], reach)) is not None]
    consumed, dropped = _consumed(matches)
    events: dict[tuple[object, ...], Event] = {}
    for m in matches:
        if m.pattern.code == NO_EVENT or m.token.i in consumed or m.token.i in dropped:
            continue
        for ev in _events_of(m, sent, analysis):
            key = (who(ev.source), who(ev.target), ev.root)
            if key not in events or events[key].confidence < ev.confidence:
                events[key] = ev
    judged = sorted(judged_in(sent, analysis), key=lambda j: (-int(j.judgement.code[:3]), j.token.i))
    for j in judged:  # "“X has failed to ...,” she said": she criticises X (an accusation before a criticism)
        ev = _judgement_event(j, sent)
        events.setdefault((who(ev.source), who(ev.target), ev.root), ev)
    kept = drop_consequences(drop_sourceless(drop_partnerless(drop_untargeted(list(events.values())), sent)), sent)
    kept = drop_tolls(kept, sent)  # "killed 12 and wounded 30 others": one attack
    kept = [e for e in kept if not private_feeling(e)]  # "health workers fear that ...": no event
    kept = [own_public(e, sent, analysis) for e in kept]  # "the governor called for calm": the public
    kept = [p for e in kept for p in pair_targets(e, sent, analysis)]  # "both countries": the two last named
    return sorted(kept, key=lambda e: (e.trigger.start, -e.confidence))


def _events_of(m: Match, sent: SpacySpan, analysis: Analysis) -> list[Event]:
    srcs, tgts, passive = arguments(m)
    if not tgts and m.token.pos_ == "NOUN" and m.pattern.code[:2] in REQUEST_ROOTS:
        srcs, tgts = _requested(m.token, srcs)
    caused = _caused(m, analysis, tgts)
    if caused is not None:
        srcs, tgts = caused
    voiced = frozenset(t.i for t in (*srcs, *tgts) if speaker_side(analysis, t) is not None)
    voiced |= frozenset(t.i for t in tgts if addressee_side(analysis, t) is not None)  # "we look to you"
    srcs = [t for t in clean(srcs, voiced) if t.lemma_.lower() not in non_agents()]
    tgts = clean(tgts, voiced)
    if passive and m.pattern.code[:2] in VIOLENT_ROOTS:  # "fired at it from Gaza": a launch site, no agent
        srcs = [t for t in srcs if not origin(t)]
    if not srcs and not (passive and tgts):
        return []  # not understood: no actor to code
    if described(m.token):
        return []  # "the group that has seized Mosul": background
    if non_episodic(m.token, m.pattern.code[:2]) is not None:
        return []  # a habit, a kind, a finding, a role, a capacity, a state or a comparison
    if not srcs and m.token.dep_ != "ROOT" and m.pattern.code[:2] not in VIOLENT_ROOTS:
        return []  # an agentless act in a subordinate clause ("a member jailed a year ago") is background
    if m.pattern.need == "target" and not tgts:
        return []
    mod_tok = m.token.head if caused is not None else m.token
    mod = modality(mod_tok)
    if mod == "future" and prospect(mod_tok) != "own":
        return []  # asked of the actor ("urged X to engage") or predicted of it ("is expected to meet")
    code = told = appeal_recode(m.pattern.code, m.token)
    conditions = _unless(m.token) if mod == "future" and code[:2] in ULTIMATUM_ROOTS else []
    if conditions:  # "will withdraw its troops unless X ...": an ultimatum to X
        code, mod = "139", "asserted"
        tgts = [t for t in conditions if t.i != m.token.i] or tgts
    elif mod == "future" and persistence_code(code) and continued(m.token):
        code, mod = persistence_code(code) or code, "asserted"  # "will continue to block aid": no yielding
    elif mod == "future" and threat_code(code) and says_will(m.token):
        code, mod = threat_code(code) or code, "asserted"  # "will strike X" states a threat
    elif mod == "future":
        code = intent_code(code) or code
    elif mod == "negated" and refusal_code(code) and refusal_negation(mod_tok):
        code, mod = refusal_code(code) or code, "asserted"  # "would not provide support" is a refusal
    elif mod == "negated" and promise_code(code) and refusal_negation(mod_tok) and own_word(m.token, srcs, analysis):
        code, mod = promise_code(code) or code, "asserted"  # "said he would not declare martial law": a promise
    elif code[:2] == "03" and _negated_complement(m.token):
        code = refusal_code(code) or code  # "vowed not to return the land" is a refusal
    if mod == "hypothetical":
        return []  # a condition, a question, a possibility: nothing was done
    src_sides: list[SidePair] = [
        pair
        for t in srcs
        if understood(t, side := make_side(analysis, t, wide=WIDE_SOURCES))
        and (pair := judge(analysis, t, side, "source", root=code[:2])) is not None
    ]
    if not src_sides and not (code[:2] in AGENTLESS_ROOTS and tgts and all(is_means(t) for t in srcs)):
        return []  # no actor acts: an agentless act stands only as force against an actor (below)
    if any(side is not None and side.country for _, side in src_sides):  # "the group al-Shabab": one source
        src_sides = [(t, side) for t, side in src_sides if side is not None and (side.country or side.actor)]
    src_sides = [p for pair in src_sides for p in split_countries(pair, analysis)] or [(None, None)]
    if felt(m.token, (side.sector for _, side in src_sides if side is not None)):
        return []  # "activists fear that ...": a feeling, not a statement
    exclude = {t.i for s in srcs for t in s.subtree} | {t.i for t in wanted_patients(m.token)}
    syn_tgts = [_addressed(analysis, t) or target_side(analysis, t) for t in tgts]
    if not passive:  # a passive's subject is its target, whatever it names
        content = code[:2] < PATIENT_ROOT  # "eased the curfew in Amman": Amman
        syn_tgts = actor_targets(m.token, syn_tgts, analysis, exclude, src_sides[0][1], instruments(m.pattern), content)
    if m.pattern.symmetric:  # "met in Zurich": the place is no partner
        syn_tgts = partners(m.token, syn_tgts)
    venue = m.pattern.symmetric
    tgt_sides = [p for t in syn_tgts for p in split_countries(trim_charge(m.token, target_extent(t, venue)), analysis)]
    places = code[:2] in PLACE_ROOTS
    tgt_sides = [p for t, side in tgt_sides if (p := judge(analysis, t, side, "target", places, code[:2])) is not None]
    tgt_sides = [p for p in tgt_sides if not approved_act_patient(code, p[0], m.token)]  # "praised the response to X"
    if any(side is not None and side.country for _, side in tgt_sides):  # "the talks" beside "the U.S."
        tgt_sides = [(t, side) for t, side in tgt_sides if side is not None and (side.country or side.actor)]
    if m.pattern.need == "target" and not tgt_sides:
        return []  # its target names no actor
    if not tgt_sides and code in STANCE_CODES and kind_object(m.token):
        return []  # "favored free markets", "condemns terrorism": a stance on a kind, toward no party
    tgt_sides = tgt_sides or [(None, None)]
    pairs = list(product(src_sides, tgt_sides))
    if m.pattern.symmetric:
        if len(src_sides) > 1:  # "Chile and Peru held talks in Lima": they meet each other, not the venue
            tgt_sides = [p for p in tgt_sides if not _venue(p[0])] or [(None, None)]
        pairs = symmetric_pairs(src_sides, tgt_sides)
    out: list[Event] = []
    all_same = True
    for (s_tok, src), (t_tok, tgt) in pairs:
        if (s_tok is not None and t_tok is not None and s_tok.i == t_tok.i and src == tgt) or same_side(src, tgt):
            continue
        if src is None and not (code[:2] in AGENTLESS_ROOTS and tgt is not None and tgt.country):
            continue  # an agentless act is kept only as force against an actor of a known country
        if _inside(s_tok, t_tok) and t_tok is not None and t_tok.lemma_.lower() in non_agents():
            continue  # "an agreement forced on Qatar by Saudi Arabia": a thing that took the source's country
        all_same = False
        ev_code = force_recode(code, s_tok, src, m.token)  # "the army's offensive has killed 300": force
        ev_code = arrival_recode(protest_recode(ev_code, s_tok, t_tok, src, m.token), s_tok)
        ev = _event(m, sent, ev_code, src, tgt, mod, m.pattern.id, _confidence(m, ev_code, src, tgt, mod))
        if ev.root in ACCUSABLE_ROOTS:  # "X said Y attacked Z": X's statement, and the act as reported
            out.extend(_speaker_events(m, sent, analysis, ev))
        out.append(ev)
    if all_same and src_sides[0][1] is not None:
        # "promised to democratize Serbia", "reneged on his pledge to the people": keep the source; a
        # material act needs another actor inside its own thing ("surrendered from their holdout in X")
        verbal = code[:2] < "06" or code[:2] in VERBAL_ROOTS
        src = src_sides[0][1]
        tgt = _other_target([t for _, (t, _s) in pairs if t is not None], analysis, src, clauses=verbal)
        if tgt is not None or (verbal and not m.pattern.need):
            out.append(_event(m, sent, code, src, tgt, mod, m.pattern.id, _confidence(m, code, src, tgt, mod)))
    out = _at_statement(out, m.token) if code != told else out
    if code.startswith(HELP_CODES) and any(ev.target is None for ev in out):
        out = [_helped_at_dateline(ev, m.token.doc) for ev in out]
    return mirrors_second(out, {t.idx for t in srcs}) if m.pattern.symmetric else out


def _helped_at_dateline(ev: Event, doc: Doc) -> Event:
    """An offer of help naming no one helped, by an actor of another country than the story's dateline,
    helps the dateline's country ("JAKARTA (Reuters) - ... 'We stand ready to assist,' a Pentagon spokesman
    said")."""
    if ev.target is not None or ev.source is None or ev.source.country is None or not ev.cameo.startswith(HELP_CODES):
        return ev
    place = _dateline_place(doc)
    if place is None or place.country == ev.source.country:
        return ev
    return replace(ev, target=place)


def _dateline_place(doc: Doc) -> EventSide | None:
    """The country of the place an opening dateline names ("KHAN YOUNIS, GAZA —"), as a side."""
    end = dateline_end(doc)
    places = country_table().places
    for i in range(end):
        for j in range(min(end, i + DATELINE_WORDS), i, -1):
            country = places.get(" ".join(t.lower_ for t in doc[i:j]))
            if country is not None:
                span = doc[i:j]
                return EventSide(None, span.text, span.start_char, span.end_char, country, None, country)
    return None


def _at_statement(events: list[Event], tok: Token) -> list[Event]:
    """Events that a statement makes of the act it tells (a threat, an intent, a promise, a refusal:
    "Moscow announced Friday it will start loading fuel") have the statement's verb as their trigger:
    they happen, and are dated, when it is said, not when the act would be."""
    verb = _reporter(tok)
    if verb is None:
        return events
    trig = Span(verb.idx, verb.idx + len(verb.text), verb.text)
    return [replace(e, trigger=trig) for e in events]


def _addressed(analysis: Analysis, tok: Token) -> SidePair | None:
    """A target "you" as the addressee a quotation names ("“Congresswoman Waters, we look to you”")."""
    side = addressee_side(analysis, tok)
    return (tok, side) if side is not None else None


def _inside(s_tok: Token | None, t_tok: Token | None) -> bool:
    """Whether the source phrase lies inside the target phrase, other than as a conjunct ("the EU and
    Mercosur")."""
    if s_tok is None or t_tok is None or s_tok.i == t_tok.i or s_tok not in t_tok.subtree:
        return False
    cur = s_tok
    while cur.i != t_tok.i and cur.head.i != cur.i:
        if cur.dep_ == "conj":
            return False
        cur = cur.head
    return True


def _venue(tok: Token | None) -> bool:
    """Whether a target is the place of the act ("in Lima", "at the border")."""
    return tok is not None and tok.dep_ == "pobj" and tok.head.lower_ in VENUE_PREPS


def _unless(tok: Token) -> list[Token]:
    """The subjects of the condition an act is made on ("will leave unless X agrees" -> X); a condition
    without a subject gives the trigger itself."""
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "unless" for g in c.children):
            out += [g for g in c.children if g.dep_ in SUBJECTS] or [tok]
    return out


def _negated_complement(tok: Token) -> bool:
    """Whether the infinitive a pledge governs is negated ("vowed not to return the land")."""
    return any(c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) for c in tok.children)


def _other_target(heads: list[Token], analysis: Analysis, src: EventSide, clauses: bool = True) -> EventSide | None:
    """An actor inside the phrase of a target that was the source's own ("his commitment to the
    Zambian people" -> the Zambian people), with a target's phrase, or None; without ``clauses``, not
    one inside a clause of that phrase ("X, who was held in Y")."""
    for head in heads:
        for tok in head.subtree:
            if tok.i == head.i or tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ not in OTHER_TARGET_SLOTS:
                continue
            if not clauses and _in_clause(tok, head):
                continue
            side = target_extent((tok, make_side(analysis, tok, wide=True)))[1]  # a target's phrase
            if is_actor(side) and not same_side(side, src):
                return side
    return None


def _in_clause(tok: Token, head: Token) -> bool:
    """Whether ``tok`` lies in a clause of the phrase headed by ``head``."""
    cur = tok
    while cur.i != head.i and cur.head.i != cur.i:
        if cur.dep_ in CLAUSE_DEPS:
            return True
        cur = cur.head
    return False


def _clause_subjects(noun: Token, clause: Token) -> list[Token]:
    """The subjects of a noun's "that" clause ("the demand that Israel ease ..." -> Israel)."""
    if clause.dep_ not in CLAUSAL_COMPLEMENTS_OF_NOUNS_OR_VERBS:
        return []
    return [s for s in subjects(clause) if noun.i < s.i < clause.i]


def _requested(noun: Token, srcs: list[Token]) -> tuple[list[Token], list[Token]]:
    """(sources, targets) of a request noun with a clause ("renewed its demand that Israel ease the
    curbs": the asker, and the subject of the clause); the governing verb's subject asks when no
    modifier names the asker."""
    addressees = [s for c in noun.children for s in _clause_subjects(noun, c)]
    if not addressees:
        return srcs, []
    askers = srcs or nominal_source(noun, vocabulary().words("events.light_verbs"))
    if not askers and noun.dep_ in REQUESTED_SLOTS:
        askers = subjects(noun.head)
    return askers, addressees


def _caused(m: Match, analysis: Analysis, tgts: list[Token]) -> tuple[list[Token], list[Token]] | None:
    """(sources, targets) of an act imposed through a causative ("X ordered the paper to suspend
    publication": X acts on the paper; "X ordered police to close the office": X acts on the office)."""
    tok, gov = m.token, m.token.head
    if (
        m.pattern.code[:2] not in IMPOSED_ROOTS
        or tok.dep_ != "xcomp"
        or gov.lemma_.lower() not in vocabulary().words("events.causatives")
    ):
        return None
    objs = [c for c in gov.children if c.dep_ == "dobj"]
    causers = subjects(gov)
    if not objs or not causers:
        return None
    causer, obj = make_side(analysis, causers[0]), make_side(analysis, objs[0])
    own_agent = obj.sector in AGENT_SECTORS and obj.country in (None, causer.country)
    return causers, (tgts if own_agent else objs)


def _event(
    m: Match,
    sent: SpacySpan,
    code: str,
    src: EventSide | None,
    tgt: EventSide | None,
    mod: Modality,
    pattern: str,
    conf: float,
) -> Event:
    info = cameo_code(code)
    ev_span = Span(sent.start_char, sent.end_char, _sent_text(sent))
    trig = Span(m.token.idx, m.token.idx + len(m.token.text), m.token.text)
    return Event(
        id="",
        source=src,
        target=tgt,
        cameo=code,
        root=info.root,
        quad=info.quad,
        penta=info.penta,
        goldstein=info.goldstein,
        plover=info.plover,
        modality=mod,
        confidence=conf,
        evidence=ev_span,
        trigger=trig,
        pattern=pattern,
    )


def _reporter(tok: Token) -> Token | None:
    reporting = vocabulary().words("eventwire.reporting")
    cur = tok
    for _ in range(5):
        if cur.dep_ == "ccomp" and cur.head.lemma_ in reporting:
            return cur.head
        if cur.head is cur:
            return None
        cur = cur.head
    return None


def _accuses(speaker: EventSide, ev: Event) -> bool:
    """Whether the speaker's telling of another's attack accuses it: not when the speaker is of the
    attacker's own country ("residents said the army shelled X") or speaks as a witness rather than a
    party (residents, medics, police, the press: "police said shelling killed two")."""
    src = ev.source
    if src is None or not (src.country or src.actor):
        return False
    if speaker.country is not None and speaker.country == src.country:
        return False
    return speaker.sector not in WITNESS_SECTORS


def _speaker_events(m: Match, sent: SpacySpan, analysis: Analysis, ev: Event) -> list[Event]:
    """ "X said Y attacked Z": X accuses Y (112) when X is a party rather than a witness; "X said it
    attacked Z": X claims the act (015)."""
    verb = _reporter(m.token)
    if verb is None or verb.i > m.token.i:
        return []  # a trailing attribution (", officials said") only sources the report
    speakers = clean(subjects(verb))
    out: list[Event] = []
    for sp_tok in speakers:
        judged = judge(analysis, sp_tok, make_side(analysis, sp_tok), "source", root="11")
        speaker = judged[1] if judged is not None else None
        if speaker is None or not (speaker.country or speaker.actor):
            continue
        plural = ev.source is not None and (ev.source.text or "").lower() in PLURAL_SOURCES and len(speakers) > 1
        if plural or same_side(speaker, ev.source):
            code, tgt = "015", ev.target  # "X said it struck Y": X claims the act
        elif _accuses(speaker, ev):
            code, tgt = "112", ev.source
        else:
            continue
        if tgt is None or not (tgt.country or tgt.actor) or same_side(speaker, tgt):
            continue
        conf = confidence(evidence(verb.dep_, verb.idx, speaker, tgt, 0, False, code), "asserted")
        trig_m = Match(verb, m.pattern, m.depth)
        out.append(_event(trig_m, sent, code, speaker, tgt, "asserted", "reported_conflict", conf))
    return out


def _judgement_event(j: Judged, sent: SpacySpan) -> Event:
    """The event of a statement's judgement of an actor (see ``statements``): the speaker's act."""
    code = j.judgement.code
    pattern = Pattern(id=f"judge_{j.judgement.id}", lemma=j.token.lemma_.lower(), pos="v", code=code)
    conf = confidence(evidence(j.token.dep_, j.token.idx, j.source, j.target, 1, False, code), "asserted")
    return _event(Match(j.token, pattern, 0), sent, code, j.source, j.target, "asserted", pattern.id, conf)


def _confidence(m: Match, code: str, src: EventSide | None, tgt: EventSide | None, mod: Modality) -> float:
    p = m.pattern
    return confidence(evidence(m.token.dep_, m.token.idx, src, tgt, p.specificity, p.symmetric, code), mod)
