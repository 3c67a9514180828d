"""Shared helpers of the framing measures: word lists, term matching, narration vs quotes.

Every word list is a CSV in ``analysis/data`` (see ``SOURCES.md``). Terms in those lists
use one small syntax, so a reader can edit them without knowing regular expressions:

* matching ignores case and only matches whole words ("row" does not match "arrow");
* ``*`` at the end of a word stands for any ending ("accus*" matches "accused", "accuses");
* a space matches any run of spaces; an apostrophe matches ' and ’.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pandas as pd

#: A word: letters or digits, with inner apostrophes and hyphens (as ``count_words``).
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

SENTENCE_COLUMNS = ("article_id", "sentence_id", "kind", "text", "start", "end")
FRAMES = ("conflict", "human_interest", "responsibility", "morality", "economic")


def read_data_csv(name: str) -> list[dict[str, str]]:
    """Rows of a CSV file in ``analysis/data`` as dictionaries (header = keys).

    >>> rows = read_data_csv("framing_label_families.csv")
    >>> sorted(rows[0])[:2]
    ['exclude', 'family']
    """
    path = resources.files("analysis") / "data" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {k: (v or "").strip() for k, v in row.items() if k is not None}
            for row in csv.DictReader(handle)
        ]


def term_regex(term: str, plural: bool = False) -> str:
    """The regular expression (without flags) for one list term.

    >>> bool(re.fullmatch(term_regex("accus*"), "accused"))
    True
    >>> bool(re.fullmatch(term_regex("march", plural=True), "marches"))
    True
    """
    words = term.split()
    parts = []
    for i, word in enumerate(words):
        star = word.endswith("*") and len(word) > 1
        core = word[:-1] if star else word
        piece = re.escape(core).replace("'", "['’]").replace("’", "['’]")
        if star:
            piece += r"[\w'’\-]*"
        elif plural and i == len(words) - 1 and core[-1:].isalpha():
            piece += "(?:e?s)?"
        parts.append(piece)
    body = r"\s+".join(parts)
    left = r"(?<![\w\-])" if re.match(r"\w", term) else ""
    right = r"(?![\w])" if re.search(r"[\w*]$", term) else ""
    return left + body + right


@dataclass(frozen=True)
class TermMatcher:
    """Finds the longest non-overlapping occurrences of a list of terms in a text."""

    terms: tuple[str, ...]
    pattern: re.Pattern[str] | None
    #: where a match can begin: a word's first character, or a term's first symbol ("£")
    starts: re.Pattern[str] | None = None

    @classmethod
    def build(cls, terms: Iterable[str], plural: bool = False) -> TermMatcher:
        """Compile a matcher; longer terms win where two overlap.

        >>> m = TermMatcher.build(["Commissioner", "Assistant Commissioner"])
        >>> [t for _, _, t in m.find("Assistant Commissioner Matt Twist and the Commissioner")]
        ['Assistant Commissioner', 'Commissioner']
        """
        unique = tuple(dict.fromkeys(t.strip() for t in terms if t and t.strip()))
        if not unique:
            return cls((), None)
        order = sorted(range(len(unique)), key=lambda i: (-len(unique[i]), i))
        alts = [f"(?P<t{i}>{term_regex(unique[i], plural)})" for i in order]
        symbols = {t[0] for t in unique if not re.match(r"\w", t)}
        if symbols & set("'’"):
            symbols |= set("'’")
        starts = r"(?<![\w\-])\w" + (
            "|[" + "".join(re.escape(ch) for ch in sorted(symbols)) + "]" if symbols else "")
        return cls(unique, re.compile("|".join(alts), re.IGNORECASE),
                   re.compile(starts, re.IGNORECASE))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, term)`` for every occurrence, left to right.

        The same matches as scanning ``pattern`` over every character (``finditer``), but
        the pattern is tried only where a term can begin (terms that start with a letter
        begin a word), which is several times faster on long lists.

        >>> TermMatcher.build(["slam*"]).find("It was slammed.")
        [(7, 14, 'slam*')]
        >>> TermMatcher.build(["£*"]).find("It cost £5m.")
        [(8, 11, '£*')]
        """
        if self.pattern is None or not text:
            return []
        out = []
        last = 0
        starts = self.starts.finditer(text) if self.starts is not None else (
            m for m in re.finditer(r"(?s).", text))
        for candidate in starts:
            pos = candidate.start()
            if pos < last:
                continue
            m = self.pattern.match(text, pos)
            if m is None or m.lastgroup is None:
                continue
            out.append((m.start(), m.end(), self.terms[int(m.lastgroup[1:])]))
            last = m.end()
        return out


