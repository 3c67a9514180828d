"""The seeds' hand-annotated quotations (``tests/data/quotes_gold.csv``) and the scores of
the extractor against them (in-sample figures: the rules were written while reading them)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from analysis.attribution.marks import _WORD, MARKS

# --------------------------------------------------------------------------- accuracy

_GOLD = Path(__file__).resolve().parents[2] / "tests" / "data" / "quotes_gold.csv"


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The hand-annotated quotations of the seeds (``tests/data/quotes_gold.csv``):
    article_id, quote, kind, speaker, speaker_type, verb, note.

    >>> sorted(set(load_gold().kind))
    ['direct', 'indirect', 'mixed', 'scare']
    """
    frame = pd.read_csv(path or _GOLD, dtype=str, keep_default_na=False)
    missing = {"article_id", "quote", "kind", "speaker"} - set(frame.columns)
    if missing:
        raise ValueError(f"gold table lacks column(s) {sorted(missing)}")
    return frame


def _tokens(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text or "")]


def token_overlap(a: str, b: str) -> float:
    """Shared words (as a multiset) over the length of the longer text, 0..1.

    >>> token_overlap("the use of the term", "The use of the term openly")
    0.8333333333333334
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    return float(common) / max(len(ta), len(tb))


def _locate_gold(gold: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Offsets of each gold quotation in the clean text; the k-th gold row with the same
    words gets the k-th occurrence. Rows whose words the cleaning removed (an aggregator's
    duplicate headline) get start -1."""
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"], strict=True))
    starts, ends = [], []
    seen: dict[tuple[str, str], int] = {}
    for aid, quote, kind in zip(gold["article_id"].astype(str), gold["quote"], gold["kind"],
                                strict=True):
        text = texts.get(aid, "")
        first = quote.split("\n")[0]
        last = quote.split("\n")[-1]
        key = (aid, quote)
        pos = -1
        for _ in range(seen.get(key, 0) + 1):
            pos = _find_quoted(text, first, pos + 1, kind != "indirect")
            if pos < 0:
                break
        seen[key] = seen.get(key, 0) + 1
        if pos < 0:
            starts.append(-1)
            ends.append(-1)
            continue
        end = text.find(last, pos) + len(last) if "\n" in quote else pos + len(first)
        starts.append(pos)
        ends.append(end)
    out = gold.copy()
    out["article_id"] = out["article_id"].astype(str)
    out["start"], out["end"] = starts, ends
    return out


def _find_quoted(text: str, words: str, start: int, marked: bool = True) -> int:
    """Offset of ``words`` in ``text`` from ``start``, preferring an occurrence right after
    a quote mark (so the quoted 'walk' is not the walk in 'going for a walk')."""
    pos = start
    while True:
        pos = text.find(words, pos)
        if pos < 0:
            break
        if pos > 0 and text[pos - 1] in MARKS + " " and (
                text[pos - 1] in MARKS or text[pos - 2:pos - 1] in MARKS):
            return pos
        pos += 1
    return -1 if marked else text.find(words, start)


def _speaker_match(pred: str, gold: str) -> bool:
    pred = (pred or "").casefold().strip()
    options = [g.casefold().strip() for g in (gold or "").split(";") if g.strip()]
    if not options:
        return pred == ""
    if pred in options:
        return True
    ptoks = set(_tokens(pred))
    return any(ptoks and set(_tokens(g)) <= ptoks for g in options)


