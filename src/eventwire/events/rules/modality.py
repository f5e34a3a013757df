"""The modality of an event trigger: asserted, negated, hypothetical, future or reported."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Literal

from spacy.tokens import Token

from ...labels import (
    AUXILIARIES,
    CHAIN_LINKS,
    CLAUSAL_COMPLEMENTS_OF_NOUNS_OR_VERBS,
    CLAUSE_OPENERS,
    COMPLEMENT_OR_CONJUNCT,
    FOR_INFINITIVE_CLAUSES,
    FUTURE_INFINITIVES,
    MODALITY_CLAUSE_DEPS,
    NEGATION_CARRIERS,
    OBJECTS,
    PURPOSE_OR_OPEN_CLAUSES,
    SUBJECTS,
    TIMED_CLAUSES,
    VERB_COMPLEMENTS,
)
from ...model import Modality
from ...nlp import doc_text, sentence_of
from ...vocabulary import vocabulary
from ...wordlists import word_lists
from ...yamlfile import load_yaml
from ..grammar.syntax import content_head

_WORDS = word_lists("eventwire.events")

__all__ = ["Prospect", "continued", "for_infinitive", "modality", "prospect", "refusal_negation"]

#: whose a future act is: the actor's own ("will meet", "plans to meet"), asked of the actor by another
#: ("urged X to meet"), or predicted of it ("is expected to meet")
Prospect = Literal["own", "request", "prediction"]

HYPOTHETICAL_AUX = _WORDS.words("hypothetical_aux")
FUTURE_AUX = _WORDS.words("future_aux")
CONDITION_MARKS = _WORDS.words("condition_marks")
#: auxiliaries that open a yes/no question ("Did X attack ...?", "Will X invade ...?")
QUESTION_AUX = _WORDS.words("question_aux")
CLAUSE_DEPS = MODALITY_CLAUSE_DEPS
MAX_UP = 5
#: auxiliaries of a polite conditional ("I would call for calm")
HEDGES = _WORDS.words("hedges")
#: subjects that say no one did the act
NEGATIVE_PRONOUNS = _WORDS.words("negative_pronouns")
#: adjectives of ability whose infinitive an act is ("unable to meet", "not able to meet")
ABILITY = _WORDS.words("ability")
#: auxiliaries of a possibility or an obligation ("could come", "must agree before X"; a reported
#: "would" is the future of a statement)
POSSIBILITY_AUX = _WORDS.words("possibility_aux")
#: conjunctions of a clause that times an act by another ("when", "once"): in the present under a
#: possibility ("could come this month, when X hopes to ...") it is a possibility too
TIME_MARKS = _WORDS.words("time_marks")
NEGATIVE_WORDS = _WORDS.words("negative_words")
FIRST_PERSON_SUBJECTS = _WORDS.words("modality_first_person_subjects")


def _own(tok: Token) -> Modality | None:
    """What the trigger's own auxiliaries, negation and marks say."""
    kids = list(tok.children)
    if any(c.dep_ == "neg" or (c.lower_ in NEGATIVE_WORDS and c.dep_ in NEGATION_CARRIERS) for c in kids):
        return "negated"
    if any(_negative_subject(c) or _no_longer(c) for c in kids):
        return "negated"  # "No civilian targets were hit", "is no longer committed to"
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in kids):
        return "hypothetical"
    aux = {c.lower_ for c in kids if c.dep_ in AUXILIARIES}
    if aux & HYPOTHETICAL_AUX and _hedged_performative(tok, aux):
        return None  # "I would call for calm": the call is made in saying so
    if aux & HYPOTHETICAL_AUX:
        return "hypothetical"
    if aux & FUTURE_AUX or ("going" in {c.lower_ for c in kids} and "to" in aux):
        return "future"
    return None


def _hedged_performative(tok: Token, aux: set[str]) -> bool:
    """A speech act the speaker performs in a polite conditional ("I would call for calm", "we'd urge
    both sides to ..."): the act is done by saying it."""
    return (
        bool(aux & HEDGES)
        and tok.lemma_.lower() in _lists()["performatives"]
        and any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON_SUBJECTS for c in tok.children)
    )


def _negative_subject(tok: Token) -> bool:
    """A subject that says no one acted ("no troops", "none of the parties", "nobody")."""
    if tok.dep_ not in SUBJECTS:
        return False
    return tok.lower_ in NEGATIVE_PRONOUNS or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def _no_longer(tok: Token) -> bool:
    """An adverb that negates the act from now on ("no longer", "not anymore")."""
    return tok.dep_ == "advmod" and any(c.dep_ == "neg" for c in tok.children)


