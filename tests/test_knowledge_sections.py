"""The cues:, claims: and places: sections of a knowledge file: checked on load, merged into the knowledge,
given to the stages that read them, and changing their output only in the pipeline that has them."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from eventwire.claims import ClaimFinder, default_claims
from eventwire.cli import main
from eventwire.errors import KnowledgeError
from eventwire.knowledge import Knowledge
from eventwire.knowledge.files import read_knowledge_file
from eventwire.pipeline import Pipeline
from eventwire.places import PlaceResolver
from eventwire.places.gazetteer import Additions, load_gazetteer, with_places
from eventwire.quotes import QuoteFinder
from eventwire.quotes.lexicon import load_lexicon

MINE = """\
cues:
  - {lemma: mutter, indirect: true, class: speech}
  - {lemma: say, indirect: false, class: writing}
claims:
  - id: garrison
    text: "{mover} soldiers will be garrisoned in {place}"
    assert: [{lemma: garrison}]
    deny: [{lemma: disband}]
    troop_words: [soldiers, troops, battalion]
  - id: withdraw
    text: "{mover} forces are leaving {place}"
    assert: [{lemma: withdraw}]
    troop_words: [forces]
places:
  - {name: San Telmar, aliases: [Telmar], feature: city, country: ARG, lat: -31.5, lon: -64.2, prior: 12000}