def split_terms(cell: str) -> list[str]:
    """Split a ';'-separated cell of a word list.

    >>> split_terms("a; b ;;c")
    ['a', 'b', 'c']
    """
    return [t.strip() for t in (cell or "").split(";") if t.strip()]


# --- narration vs quotes ---------------------------------------------------------------

_OPEN = "\"“‘'"
_FALLBACK_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s(:\-–—]))([\"“‘'])(.+?)(?:([\"”’'])(?=$|[\s.,;:!?)\-–—])|$)",
    re.MULTILINE,
)


def fallback_quotes(corpus: pd.DataFrame) -> pd.DataFrame:
    """Quotations found by quotation marks alone (used only if attribution is missing).

    A span between quotation marks of four words or more is "direct"; a shorter one is
    "scare" (a quoted word or phrase). A paragraph that opens a quotation without closing
    it is quoted to its end (British style for quotes running over paragraphs).

    >>> df = pd.DataFrame({"article_id": ["1"], "text": ["He said: 'We will go now.' A 'row'."]})
    >>> fallback_quotes(df)[["quote", "kind"]].values.tolist()
    [['We will go now.', 'direct'], ['row', 'scare']]
    """
    rows = []
    for aid, text in zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False):
        for m in _FALLBACK_QUOTE.finditer(text):
            quote = m.group(2)
            n_words = len(WORD.findall(quote))
            if n_words == 0:
                continue
            kind = "direct" if n_words >= 4 else "scare"
            rows.append({"article_id": aid, "quote": quote, "kind": kind,
                         "start": m.start(2), "end": m.start(2) + len(quote)})
    return pd.DataFrame(rows, columns=["article_id", "quote", "kind", "start", "end"])


