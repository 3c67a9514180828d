"""Split clean article text into sentences with exact character offsets.

Each paragraph (line) of the clean text is split on its own, so a headline or caption
without closing punctuation can never glue onto the next sentence. Headline and caption
lines are one sentence each. Body paragraphs are split by BlingFire's sentence breaker
(chosen over pysbd: on the seeds it keeps closing British quotes with their sentence and
runs about ten times faster), then two general repairs are made: no break after a title or
abbreviation (Mr, Mrs, Sir, Dr, St, No., U.S., AC …; list in ``data/abbreviations.csv``),
and a fragment of only closing quotes or brackets joins the sentence before it.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from ctypes import Array, byref, c_char_p, c_int, c_int32, create_string_buffer, string_at

import blingfire
import pandas as pd

from analysis.cleaning import KIND_CODES, clean_article
from analysis.english import abbreviations

SENTENCE_COLUMNS = ["article_id", "sentence_id", "paragraph_id", "kind", "text", "start", "end"]

_INITIAL = re.compile(r"[A-Z]\.")
_ONLY_CLOSERS = re.compile(r"^[\s'\"’”»)\]]+$")
#: Splits already made inside :func:`reuse_splits`, keyed by the corpus's content.
_MEMO: ContextVar[dict | None] = ContextVar("split_memo", default=None)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each paragraph (line) of a clean text, blank lines skipped.

    >>> paragraph_spans("Title\\nBody one. Body two.")
    [(0, 5), (6, 25)]
    """
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            spans.append((start, end))
        start = end + 1
    return spans