def compare_with_gold(pred: pd.DataFrame, gold: pd.DataFrame, corpus: pd.DataFrame,
                      kinds: Iterable[str] = ("direct", "mixed")) -> pd.DataFrame:
    """Pair extracted and hand-annotated quotations (same article, overlapping spans,
    token overlap >= 0.5, one to one, best overlap first). One row per gold quotation and
    per unmatched extracted one: ``status`` is hit, miss (gold not found) or extra (found,
    not in gold).

    >>> from analysis import load_corpus
    >>> from analysis.attribution import extract_quotes
    >>> corpus = load_corpus("seeds")
    >>> table = compare_with_gold(extract_quotes(corpus, "seeds/actors.csv"), load_gold(),
    ...                           corpus)
    >>> set(table.status) <= {"hit", "miss", "extra"}
    True
    """
    kinds = set(kinds)
    g = _locate_gold(gold, corpus)
    g = g[g["kind"].isin(kinds) & (g["start"] >= 0)].reset_index(drop=True)
    p = pred[pred["kind"].isin(kinds)].reset_index(drop=True)
    pairs = []
    by_article: dict[object, list[tuple[int, int, int, str]]] = {}
    for pi, (aid, ps, pe, pq) in enumerate(zip(p["article_id"], p["start"], p["end"],
                                               p["quote"], strict=True)):
        by_article.setdefault(aid, []).append((pi, ps, pe, pq))
    for gi, (aid, gs, ge, gq) in enumerate(zip(g["article_id"], g["start"], g["end"],
                                               g["quote"], strict=True)):
        for pi, ps, pe, pq in by_article.get(aid, []):
            if ps >= ge or gs >= pe:
                continue
            score = token_overlap(pq, gq)
            if score >= 0.5:
                pairs.append((score, gi, pi))
    used_g: dict[int, tuple[int, float]] = {}
    used_p: set[int] = set()
    for score, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g[gi] = (pi, score)
        used_p.add(pi)
    rows = []
    for gi, grow in g.iterrows():
        hit = used_g.get(gi)
        prow = p.loc[hit[0]] if hit else None
        rows.append({
            "status": "hit" if hit else "miss", "article_id": grow["article_id"],
            "gold_quote": grow["quote"], "gold_kind": grow["kind"],
            "gold_speaker": grow["speaker"], "quote": prow["quote"] if hit else "",
            "kind": prow["kind"] if hit else "", "speaker": prow["speaker"] if hit else "",
            "overlap": hit[1] if hit else 0.0,
            "speaker_ok": _speaker_match(prow["speaker"], grow["speaker"]) if hit else False,
        })
    for pi, prow in p.iterrows():
        if pi not in used_p:
            rows.append({"status": "extra", "article_id": prow["article_id"], "gold_quote": "",
                         "gold_kind": "", "gold_speaker": "", "quote": prow["quote"],
                         "kind": prow["kind"], "speaker": prow["speaker"], "overlap": 0.0,
                         "speaker_ok": False})
    return pd.DataFrame(rows, columns=["status", "article_id", "gold_quote", "gold_kind",
                                       "gold_speaker", "quote", "kind", "speaker", "overlap",
                                       "speaker_ok"])


def evaluate_quotes(pred: pd.DataFrame, gold: pd.DataFrame, corpus: pd.DataFrame,
                    kinds: Iterable[str] = ("direct", "mixed")) -> dict[str, float]:
    """Precision, recall and F1 of the extracted quotations of ``kinds`` against the gold
    (a match: same article, overlapping span, token overlap >= 0.5), and speaker accuracy
    on the matched ones. NaN where there is nothing to measure.

    >>> from analysis import load_corpus
    >>> from analysis.attribution import extract_quotes
    >>> corpus = load_corpus("seeds")
    >>> scores = evaluate_quotes(extract_quotes(corpus, "seeds/actors.csv"), load_gold(),
    ...                          corpus)
    >>> scores["precision"] >= 0.9 and scores["recall"] >= 0.9
    True
    """
    table = compare_with_gold(pred, gold, corpus, kinds)
    hits = int((table["status"] == "hit").sum())
    n_gold = int(table["status"].isin(["hit", "miss"]).sum())
    n_pred = int(table["status"].isin(["hit", "extra"]).sum())
    nan = float("nan")
    precision = hits / n_pred if n_pred else nan
    recall = hits / n_gold if n_gold else nan
    f1 = (2 * precision * recall / (precision + recall)
          if n_pred and n_gold and precision + recall else nan)
    matched = table[table["status"] == "hit"]
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "speaker_accuracy": float(matched["speaker_ok"].mean()) if len(matched) else nan,
        "kind_accuracy": float((matched["kind"] == matched["gold_kind"]).mean())
        if len(matched) else nan,
        "n_gold": n_gold, "n_extracted": n_pred, "n_matched": hits,
    }