"""


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_file_adds_and_overrides_cues_and_claims(tmp_path: Path) -> None:
    knowledge = Knowledge.load([write(tmp_path, MINE)])
    mutter, say = knowledge.cues.verb("mutter"), knowledge.cues.verb("say")
    assert mutter is not None and (mutter.indirect, mutter.cls) == (True, "speech")
    assert say is not None and (say.indirect, say.cls) == (False, "writing")
    assert load_lexicon().verb("mutter") is None  # the package's lexicon is left as it was
    ids = [p.id for p in knowledge.claims.propositions]
    assert ids == [p.id for p in default_claims().propositions] + ["garrison"]  # an override stays in place
    withdraw = next(p for p in knowledge.claims.propositions if p.id == "withdraw")
    assert withdraw.text == "{mover} forces are leaving {place}"
    assert [p.id for p in knowledge.claims.index["garrison"]] == ["garrison"]
    assert knowledge.places.rows == (("San Telmar", "Telmar", "city", "ARG", "-31.5", "-64.2", "", "12000"),)
    changes = [(c.section, c.kind, c.id, c.code, c.before) for c in knowledge.changes]
    assert changes == [
        ("cue", "adds", "mutter", "speech", None),
        ("cue", "overrides", "say", "writing", "speech"),
        ("claim", "adds", "garrison", "{mover} soldiers will be garrisoned in {place}", None),
        ("claim", "overrides", "withdraw", "{mover} forces are leaving {place}", "{mover} troops will leave {place}"),
        ("place", "adds", "San Telmar", "city ARG", None),
    ]


def test_without_files_the_knowledge_is_the_packages() -> None:
    knowledge = Knowledge.default()
    assert knowledge.cues is load_lexicon() and knowledge.claims is default_claims()
    assert knowledge.places.rows == () and knowledge.places.gazetteer() is load_gazetteer()


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        ("cues:\n  - {lemma: mutter, indirect: yes please, class: speech}\n", 2, "cue 'mutter': indirect"),
        ("cues:\n  - {lemma: mutter, indirect: true, class: gossip}\n", 2, "cue 'mutter': class"),
        ("cues:\n  - {lemma: mutter, indirect: true}\n", 2, "cue 'mutter': class"),
        ("cues:\n  - {lemma: Mutter On, indirect: true, class: speech}\n", 2, "cue 'Mutter On': lemma"),
        ("cues:\n  - {lemma: mutter, indirect: true, class: speech, loud: true}\n", 2, "cue 'mutter': loud"),
        (
            "cues:\n  - {lemma: mutter, indirect: true, class: speech}\n"
            "  - {lemma: mutter, indirect: false, class: speech}\n",
            3,
            "cue 'mutter': lemma",
        ),
        (
            "claims:\n  - {id: c, text: '{who} left', assert: [{lemma: go}], troop_words: [troops]}\n",
            2,
            "claim 'c': text",
        ),
        (
            "claims:\n  - {id: c, text: '{mover} left {place}', assert: [], troop_words: [troops]}\n",
            2,
            "claim 'c': assert",
        ),
        ("claims:\n  - {id: c, text: '{mover} left {place}', assert: [{lemma: go}]}\n", 2, "claim 'c': troop_words"),
        ("places:\n  - {name: Monte Lindo, feature: town, lat: 1, lon: 2}\n", 2, "place 'Monte Lindo': feature"),
        ("places:\n  - {name: Monte Lindo, feature: city, lat: 91, lon: 2}\n", 2, "place 'Monte Lindo': lat"),
        ("places:\n  - {name: Monte Lindo, feature: city, lat: '1', lon: 2}\n", 2, "place 'Monte Lindo': lat"),
        (
            "places:\n  - {name: Monte Lindo, feature: city, country: ZZZ, lat: 1, lon: 2}\n",
            2,
            "place 'Monte Lindo': country",
        ),
        ("places:\n  - Monte Lindo\n", 2, "place"),
    ],
)
def test_a_bad_entry_names_its_line_and_key(tmp_path: Path, text: str, line: int, key: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge_file(write(tmp_path, text))
    assert (caught.value.line, caught.value.key) == (line, key)


def test_a_tsv_file_adds_places_in_the_gazetteer_extra_columns(tmp_path: Path) -> None:
    text = "# my places\nSan Telmar\tTelmar\tcity\tARG\t-31.5\t-64.2\t\t12000\nPuerto Quieto\t\tcity\tCHL\t-41\t-73\n"
    knowledge = Knowledge.load([write(tmp_path, text, "places.tsv")])
    assert knowledge.places.rows == (
        ("San Telmar", "Telmar", "city", "ARG", "-31.5", "-64.2", "", "12000"),
        ("Puerto Quieto", "", "city", "CHL", "-41.0", "-73.0", "", "1000000"),
    )
    assert [(c.line, c.id) for c in knowledge.changes] == [(2, "San Telmar"), (3, "Puerto Quieto")]


@pytest.mark.parametrize(
    ("row", "key"),
    [
        ("San Telmar\t\tcity\tARG\tnorth\t-64.2", "place 'San Telmar': lat"),
        ("San Telmar\t\ttown\tARG\t-31.5\t-64.2", "place 'San Telmar': feature"),
        ("San Telmar\t\tcity\tQQQ\t-31.5\t-64.2", "place 'San Telmar': country"),
        ("San Telmar\tcity\tARG", "San Telmar"),
    ],
)
def test_a_bad_tsv_row_names_its_line_and_key(tmp_path: Path, row: str, key: str) -> None:
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge_file(write(tmp_path, f"# places\n{row}\n", "places.tsv"))
    assert (caught.value.line, caught.value.key) == (2, key)


def test_the_pipeline_gives_each_stage_its_knowledge(tmp_path: Path) -> None:
    knowledge = Knowledge.load([write(tmp_path, MINE)])
    pipeline = Pipeline(knowledge=knowledge)
    stages = {s.name: s for s in pipeline.stages}
    quotes, claims, places = stages["quotes"], stages["claims"], stages["places"]
    assert isinstance(quotes, QuoteFinder) and quotes.cues is knowledge.cues
    assert isinstance(claims, ClaimFinder) and claims.claims is knowledge.claims
    assert isinstance(places, PlaceResolver) and places.places is knowledge.places
    plain = {s.name: s for s in Pipeline().stages}["quotes"]
    assert isinstance(plain, QuoteFinder) and plain.cues is not None and plain.cues.verb("mutter") is None
    copy = pickle.loads(pickle.dumps(pipeline))  # a worker gets the same knowledge
    moved = {s.name: s for s in copy.stages}
    assert isinstance(moved["places"], PlaceResolver) and moved["places"].places.rows == knowledge.places.rows
    assert isinstance(moved["quotes"], QuoteFinder) and moved["quotes"].cues is not None
    assert moved["quotes"].cues.verb("mutter") is not None


def test_added_places_are_found_after_the_gazetteers_own() -> None:
    gaz = load_gazetteer()
    before = gaz.lookup("Cordoba")
    added = with_places(gaz, [("Cordoba", "Monte Lindo", "city", "ARG", "-31.5", "-64.2", "", "12000")])
    found = added.lookup("Cordoba")
    assert found[: len(before)] == before and len(found) == len(before) + 1
    assert (found[-1].name, found[-1].country, found[-1].population) == ("Cordoba", "ARG", 12000)
    assert [e.name for e in added.lookup("monte lindo")] == ["Cordoba"]
    assert gaz.lookup("Monte Lindo") == () and len(gaz.entries) == len(added.entries) - 1  # gaz unchanged
    assert Additions((("Monte Lindo", "", "city", "ARG", "-31.5", "-64.2", "", "1"),)).gazetteer().lookup("Monte Lindo")


def test_knowledge_check_prints_what_the_sections_add(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write(tmp_path, MINE)
    assert main(["knowledge", "check", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{path}: ok, 0 pattern(s), 2 cue(s), 2 claim(s), 1 place(s): 3 added, 2 overridden"
    assert "  line 3: overrides cue say: writing (was speech)" in out
    assert "  line 15: adds place San Telmar: city ARG" in out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "what", "plain", "mine"),
    [
        ("Ana Lima muttered that the harbour fees were far too high.", "quotes", [], [("Ana Lima", "muttered")]),
        (
            "Chile said that Chilean troops would be garrisoned in Bolivia.",
            "claims",
            [],
            [("garrison:CHL:BOL", "for", "Chile")],
        ),
        ("Police detained nine students in San Telmar on Friday.", "places", [("San", "MLI")], [("San Telmar", "ARG")]),
        (
            "Police detained nine students in Telmar, Argentina.",
            "places",
            [("Telmar", None), ("Argentina", "ARG")],
            [("Telmar", "ARG"), ("Argentina", "ARG")],
        ),
    ],
)
def test_two_pipelines_with_different_knowledge_differ_in_one_process(
    tmp_path: Path, pipeline: Pipeline, text: str, what: str, plain: list[tuple[str, ...]], mine: list[tuple[str, ...]]
) -> None:
    mine_pipeline = Pipeline(knowledge=Knowledge.load([write(tmp_path, MINE)]), nlp=pipeline.nlp)

    def found(p: Pipeline) -> list[tuple[str | None, ...]]:
        analysis = p.code_text(text)
        if what == "quotes":
            return [(q.speaker.text, q.cue.text if q.cue else None) for q in analysis.quotes]
        if what == "claims":
            return [(c.key, c.stance, c.holder) for c in analysis.claims]
        return [(pl.name, pl.country) for pl in analysis.places]

    assert found(pipeline) == plain
    assert found(mine_pipeline) == mine
    assert found(pipeline) == plain  # the first pipeline is not changed by the second


def test_the_packages_gazetteer_additions_pass_the_checks_a_users_do() -> None:
    from eventwire.places.gazetteer import DATA

    read = read_knowledge_file(DATA / "gazetteer_extra.tsv")
    assert len(read.places) > 100 and {p["feature"] for p in read.places} >= {"admin1", "region", "sea"}
