"""The array attribute ruler gives exactly the tokens spaCy's own attribute ruler gives."""

from __future__ import annotations

import pickle
from typing import Any

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from eventwire.attribute_ruler import ArrayAttributeRuler, use_array_attribute_ruler
from eventwire.nlp import MODEL_NAME

pytestmark = pytest.mark.slow

COLUMNS = [POS, TAG, DEP, LEMMA, MORPH, HEAD]


@pytest.fixture(scope="module")
def stock() -> Language:
    """The packaged pipeline, with spaCy's own attribute ruler."""
    return spacy.load(MODEL_NAME)


def _packaged_rules(nlp: Language) -> list[dict[str, Any]]:
    ruler = nlp.get_pipe("attribute_ruler")
    assert isinstance(ruler, AttributeRuler)
    return list(ruler.patterns)


def _array_ruler(nlp: Language, patterns: list[dict[str, Any]] | None = None) -> ArrayAttributeRuler:
    ruler = ArrayAttributeRuler(nlp.vocab)
    ruler.add_patterns(patterns if patterns is not None else _packaged_rules(nlp))
    return ruler


def _before_ruler(nlp: Language, text: str) -> Doc:
    """``text`` tagged and parsed, as it reaches the attribute ruler."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "attribute_ruler":
            return doc
        doc = proc(doc)
    raise AssertionError("no attribute_ruler in the pipeline")


def _tokens(doc: Doc) -> list[tuple[str, str, str, str, str, int]]:
    return [(t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph), t.head.i) for t in doc]


def _both(stock_ruler: Any, array_ruler: ArrayAttributeRuler, doc: Doc) -> tuple[Doc, Doc]:
    return stock_ruler(doc.copy()), array_ruler(doc.copy())


@pytest.mark.parametrize(
    "text",
    [
        "Iraq asked the United States on Friday to withdraw its troops from Baghdad, officials said.",
        "I think it is what you do. There is a plan, and there are two. Do you? It does! We have had enough.",
        "Y'all gon na see: I ain't got nothin' to say, let's go, c'mon, we gotta leave.",
        "He said that if they want it, they'll have it, because it's theirs, whether or not it's wise.",
        "  Leading spaces,\n\nline breaks\t and  double  spaces .  ",
        "Which one did you do? That which I did, I did for them; those were the days.",
        "",
        "\n",
    ],
)
def test_same_tokens_as_spacys_ruler_on_parsed_text(stock: Language, text: str) -> None:
    doc = _before_ruler(stock, text)
    plain, arrays = _both(stock.get_pipe("attribute_ruler"), _array_ruler(stock), doc)
    assert _tokens(arrays) == _tokens(plain)
    assert (arrays.to_array(COLUMNS) == plain.to_array(COLUMNS)).all()


def _vocabulary(nlp: Language) -> tuple[list[str], list[str], list[str]]:
    """Words, tags and labels the packaged rules test, plus a few others, to draw docs from."""
    words, tags, deps = {"the", "plan", "said", "n't", "nt", "y", "yall"}, {"NN", "VBD"}, {"nsubj", "ROOT"}
    for rule in _packaged_rules(nlp):
        for pattern in rule["patterns"]:
            for spec in pattern:
                for key, value in spec.items():
                    values = value.get("IN", []) if isinstance(value, dict) else [value]
                    target = {"LOWER": words, "TAG": tags, "DEP": deps}.get(key)
                    if target is not None:
                        target.update(v for v in values if isinstance(v, str) and v)
    return sorted(words), sorted(tags), sorted(deps)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_same_tokens_as_spacys_ruler_on_any_tagging(stock: Language, data: st.DataObject) -> None:
    """Docs whose words, tags and labels are drawn from what the rules test: multi-token rules, rules that
    override earlier ones and negated sets all fire, with every combination the parser would not make."""
    words, tags, deps = _vocabulary(stock)
    n = data.draw(st.integers(1, 12))
    picked = [data.draw(st.sampled_from(words)) for _ in range(n)]
    cased = [w.upper() if data.draw(st.booleans()) else w for w in picked]
    doc = Doc(
        stock.vocab,
        words=[w if w.strip() else " " for w in cased],
        tags=[data.draw(st.sampled_from(tags)) for _ in range(n)],
        deps=[data.draw(st.sampled_from(deps)) for _ in range(n)],
        heads=[0] * n,
    )
    plain, arrays = _both(stock.get_pipe("attribute_ruler"), _array_ruler(stock), doc)
    assert _tokens(arrays) == _tokens(plain)


def _with_rules(nlp: Language, patterns: list[dict[str, Any]], text: str) -> tuple[ArrayAttributeRuler, Doc, Doc]:
    """Our ruler with ``patterns``, and ``text`` ruled by spaCy's ruler and by ours with them."""
    plain = AttributeRuler(nlp.vocab)
    plain.add_patterns(patterns)
    ours = _array_ruler(nlp, patterns)
    return (ours, *_both(plain, ours, _before_ruler(nlp, text)))


