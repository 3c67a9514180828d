"""Remove scraper noise from an article's text, keeping a record of every removed line.

Cleaning works line by line on the raw text. A line is kept (whitespace normalised), or
removed with a reason: page or aggregator furniture (patterns in ``data/boilerplate.csv``),
a repeat of an earlier line of the same article (aggregators print captions twice), or a
scraped metadata prefix such as ``date 2024-04-21`` at the start of the article. A line in
which one paragraph runs into the next without a space, as some scrapers and data sets
join them ("…the forest.'We need…", "…happen?"Wheeler said…"), is split there
(:func:`split_run_together`; :func:`load_corpus` reports each article where it happened).
A heading in capitals that runs into the paragraph it heads, as digests and newsletters
print them ("ROLL TIDE Alabama beat Clemson"), is cut off into a line of its own
(:func:`split_run_in_heading`; reported the same way).
A line whose UTF-8 was once read as another encoding ("FranÃ§ois" for "François") is
repaired with ftfy's ``fix_encoding`` (:func:`repair_mojibake`; reported the same way).
Kept lines are labelled ``headline``, ``caption`` or ``body`` so analyses of an outlet's prose can
leave display text out. Whitespace-only lines are layout and are neither kept nor reported.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import pandas as pd

KIND_CODES = {"h": "headline", "c": "caption", "b": "body"}

# Sentence-final punctuation, optionally followed by closing quotes or brackets.
_CLOSED = re.compile(r"[.!?…:;][\s'\"’”»)\]]*$")
# Picture credits: "(Victoria Jones/PA)", "AP Photo/Alberto Pezzali", "Getty Images".
_CREDIT = re.compile(
    r"(\((?:[^()]{0,60}/)?(?:PA|AP|AFP|Reuters|Getty Images|EPA|Shutterstock|Alamy)[^()]{0,30}\)"
    r"|^\(?\s*(?:AP|AFP|PA|EPA|Reuters)\s+Photo\b|^\(?\s*(?:Getty Images|Shutterstock)\b)",
)
_CAPTION_CUES = re.compile(r"\((?:pictured|above|below|left|right|centre|center)\)", re.I)
_DATE_PREFIX = re.compile(r"^\s*(?:date|published|posted)[:\s]\s*(\d{4}-\d{2}-\d{2})\s+", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")
# A sentence end run into the next paragraph: two lower-case letters, . ! or ?, an optional
# quotation mark, then a capitalised word ("forest.'We", "happen?"Wheeler", "himself.Frankly").
_RUN_TOGETHER = re.compile(r"[.!?](?<=[a-z][a-z][.!?])([\"'“”‘’]?)(?=[A-Z][a-z])")
_OPENING, _CLOSING = "“‘", "”’"
# A heading in capitals run into the paragraph it heads, as newsletters and digests print
# them ("ROLL TIDE Alabama beat Clemson", "THE BORROWING “Back when..."): two or more words
# with no small letter at the start of a line, then a capitalised word in small letters or
# an opening quotation mark. A last word ending in ":" or "," is a transcript's speaker
# ("JAKE TAPPER: Donald Trump...") or a dateline ("NEW YORK, Nov. 19"), and one ending in a
# dash a dateline ("LOS ANGELES — Actress ..."), not a heading.
_RUN_IN_HEADING = re.compile(
    r"[^\sa-z]++(?:\s+[^\sa-z]++)+(?<![:,—–-])(?=\s+(?:[A-Z][a-z]|[“‘\"'][A-Za-z]))")
#: A run-in heading holds at least this many capital letters, so that two acronyms opening a
#: sentence ("UK PM Theresa May", "US EU talks") are not one.
MIN_HEADING_CAPITALS = 8
# Lone UTF-16 surrogates (from JSON escapes such as "\ud800") cannot be encoded as UTF-8.
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# The first two characters of UTF-8 read as Latin-1 or Windows-1252: a lead byte (Â-ô) and
# a continuation byte (U+0080-U+00BF, or what Windows-1252 puts there: € ‚ ƒ „ … † ‡ ˆ ‰ Š
# ‹ Œ Ž ' ' " " • – — ˜ ™ š › œ ž Ÿ). Only a line holding one is handed to ftfy.
_MOJIBAKE_PAIR = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030"
    "\u0160\u2039\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161"
    "\u203a\u0153\u017e\u0178]")


@dataclass
class CleanArticle:
    """The result of cleaning one article."""

    text: str
    kinds: str  # one letter per paragraph of ``text``: h(eadline), c(aption), b(ody)
    removed: list[dict] = field(default_factory=list)
    published: str | None = None
    #: 1-based line number in the raw text of each paragraph of ``text``.
    line_nos: list[int] = field(default_factory=list)
    #: raw line numbers where paragraphs ran together and were split (see
    #: :func:`split_run_together`), once per split
    run_together: list[int] = field(default_factory=list)
    #: raw line numbers whose mis-decoded characters were repaired (:func:`repair_mojibake`)
    repaired: list[int] = field(default_factory=list)
    #: raw line numbers where a heading in capitals ran into its paragraph and was cut off
    #: (see :func:`split_run_in_heading`)
    headings: list[int] = field(default_factory=list)


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The furniture patterns of ``data/boilerplate.csv`` as compiled regexes with reasons.

    >>> any(p.fullmatch("comments") for p, _ in boilerplate_patterns())
    True
    """
    path = resources.files("analysis") / "data" / "boilerplate.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return tuple((re.compile(r["pattern"], re.I), r["reason"]) for r in rows)


