"""Speech verbs: the list in ``data/speech_verbs.csv`` (lemma, forms, neutral / evaluative)
and the one pattern that finds any of their forms in a text."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

import pandas as pd

_LONE_VERBS = ("said", "says", "told", "added", "insisted", "claimed", "admitted", "wrote")

_INDIRECT_VERBS = {
    "say", "tell", "add", "claim", "insist", "stress", "warn", "argue", "admit", "concede",
    "confirm", "deny", "suggest", "maintain", "explain", "note", "announce", "reveal",
    "state", "acknowledge", "emphasise", "reiterate", "allege", "write", "report",
    "according to", "declare", "complain", "reply", "respond", "assert", "contend",
    "point out", "testify", "counter", "recount", "retort",
}


# --------------------------------------------------------------------------- data files

def _data_path(name: str):
    return resources.files("analysis") / "data" / name


@lru_cache(maxsize=1)
def speech_verbs() -> pd.DataFrame:
    """The speech-verb list (``data/speech_verbs.csv``): ``verb`` (lemma), ``forms`` (list),
    ``class`` (neutral / evaluative), ``note``.

    >>> verbs = speech_verbs()
    >>> verbs.set_index("verb").loc["claim", "class"]
    'evaluative'
    """
    with _data_path("speech_verbs.csv").open(encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    frame["forms"] = [[f.strip() for f in forms.split(";") if f.strip()]
                      for forms in frame["forms"]]
    return frame


@lru_cache(maxsize=1)
def _verb_index() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    owner: dict[str, tuple[str, str]] = {}
    for lemma, forms, cls in zip(speech_verbs()["verb"], speech_verbs()["forms"],
                                 speech_verbs()["class"], strict=True):
        for form in forms:
            owner.setdefault(form.casefold(), (lemma, cls))
    # one branch per first letter, the forms in each longest first: the same matches as
    # one flat alternation (forms with different first letters never match at the same
    # place), but the engine tries one letter test instead of every form at each position
    groups: dict[str, list[str]] = {}
    for f in sorted(owner, key=len, reverse=True):
        groups.setdefault(f[0], []).append(re.escape(f[1:]).replace(r"\ ", r"\s+"))
    firsts = "".join(re.escape(c) for c in groups)
    body = "|".join(re.escape(c) + "(?:" + "|".join(tails) + ")" for c, tails in groups.items())
    return re.compile(rf"(?<![\w'’-])(?=[{firsts}])(?:{body})(?![\w'’-])", re.I), owner