def split_paragraph(paragraph: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets within one paragraph, whitespace trimmed.

    >>> p = "Mr. Falter said: 'I'm sure.' Then Dr. Who left."
    >>> [p[a:b] for a, b in split_paragraph(p)]
    ["Mr. Falter said: 'I'm sure.'", 'Then Dr. Who left.']
    """
    if not paragraph.strip():
        return []
    offsets = sentence_offsets(paragraph)
    spans: list[list[int]] = []
    for start, end in offsets or [(0, len(paragraph))]:
        piece = paragraph[start:end]
        if spans and (_ONLY_CLOSERS.match(piece) or _ends_with_abbreviation(
                paragraph[spans[-1][0]:spans[-1][1]])):
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [_trim(paragraph, a, b) for a, b in spans if paragraph[a:b].strip()]


_BUFFERS = threading.local()


def _buffers(size: int) -> tuple[Array, Array, Array]:
    """An output buffer and two offset arrays of at least ``size`` items for BlingFire,
    allocated once per thread and grown when a longer paragraph needs more (allocating
    them for every paragraph cost a fifth of the splitting time)."""
    held = getattr(_BUFFERS, "held", None)
    if held is None or held[0] < size:
        room = max(size, 4096, 2 * (held[0] if held else 0))
        held = (room, create_string_buffer(room), (c_int32 * room)(), (c_int32 * room)())
        _BUFFERS.held = held
    return held[1], held[2], held[3]


def sentence_offsets(text: str) -> list[tuple[int, int]]:
    """BlingFire's sentence ``(start, end)`` character offsets, without its slow wrapper.

    The same numbers as ``blingfire.text_to_sentences_and_offsets(text)[1]`` (tested),
    but BlingFire's Python wrapper maps byte offsets to character offsets with a Python
    loop over every byte, which took most of the splitting time. Here ASCII text needs
    no mapping and other text decodes its prefixes; anything unusual (offsets out of
    order or inside a character) is left to BlingFire's own wrapper.

    >>> sentence_offsets("It’s one. Two.")
    [(0, 9), (10, 14)]
    """
    data = text.encode("utf-8")
    size = len(data) * 2
    out, starts, ends = _buffers(size)
    n_out = blingfire.blingfire.TextToSentencesWithOffsets(
        c_char_p(data), c_int(len(data)), byref(out), byref(starts), byref(ends), c_int(size))
    if n_out == -1 or n_out > size:
        return []
    # The bytes BlingFire wrote (its count includes the closing NUL), read up to the first
    # NUL as a fresh buffer's ``value`` would be: the buffers are reused between calls.
    count = string_at(out, max(0, n_out)).split(b"\0", 1)[0].count(b"\n") + 1
    count = min(count, size)  # as many offsets as a buffer of ``size`` items holds
    targets = [t for pair in zip(starts[:count], ends[:count], strict=True)
               for t in (pair[0], pair[1] + 1)]
    last = len(targets) - 1
    previous = 0
    for i, t in enumerate(targets):
        if t < previous or t > len(data) or (t == len(data) and i != last):
            return blingfire.text_to_sentences_and_offsets(text)[1]
        previous = t
    if len(data) == len(text):  # ASCII: bytes are characters
        chars = targets
    else:
        try:  # each stretch between two offsets decoded once, not every prefix
            chars, at, count = [], 0, 0
            for t in targets:  # in order (checked above)
                if t > at:
                    count += len(data[at:t].decode("utf-8"))
                    at = t
                chars.append(count)
        except UnicodeDecodeError:  # an offset inside a character: let BlingFire map it
            return blingfire.text_to_sentences_and_offsets(text)[1]
    return list(zip(chars[::2], chars[1::2], strict=True))


def _ends_with_abbreviation(sentence: str) -> bool:
    # The last run of non-space characters (what ``(\S+)\s*$`` finds, without a regex
    # trying every position of the sentence; ``str.split`` and ``\s`` agree on spaces).
    words = sentence.rsplit(None, 1)
    if not words:
        return False
    token = words[-1].lstrip("('\"‘“")
    return token.casefold() in abbreviations() or bool(_INITIAL.fullmatch(token))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def article_sentences(text: str, kinds: str | None = None) -> list[dict]:
    """Sentences of one clean text: ``paragraph_id``, ``kind``, ``text``, ``start``, ``end``.

    ``kinds`` holds one letter per paragraph (h, c, b) as ``load_corpus`` records it in
    ``line_kinds``; without it every paragraph is labelled by the cleaning rules.

    >>> [s["kind"] for s in article_sentences("A headline\\nA body. Two sentences.")]
    ['headline', 'body', 'body']
    """
    return [dict(row) for row in _shared_sentences(text, kinds)]


def _shared_sentences(text: str, kinds: str | None) -> list[dict]:
    """:func:`article_sentences`'s rows, kept for reuse inside :func:`reuse_splits`: the
    caller must not change them."""
    memo = _MEMO.get()
    if memo is None:
        return _article_sentences(text, kinds)
    key = ("article", text, kinds)
    rows = memo.get(key)
    if rows is None:
        rows = memo[key] = _article_sentences(text, kinds)
    return rows


def _article_sentences(text: str, kinds: str | None) -> list[dict]:
    spans = paragraph_spans(text)
    if kinds is None or len(kinds) != len(spans):
        kinds = clean_article(text).kinds if text.strip() else ""
        if len(kinds) != len(spans):
            kinds = "b" * len(spans)
    rows = []
    for paragraph_id, ((p_start, p_end), code) in enumerate(zip(spans, kinds, strict=True)):
        kind = KIND_CODES[code]
        paragraph = text[p_start:p_end]
        if kind == "body":
            pieces = split_paragraph(paragraph)
        else:
            pieces = [_trim(paragraph, 0, len(paragraph))]
        for start, end in pieces:
            rows.append({"paragraph_id": paragraph_id, "kind": kind,
                         "text": paragraph[start:end], "start": p_start + start,
                         "end": p_start + end})
    return rows


@contextmanager
def reuse_splits() -> Iterator[None]:
    """Inside this block, :func:`split_sentences` of the same corpus is split only once.

    Several analyses split the corpus they are given; :func:`analysis.pipeline.analyze`
    runs them all on one chunk of articles inside this block, so the chunk is split once
    and every later call gets a copy of that result (identical to splitting again). The
    key is the articles' ids, texts and line kinds, compared in full, never a hash alone.

    >>> corpus = pd.DataFrame({"article_id": ["a"], "text": ["One. Two."]})
    >>> with reuse_splits():
    ...     first = split_sentences(corpus)
    ...     first.loc[0, "text"] = "changed by a caller"
    ...     split_sentences(corpus).text.tolist()
    ['One.', 'Two.']
    """
    if _MEMO.get() is not None:
        yield
        return
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def split_sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    """One row per sentence: ``article_id``, ``sentence_id``, ``paragraph_id``, ``kind``
    (headline / caption / body), ``text``, ``start``, ``end``.

    ``corpus.text[start:end] == text`` exactly; ``sentence_id`` counts from 0 in each
    article in text order.

    >>> from analysis import load_corpus
    >>> sentences = split_sentences(load_corpus("seeds"))
    >>> sentences.loc[sentences.article_id == "003", "kind"].iloc[0]
    'headline'
    """
    memo = _MEMO.get()
    if memo is None:
        return _split_sentences(corpus)
    kinds_column = corpus["line_kinds"] if "line_kinds" in corpus else None
    key = (tuple(corpus["article_id"]), tuple(corpus["text"]),
           None if kinds_column is None else tuple(kinds_column))
    try:
        hit = memo.get(key)
    except TypeError:  # an unhashable cell: no reuse
        return _split_sentences(corpus)
    if hit is None:
        hit = memo[key] = _split_sentences(corpus)
    return hit.copy()


def _split_sentences(corpus: pd.DataFrame) -> pd.DataFrame:
    # The table is built column by column (a dict of lists), not from a dict per row.
    columns: dict[str, list] = {name: [] for name in SENTENCE_COLUMNS}
    ids, numbers, paragraphs, kinds_out, texts, starts, ends = columns.values()
    kinds_column = corpus["line_kinds"] if "line_kinds" in corpus else [None] * len(corpus)
    for article_id, text, kinds in zip(corpus["article_id"], corpus["text"], kinds_column,
                                       strict=True):
        if not isinstance(text, str):
            continue
        kinds = kinds if isinstance(kinds, str) else None
        rows = _shared_sentences(text, kinds)
        article_id = str(article_id)
        ids.extend([article_id] * len(rows))
        numbers.extend(range(len(rows)))
        for row in rows:
            paragraphs.append(row["paragraph_id"])
            kinds_out.append(row["kind"])
            texts.append(row["text"])
            starts.append(row["start"])
            ends.append(row["end"])
    frame = (pd.DataFrame(columns, columns=SENTENCE_COLUMNS) if ids
             else pd.DataFrame([], columns=SENTENCE_COLUMNS))
    return frame.astype({"sentence_id": "int64", "paragraph_id": "int64", "start": "int64",
                         "end": "int64"})