@lru_cache(maxsize=1)
def _furniture_alternation() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Every furniture pattern in one regex, ``(?P<f0>…)|(?P<f1>…)|…`` in file order, and
    the reasons: ``fullmatch`` of the alternation succeeds when one pattern fullmatches
    (the engine backtracks into later alternatives), and the first such alternative is the
    group that matched, so one call gives :func:`furniture_reason`'s answer."""
    patterns = boilerplate_patterns()
    alternation = "|".join(f"(?P<f{i}>{p.pattern})" for i, (p, _) in enumerate(patterns))
    return re.compile(alternation, re.I), tuple(reason for _, reason in patterns)


def repair_mojibake(line: str) -> str:
    """``line`` with text that was UTF-8 once read as Latin-1 or Windows-1252 (mojibake)
    decoded again, by ftfy's ``fix_encoding`` (Speer 2019): it changes a line only where
    the repaired text is far more plausible, so "São Paulo" and "Ângela" stay as they are.
    A character whose bytes were lost is left as it is.

    >>> repair_mojibake("FranÃ§ois Hollande said"), repair_mojibake("São Paulo")
    ('François Hollande said', 'São Paulo')
    """
    if line.isascii():
        return line
    composed = unicodedata.normalize("NFC", line)   # "A" + U+0303 is "Ã"
    if not _MOJIBAKE_PAIR.search(composed):
        return line
    from ftfy import fix_encoding

    fixed = fix_encoding(composed)
    return line if fixed == composed else fixed


def normalise_line(line: str) -> str:
    """Normalise one line: Unicode NFC, control characters dropped, whitespace collapsed,
    lone surrogates replaced by U+FFFD.

    >>> normalise_line("  Sir Mark\\xa0Rowley  ")
    'Sir Mark Rowley'
    """
    if not line.isascii():  # ASCII holds no surrogate and is its own NFC form
        line = _SURROGATE.sub("\ufffd", line)
        line = unicodedata.normalize("NFC", line)
    line = _CONTROL.sub("", line)
    return " ".join(line.split())


def split_run_together(line: str) -> list[str]:
    """A line cut where one paragraph runs into the next without a space: after ``.``,
    ``!`` or ``?`` that ends a word of two or more lower-case letters (not an abbreviation
    such as "Gov.") and comes right before a capitalised word.

    A quotation mark between the two belongs to the paragraph it closes or to the one it
    opens: curly marks say which; a straight one closes when the text before it on the line
    holds an odd number of them (an apostrophe inside a word is not counted).

    >>> split_run_together("They need the forest.'We need it,' he said.")
    ['They need the forest.', "'We need it,' he said."]
    >>> split_run_together('He asked "will it happen?"Wheeler said no.')
    ['He asked "will it happen?"', 'Wheeler said no.']
    >>> split_run_together("Ask Gov.Brown. See www.bbc.co.uk today.")
    ['Ask Gov.Brown. See www.bbc.co.uk today.']
    """
    if not _RUN_TOGETHER.search(line):
        return [line]
    from analysis.english import abbreviations

    pieces, start = [], 0
    for match in _RUN_TOGETHER.finditer(line):
        word = re.search(r"[A-Za-z]+$", line[start:match.start()])
        if word and f"{word.group().casefold()}." in abbreviations():
            continue
        mark = match.group(1)
        if mark in _OPENING:
            cut = match.start(1)
        elif mark in _CLOSING or not mark:
            cut = match.end()
        else:
            before = line[:match.start(1)]
            if mark == "'":
                before = re.sub(r"(?<=[A-Za-z])'(?=[A-Za-z])", "", before)
            cut = match.end() if before.count(mark) % 2 else match.start(1)
        if line[start:cut].strip():
            pieces.append(line[start:cut])
            start = cut
    pieces.append(line[start:])
    return pieces


