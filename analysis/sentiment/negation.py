"""Negation: whether a stretch of a clause holds a negator that is not an asserting idiom.

>>> negated("did not back"), negated("not only")
(True, False)
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _negator_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Negators (``data/negators.csv``, negates=yes) and look-alike idioms that assert
    rather than negate (negates=no: "no doubt", "not only")."""
    path = resources.files("analysis") / "data" / "negators.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    def pattern(terms: list[str]) -> re.Pattern[str]:
        parts = [r"n['’]t\b" if t == "n't" else
                 r"\b" + r"\s+".join(map(re.escape, t.split())) + r"\b" for t in terms]
        return re.compile("|".join(parts) or r"(?!x)x", re.I)

    return (pattern([r["term"] for r in rows if r["negates"] == "yes"]),
            pattern([r["term"] for r in rows if r["negates"] == "no"]))


def negated(text: str) -> bool:
    """True when ``text`` holds a negator (not, n't, never, no, nobody, without, refused
    to …, from ``data/negators.csv``) that is not part of an asserting idiom ("no doubt",
    "not only"). Used on the stretch of a clause before a role cue.

    >>> negated("The mayor did not call for"), negated("The mayor didn't"), negated("No doubt")
    (True, True, False)
    """
    yes, idioms = _negator_patterns()
    return bool(yes.search(idioms.sub(" ", text)))


def _since_comma(text: str) -> str:
    """The stretch after the last comma: a negator before it belongs to an inserted phrase
    ("The mayor, who did not attend, criticised X")."""
    return text[text.rfind(",") + 1:]


def _negate(polarity: int) -> int:
    """The sign of a negated cue: withheld blame says nothing ("X was not criticised" is not
    praise), withheld support is a blow ("no confidence in X", "refused to back X")."""
    return 0 if polarity < 0 else -1