def test_a_later_rule_wins_and_targets_its_index(stock: Language) -> None:
    patterns: list[dict[str, Any]] = [
        {"patterns": [[{"LOWER": "troops"}]], "attrs": {"LEMMA": "first"}},
        {"patterns": [[{"LOWER": "the"}, {"LOWER": "troops"}]], "attrs": {"LEMMA": "second"}, "index": -1},
        {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    ]
    _, a, b = _with_rules(stock, patterns, "They moved the troops and troops.")
    assert [t.lemma_ for t in b if t.lower_ == "troops"] == ["second", "first"]
    assert _tokens(b) == _tokens(a)


@pytest.mark.parametrize(
    "spec",
    [
        {"LOWER": "troops", "OP": "+"},  # a quantifier
        {"LOWER": "troops", "MORPH": {"IS_SUPERSET": ["Number=Plur"]}},
        {"IS_SENT_START": False, "LOWER": "troops"},
    ],
)
def test_rules_it_cannot_compile_are_applied_as_spacy_does(stock: Language, spec: dict[str, Any]) -> None:
    patterns: list[dict[str, Any]] = [
        {"patterns": [[spec]], "attrs": {"LEMMA": "troop"}},
        {"patterns": [[{"TAG": "DT"}]], "attrs": {"POS": "DET"}},
    ]
    ours, a, b = _with_rules(stock, patterns, "They moved the troops troops home.")
    assert _tokens(b) == _tokens(a)
    assert ours._plain


def test_rules_added_after_use_take_effect(stock: Language) -> None:
    ours = _array_ruler(stock, [{"patterns": [[{"LOWER": "troops"}]], "attrs": {"LEMMA": "first"}}])
    doc = _before_ruler(stock, "The troops left.")
    assert ours(doc.copy())[1].lemma_ == "first"
    ours.add(patterns=[[{"LOWER": "troops"}]], attrs={"LEMMA": "later"})
    assert ours(doc.copy())[1].lemma_ == "later"


def test_serialises_and_pickles_with_its_rules(stock: Language) -> None:
    ours = _array_ruler(stock)
    again = ArrayAttributeRuler(stock.vocab).from_bytes(ours.to_bytes())
    assert again.patterns == ours.patterns
    restored = pickle.loads(pickle.dumps(ours))
    doc = _before_ruler(stock, "There is it, and it's what I do.")
    assert _tokens(restored(doc.copy())) == _tokens(ours(doc.copy()))


def test_eventwires_pipeline_uses_it_and_a_saved_pipeline_loads(nlp: Language, tmp_path: Any) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    use_array_attribute_ruler(nlp)  # already swapped: nothing to do
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert isinstance(loaded.get_pipe("attribute_ruler"), ArrayAttributeRuler)
    text = "There are troops in Iraq, and it's not clear they'll leave."
    assert _tokens(loaded(text)) == _tokens(nlp(text))