def split_run_in_heading(line: str) -> list[str]:
    """A line cut after a heading in capitals that runs into its paragraph: two or more
    words with no small letter opening the line, holding at least
    :data:`MIN_HEADING_CAPITALS` capital letters, two of its words with two capitals or
    more, then a capitalised word in small letters or an opening quotation mark.

    >>> split_run_in_heading("ROLL TIDE Alabama beat undefeated Clemson.")
    ['ROLL TIDE', 'Alabama beat undefeated Clemson.']
    >>> split_run_in_heading("UK PM Theresa May spoke.")
    ['UK PM Theresa May spoke.']
    >>> split_run_in_heading("JAKE TAPPER: Donald Trump released a video.")
    ['JAKE TAPPER: Donald Trump released a video.']
    """
    match = _RUN_IN_HEADING.match(line)
    if match is None:
        return [line]
    heading = match.group()
    if not is_heading_in_capitals(heading):
        return [line]
    return [heading, line[match.end():].lstrip()]


#: A heading is at most this many words long; a longer line in capitals is text written in
#: capitals.
MAX_HEADING_WORDS = 20


def is_heading_in_capitals(line: str) -> bool:
    """True for a heading written in capitals: no small letter, at least
    :data:`MIN_HEADING_CAPITALS` capital letters, two or more words of two capitals or more,
    at most :data:`MAX_HEADING_WORDS` words.

    >>> is_heading_in_capitals("WHAT’S BREWING."), is_heading_in_capitals("UK PM")
    (True, False)
    """
    words = line.split()
    return (line.upper() == line and len(words) <= MAX_HEADING_WORDS
            and sum(ch.isupper() for ch in line) >= MIN_HEADING_CAPITALS
            and sum(sum(ch.isupper() for ch in w) >= 2 for w in words) >= 2)


def is_closed(line: str) -> bool:
    """True when a line ends like a sentence (full stop, ?, !, … before closing quotes).

    >>> is_closed("He said: 'We apologise.'"), is_closed("Sir Mark (pictured) in London")
    (True, False)
    """
    return bool(_CLOSED.search(line))


#: Characters :data:`_CLOSED` lets follow the closing punctuation (besides whitespace).
_CLOSING_TAIL = frozenset("'\"’”»)]")
_CLOSERS = frozenset(".!?…:;")


def _is_closed(line: str) -> bool:
    """:func:`is_closed` read from the line's end: skip the trailing whitespace, quotes and
    brackets, then look at one character (the regex tries every position of the line).
    The same answer: a closer is never whitespace, a quote or a bracket, so the regex can
    only match at the character just before that trailing run."""
    i = len(line)
    while i and (line[i - 1] in _CLOSING_TAIL or line[i - 1].isspace()):
        i -= 1
    return i > 0 and line[i - 1] in _CLOSERS


#: A line of more words than this is prose, whatever its punctuation or the words in it: no
#: headline or picture caption runs this long (the longest in the seeds has 31 words), while
#: a whole article on one line (a CSV cell, a scraped page) or a paragraph cut off before
#: its full stop does.
MAX_CAPTION_WORDS = 60


def line_kind(line: str, position: int, headline: str | None = None) -> str:
    """Label a kept line ``headline``, ``caption`` or ``body``.

    The manifest's headline, or a first line without closing punctuation, is the headline;
    a picture credit, a "(pictured)" cue or any other line without closing punctuation is a
    caption; everything else, and any line of more than :data:`MAX_CAPTION_WORDS` words, is
    body text.

    >>> line_kind("Police chiefs agree to talks", 0), line_kind("Police chiefs agree.", 0)
    ('headline', 'body')
    >>> line_kind("Mr Falter (pictured) at the march", 3)
    'caption'
    >>> line_kind("A whole article on one line, its photo credit inside " * 10, 0)
    'body'
    """
    if headline and _same_headline(line, headline):
        return "headline"
    return _line_kind(line, len(line.split()), position, None)


def _line_kind(line: str, n_words: int, position: int, headline: str | None) -> str:
    """:func:`line_kind` of a line normalised by :func:`normalise_line`, given its number
    of words (``len(line.split())``)."""
    # ``line`` comes normalised from clean_article; an ASCII line normalised once stays
    # the same when normalised again (elsewhere dropping a control character can leave a
    # combining mark that NFC then composes, so it is normalised again)
    if headline and _same_normalised_headline(
            line if line.isascii() else normalise_line(line), headline):
        return "headline"
    if n_words > MAX_CAPTION_WORDS:
        return "body"
    if "(" in line:
        if _CREDIT.search(line) or _CAPTION_CUES.search(line):
            return "caption"
    # without "(" only the credits anchored at the line's start can match
    elif _CREDIT.match(line):
        return "caption"
    if not _is_closed(line):
        return "headline" if position == 0 else "caption"
    return "body"


def _same_headline(line: str, headline: str) -> bool:
    return _same_normalised_headline(normalise_line(line), headline)


