"""The metrics every evaluation reports, one function each, defined in its docstring.

Each scorer takes plain sequences (gold first, then the prediction) and returns a float,
so a figure in ``results.csv`` can be recomputed by hand from the rows behind it.

How far a figure would move on another draw of the same kind of text is read from a
bootstrap (:func:`resamples`, :func:`bootstrap`, :func:`interval`): the items (or whole
articles, or whole outlets) are drawn again with replacement :data:`RESAMPLES` times and
the figure recomputed each time. Every system of one evaluation is scored on the same
draws, so the difference between the workbook and a baseline gets an interval of its own
(a paired bootstrap), which is much narrower than the two figures' intervals side by side.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Iterable, Sequence
from functools import lru_cache

import numpy as np

_TOKEN = re.compile(r"\w+", re.UNICODE)

Span = tuple[int, int]

#: Bootstrap resamples behind every interval, and the seed that draws them (fixed, so a
#: re-run gives the same intervals).
RESAMPLES = 1000
RESAMPLE_SEED = 20240416
#: The share of the bootstrap figures an interval holds.
LEVEL = 0.95


# Kept for the few sets of units in use: one evaluation resamples the same items for every
# system and metric, and 1,000 draws of 4,724 items take 38 MB.
@lru_cache(maxsize=4)
def _resamples(units: int | tuple[Hashable, ...], n: int, seed: int
               ) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng(seed)
    if isinstance(units, int):
        return tuple(rng.integers(0, units, size=(n, units))) if units else ()
    labels = sorted(set(units), key=str)
    where = {label: i for i, label in enumerate(labels)}
    members: list[list[int]] = [[] for _ in labels]
    for item, label in enumerate(units):
        members[where[label]].append(item)
    groups = [np.asarray(m, dtype=int) for m in members]
    if not groups:
        return ()
    return tuple(np.concatenate([groups[g] for g in draw])
                 for draw in rng.integers(0, len(groups), size=(n, len(groups))))


def resamples(units: int | Sequence[Hashable], *, n: int = RESAMPLES,
              seed: int = RESAMPLE_SEED) -> tuple[np.ndarray, ...]:
    """Bootstrap resamples: ``n`` arrays of item positions, whole units drawn with replacement.

    ``units`` is a number of items (each item is its own unit) or one unit label per item
    (its article, its outlet): a drawn unit brings all its items, so items that hang
    together are never split. The same units and seed give the same resamples, which is what
    pairs two systems scored on the same items.

    >>> draws = resamples(["a", "a", "b"], n=50)
    >>> all(list(ix).count(0) == list(ix).count(1) for ix in draws)  # article "a" kept whole
    True
    >>> len(resamples(5, n=4)), len(resamples(5, n=4)[0])
    (4, 5)
    """
    key = units if isinstance(units, int) else tuple(units)
    return _resamples(key, n, seed)


def bootstrap(statistic: Callable[[np.ndarray], float], units: int | Sequence[Hashable],
              *, n: int = RESAMPLES, seed: int = RESAMPLE_SEED) -> np.ndarray:
    """``statistic`` (a function of item positions) on each of :func:`resamples`'s draws.

    >>> values = np.array([1.0, 2.0, 3.0, 4.0])
    >>> draws = bootstrap(lambda ix: values[ix].mean(), len(values), n=200)
    >>> len(draws), bool(1.0 <= draws.min() and draws.max() <= 4.0)
    (200, True)
    """
    return np.array([statistic(ix) for ix in resamples(units, n=n, seed=seed)], dtype=float)


def interval(draws: Sequence[float], level: float = LEVEL) -> tuple[float, float]:
    """The central ``level`` share of bootstrap figures (percentiles; NaN draws ignored).

    A draw is NaN where the figure is undefined on it (one class only, no prediction).

    >>> [round(v, 6) for v in interval(np.arange(101.0))]  # figures 0, 1, ..., 100
    [2.5, 97.5]
    >>> interval([float("nan")])
    (nan, nan)
    """
    values = np.asarray(draws, dtype=float)
    values = values[~np.isnan(values)]
    if not len(values):
        return float("nan"), float("nan")
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(values, [tail, 100 - tail])
    return float(low), float(high)


def roc_auc(gold: Sequence[bool], score: Sequence[float]) -> float:
    """Area under the ROC curve: the chance that a random positive scores above a random negative.

    Ties count one half. 0.5 is a coin; 1.0 ranks every positive above every negative.
    Returns NaN when the gold labels hold only one class.

    >>> roc_auc([True, False, True, False], [0.9, 0.1, 0.4, 0.4])
    0.875
    """
    y = np.asarray(gold, dtype=bool)
    s = np.asarray(score, dtype=float)
    pos, neg = s[y], s[~y]
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    from scipy.stats import rankdata

    # Mann-Whitney U from average ranks (ties share their mean rank).
    ranks = rankdata(np.concatenate([pos, neg]))
    u = ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2
    return float(u / (len(pos) * len(neg)))


def f1_per_class(gold: Sequence[object], predicted: Sequence[object]) -> dict[object, float]:
    """F1 of each class seen in ``gold`` or ``predicted``: 2·P·R / (P + R), 0 when undefined.

    >>> f1_per_class(["a", "a", "b"], ["a", "b", "b"])
    {'a': 0.6666666666666666, 'b': 0.6666666666666666}
    """
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} labels, predicted {len(predicted)}")
    classes = sorted(set(gold) | set(predicted), key=str)
    g = np.empty(len(gold), dtype=object)
    g[:] = list(gold)
    p = np.empty(len(predicted), dtype=object)
    p[:] = list(predicted)
    out: dict[object, float] = {}
    for c in classes:
        is_g, is_p = g == c, p == c
        tp = int((is_g & is_p).sum())
        out[c] = 2 * tp / (int(is_g.sum()) + int(is_p.sum())) if tp else 0.0
    return out


def macro_f1(gold: Sequence[object], predicted: Sequence[object],
             labels: Iterable[object] | None = None) -> float:
    """Macro-averaged F1: the unweighted mean of each class's F1.

    ``labels`` fixes the classes averaged over (default: those in ``gold``), so a class the
    system never predicts counts as 0 instead of vanishing from the mean.

    >>> round(macro_f1(["neg", "neu", "pos", "neu"], ["neg", "neu", "neu", "neu"]), 3)
    0.6
    """
    per = f1_per_class(gold, predicted)
    wanted = list(labels) if labels is not None else sorted(set(gold), key=str)
    return float(np.mean([per.get(c, 0.0) for c in wanted])) if wanted else float("nan")


def accuracy(gold: Sequence[object], predicted: Sequence[object]) -> float:
    """Share of items whose prediction equals the gold label (NaN for no items).

    >>> accuracy(["a", "b", "c", "d"], ["a", "b", "x", "d"])
    0.75
    """
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} labels, predicted {len(predicted)}")
    if not len(gold):
        return float("nan")
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def spearman(x: Sequence[float], y: Sequence[float]) -> float:
    """Spearman's rank correlation ρ: Pearson's r between the two sequences' average ranks.

    >>> round(spearman([1, 2, 3, 4], [10, 20, 40, 30]), 3)
    0.8
    """
    from scipy.stats import spearmanr

    a, b = np.asarray(x, float), np.asarray(y, float)
    if len(a) < 2 or np.all(a == a[0]) or np.all(b == b[0]):
        return float("nan")  # undefined: one of the two does not vary
    return float(spearmanr(a, b).statistic)


def tokens_in(text: str, fragments: Sequence[Span]) -> set[int]:
    """Start offsets of the word tokens (``\\w+``) of ``text`` that lie inside any fragment.

    A token counts when it starts inside a fragment. A span is a list of fragments so that a
    discontinuous annotation (brat's ``0 5;9 14``) is one span.

    >>> sorted(tokens_in("He said: we will win.", [(9, 21)]))
    [9, 12, 17]
    """
    out: set[int] = set()
    for start, end in fragments:
        for m in _TOKEN.finditer(text, start, end):
            out.add(m.start())
    return out


def span_overlap(text: str, a: Sequence[Span], b: Sequence[Span]) -> float:
    """Token overlap of two spans: shared tokens divided by the tokens of the *longer* span.

    So 0.5 means the two spans share at least half of the longer one's words: a fragment of
    a long quotation does not match it, and a span with extra narration around a quotation
    matches only if the narration is shorter than the quotation.

    >>> span_overlap("a b c d e f", [(0, 11)], [(0, 5)])
    0.5
    """
    ta, tb = tokens_in(text, a), tokens_in(text, b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / max(len(ta), len(tb))


def match_spans(text: str, gold: Sequence[Sequence[Span]], predicted: Sequence[Sequence[Span]],
                min_overlap: float = 0.5) -> list[tuple[int, int, float]]:
    """One-to-one matches ``(gold index, predicted index, overlap)`` in one document.

    Pairs are taken greedily, largest :func:`span_overlap` first, each gold and each
    predicted span at most once, and only pairs with overlap ≥ ``min_overlap``.

    >>> text = "x said 'a b c' and 'd e'"
    >>> match_spans(text, [[(8, 13)], [(20, 23)]], [[(7, 14)]])
    [(0, 0, 1.0)]
    """
    pairs = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            score = span_overlap(text, g, p)
            if score >= min_overlap:
                pairs.append((score, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for score, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi, score))
    return sorted(out)


def precision_recall_f1(n_matched: int, n_predicted: int, n_gold: int) -> dict[str, float]:
    """Precision (matched / predicted), recall (matched / gold) and their harmonic mean F1.

    >>> precision_recall_f1(8, 10, 16)
    {'precision': 0.8, 'recall': 0.5, 'f1': 0.6153846153846154}
    """
    p = n_matched / n_predicted if n_predicted else float("nan")
    r = n_matched / n_gold if n_gold else float("nan")
    f = 2 * p * r / (p + r) if n_predicted and n_gold and (p + r) else 0.0
    return {"precision": p, "recall": r, "f1": f}


def word_recall(gold_words: Sequence[Iterable[str]],
                flagged_words: Sequence[Iterable[str]]) -> float:
    """Share of the annotators' words (per sentence, lower-cased) that the method flagged too.

    Sentences are paired by position; a gold word counts once per sentence.

    >>> word_recall([["bizarre", "slammed"], ["radical"]], [["Bizarre"], []])
    0.3333333333333333
    """
    hit = total = 0
    for gold, flagged in zip(gold_words, flagged_words, strict=True):
        g = {w.lower() for w in gold}
        f = {w.lower() for w in flagged}
        total += len(g)
        hit += len(g & f)
    return hit / total if total else float("nan")


def precision_recall_f1_draws(counts: np.ndarray, units: int | Sequence[Hashable] | None = None,
                              ) -> dict[str, np.ndarray]:
    """Bootstrap draws of :func:`precision_recall_f1` from per-item counts.

    ``counts`` has one row per item (an article, a sentence, a pair) and three columns:
    matched, predicted, gold. Items are resampled (by ``units`` when given, else each item
    alone) and the counts summed before the figures are taken, as the figure itself is.

    >>> counts = np.array([[1, 1, 1], [0, 1, 0]])  # one hit, one false alarm
    >>> draws = precision_recall_f1_draws(counts)
    >>> sorted(set(draws["precision"].round(2).tolist()))  # 0/2, 1/2 or 2/2 items hit
    [0.0, 0.5, 1.0]
    """
    counts = np.asarray(counts, dtype=float).reshape(-1, 3)
    draws = [np.asarray(counts[ix].sum(axis=0)) for ix in
             resamples(len(counts) if units is None else units)]
    out: dict[str, list[float]] = {"precision": [], "recall": [], "f1": []}
    for matched, predicted, gold in draws:
        for key, value in precision_recall_f1(int(matched), int(predicted), int(gold)).items():
            out[key].append(value)
    return {key: np.asarray(values, dtype=float) for key, values in out.items()}


def precision_recall_f1_rows(base: dict, figures: dict, note: str, found: str,
                             labelled: str) -> list[dict]:
    """The three result rows (precision, recall, F1) of one system, from a figures dict with
    ``precision``, ``recall``, ``f1``, ``n_predicted``, ``n_gold`` and their ``draws``
    (:func:`precision_recall_f1_draws`); ``base`` holds the columns shared by the three
    rows, ``found`` and ``labelled`` name what n counts for precision and for the others.

    >>> f = {**precision_recall_f1(3, 4, 6), "n_predicted": 4, "n_gold": 6,
    ...      "draws": {"precision": [], "recall": [], "f1": []}}
    >>> rows = precision_recall_f1_rows({"system": "x"}, f, "a sample", "hits", "labels")
    >>> [(r["metric"], round(r["value"], 2), r["n"]) for r in rows]
    [('precision', 0.75, 4), ('recall', 0.5, 6), ('F1', 0.6, 6)]
    >>> rows[0]["note"], rows[2]["note"]
    ('a sample; n = hits', 'a sample; n = labels')
    """
    draws = figures["draws"]
    return [{**base, "metric": "precision", "value": figures["precision"],
             "draws": draws["precision"], "n": figures["n_predicted"],
             "note": f"{note}; n = {found}"},
            *({**base, "metric": name, "value": figures[key], "draws": draws[key],
               "n": figures["n_gold"], "note": f"{note}; n = {labelled}"}
              for key, name in (("recall", "recall"), ("f1", "F1")))]
