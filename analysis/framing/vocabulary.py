"""Distinctive vocabulary: "Fightin' Words" (Monroe, Colaresi & Quinn 2008).

For each group (an outlet, by default) against all the others, the log-odds ratio of
every word, shrunk towards the corpus-wide rate by an informative Dirichlet prior, and
divided by its standard error to give a z-score. Words a group uses much more than the
rest get large positive z; rare words cannot top the list by chance, which is what
plain frequency ratios get wrong on small corpora.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from analysis.english import function_words
from analysis.framing._common import WORD, body_sentences

DISTINCTIVE_COLUMNS = ["group", "term", "count", "count_rest", "per_1000", "per_1000_rest",
                       "log_odds", "z"]


def stopwords() -> frozenset[str]:
    """Function words left out by default (``analysis/data/framing_stopwords.csv``).

    >>> "the" in stopwords() and "police" not in stopwords()
    True
    """
    return function_words()


def _normalise(word: str) -> str:
    return word.casefold().replace("’", "'")


def group_counts(corpus: pd.DataFrame, by: str = "outlet", drop_stopwords: bool = True,
                 kinds: tuple[str, ...] = ("body",),
                 sentences: pd.DataFrame | None = None) -> dict[str, Counter]:
    """Word counts per group over the chosen sentence kinds (lower-cased words).

    ``sentences`` (``split_sentences`` output) is computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"],
    ...                   "text": ["Police police march.", "The march."]})
    >>> {k: dict(v) for k, v in group_counts(c).items()}
    {'A': {'police': 2, 'march': 1}, 'B': {'march': 1}}
    """
    if by not in corpus.columns:
        raise ValueError(f"cannot group by '{by}': the corpus has no such column")
    sentences = body_sentences(corpus, kinds=kinds, sentences=sentences)
    groups = dict(zip(corpus["article_id"].astype(str), corpus[by].fillna("unknown").astype(str),
                      strict=False))
    stop = stopwords() if drop_stopwords else frozenset()
    counts: dict[str, Counter] = {g: Counter() for g in dict.fromkeys(groups.values())}
    for s in sentences.itertuples(index=False):
        words = (_normalise(w) for w in WORD.findall(s.text))
        counts[groups[s.article_id]].update(
            w for w in words if w not in stop and not w.isdigit())
    return counts


def fightin_words(counts: dict[str, Counter], alpha0: float | None = None,
                  min_count: int = 2) -> pd.DataFrame:
    """Log-odds ratios with an informative Dirichlet prior, each group against the rest.

    ``alpha0`` is the prior's total weight, spread over words in proportion to their
    corpus-wide frequency (Monroe et al. §3.5); by default it equals the number of words
    in the corpus, i.e. the prior counts as much evidence as the corpus itself, a
    conservative choice for small corpora. Words used fewer than ``min_count`` times in
    the whole corpus are left out. With fewer than two groups there is nothing to
    compare and the result is empty.

    >>> from collections import Counter
    >>> fw = fightin_words({"A": Counter(police=9, march=1), "B": Counter(police=1, march=9)})
    >>> fw.loc[fw.group == "A", "term"].iloc[0]
    'police'
    >>> bool(fw.loc[(fw.group == "A") & (fw.term == "police"), "z"].iloc[0] > 1.96)
    True
    """
    groups = [g for g, c in counts.items() if sum(c.values()) > 0]
    if len(groups) < 2:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    total: Counter = Counter()
    for g in groups:
        total.update(counts[g])
    vocab = sorted(w for w, n in total.items() if n >= min_count)
    if not vocab:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    n_all = sum(total.values())
    a0 = float(n_all if alpha0 is None else alpha0)
    y_all = np.array([total[w] for w in vocab], dtype=float)
    alpha = a0 * y_all / y_all.sum()
    frames = []
    for g in groups:
        y_i = np.array([counts[g][w] for w in vocab], dtype=float)
        y_j = y_all - y_i
        n_i = float(sum(counts[g].values()))
        n_j = float(n_all - n_i)
        if n_j <= 0:
            continue
        delta = (np.log((y_i + alpha) / (n_i + a0 - y_i - alpha))
                 - np.log((y_j + alpha) / (n_j + a0 - y_j - alpha)))
        var = 1.0 / (y_i + alpha) + 1.0 / (y_j + alpha)
        frames.append(pd.DataFrame({
            "group": g, "term": vocab, "count": y_i.astype(int), "count_rest": y_j.astype(int),
            "per_1000": 1000 * y_i / n_i, "per_1000_rest": 1000 * y_j / n_j,
            "log_odds": delta, "z": delta / np.sqrt(var),
        }))
    if not frames:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["group", "z", "term"], ascending=[True, False, True],
                           kind="stable").reset_index(drop=True)


def distinctive_terms(corpus: pd.DataFrame, by: str = "outlet", alpha0: float | None = None,
                      min_count: int = 2, drop_stopwords: bool = True,
                      sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Each group's most distinctive words against the rest of the corpus, by z-score.

    Columns: group, term, count, count_rest, per_1000, per_1000_rest, log_odds, z
    (|z| > 1.96 is the usual "clearly different" line). Body sentences only; function
    words dropped unless ``drop_stopwords=False``. ``by`` is any corpus column
    ("outlet", "article_id", …). A corpus with one group gives an empty table.
    ``sentences`` (``split_sentences`` output) is computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"],
    ...     "text": ["Police police police march.", "Protest protest protest march."]})
    >>> distinctive_terms(c).groupby("group").head(1)[["group", "term"]].values.tolist()
    [['A', 'police'], ['B', 'protest']]
    """
    counts = group_counts(corpus, by=by, drop_stopwords=drop_stopwords, sentences=sentences)
    return fightin_words(counts, alpha0=alpha0, min_count=min_count)


def top_terms(distinctive: pd.DataFrame, n: int = 8) -> pd.DataFrame:
    """The ``n`` highest-z words of each group (only words with z > 0).

    >>> d = pd.DataFrame({"group": ["A", "A"], "term": ["x", "y"], "z": [2.0, -1.0]})
    >>> top_terms(d)["term"].tolist()
    ['x']
    """
    if len(distinctive) == 0:
        return distinctive
    pos = distinctive[distinctive["z"] > 0].sort_values(["group", "z"], ascending=[True, False])
    return pos.groupby("group", sort=True).head(n).reset_index(drop=True)
