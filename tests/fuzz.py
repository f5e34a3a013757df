"""Shared pieces of the property-based fuzz tests: how many cases, and generators of hostile input.

The number of cases scales with ``EVENTWIRE_FUZZ_SCALE`` (default 1: about 5,000 cases over the fuzz
tests, a few minutes on 2 cores). The documented long run is ``EVENTWIRE_FUZZ_SCALE=20`` (about 100,000
cases); it also turns on a per-case deadline, so a hang fails the run instead of stalling it.
"""

from __future__ import annotations

import os
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCALE = float(os.environ.get("EVENTWIRE_FUZZ_SCALE", "1"))
LONG_RUN = SCALE > 1


def cases(n: int) -> Any:
    """Hypothesis settings for ``n`` cases at scale 1 (a per-case deadline of 20 s in the long run)."""
    return settings(
        max_examples=max(1, int(n * SCALE)),
        deadline=20_000 if LONG_RUN else None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
        derandomize=not LONG_RUN,
        database=None,
    )


#: pieces that hit the readers' and the coders' edge cases: markup, quotes, entities, odd spaces,
#: scripts, control and combining characters, BOMs, news words
PIECES = [
    "<p>",
    "</p>",
    "<div>",
    "</div>",
    "<br>",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&lt;",
    "&#0;",
    "&#x1F600;",
    "&nbsp;",
    "&bogus;",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "‘",
    "’",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u00a0",
    "\u2028",
    "\u200b",
    "\ufeff",
    "\x00",
    "\x0b",
    "\u0301",
    "Kenya",
    "Tanzania",
    "Iraq",
    "the United States",
    "President Ruto",
    "Mike Pompeo",
    "the army",
    "accused",
    "attacked",
    "met",
    "said",
    "denied",
    "will withdraw",
    "on Monday",
    "in Nairobi",
    "said:",
    "—",
    "...",
    ".",
    "?",
    "!",
    ",",
    ";",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "\\",
    "/",
    "%",
    "_",
    "بغداد",
    "Киев",
    "北京",
    "😀",
    "ｆｕｌｌ",
    "İstanbul",
    "ß",
    "NAIROBI —",
    "WARC/1.0",
    '{"id":',
]

texts = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map("".join)
#: plausible news text: sentences of the pieces above with words between them
news = st.lists(
    st.lists(st.sampled_from(PIECES[38:70]), min_size=1, max_size=12).map(" ".join), min_size=1, max_size=8
).map(". ".join)
