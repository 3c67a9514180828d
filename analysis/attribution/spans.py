"""Quoted stretches of an article as (start, end) spans, for measures that must tell the
outlet's own words from the words it quotes (sentiment, framing)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import pandas as pd

# --------------------------------------------------------------------------- shared helpers

def quote_spans(
    quotes: pd.DataFrame, kinds: Iterable[str] = ("direct", "mixed")
) -> dict[str, list[tuple[int, int]]]:
    """Sorted, merged (start, end) spans of quoted words per article.

    Uses the ``parts`` column (one (start, end) pair per paragraph of a quotation) when
    present, else ``start``/``end``. Overlapping or touching spans are merged.

    >>> q = pd.DataFrame({"article_id": ["1", "1", "1"], "kind": ["direct", "scare", "direct"],
    ...                   "start": [10, 40, 18], "end": [20, 45, 25]})
    >>> quote_spans(q)
    {'1': [(10, 25)]}
    """
    kinds = set(kinds)
    raw: dict[str, list[tuple[int, int]]] = {}
    if quotes is None or len(quotes) == 0:
        return {}
    has_parts = "parts" in quotes.columns
    for row in quotes.itertuples(index=False):
        if row.kind not in kinds:
            continue
        pieces = row.parts if has_parts else None
        if not isinstance(pieces, (list, tuple)) or not pieces:
            pieces = [(row.start, row.end)]
        for s, e in pieces:
            if pd.isna(s) or pd.isna(e) or int(e) <= int(s):
                continue
            raw.setdefault(str(row.article_id), []).append((int(s), int(e)))
    return merge_spans(raw)


def merge_spans(raw: Mapping[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """Per article, the spans sorted with overlapping and touching ones merged.

    >>> merge_spans({"a": [(5, 9), (0, 3), (2, 4)]})
    {'a': [(0, 4), (5, 9)]}
    """
    merged: dict[str, list[tuple[int, int]]] = {}
    for aid, spans in raw.items():
        out: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        merged[aid] = out
    return merged


def in_spans(
    spans: Iterable[tuple[int, int]] | Mapping | None, start: int, end: int
) -> bool:
    """True when [start, end) lies mostly (more than half) inside ``spans``.

    ``spans`` is one article's list from :func:`quote_spans` (sorted, merged).
    An empty or negative-length interval is never inside.

    >>> in_spans([(10, 20)], 12, 18)
    True
    >>> in_spans([(10, 20)], 15, 30)
    False
    >>> in_spans([(0, 5), (6, 10)], 0, 10)
    True
    """
    if spans is None or end is None or start is None or end <= start:
        return False
    if isinstance(spans, Mapping):
        raise TypeError("in_spans takes one article's span list: spans[article_id]")
    covered = 0
    for s, e in spans:
        lo, hi = max(s, start), min(e, end)
        if hi > lo:
            covered += hi - lo
    return covered * 2 > (end - start)