def get_quotes(corpus: pd.DataFrame, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The corpus's quotations: ``quotes`` if given, else ``attribution.extract_quotes``.

    Falls back to :func:`fallback_quotes` only when the attribution module has no
    ``extract_quotes`` yet.
    """
    if quotes is not None:
        return quotes
    try:
        from analysis.attribution import extract_quotes
    except ImportError:
        return fallback_quotes(corpus)
    return extract_quotes(corpus)


def spans_by_voice(
    corpus: pd.DataFrame, quotes: pd.DataFrame | None = None
) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """Per article, the spans of sources' words (direct/mixed quotes) and of scare quotes.

    >>> df = pd.DataFrame({"article_id": ["1"], "text": ["He said: 'We will go now.' A 'row'."]})
    >>> spans_by_voice(df, fallback_quotes(df))
    ({'1': [(10, 25)]}, {'1': [(30, 33)]})
    """
    from analysis.attribution import quote_spans

    q = get_quotes(corpus, quotes)
    return quote_spans(q, ("direct", "mixed")), quote_spans(q, ("scare",))


def voice_of(start: int, end: int, quoted: Sequence[tuple[int, int]],
             scare: Sequence[tuple[int, int]], text: str = "") -> str:
    """"quote", "scare quote" or "narration" for the span ``[start, end)``.

    A span the outlet puts in quotation marks itself (a scare quote, or a phrase set off
    by quotation marks right around it) is told apart from a source's quoted words.

    >>> voice_of(0, 3, [(0, 10)], [])
    'quote'
    >>> voice_of(1, 4, [], [], "'row' began")
    'scare quote'
    >>> voice_of(0, 3, [], [], "row began")
    'narration'
    """
    from analysis.attribution import in_spans

    if in_spans(quoted, start, end):
        return "quote"
    if in_spans(scare, start, end):
        return "scare quote"
    if text and start > 0 and text[start - 1] in _OPEN:
        close = text[end:].lstrip()[:1] if end < len(text) else ""
        if close and close in "\"”’'":
            return "scare quote"
        # a phrase opened by a quotation mark and closed a few words later
        rest = text[end:end + 40]
        if re.match(r"[^\"“”‘’'\n]{0,30}[\"”’'](?=$|[\s.,;:!?)])", rest):
            return "scare quote"
    return "narration"


def check_corpus(corpus: pd.DataFrame) -> None:
    """Raise a clear ValueError unless ``corpus`` has the columns the measures read.

    >>> check_corpus(pd.DataFrame({"article_id": ["1"], "text": ["x"]}))
    Traceback (most recent call last):
    ...
    ValueError: the corpus needs columns ['outlet'] (use analysis.load_corpus)
    """
    if not isinstance(corpus, pd.DataFrame):
        raise ValueError("the corpus must be a DataFrame from analysis.load_corpus")
    missing = [c for c in ("article_id", "outlet", "text") if c not in corpus.columns]
    if missing:
        raise ValueError(f"the corpus needs columns {missing} (use analysis.load_corpus)")


def body_sentences(corpus: pd.DataFrame, kinds: Sequence[str] = ("body",),
                   sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """``split_sentences`` rows of the given kinds, with the article's outlet.

    Pass ``sentences`` (``split_sentences`` output, for this corpus or a larger one) to
    use it instead of splitting again; rows of articles outside ``corpus`` are ignored.

    >>> from analysis import load_corpus
    >>> body_sentences(load_corpus("seeds")).kind.unique().tolist()  # doctest: +SKIP
    ['body']
    """
    check_corpus(corpus)
    if sentences is None:
        from analysis import split_sentences

        sentences = split_sentences(corpus)
    else:
        missing = [c for c in SENTENCE_COLUMNS if c not in sentences.columns]
        if missing:
            raise ValueError(f"sentences= needs the columns of split_sentences; {missing} "
                             "missing")
    ids = corpus["article_id"].astype(str)
    sentences = sentences[sentences["kind"].isin(kinds)
                          & sentences["article_id"].astype(str).isin(set(ids))].copy()
    outlets = dict(zip(ids, corpus["outlet"].fillna("unknown"), strict=False))
    sentences["article_id"] = sentences["article_id"].astype(str)
    sentences["outlet"] = sentences["article_id"].map(outlets)
    return sentences.reset_index(drop=True)


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` for each word of ``text``.

    >>> word_spans("Met boss's row")
    [(0, 3, 'Met'), (4, 10, "boss's"), (11, 14, 'row')]
    """
    return [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]


def words_by_voice(corpus: pd.DataFrame, sentences: pd.DataFrame,
                   quoted: dict[str, list[tuple[int, int]]]) -> pd.DataFrame:
    """Per article: words of the given sentences in narration and inside quotations.

    Returns columns article_id, outlet, narration_words, quote_words, words.
    """
    from analysis.attribution import in_spans

    rows = []
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False))
    outlets = dict(zip(corpus["article_id"].astype(str),
                       corpus["outlet"].fillna("unknown"), strict=False))
    counts: dict[str, list[int]] = {aid: [0, 0] for aid in texts}
    for s in sentences.itertuples(index=False):
        # only the quotation spans that reach into this sentence can cover its words
        spans = [(a, b) for a, b in quoted.get(s.article_id, []) if a < s.end and b > s.start]
        for ws, we, _ in word_spans(texts[s.article_id][s.start:s.end]):
            inside = in_spans(spans, s.start + ws, s.start + we)
            counts[s.article_id][1 if inside else 0] += 1
    for aid, (narr, quo) in counts.items():
        rows.append({"article_id": aid, "outlet": outlets[aid], "narration_words": narr,
                     "quote_words": quo, "words": narr + quo})
    return pd.DataFrame(rows, columns=["article_id", "outlet", "narration_words",
                                       "quote_words", "words"])


def context(text: str, start: int, end: int, width: int = 60) -> str:
    """A one-line snippet of ``text`` around ``[start, end)``, the match in [brackets].

    >>> context("Today the Met boss spoke.", 10, 18, width=4)
    '…the [Met boss] spo…'
    """
    left = max(0, start - width)
    right = min(len(text), end + width)
    snippet = (
        ("…" if left > 0 else "") + text[left:start] + "[" + text[start:end] + "]"
        + text[end:right] + ("…" if right < len(text) else "")
    )
    return " ".join(snippet.split())


@lru_cache(maxsize=8)
def _cached_rows(name: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    return tuple(tuple(sorted(r.items())) for r in read_data_csv(name))


def data_rows(name: str) -> list[dict[str, str]]:
    """Cached copy of :func:`read_data_csv` (the files are read once per session).

    >>> len(data_rows("framing_loaded_language.csv")) > 50
    True
    """
    return [dict(r) for r in _cached_rows(name)]
