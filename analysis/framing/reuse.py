"""Text reuse: passages that two articles share word for word.

Each article is cut into overlapping runs of ``k`` words ("shingles", after Broder 1997),
ignoring case and punctuation. Two articles that share shingles share a passage: a press
release, an agency paragraph, a statement both printed, or copy lifted from one to the
other. Consecutive shared shingles are joined back into the passage as the first
article prints it. An inverted index (shingle → articles) finds the pairs, so the cost
grows with the amount of shared text rather than with every pair of articles.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.framing._common import WORD, check_corpus

SHINGLE_WORDS = 8
REUSE_COLUMNS = ["article_a", "article_b", "similarity", "passages", "shared_words",
                 "share_a", "share_b", "outlet_a", "outlet_b"]


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().casefold().replace("’", "'"))
            for m in WORD.finditer(text)]


def shingles(text: str, k: int = SHINGLE_WORDS) -> dict[tuple[str, ...], list[int]]:
    """Every run of ``k`` words (lower-cased) → the word positions where it starts.

    >>> sorted(shingles("A b c. A b c", k=3))
    [('a', 'b', 'c'), ('b', 'c', 'a'), ('c', 'a', 'b')]
    """
    words = [w for _, _, w in _words(text)]
    out: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(words) - k + 1):
        out[tuple(words[i:i + k])].append(i)
    return dict(out)


def shared_passages(text_a: str, text_b: str, k: int = SHINGLE_WORDS) -> list[str]:
    """The passages of ``text_a`` (as printed there) that ``text_b`` also contains.

    >>> a = "Police told us: we urge everyone to stay calm and go home now. Then rain."
    >>> b = "Leaders said We urge everyone to stay calm and go home now, they said."
    >>> shared_passages(a, b, k=5)
    ['we urge everyone to stay calm and go home now']
    """
    words_a = _words(text_a)
    sh_b = shingles(text_b, k)
    hits = [i for i in range(len(words_a) - k + 1)
            if tuple(w for _, _, w in words_a[i:i + k]) in sh_b]
    passages = []
    run_start = None
    prev = None
    for i in hits + [None]:
        if i is not None and prev is not None and i == prev + 1:
            prev = i
            continue
        if run_start is not None:
            passages.append(text_a[words_a[run_start][0]:words_a[prev + k - 1][1]])
        run_start = prev = i
    return passages


def _index(corpus: pd.DataFrame, k: int) -> tuple[dict[str, set], dict]:
    sets = {}
    index: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for aid, text in zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False):
        sh = set(shingles(text, k))
        sets[aid] = sh
        for s in sh:
            index[s].add(aid)
    return sets, index


def text_reuse(corpus: pd.DataFrame, k: int = SHINGLE_WORDS) -> pd.DataFrame:
    """One row per pair of articles sharing at least one passage of ``k``+ words.

    Columns: article_a, article_b, similarity (Jaccard: shared shingles / all distinct
    shingles of the two), passages (list of the shared passages as article_a prints
    them), shared_words (words in those passages), share_a / share_b (the share of each
    article's shingles that the other has), outlet_a, outlet_b. Sorted by similarity.
    Fewer than two articles, or no shared passage, gives an empty table.

    >>> c = pd.DataFrame({"article_id": ["1", "2", "3"], "outlet": ["A", "B", "C"], "text": [
    ...     "Police told us we urge everyone to stay calm and go home now.",
    ...     "The group said: We urge everyone to stay calm and go home now!",
    ...     "Nothing in common here at all, none whatsoever."]})
    >>> r = text_reuse(c)
    >>> r[["article_a", "article_b"]].values.tolist(), r.passages[0]
    ([['1', '2']], ['we urge everyone to stay calm and go home now'])
    """
    check_corpus(corpus)
    if len(corpus) < 2:
        return pd.DataFrame(columns=REUSE_COLUMNS)
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False))
    outlets = dict(zip(corpus["article_id"].astype(str),
                       corpus["outlet"].fillna("unknown"), strict=False))
    sets, index = _index(corpus, k)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for ids in index.values():
        if len(ids) > 1:
            for a, b in combinations(sorted(ids), 2):
                shared[(a, b)] += 1
    rows = []
    for (a, b), n in shared.items():
        union = len(sets[a] | sets[b])
        passages = shared_passages(texts[a], texts[b], k)
        rows.append({
            "article_a": a, "article_b": b, "similarity": n / union if union else np.nan,
            "passages": passages,
            "shared_words": sum(len(WORD.findall(p)) for p in passages),
            "share_a": n / len(sets[a]), "share_b": n / len(sets[b]),
            "outlet_a": outlets[a], "outlet_b": outlets[b],
        })
    out = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    return out.sort_values(["similarity", "article_a", "article_b"],
                           ascending=[False, True, True]).reset_index(drop=True)


def similarity_matrix(corpus: pd.DataFrame, k: int = SHINGLE_WORDS) -> pd.DataFrame:
    """Square table of Jaccard shingle similarity between every two articles (1 on the
    diagonal), labelled "article_id outlet".

    >>> c = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"],
    ...                   "text": ["a b c d e f g h i", "a b c d e f g h x"]})
    >>> similarity_matrix(c).round(2).values.tolist()
    [[1.0, 0.33], [0.33, 1.0]]
    """
    check_corpus(corpus)
    ids = corpus["article_id"].astype(str).tolist()
    labels = [f"{a} {o}" for a, o in zip(ids, corpus["outlet"].fillna("unknown"), strict=False)]
    sets, _ = _index(corpus, k)
    m = np.eye(len(ids))
    for i, j in combinations(range(len(ids)), 2):
        union = len(sets[ids[i]] | sets[ids[j]])
        m[i, j] = m[j, i] = len(sets[ids[i]] & sets[ids[j]]) / union if union else 0.0
    return pd.DataFrame(m, index=labels, columns=labels)