def _same_normalised_headline(line: str, headline: str) -> bool:
    a = line.rstrip(". …").casefold()
    b = _headline_key(headline)
    return bool(a) and (a == b or (len(b) > 20 and a.startswith(b)))


@lru_cache(maxsize=64)
def _headline_key(headline: str) -> str:
    """A headline as lines are compared with it: normalised, no closing dots, case-folded
    (worked out once per article, not once per line)."""
    return normalise_line(headline).rstrip(". …").casefold()


def furniture_reason(line: str) -> str | None:
    """The reason a line is page or aggregator furniture, or ``None``.

    >>> furniture_reason("read more from dailymail.....")
    'aggregator link back to the source site ("read more from …")'
    >>> furniture_reason("The Met said it would not comment.") is None
    True
    """
    pattern, reasons = _furniture_alternation()
    match = pattern.fullmatch(line)
    if match is None:
        return None
    for i, reason in enumerate(reasons):
        if match.group(f"f{i}") is not None:
            return reason
    return None  # pragma: no cover - one alternative always matched


def clean_article(raw_text: str, headline: str | None = None) -> CleanArticle:
    """Clean one article's raw text.

    >>> c = clean_article("Title here\\n\\nBody line.\\nBody line.\\ncomments")
    >>> c.text, c.kinds
    ('Title here\\nBody line.', 'hb')
    >>> [(r["line_no"], r["reason"]) for r in c.removed]
    [(4, 'repeats line 3'), (5, 'page furniture (a lone interface word)')]
    """
    kept: list[str] = []
    line_nos: list[int] = []
    kinds: list[str] = []
    removed: list[dict] = []
    first_line: dict[str, int] = {}
    published = None
    seen_content = False
    run_together: list[int] = []
    repaired: list[int] = []
    headings: list[int] = []
    for line_no, line in _lines(raw_text, run_together, repaired, headings):
        if not seen_content:
            seen_content = True
            match = _DATE_PREFIX.match(line)
            if match:
                published = match.group(1)
                removed.append(_removed(line_no, match.group(0).strip(), "scraped metadata prefix"))
                line = line[match.end():].strip()
                if not line:
                    continue
        reason = furniture_reason(line)
        if reason is None and line in first_line:
            reason = f"repeats line {first_line[line]}"
        if reason is not None:
            removed.append(_removed(line_no, line, reason))
            continue
        first_line[line] = line_no
        # a normalised line's words are separated by single spaces
        kinds.append(_line_kind(line, line.count(" ") + 1, len(kept), headline)[0])
        kept.append(line)
        line_nos.append(line_no)
    return CleanArticle("\n".join(kept), "".join(kinds), removed, published, line_nos,
                        run_together, repaired, headings)


def _lines(raw_text: str, run_together: list[int], repaired: list[int],
           headings: list[int]) -> Iterator[tuple[int, str]]:
    """Each non-empty normalised line with its 1-based number, a line whose paragraphs ran
    together given piece by piece (its number added to ``run_together`` once per cut), a
    line whose mojibake was repaired noted in ``repaired``, a heading in capitals run into
    its paragraph given apart (the line's number added to ``headings``)."""
    for line_no, raw_line in enumerate(raw_text.splitlines(), start=1):
        if not raw_line or raw_line.isspace():  # normalises to ""
            continue
        fixed = repair_mojibake(raw_line)   # before control characters (C1 bytes) go
        if fixed != raw_line:
            repaired.append(line_no)
        line = normalise_line(fixed)
        if not line:
            continue
        pieces = split_run_together(line)
        run_together.extend([line_no] * (len(pieces) - 1))
        for i, piece in enumerate(pieces):
            if i == 0:
                parts = split_run_in_heading(piece)
                if len(parts) > 1:
                    headings.append(line_no)
                    yield line_no, parts[0].strip()
                    piece = parts[1]
            yield line_no, piece.strip()


def _removed(line_no: int, text: str, reason: str) -> dict:
    return {"line_no": line_no, "text": text, "reason": reason}


def removal_report(corpus: pd.DataFrame) -> pd.DataFrame:
    """Every line cleaning removed: ``article_id``, ``line_no`` (1-based in ``raw_text``),
    ``text`` and ``reason``.

    Recomputed from ``raw_text``, so it always matches the corpus it is given.

    >>> from analysis import load_corpus
    >>> report = removal_report(load_corpus("seeds"))
    >>> sorted(report.columns)
    ['article_id', 'line_no', 'reason', 'text']
    """
    rows = [
        {"article_id": str(article_id), **row}
        for article_id, raw_text in zip(corpus["article_id"], corpus["raw_text"], strict=True)
        if isinstance(raw_text, str)
        for row in clean_article(raw_text).removed
    ]
    return pd.DataFrame(rows, columns=["article_id", "line_no", "text", "reason"])
