"""The learned part of the tone score: features a person can read, and their weights.

Where the clause rules (:mod:`analysis.sentiment.stance`) run out, a multinomial logistic
regression weighs readable features of one mention in its sentence:

- ``rule:…``: what the rules said (their stance's sign; whether a role cue fired; whether
  the target is the agent of an evaluative verb, "X accused Y");
- ``vader:…``: VADER's compound for the whole sentence, for the words before the mention
  and for the words after it (each in -1..1);
- ``lex:…``: the sum of VADER's lexicon ratings of words within ``NEAR`` words of the
  mention, positive and negative apart;
- ``near:WORD`` / ``before:WORD`` / ``after:WORD``: a word within ``NEAR`` words of the
  mention, or elsewhere before / after it in the sentence (lower case);
- ``pair:WORD_WORD``: two neighbouring words within ``NEAR`` words of the mention, the
  mention itself written ``TARGET`` ("pair:slammed_TARGET");
- ``speech:…``: the mention is the speaker of a quotation or of a speech verb ("X said"),
  the mention sits inside quotation marks, the sentence holds a quotation;
- ``neg:near``: a negator within ``NEAR`` words before the mention.

The weights live in ``data/tone_model.csv`` (one row per feature, a column per class), are
read without pickle and applied with plain arithmetic, so the same input always gives the
same output. :mod:`analysis.sentiment.train` rebuilds the file from NewsMTSC's
``train.jsonl`` (MIT; see ``data/SOURCES.md``).

>>> f = mention_features("Critics slammed Ann for her failure.", (16, 19))
>>> f["near:slammed"], f["rule:cue"]
(1.0, 1.0)
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

from analysis.sentiment.negation import negated
from analysis.sentiment.scores import CUT, LABELS, score_text
from analysis.sentiment.stance import mention_stance

#: Words either side of the mention that count as "near" it.
NEAR = 4
#: The weights file under ``analysis/data``.
MODEL_FILE = "tone_model.csv"

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_QUOTES = re.compile(r"[\"“”]")
_SPEECH_AFTER = re.compile(
    r"^\s*(?:,\s*)?(?:\w+\s+){0,2}?(?:said|says|told|tells|added|adds|wrote|writes|argued|"
    r"argues|insisted|claimed|stated|explained|warned|tweeted|asked|replied|responded)\b",
    re.I)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|told|added|wrote|argued|insisted|claimed|stated|explained|warned|"
    r"tweeted|asked|replied|according to)\s*,?\s*$", re.I)


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def _inside_quotes(sentence: str, start: int) -> bool:
    """True when an odd number of double quotation marks come before ``start``."""
    return len(_QUOTES.findall(sentence[:start])) % 2 == 1


def mention_features(
    sentence: str,
    mention: tuple[int, int],
    own_quotes: Sequence[tuple[int, int]] = (),
    other_mentions: Sequence[tuple[int, int]] = (),
    rule: dict[str, object] | None = None,
) -> dict[str, float]:
    """The readable features of one mention (see the module's docstring), name -> value.

    ``rule`` is :func:`analysis.sentiment.stance.mention_stance`'s result when the caller
    has it already.

    >>> f = mention_features("Ann said the plan was good.", (0, 3))
    >>> f["speech:speaker"], f["after:good"]
    (1.0, 1.0)
    """
    start, end = mention
    if rule is None:
        rule = mention_stance(sentence, mention, own_quotes, other_mentions)
    stance = float(rule["stance"])  # type: ignore[arg-type]
    feats: dict[str, float] = {"bias": 1.0}
    feats["rule:negative"] = 1.0 if stance <= -CUT else 0.0
    feats["rule:positive"] = 1.0 if stance >= CUT else 0.0
    feats["rule:cue"] = 1.0 if rule["cue"] else 0.0
    feats["rule:stance"] = stance
    feats["rule:agent"] = 1.0 if rule.get("agent") else 0.0
    # The actor's own quoted words are not tone toward it: they are blanked (as the rules
    # do) before anything is read.
    own = [(a, b) for a, b in own_quotes if not a <= start < b]
    # "X accused Y of Z": the accusation is about Y, so it is blanked for X too.
    if rule.get("agent_span"):
        own.append(rule["agent_span"])  # type: ignore[arg-type]
    if own:
        chars = list(sentence)
        for a, b in own:
            chars[max(a, 0):max(b, 0)] = " " * len(chars[max(a, 0):max(b, 0)])
        sentence = "".join(chars)
    left_text, right_text = sentence[:start], sentence[end:]
    for name, text in (("sentence", sentence), ("before", left_text), ("after", right_text)):
        compound = score_text(text)["compound"]
        feats[f"vader:{name}"] = 0.0 if isinstance(compound, float) and math.isnan(
            compound) else float(compound)
    left, right = _tokens(left_text), _tokens(right_text)
    near_left, near_right = left[-NEAR:], right[:NEAR]
    lexicon = _lexicon()
    pos = sum(max(0.0, lexicon.get(w, 0.0)) for w in near_left + near_right)
    neg = sum(min(0.0, lexicon.get(w, 0.0)) for w in near_left + near_right)
    feats["lex:positive_near"] = pos / 4.0
    feats["lex:negative_near"] = neg / 4.0
    # Word sets are walked sorted: the features' order is the order of the weighted sum in
    # :func:`predict_proba`, and a set's order changes with Python's string-hash seed.
    for w in sorted(set(near_left) | set(near_right)):
        feats[f"near:{w}"] = 1.0
    near = [*near_left, "TARGET", *near_right]
    for a, b in zip(near, near[1:], strict=False):
        feats[f"pair:{a}_{b}"] = 1.0
    for w in sorted(set(left[:-NEAR] if len(left) > NEAR else [])):
        feats[f"before:{w}"] = 1.0
    for w in sorted(set(right[NEAR:])):
        feats[f"after:{w}"] = 1.0
    speaker = bool(_SPEECH_AFTER.match(right_text)) or bool(
        _SPEECH_BEFORE.search(left_text[-40:]) and _QUOTES.search(left_text))
    feats["speech:speaker"] = 1.0 if speaker else 0.0
    feats["speech:in_quote"] = 1.0 if _inside_quotes(sentence, start) else 0.0
    feats["speech:sentence_quotes"] = 1.0 if _QUOTES.search(sentence) else 0.0
    feats["neg:near"] = 1.0 if near_left and negated(" ".join(near_left)) else 0.0
    return feats


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, float]:
    from analysis.sentiment.scores import _analyzer

    return dict(_analyzer().lexicon)


@lru_cache(maxsize=1)
def load_weights() -> dict[str, tuple[float, float, float]]:
    """The shipped weights, feature -> (negative, neutral, positive); empty when the file
    is missing (then :func:`predict_proba` falls back on the rules alone).

    >>> w = load_weights()
    >>> len(w["bias"])
    3
    """
    path = resources.files("analysis") / "data" / MODEL_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(line for line in handle if not line.startswith("#"))]
    return {r["feature"]: (float(r["negative"]), float(r["neutral"]), float(r["positive"]))
            for r in rows}


def predict_proba(features: dict[str, float],
                  weights: dict[str, tuple[float, float, float]] | None = None,
                  ) -> dict[str, float]:
    """Probability of each label (negative, neutral, positive) for one mention's features.

    >>> w = {"bias": (0.0, 1.0, 0.0), "near:good": (0.0, 0.0, 3.0)}
    >>> p = predict_proba({"bias": 1.0, "near:good": 1.0}, w)
    >>> max(p, key=p.get)
    'positive'
    """
    weights = load_weights() if weights is None else weights
    scores = [0.0, 0.0, 0.0]
    for name, value in features.items():
        w = weights.get(name)
        if w is None or value == 0.0:
            continue
        for k in range(3):
            scores[k] += w[k] * value
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    total = sum(exp)
    return {label: e / total for label, e in zip(LABELS, exp, strict=True)}