def _nominal_governor(tok: Token) -> Token:
    """A noun's governing verb ("The removal ... would affect" -> affect)."""
    cur = tok
    for _ in range(MAX_UP):
        if cur.pos_ in ("VERB", "AUX") or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def modality(trigger: Token) -> Modality:
    """The modality of the event of ``trigger`` (negated > hypothetical > future > reported)."""
    tok = _nominal_governor(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
    own = _own(tok) or (_own(trigger) if tok is not trigger else None)
    if own == "negated":
        return own
    if _yes_no_question(trigger):
        return "hypothetical"  # asked, not stated; a wh-question ("Why did X expel Y?") presupposes the act
    if _unable(tok):
        return "negated"  # "have not been able to meet", "was unable to meet"
    if _timed_by_possibility(tok):
        return "hypothetical"  # "could come this month, when X hopes to finish"
    reported = False
    cur = tok
    vocab = vocabulary()
    reporting = vocab.words("eventwire.reporting")
    for _ in range(MAX_UP):
        dep, head = cur.dep_, cur.head
        if head is cur or dep not in CLAUSE_DEPS:
            break
        lemma = head.lemma_.lower()
        head_own = _own(head)
        if dep in VERB_COMPLEMENTS and (lemma in vocab.words("events.negators") or head_own == "negated"):
            return "negated"
        if dep == "ccomp" and lemma in reporting:
            reported = True
            break
        if (
            dep in CLAUSAL_COMPLEMENTS_OF_NOUNS_OR_VERBS
            and head.pos_ == "NOUN"
            and lemma in _lists()["claim_nouns"]
            and _own_subject(cur)
        ):
            return "hypothetical"  # "the assertion that voters dismissed them": a claim, not told as done
        if (dep in FUTURE_INFINITIVES or for_infinitive(cur)) and lemma in vocab.words("events.future_governors"):
            if any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
                return "negated"
            own = own or ("hypothetical" if lemma in vocab.words("events.hypothetical_governors") else "future")
        elif dep in CHAIN_LINKS and head_own is not None:
            own = own or head_own
        cur = head
    if own == "hypothetical" and reported and _has_would(tok):
        return "future"  # reported "would" is the past of "will"
    if own is not None:
        return own
    return "reported" if reported else "asserted"


def for_infinitive(clause: Token) -> bool:
    """Whether a clause is a "for X to do" infinitive ("called for Russia to withdraw", "pushed for the
    talks to resume"): its act is wanted, not done, like the infinitive of "urged Russia to withdraw".
    The parser hangs "for" on the clause (a mark) or on the governor (a preposition, its object the
    clause's subject): either way "for" opens the clause's phrase."""
    kids = list(clause.children)
    if clause.dep_ not in FOR_INFINITIVE_CLAUSES or not any(c.dep_ == "aux" and c.tag_ == "TO" for c in kids):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in kids):
        return True
    head = clause.head
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and head.i < c.i < clause.i and c.right_edge.i + 1 == clause.left_edge.i
        for c in head.children
    ) or any(
        c.dep_ == "prep" and c.lower_ == "for" and head.i < c.i and c.i + 1 == clause.left_edge.i for c in head.children
    )


def _unable(tok: Token) -> bool:
    """Whether the act is the infinitive of an ability that is denied ("unable to meet", "have not been
    able to meet")."""
    cur = tok
    while cur.dep_ == "conj" and cur.head is not cur:
        cur = cur.head
    adj = cur.head
    if cur.dep_ != "xcomp" or adj.lemma_.lower() not in ABILITY:
        return False
    if adj.lemma_.lower() == "unable":
        return True
    holders = [adj, adj.head] if adj.dep_ == "acomp" else [adj]
    return any(c.dep_ == "neg" for h in holders for c in h.children)


def _timed_by_possibility(tok: Token) -> bool:
    """Whether the act is told in a clause in the present that times a possible act ("the test could
    come this month, when the United States hopes to ..."): a possibility as well. A past clause
    ("could retaliate after X struck Y") tells a fact, and so does the time of a reported plan ("said
    its troops would stay while the two governments discuss ...")."""
    clause = tok
    while clause.dep_ in COMPLEMENT_OR_CONJUNCT and clause.head is not clause:
        clause = clause.head
    if clause.dep_ not in TIMED_CLAUSES or clause.tag_ not in ("VBZ", "VBP"):
        return False
    if not any(c.dep_ in CLAUSE_OPENERS and c.lower_ in TIME_MARKS for c in clause.children):
        return False
    cur = clause.head
    for _ in range(MAX_UP):
        if cur.pos_ in ("VERB", "AUX"):
            return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in cur.children)
        if cur.head is cur:
            return False
        cur = cur.head
    return False


def _has_would(tok: Token) -> bool:
    cur = tok
    for _ in range(MAX_UP):
        if any(c.lower_ == "would" for c in cur.children):
            return True
        if cur.dep_ not in CHAIN_LINKS or cur.head is cur:
            return False
        cur = cur.head
    return False


