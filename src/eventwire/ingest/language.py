"""Which language an article is in (py3langid: an offline Naive Bayes identifier shipped with its model).

The coder reads English; an article confidently identified as another language is not coded but marked
with an error of stage ``language`` that names the language, so it is skipped with its reason in the
record instead of being coded into nonsense. Short texts (under ``MIN_CHARS``) and uncertain calls are
coded as English.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from ..model import Article, StageFailure

__all__ = ["MIN_CHARS", "MIN_PROBABILITY", "check_language", "detect"]

#: texts shorter than this are not judged (too little to tell)
MIN_CHARS = 120
#: a language other than English is believed from this probability on
MIN_PROBABILITY = 0.95
#: how much of a text the identifier reads
SAMPLE_CHARS = 3000
NAMES = {
    "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese", "nl": "Dutch",
    "ru": "Russian", "uk": "Ukrainian", "pl": "Polish", "tr": "Turkish", "ar": "Arabic", "fa": "Persian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "sv": "Swedish", "no": "Norwegian", "da": "Danish",
    "fi": "Finnish", "el": "Greek", "he": "Hebrew", "hi": "Hindi", "id": "Indonesian", "cs": "Czech",
}  # fmt: skip


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the text's language."""
    lang, prob = _identifier().classify(text[:SAMPLE_CHARS])
    return str(lang), float(prob)


def check_language(article: Article) -> Article:
    """The article, marked as failed at stage ``language`` when it is confidently not English."""
    if article.error is not None or article.duplicate_of is not None or len(article.text.strip()) < MIN_CHARS:
        return article
    lang, prob = detect(article.text)
    if lang == "en" or prob < MIN_PROBABILITY:
        return article
    name = NAMES.get(lang, lang)
    message = f"the article is in {name} ({lang}, p={prob:.2f}), not English: skipped (eventwire codes English)"
    return replace(article, error=StageFailure("language", message))
