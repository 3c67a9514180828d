"""Text reuse: passages that two articles share word for word.

Each article is cut into overlapping runs of ``k`` words ("shingles", after Broder 1997),
ignoring case and punctuation. Two articles that share shingles share a passage: a press
release, an agency paragraph, a statement both printed, or copy lifted from one to the
other. Consecutive shared shingles are joined back into the passage as the first
article prints it.

Two ways to find the pairs, with the same rows for every pair both find:

* **exact** (corpora up to :data:`LSH_MIN_ARTICLES` articles): an inverted index
  (shingle → articles) lists every pair sharing at least one shingle, so the cost grows
  with the amount of shared text rather than with every pair of articles;
* **lsh** (larger corpora, or ``method="lsh"``): each article is cut into windows of
  :data:`WINDOW_WORDS` words every :data:`WINDOW_STEP` words; MinHash signatures of the
  windows go into locality-sensitive hashing bands (Broder 1997; Leskovec, Rajaraman &
  Ullman, *Mining of Massive Datasets*, ch. 3), computed with numpy for all windows of an
  article at once, and only articles with two similar windows become candidates, checked
  exactly. A passage of
  :data:`LSH_MIN_WORDS` words or more always puts a pair of windows above the LSH
  threshold (see :func:`windows`), so such pairs are found (with LSH's small chance of a
  miss); pairs that share only a shorter phrase — a name and title such as "Gideon Falter,
  chief executive of the Campaign Against Antisemitism" — are not reported, as on a large
  corpus they would pair almost every article with every other.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import numpy as np
import pandas as pd

from analysis.framing._common import WORD, check_corpus

SHINGLE_WORDS = 8
#: Above this many articles ``text_reuse`` uses MinHash/LSH blocking instead of the
#: exact inverted index.
LSH_MIN_ARTICLES = 3000
#: Windows compared by MinHash: this many words, one starting every WINDOW_STEP words.
WINDOW_WORDS = 24
WINDOW_STEP = 8
#: A shared passage this long always gives two windows sharing 20 of 24 words (see
#: :func:`windows`): the LSH path reports pairs whose longest shared passage is this long.
LSH_MIN_WORDS = WINDOW_WORDS + WINDOW_STEP - 1
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


def _shingle_set(text: str, k: int) -> set[tuple[str, ...]]:
    return set(shingles(text, k))


def _index(texts: dict[str, str], k: int) -> tuple[dict[str, set], dict]:
    sets = {}
    index: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for aid, text in texts.items():
        sh = _shingle_set(text, k)
        sets[aid] = sh
        for s in sh:
            index[s].add(aid)
    return sets, index


def windows(text: str, size: int = WINDOW_WORDS, step: int = WINDOW_STEP) -> list[str]:
    """Overlapping windows of ``size`` words, one every ``step`` words (the last one ends
    with the text), as printed.

    Why a passage of ``size + step - 1`` words is always found: it holds a whole window of
    the first article (one starts every ``step`` words); in the second article a window
    starts at most ``step / 2`` words from the same words, so the two windows share at
    least ``size - step / 2`` words (20 of 24) in a row.

    >>> windows("one two three four five six", size=4, step=2)
    ['one two three four', 'three four five six']
    >>> windows("too short", size=4, step=2)
    ['too short']
    """
    words = list(WORD.finditer(text))
    if not words:
        return []
    last = max(0, len(words) - size)
    starts = list(range(0, last + 1, step))
    if starts[-1] != last:
        starts.append(last)
    return [text[words[i].start():words[min(i + size, len(words)) - 1].end()] for i in starts]


#: MinHash: 128 hash functions in 32 bands of 4. A window pair with Jaccard J shares a
#: band with probability 1 - (1 - J**4)**32: 0.999 at J = 0.67, 0.23 at J = 0.3.
NUM_PERM = 128
BAND_ROWS = 4
_GRAM = 5  # words per shingle inside a window (a window of 24 words has 20)
_MASK = (1 << 64) - 1


def _hash_functions(seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    a = rng.integers(1, 2**63, size=NUM_PERM, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=NUM_PERM, dtype=np.uint64)
    return a, b


def window_signatures(text: str, size: int = WINDOW_WORDS, step: int = WINDOW_STEP,
                      seed: int = 1) -> np.ndarray:
    """MinHash signatures (one row of NUM_PERM numbers per :func:`windows` window).

    Each window is the set of its 5-word shingles; each shingle gets NUM_PERM hash values
    (multiply-shift hashing of a CRC-32 based shingle code) and a window keeps the
    smallest of each, so two windows agree on a position with probability equal to their
    Jaccard similarity (Broder 1997). Deterministic for a given ``seed``.

    >>> sig = window_signatures(" ".join(f"w{i}" for i in range(40)))
    >>> sig.shape
    (3, 128)
    """
    import zlib

    words = [w for _, _, w in _words(text)]
    if not words:
        return np.zeros((0, NUM_PERM), dtype=np.uint32)
    codes = np.array([zlib.crc32(w.encode("utf-8")) for w in words], dtype=np.uint64)
    gram = min(_GRAM, len(words))
    n_grams = len(words) - gram + 1
    mult = np.uint64(0x9E3779B97F4A7C15)
    grams = np.zeros(n_grams, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j in range(gram):
            grams = grams * mult + codes[j:j + n_grams]
        a, b = _hash_functions(seed)
        values = ((grams[:, None] * a[None, :] + b[None, :]) >> np.uint64(32)).astype(
            np.uint32)
    width = min(size, len(words)) - gram + 1  # shingles per window
    last = len(words) - min(size, len(words))
    starts = list(range(0, last + 1, step))
    if starts[-1] != last:
        starts.append(last)
    view = np.lib.stride_tricks.sliding_window_view(values, width, axis=0)
    return view[starts].min(axis=2)


def lsh_candidates(texts: dict[str, str]) -> set[tuple[str, str]]:
    """Pairs of articles (ids sorted) with two similar windows: the LSH blocking step.

    Every window's MinHash signature (:func:`window_signatures`) is cut into bands of
    BAND_ROWS numbers; windows of two articles that agree on a whole band become a
    candidate pair. Only those pairs are compared exactly, so the work grows with the
    number of articles and of similar windows, never with all pairs.

    >>> t = " ".join(f"w{i}" for i in range(40))
    >>> sorted(lsh_candidates({"1": "intro " + t, "2": t + " outro", "3": "other words"}))
    [('1', '2')]
    """
    ids = list(texts)
    keys, owners = [], []
    mixers = np.random.default_rng(2).integers(1, 2**63, size=BAND_ROWS,
                                               dtype=np.uint64) | np.uint64(1)
    for n, aid in enumerate(ids):
        sig = window_signatures(texts[aid]).astype(np.uint64)
        if len(sig) == 0:
            continue
        bands = sig.reshape(len(sig), NUM_PERM // BAND_ROWS, BAND_ROWS)
        with np.errstate(over="ignore"):
            keys.append((bands * mixers).sum(axis=2, dtype=np.uint64))
        owners.append(np.full(len(sig), n, dtype=np.int64))
    if not keys:
        return set()
    key = np.concatenate(keys)
    owner = np.concatenate(owners)
    pairs: set[tuple[str, str]] = set()
    for band in range(key.shape[1]):
        order = np.argsort(key[:, band], kind="stable")
        sorted_keys = key[order, band]
        same = sorted_keys[1:] == sorted_keys[:-1]
        if not same.any():
            continue
        bounds = np.flatnonzero(np.diff(np.concatenate(([0], same.astype(np.int8), [0]))))
        for lo, hi in zip(bounds[::2], bounds[1::2], strict=True):
            group = sorted({int(o) for o in owner[order[lo:hi + 1]]})
            for i, j in combinations(group, 2):
                a, b = ids[i], ids[j]
                pairs.add((min(a, b), max(a, b)))
    return pairs


def _longest(passages: list[str]) -> int:
    return max((len(WORD.findall(p)) for p in passages), default=0)


def text_reuse(corpus: pd.DataFrame, k: int = SHINGLE_WORDS, method: str = "auto",
               min_words: int | None = None) -> pd.DataFrame:
    """One row per pair of articles sharing at least one passage of ``k``+ words.

    Columns: article_a, article_b, similarity (Jaccard: shared shingles / all distinct
    shingles of the two), passages (list of the shared passages as article_a prints
    them), shared_words (words in those passages), share_a / share_b (the share of each
    article's shingles that the other has), outlet_a, outlet_b. Sorted by similarity.
    Fewer than two articles, or no shared passage, gives an empty table.

    ``method``: "exact" (inverted index), "lsh" (MinHash/LSH blocking, for large corpora)
    or "auto" (exact up to :data:`LSH_MIN_ARTICLES` articles). ``min_words``: keep only
    pairs whose longest shared passage has this many words; by default ``k`` for the
    exact method and :data:`LSH_MIN_WORDS` for LSH, the length it is sure to find. The
    rows of a pair are the same whichever method found it; ``attrs["method"]`` says which
    ran.

    >>> c = pd.DataFrame({"article_id": ["1", "2", "3"], "outlet": ["A", "B", "C"], "text": [
    ...     "Police told us we urge everyone to stay calm and go home now.",
    ...     "The group said: We urge everyone to stay calm and go home now!",
    ...     "Nothing in common here at all, none whatsoever."]})
    >>> r = text_reuse(c)
    >>> r[["article_a", "article_b"]].values.tolist(), r.passages[0]
    ([['1', '2']], ['we urge everyone to stay calm and go home now'])
    """
    check_corpus(corpus)
    if method not in {"auto", "exact", "lsh"}:
        raise ValueError(f"method must be 'auto', 'exact' or 'lsh', not {method!r}")
    if method == "auto":
        method = "lsh" if len(corpus) > LSH_MIN_ARTICLES else "exact"
    if min_words is None:
        min_words = LSH_MIN_WORDS if method == "lsh" else k
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False))
    outlets = dict(zip(corpus["article_id"].astype(str),
                       corpus["outlet"].fillna("unknown"), strict=False))
    shared: dict[tuple[str, str], int] = defaultdict(int)
    if len(corpus) < 2:
        sets: dict[str, set] = {}
    elif method == "exact":
        sets, index = _index(texts, k)
        for ids in index.values():
            if len(ids) > 1:
                for a, b in combinations(sorted(ids), 2):
                    shared[(a, b)] += 1
    else:
        sets = {}
        for a, b in sorted(lsh_candidates(texts)):
            for aid in (a, b):
                if aid not in sets:
                    sets[aid] = _shingle_set(texts[aid], k)
            n = len(sets[a] & sets[b])
            if n:
                shared[(a, b)] = n
    rows = []
    for (a, b), n in shared.items():
        passages = shared_passages(texts[a], texts[b], k)
        if _longest(passages) < min_words:
            continue
        union = len(sets[a] | sets[b])
        rows.append({
            "article_a": a, "article_b": b, "similarity": n / union if union else np.nan,
            "passages": passages,
            "shared_words": sum(len(WORD.findall(p)) for p in passages),
            "share_a": n / len(sets[a]), "share_b": n / len(sets[b]),
            "outlet_a": outlets[a], "outlet_b": outlets[b],
        })
    out = pd.DataFrame(rows, columns=REUSE_COLUMNS)
    out = out.sort_values(["similarity", "article_a", "article_b"],
                          ascending=[False, True, True]).reset_index(drop=True)
    out.attrs["method"] = method
    return out


def similarity_matrix(corpus: pd.DataFrame, k: int = SHINGLE_WORDS,
                      reuse: pd.DataFrame | None = None) -> pd.DataFrame:
    """Square table of Jaccard shingle similarity between every two articles (1 on the
    diagonal), labelled "article_id outlet".

    Pairs that share no shingle are 0, so the table is filled from :func:`text_reuse`
    (pass its result as ``reuse`` to avoid computing it again).

    >>> c = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"],
    ...                   "text": ["a b c d e f g h i", "a b c d e f g h x"]})
    >>> similarity_matrix(c).round(2).values.tolist()
    [[1.0, 0.33], [0.33, 1.0]]
    """
    check_corpus(corpus)
    ids = corpus["article_id"].astype(str).tolist()
    labels = [f"{a} {o}" for a, o in zip(ids, corpus["outlet"].fillna("unknown"), strict=False)]
    pairs = text_reuse(corpus, k, method="exact") if reuse is None else reuse
    position = {aid: i for i, aid in enumerate(ids)}
    m = np.eye(len(ids))
    for a, b, sim in zip(pairs["article_a"], pairs["article_b"], pairs["similarity"],
                         strict=False):
        if a in position and b in position:
            m[position[a], position[b]] = m[position[b], position[a]] = sim
    return pd.DataFrame(m, index=labels, columns=labels)
