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
    "point out", "testify", "counter", "recount", "retort", "ask",
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


@lru_cache(maxsize=1)
def _present_after_name() -> re.Pattern[str]:
    """A speech verb in its present "-s" form closing a short attribution, after a lone
    capitalised word ("Bozell notes.", "Doe answers, ...", "Doe writes in ..."): the word
    is a name. The verb must end the sentence or the clause, or lead to "that" or a place
    or time, so a plural noun ("Campaign notes show") does not count.

    >>> bool(_present_after_name().match(" notes.")), bool(_present_after_name().match(
    ...     " notes show"))
    (True, False)
    """
    forms = sorted({f for lemma, fs in zip(speech_verbs()["verb"], speech_verbs()["forms"],
                                          strict=True)
                    for f in fs if " " not in f and f.endswith("s") and f != lemma
                    and f.startswith(lemma[:-1])}, key=len, reverse=True)
    return re.compile(r"\s+(?:also\s+|then\s+)?(?:" + "|".join(map(re.escape, forms))
                      + r")(?=\s*[.,;:!?]|\s+(?:that|on|in|at|during|of|to)\b)")


# --------------------------------------------------------------------------- fast matching

#: The only characters for which ``str.lower`` and Python's case-insensitive matching of
#: ASCII letters disagree: dotted capital I (lowers to two characters; matches "i"), dotless
#: i (matches "i"), long s (matches "s") and the Kelvin sign (lowers to "k"). A text holding
#: one of them is searched with the case-insensitive patterns themselves.
CASE_ODD = "\u0130\u0131\u017f\u212a"


def has_case_odd(text: str) -> bool:
    """Whether ``text`` holds one of the :data:`CASE_ODD` letters (ASCII text never does).

    >>> has_case_odd("He INSISTED"), has_case_odd("Doe \u0130NSISTED")
    (False, True)
    """
    return not text.isascii() and any(ch in text for ch in CASE_ODD)


def prefix_tree(words: list[str], space: str = r"\s+") -> str:
    """A regular expression matching any of ``words`` (lower case, single spaces), built as
    a prefix tree: shared beginnings are tested once, and a longer word is tried before a
    word it extends, so it finds what a longest-first alternation of the words finds.

    >>> prefix_tree(["say", "said", "says"])
    'sa(?:y(?:s)?|id)'
    >>> re.fullmatch(prefix_tree(["go on", "go"]), "go  on") is not None
    True
    """
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def compile_node(node: dict[str, dict]) -> str:
        branches = [(space if ch == " " else re.escape(ch)) + compile_node(child)
                    for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return compile_node(root)


@lru_cache(maxsize=1)
def _lower_verb_pattern() -> re.Pattern[str]:
    """The speech-verb forms as a prefix tree, for a lower-cased text."""
    return re.compile(rf"(?<![\w'’-])(?:{prefix_tree(sorted(_verb_index()[1]))})(?![\w'’-])")


def verb_form_spans(text: str, lower: str | None = None) -> list[tuple[int, int]]:
    """Where a speech-verb form stands in ``text``: the spans ``_verb_index()[0].finditer``
    finds, found faster on the lower-cased text (``lower``, when the caller has it) with
    a pattern that needs no case-insensitive matching.

    >>> text = "He SAID it. She says: 'no'. They point  out"
    >>> verb_form_spans(text)
    [(3, 7), (16, 20), (33, 43)]
    """
    if has_case_odd(text):
        return [m.span() for m in _verb_index()[0].finditer(text)]
    if lower is None:
        lower = text.lower()
    return [m.span() for m in _lower_verb_pattern().finditer(lower)]
