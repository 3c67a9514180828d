"""Quotation travel: the same quotation in several outlets, verbatim or altered."""

from __future__ import annotations

import difflib
import re

import pandas as pd

from analysis.attribution.gold import _tokens

# --------------------------------------------------------------------------- travel

def _word_diff(quote: str, reference: str) -> tuple[bool, str]:
    """(verbatim, diff): whether ``quote``'s words appear in order, unchanged, inside
    ``reference`` (or the reverse), and a word-level diff over the stretch they share:
    ``-[words of the reference] +[words of this quotation instead]``.

    >>> _word_diff("they should know it", "we all knew that they must know it now")
    (False, '-[must] +[should]')
    """
    a, b = _tokens(quote), _tokens(reference)
    if not a or not b:
        return False, ""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)
    if any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
        return True, ""
    matcher = difflib.SequenceMatcher(a=long_, b=short, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        pairs = [(" ".join(long_), " ".join(short))]
    else:
        lo_l, hi_l = blocks[0].a, blocks[-1].a + blocks[-1].size
        lo_s, hi_s = blocks[0].b, blocks[-1].b + blocks[-1].size
        # words of the short version before/after the shared stretch replace as many
        lo_l, lo_s = max(0, lo_l - lo_s), 0
        hi_l, hi_s = min(len(long_), hi_l + (len(short) - hi_s)), len(short)
        ops = difflib.SequenceMatcher(a=long_[lo_l:hi_l], b=short[lo_s:hi_s],
                                      autojunk=False).get_opcodes()
        pairs = [(" ".join(long_[lo_l + i1:lo_l + i2]), " ".join(short[lo_s + j1:lo_s + j2]))
                 for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    out = []
    for in_long, in_short in pairs:
        old, new = (in_long, in_short) if short is a else (in_short, in_long)
        out.append(" ".join(x for x in (f"-[{old}]" if old else "", f"+[{new}]" if new else "")
                            if x))
    return False, "; ".join(out)


def _contains(a: str, b: str) -> bool:
    """One normalised quotation of 4+ words appears word for word inside the other."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short.split()) >= 4 and f" {short} " in f" {long_} "


def _segments(quote: str) -> list[str]:
    """A quotation's sentences (4+ words), normalised, for matching; else the whole."""
    parts = [" ".join(_tokens(x)) for x in re.split(r"(?<=[.!?…])\s+|\n", quote)]
    parts = [x for x in parts if len(x.split()) >= 4]
    return parts or [" ".join(_tokens(quote))]


def _word_edit(a: str, b: str) -> bool:
    """Two normalised sentences that differ by a word swapped, added or dropped here and
    there: at least 4 words shared in order and a word-level similarity of 0.75 or more
    ("this will kill our trade" / "this will destroy our trade")."""
    wa, wb = a.split(), b.split()
    matcher = difflib.SequenceMatcher(a=wa, b=wb, autojunk=False)
    shared = sum(m.size for m in matcher.get_matching_blocks())
    return shared >= 4 and matcher.ratio() >= 0.75


def _words_held(a: str, b: str) -> bool:
    """Whether the shorter of two normalised sentences keeps seven in ten of its words, in
    order, inside the longer: a part of the same sentence, not another sentence ending in
    the same stock phrase ("being right on radical islamic terrorism" is no part of "...
    america needs to get tough on radical islamic terrorism").

    >>> _words_held("get tough on radical islamic terrorism",
    ...             "america needs to get tough on radical islamic terrorism now")
    True
    >>> _words_held("being right on radical islamic terrorism",
    ...             "america needs to get tough on radical islamic terrorism now")
    False
    """
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    matcher = difflib.SequenceMatcher(a=short, b=long_, autojunk=False)
    return 10 * sum(m.size for m in matcher.get_matching_blocks()) >= 7 * len(short)


def _pair_score(na: str, nb: str, seg_a: list[tuple[str, int, int]],
                seg_b: list[tuple[str, int, int]], threshold: float) -> float:
    from rapidfuzz import fuzz

    score = 100.0 if _contains(na, nb) else 0.0
    for a, la, wa in seg_a:
        for b, lb, wb in seg_b:
            pair = fuzz.ratio(a, b)
            if min(wa, wb) >= 6 and min(la, lb) >= 30:
                partial = fuzz.partial_ratio(a, b)
                # a partial match counts when the shorter keeps its words in the longer
                # (asked only when it would decide a match: a score under the threshold
                # decides nothing)
                if partial > pair and (partial < threshold or _words_held(a, b)):
                    pair = partial
            if pair < threshold and _word_edit(a, b):
                pair = float(threshold)
            score = max(score, pair)
    return score


def same_quotation(a: str, b: str, threshold: float = 85.0) -> bool:
    """Whether two quotations are the same one, as :func:`match_quotes` decides it: one
    holds the other word for word, or a sentence of each matches (``fuzz.ratio`` ≥
    ``threshold``, ``partial_ratio`` for long sentences when the shorter keeps most of its
    words inside the longer, :func:`_words_held`; or a few words edited).

    >>> same_quotation("This will kill our trade", "This will destroy our trade")
    True
    >>> same_quotation("We will not back down", "The weather was lovely all week")
    False
    """
    na, nb = " ".join(_tokens(a)), " ".join(_tokens(b))
    seg_a = [(x, len(x), len(x.split())) for x in _segments(a)]
    seg_b = [(x, len(x), len(x.split())) for x in _segments(b)]
    return _pair_score(na, nb, seg_a, seg_b, threshold) >= threshold


#: Past this many quotations (direct and mixed, of ``min_words`` or more) match_quotes
#: compares only the candidate pairs of a blocking index instead of every pair.
BLOCK_ABOVE = 2000


def _shingle_keys(norm: str) -> set[str]:
    """Word bigrams of a normalised quotation (its one word when it has only one)."""
    words = norm.split()
    if len(words) < 2:
        return set(words)
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def _blocked_pairs(norm: list[str], max_df: int = 50, min_probes: int = 3
                   ) -> list[tuple[int, int]]:
    """Candidate pairs (i < j) for :func:`match_quotes`, from an inverted index of word
    bigrams: each quotation looks up its rare bigrams (held by at most ``max_df``
    quotations) and, whatever their frequency, its ``min_probes`` rarest ones, and pairs
    with every quotation that holds one of them. A quotation inside another shares all of
    its bigrams; two versions with a few words edited keep most of theirs, so both stay
    candidates, while the lookups cost at most ``max_df`` per bigram for all but the
    rarest few (so the work grows with the corpus, not its square).

    >>> _blocked_pairs(["we will not back down now", "we will not back down",
    ...                 "the weather was lovely all week"])
    [(0, 1)]
    """
    keys = [_shingle_keys(t) for t in norm]
    postings: dict[str, list[int]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            postings.setdefault(k, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(keys):
        ranked = sorted(ks, key=lambda k: (len(postings[k]), k))
        probes = ranked[:min_probes] + [k for k in ranked[min_probes:]
                                        if len(postings[k]) <= max_df]
        for k in probes:
            for j in postings[k]:
                if j != i:
                    pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


#: The status of a quotation :func:`match_quotes` finds in no other article.
UNIQUE_STATUS = "not found in any other outlet"


def match_quotes(quotes: pd.DataFrame, threshold: float = 85.0, min_words: int = 4, *,
                 block_above: int = BLOCK_ABOVE, blocking: bool | None = None
                 ) -> pd.DataFrame:
    """The same quotation across articles, by fuzzy matching with rapidfuzz: two
    quotations match when one of their sentences does (``fuzz.ratio`` >= ``threshold``,
    0..100, or ``fuzz.partial_ratio`` for sentences of 6+ words whose shorter keeps seven
    in ten of its words in the longer, so a partial quotation, small edits and translation
    damage still match, but not two sentences sharing a stock phrase; or a word or two
    swapped in a sentence of 4+ shared words, see :func:`same_quotation`). One row per
    direct or mixed quotation of at least ``min_words`` words: ``cluster``, ``outlets``
    and ``articles`` carrying it, ``n_articles``, ``status`` ("not found in any other
    outlet" / "verbatim" / "altered", against the longest version in another article),
    ``diff`` (word level: -[removed] +[added]), ``same_speaker`` (every article names the
    same speaker).

    Up to ``block_above`` quotations every pair is compared; past it (or with
    ``blocking=True``) only the candidate pairs of an inverted index of word bigrams
    (:func:`_blocked_pairs`): quotations that share no rare bigram are not compared, so
    the cost grows about linearly. On the seeds and on generated sets with planted edited
    copies both paths give the same clusters (tests/test_attribution.py).

    >>> q = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"],
    ...     "kind": ["direct", "direct"], "speaker": ["X", "X"], "n_words": [8, 8],
    ...     "quote": ["we must earn the trust of the people",
    ...               "we must win the trust of the people"]})
    >>> match_quotes(q)[["status", "diff"]].values.tolist()
    [['altered', '-[win] +[earn]'], ['altered', '-[earn] +[win]']]
    >>> match_quotes(q, blocking=True).equals(match_quotes(q))
    True
    """

    cols = ["article_id", "outlet", "quote", "speaker", "cluster", "n_articles", "articles",
            "outlets", "status", "diff", "same_speaker", "score"]
    q = quotes[quotes["kind"].isin(["direct", "mixed"]) & (quotes["n_words"] >= min_words)]
    q = q.reset_index(drop=True)
    if q.empty:
        return pd.DataFrame(columns=cols)
    n = len(q)
    article = [str(a) for a in q["article_id"]]
    norm = [" ".join(_tokens(t)) for t in q["quote"]]
    segments = [[(s, len(s), len(s.split())) for s in _segments(t)] for t in q["quote"]]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def score_of(i: int, j: int) -> float:
        return _pair_score(norm[i], norm[j], segments[i], segments[j], threshold)

    if blocking is None:
        blocking = n > block_above
    pairs = _blocked_pairs(norm) if blocking else \
        ((i, j) for i in range(n) for j in range(i + 1, n))
    best = [0.0] * n
    for i, j in pairs:
        score = score_of(i, j)
        if score >= threshold:
            parent[find(i)] = find(j)
            if article[i] != article[j]:
                best[i] = max(best[i], score)
                best[j] = max(best[j], score)
    roots = [find(i) for i in range(n)]
    order = {r: k for k, r in enumerate(dict.fromkeys(roots))}
    members_of: dict[int, list[int]] = {}
    for i, r in enumerate(roots):
        members_of.setdefault(r, []).append(i)
    outlet = [str(o) for o in q["outlet"]]
    quote = list(q["quote"])
    speaker = list(q["speaker"])
    rows = []
    for i in range(n):
        members = members_of[roots[i]]
        articles = sorted({article[j] for j in members})
        outlets = sorted({outlet[j] for j in members})
        others = [j for j in members if article[j] != article[i]]
        if not others:
            status, diff = UNIQUE_STATUS, ""
        else:
            ref = max(others, key=lambda j: (len(norm[j]), -j))
            verbatim, diff = _word_diff(quote[i], quote[ref])
            status = "verbatim" if verbatim else "altered"
        speakers = {speaker[j] for j in members}
        rows.append({
            "article_id": q.at[i, "article_id"], "outlet": q.at[i, "outlet"],
            "quote": quote[i], "speaker": speaker[i],
            "cluster": order[roots[i]], "n_articles": len(articles),
            "articles": ", ".join(articles), "outlets": ", ".join(outlets), "status": status,
            "diff": diff, "same_speaker": len(speakers) == 1, "score": round(best[i], 1),
        })
    return pd.DataFrame(rows, columns=cols)


def in_no_other_outlet(matches: pd.DataFrame) -> pd.Series:
    """Whether each quotation of :func:`match_quotes` is printed by no other outlet: found in
    no other article, or only in other articles of its own outlet (a quotation a paper
    repeats in its next story still has one witness). Articles of an ``unknown`` outlet
    are taken to be different publishers'.

    >>> m = pd.DataFrame({"outlet": ["A", "A", "B", "unknown", "unknown"],
    ...                   "cluster": [0, 0, 1, 2, 2],
    ...                   "status": ["verbatim", "verbatim", "not found in any other outlet",
    ...                              "verbatim", "verbatim"]})
    >>> in_no_other_outlet(m).tolist()
    [True, True, True, False, False]
    """
    if len(matches) == 0:
        return pd.Series(dtype=bool)
    outlets = matches.groupby("cluster")["outlet"].transform("nunique")
    return (matches["status"] == UNIQUE_STATUS) | (
        (outlets == 1) & (matches["outlet"].astype(str) != "unknown"))