def _yes_no_question(tok: Token) -> bool:
    """The trigger's sentence is a yes/no question: it ends with "?" and opens with an inverted auxiliary."""
    sent = sentence_of(tok)
    if "?" not in doc_text(tok.doc)[sent.start_char : sent.end_char]:
        return False  # most sentences: no need to list their words
    words = [t for t in sent if not (t.is_punct and t.text != "?") and not t.is_space]
    if len(words) < 3 or words[-1].text != "?":
        return False
    first = words[0]
    return first.pos_ == "AUX" and first.lemma_.lower() in QUESTION_AUX


@cache
def _lists() -> dict[str, frozenset[str]]:
    text = resources.files("eventwire.events").joinpath("data/modality.yaml").read_text(encoding="utf-8")
    data: dict[str, list[str]] = load_yaml(text)
    return {k: frozenset(str(w).lower() for w in v) for k, v in data.items()}


def prospect(trigger: Token) -> Prospect:
    """Whose the future act of ``trigger`` is: the first governor up its clause chain that asks it of
    the actor ("urged India to engage": a request, coded as the request), predicts it ("is expected
    to meet", "is likely to scuttle": a prediction, no one's act), else the actor's own ("will meet",
    "plans to meet", "said it will meet"). A reporting verb ends the walk: what is said is the
    speaker's, and what a commentator says others will do is a prediction ("analysts say X will ...").
    What a named party "needs to" or "has to" do is prescribed to it, a request ("the courts needed to
    step in"); what "we need to" do is the speakers' own."""
    tok = _nominal_governor(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
    lists = _lists()
    reporting = vocabulary().words("eventwire.reporting")
    cur = tok
    for _ in range(MAX_UP):
        dep, head = cur.dep_, cur.head
        if head is cur or dep not in CLAUSE_DEPS:
            break
        lemma = head.lemma_.lower()
        if dep == "ccomp" and lemma in reporting:
            if any(
                c.dep_ == "nsubj" and content_head(c).lemma_.lower() in lists["commentators"] for c in head.children
            ):
                return "prediction"  # "analysts say the two will seek to ..."
            break
        if dep == "xcomp" and lemma in lists["obligations"] and _named_subject(head):
            return "request"  # "the courts needed to step in", said a retired police chief
        objected = any(c.dep_ in OBJECTS for c in head.children)
        if lemma in lists["requests"] or (dep in PURPOSE_OR_OPEN_CLAUSES and lemma in lists["causatives"]):
            return "request"  # asked of the actor, or imposed on it ("would force X to reconsider")
        if lemma in lists["desires"] and (objected or (dep == "ccomp" and _own_subject(cur))):
            return "request"  # "wants Chad to send troops": a wish that another act
        if lemma in lists["predictions"] or any(
            c.dep_ == "acomp" and c.lemma_.lower() in lists["predictions"] for c in head.children
        ):
            return "prediction"
        cur = head
    return "own"


def _commentator(subject: Token, lists: dict[str, frozenset[str]]) -> bool:
    """Whether a speaker is a commentator ("analysts", "a number of observers")."""
    return content_head(subject).lemma_.lower() in lists["commentators"]


def _named_subject(verb: Token) -> bool:
    """Whether a verb's subject is a noun phrase, not a pronoun: "the courts need to act" prescribes
    what others should do, "we need to act" tells the speakers' own intent."""
    return any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _own_subject(clause: Token) -> bool:
    return any(c.dep_ in SUBJECTS for c in clause.children)


def refusal_negation(trigger: Token) -> bool:
    """Whether a negated act is a refusal ("will not negotiate", "can't accept", "would not provide"):
    the trigger or a governor it shares its negation with carries a future or ability auxiliary, or
    it is the complement of a failure or refusal ("failed to reach agreement"). A negated act in the
    past did not happen ("did not appear"), and having no plan is no refusal."""
    tok = _nominal_governor(trigger) if trigger.pos_ in ("NOUN", "PROPN") else trigger
    auxes = _lists()["refusal_auxiliaries"]
    cur = tok
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in _lists()["refusal_governors"]:
        return True  # "failed to reach agreement", "declined to meet"
    for _ in range(MAX_UP):
        kids = list(cur.children)
        if any(c.dep_ in AUXILIARIES and c.lower_ in auxes for c in kids):
            return any(c.dep_ == "neg" for c in kids) or cur is not tok
        if any(c.dep_ == "neg" for c in kids) or cur.dep_ not in CHAIN_LINKS or cur.head is cur:
            return False
        cur = cur.head
    return False


def continued(trigger: Token) -> bool:
    """Whether an act is told as going on under a verb of persistence ("would continue to block aid",
    "will keep detaining them"): a future of it is a refusal to stop, not a new intent."""
    tok = trigger
    for _ in range(2):
        if tok.dep_ not in CHAIN_LINKS or tok.head is tok:
            return False
        tok = tok.head
        if tok.lemma_.lower() in _lists()["continuers"]:
            return True
    return False
