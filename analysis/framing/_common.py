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
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TypeVar

import pandas as pd

#: A word: letters or digits, with inner apostrophes and hyphens (as ``count_words``).
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")

SENTENCE_COLUMNS = ("article_id", "sentence_id", "kind", "text", "start", "end")
#: Readings of tables already made inside :func:`reuse_readings`, keyed by the tables'
#: identities (each entry keeps its tables alive, so an identity cannot be reused).
_READINGS: ContextVar[dict | None] = ContextVar("framing_readings", default=None)
T = TypeVar("T")
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
    >>> bool(re.fullmatch(term_regex("I'm"), "I’m"))
    True
    """
    words = term.split()
    parts = []
    for i, word in enumerate(words):
        star = word.endswith("*") and len(word) > 1
        core = word[:-1] if star else word
        piece = "".join("['’]" if ch in "'’" else re.escape(ch) for ch in core)
        if star:
            piece += r"[\w'’\-]*"
        elif plural and i == len(words) - 1 and core[-1:].isalpha():
            piece += "(?:e?s)?"
        parts.append(piece)
    body = r"\s+".join(parts)
    left = r"(?<![\w\-])" if re.match(r"\w", term) else ""
    right = r"(?![\w])" if re.search(r"[\w*]$", term) else ""
    return left + body + right


#: Non-ASCII characters that ``re.IGNORECASE`` lets match an ASCII letter (ı, İ, ſ and the
#: Kelvin sign), mapped to that letter; every other character matches only itself and its
#: case partners (a test checks this against the whole of Unicode).
ASCII_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_FOLDED = re.compile("[" + "".join(chr(c) for c in ASCII_FOLD) + "]")
#: Characters of a term's opening letters used to look it up (see :class:`TermIndex`).
KEY_CHARS = 4


@dataclass(frozen=True)
class TermMatcher:
    """Finds the longest non-overlapping occurrences of a list of terms in a text."""

    terms: tuple[str, ...]
    pattern: re.Pattern[str] | None
    #: where a match can begin: a word's first character, or a term's first symbol ("£")
    starts: re.Pattern[str] | None = None
    plural: bool = False

    @classmethod
    def build(cls, terms: Iterable[str], plural: bool = False) -> TermMatcher:
        """Compile a matcher; longer terms win where two overlap.

        Matchers are cached by their terms, so building the same list again is free.

        >>> m = TermMatcher.build(["Commissioner", "Assistant Commissioner"])
        >>> [t for _, _, t in m.find("Assistant Commissioner Matt Twist and the Commissioner")]
        ['Assistant Commissioner', 'Commissioner']
        """
        unique = tuple(dict.fromkeys(t.strip() for t in terms if t and t.strip()))
        return _build_matcher(unique, bool(plural))

    @property
    def order(self) -> list[int]:
        """Indexes of :attr:`terms` in the order the pattern tries them (longest first)."""
        return sorted(range(len(self.terms)), key=lambda i: (-len(self.terms[i]), i))

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """``(start, end, term)`` for every occurrence, left to right.

        The same matches as scanning ``pattern`` over every character (``finditer``), but
        only the few terms that begin with the letters at a word's start are tried there
        (see :class:`TermIndex`), which is many times faster on long lists.

        >>> TermMatcher.build(["slam*"]).find("It was slammed.")
        [(7, 14, 'slam*')]
        >>> TermMatcher.build(["£*"]).find("It cost £5m.")
        [(8, 11, '£*')]
        """
        if self.pattern is None or not text:
            return []
        index = self.__dict__.get("_index")
        if index is None:  # built once per matcher (matchers are cached by their terms)
            index = TermIndex((self,))
            object.__setattr__(self, "_index", index)
        return index.find(text)[0]


@lru_cache(maxsize=256)
def _build_matcher(unique: tuple[str, ...], plural: bool) -> TermMatcher:
    if not unique:
        return TermMatcher((), None, None, plural)
    order = sorted(range(len(unique)), key=lambda i: (-len(unique[i]), i))
    alts = [f"(?P<t{i}>{term_regex(unique[i], plural)})" for i in order]
    symbols = {t[0] for t in unique if not re.match(r"\w", t)}
    if symbols & set("'’"):
        symbols |= set("'’")
    starts = r"(?<![\w\-])\w" + (
        "|[" + "".join(re.escape(ch) for ch in sorted(symbols)) + "]" if symbols else "")
    return TermMatcher(unique, re.compile("|".join(alts), re.IGNORECASE),
                       re.compile(starts, re.IGNORECASE), plural)


def _term_key(term: str) -> str:
    """The lower-cased literal characters a term's matches begin with, at most
    :data:`KEY_CHARS` of them; "" when there are none.

    The key stops before an apostrophe (it matches ' or ’) and before a non-ASCII character
    that has case (ignore-case matching may equate it with others); a symbol without case
    ("£") matches only itself and stays in the key.

    >>> _term_key("Accus*"), _term_key("£*"), _term_key("I'm"), _term_key("élan")
    ('accu', '£', 'i', '')
    """
    first = term.split()[0]
    core = first[:-1] if first.endswith("*") and len(first) > 1 else first
    key = ""
    for ch in core[:KEY_CHARS]:
        if ch in "'’" or not (ch.isascii() or ch.lower() == ch == ch.upper()):
            break
        key += ch.lower()
    return key


#: Stands for the end of a word in :func:`_place_key` (``(?![\w])`` in :func:`trie_regex`).
WORD_END = "\x00"
#: Stands for an apostrophe, ' or ’, in :func:`_place_key` (``['’]`` in :func:`trie_regex`).
APOSTROPHE = "\x01"


def _place_key(term: str, plural: bool = False) -> str:
    """The lower-cased literal text every match of a term begins with, as far as it is
    known: :func:`_term_key`'s characters, but on to the end of the first word and over
    the next words, a space standing for the run of whitespace between two words and
    :data:`APOSTROPHE` for an apostrophe; it stops at a non-ASCII character with case (as
    :func:`_term_key` does) and at a ``*``. It begins with :func:`_term_key` of the term.
    A term read to its end, whose pattern ends at a word's end (no plural ending), ends
    with :data:`WORD_END`.

    >>> _place_key("the right to"), _place_key("Accus*"), _place_key("I'm"), _place_key("£*")
    ('the right to\\x00', 'accus', 'i\\x01m\\x00', '£')
    >>> _place_key("I"), _place_key("row", plural=True), _place_key("U.S.")
    ('i\\x00', 'row', 'u.s.')
    """
    key = ""
    for n, word in enumerate(term.split()):
        star = word.endswith("*") and len(word) > 1
        core = word[:-1] if star else word
        if n:
            key += " "
        for ch in core:
            if ch in "'’":
                key += APOSTROPHE
                continue
            if not (ch.isascii() or ch.lower() == ch == ch.upper()):
                return key
            key += ch.lower()
        if star:
            return key
    # the pattern's own test for its right edge (term_regex)
    return key + WORD_END if not plural and re.search(r"[\w*]$", term) else key


def trie_regex(keys: Iterable[str], space: str | None = None) -> str:
    r"""A regular expression matching the start of any of ``keys`` (literal strings).

    Written as a tree of alternatives by first character, so the regex engine rules out a
    place after a character or two; a key that extends a shorter key adds nothing. With
    ``space``, a space in a key stands for that regex (e.g. ``r"\s+"``),
    :data:`WORD_END` for the end of a word and :data:`APOSTROPHE` for ' or ’.

    >>> trie_regex(["row", "rows", "riot", "£"])
    '(?:r(?:iot|ow)|£)'
    >>> trie_regex(["at home", "at once"], space=r"\s+")
    'at\\s+(?:home|once)'
    """
    tree: dict = {}
    for key in keys:
        node = tree
        for ch in key:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        if "" in node:  # a key ends here: the longer ones need not be checked
            return ""
        alts = [(space if space is not None and ch == " "
                 else r"(?![\w])" if space is not None and ch == WORD_END
                 else "['’]" if space is not None and ch == APOSTROPHE
                 else re.escape(ch)) + walk(child)
                for ch, child in sorted(node.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return walk(tree)


class TermIndex:
    """Several :class:`TermMatcher` lists matched in one pass over a text.

    :meth:`find` gives, for each matcher, exactly what its full pattern finds (the first
    term in the pattern's order that matches at a place, places left to right, no
    overlaps), but instead of trying every term wherever a word begins it looks the word's
    first :data:`KEY_CHARS` letters up in a dictionary of the terms' opening letters
    (:func:`_term_key`) and tries only those terms, plus any term without a key (one that
    opens with an apostrophe or a non-ASCII letter). Matching ignores case the way
    ``re.IGNORECASE`` does: the text is lower-cased after :data:`ASCII_FOLD`, so a letter
    that could match a term's letter gives the same key. When every term has a key, one
    regex (a :func:`trie_regex` of the keys) finds the places to look, so words that no
    term begins with cost no Python work at all.

    >>> a, b = TermMatcher.build(["row*", "dispute"]), TermMatcher.build(["police"])
    >>> TermIndex([a, b]).find("Police in a row.")
    [[(12, 15, 'row*')], [(0, 6, 'police')]]
    """

    def __init__(self, matchers: Sequence[TermMatcher]) -> None:
        self.n_groups = len(matchers)
        items: list[tuple[int, int, str, re.Pattern[str], str]] = []
        symbols: set[str] = set()
        for group, matcher in enumerate(matchers):
            if matcher.pattern is None:
                continue
            for rank, i in enumerate(matcher.order):
                term = matcher.terms[i]
                items.append((group, rank, term,
                              re.compile(term_regex(term, matcher.plural), re.IGNORECASE),
                              _term_key(term)))
                if not re.match(r"\w", term):
                    symbols.add(term[0])
        if symbols & set("'’"):
            symbols |= set("'’")
        self.starts = re.compile(r"(?<![\w\-])\w" + (
            "|[" + "".join(re.escape(ch) for ch in sorted(symbols)) + "]" if symbols else ""),
            re.IGNORECASE)
        self._keyed: dict[int, dict[str, list[tuple[int, int, str, re.Pattern[str]]]]] = {}
        self._wild: list[tuple[int, int, str, re.Pattern[str]]] = []
        place_keys = set()
        for group, rank, term, regex, key in items:
            entry = (group, rank, term, regex)
            if key:
                self._keyed.setdefault(len(key), {}).setdefault(key, []).append(entry)
                place_keys.add(_place_key(term, matcher.plural))
            else:
                self._wild.append(entry)
        self._all = tuple(sorted(item[:4] for item in items))
        # Where a term can begin, found by the regex engine in the folded text: a word's
        # first letters equal to the known opening of a term (:func:`_place_key`, which
        # starts with the term's key; folding keeps a character a word character or not,
        # whitespace or not), or a symbol key anywhere. Without keyless terms only these
        # places matter.
        keys = sorted(place_keys)
        word_keys = [k for k in keys if re.match(r"\w", k)]
        symbol_keys = [k for k in keys if not re.match(r"\w", k)]
        places = ([r"(?<![\w\-])(?=" + trie_regex(word_keys, r"\s+") + ")"]
                  if word_keys else []) + (
            ["(?=" + trie_regex(symbol_keys, r"\s+") + ")"] if symbol_keys else [])
        self._places = (re.compile("|".join(places)) if places and not self._wild else None)
        self._cache: dict[str, tuple[tuple[int, int, str, re.Pattern[str]], ...]] = {}

    def _candidates(self, key: str) -> tuple[tuple[int, int, str, re.Pattern[str]], ...]:
        """The terms that can match where the (folded, lower-cased) text begins with key."""
        found = self._cache.get(key)
        if found is None:
            entries = list(self._wild)
            for size, table in self._keyed.items():
                if len(key) >= size:
                    entries.extend(table.get(key[:size], ()))
            found = tuple(sorted(entries))  # by matcher, then in the pattern's order
            if len(self._cache) > 100_000:
                self._cache.clear()
            self._cache[key] = found
        return found

    def find(self, text: str) -> list[list[tuple[int, int, str]]]:
        """Per matcher, ``(start, end, term)`` for every occurrence, left to right."""
        out: list[list[tuple[int, int, str]]] = [[] for _ in range(self.n_groups)]
        if not text or not self._all:
            return out
        # ASCII_FOLD changes only its four characters: text without them is lower-cased alone
        folded = (text.translate(ASCII_FOLD).lower()
                  if not text.isascii() and _FOLDED.search(text) else text.lower())
        exact_keys = len(folded) == len(text)  # else: try every term everywhere
        if exact_keys and self._places is not None:
            if self._places.search(folded) is None:  # most sentences: no place at all
                return out
            places = self._places.finditer(folded)
        else:
            places = self.starts.finditer(text)
        last = [0] * self.n_groups
        candidates = self._candidates
        for place in places:
            pos = place.start()
            entries = candidates(folded[pos:pos + KEY_CHARS]) if exact_keys else self._all
            if not entries:
                continue
            done = -1
            for group, _rank, term, regex in entries:
                if group == done or pos < last[group]:
                    continue
                m = regex.match(text, pos)
                if m is not None:
                    out[group].append((pos, m.end(), term))
                    last[group] = m.end()
                    done = group
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


def quote_span_pair(
    quotes: pd.DataFrame | None,
) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """``attribution.quote_spans`` for ("direct", "mixed") and for ("scare",), in one pass.

    The same spans by the same rules (a quotation's ``parts`` when it has them, else its
    start and end; empty or missing spans skipped; overlapping or touching spans merged),
    read column by column instead of row by row: many times faster on a quotation table
    with many columns. A test checks it against ``quote_spans``.

    >>> q = pd.DataFrame({"article_id": ["1", "1", "1"], "kind": ["direct", "scare", "mixed"],
    ...                   "start": [10, 40, 18], "end": [20, 45, 25]})
    >>> quote_span_pair(q)
    ({'1': [(10, 25)]}, {'1': [(40, 45)]})
    """
    if quotes is None or len(quotes) == 0:
        return {}, {}
    raw: tuple[dict[str, list[tuple[int, int]]], ...] = ({}, {})
    which = {"direct": 0, "mixed": 0, "scare": 1}
    parts = (quotes["parts"].tolist() if "parts" in quotes.columns
             else [None] * len(quotes))
    for aid, kind, start, end, pieces in zip(
            quotes["article_id"].tolist(), quotes["kind"].tolist(), quotes["start"].tolist(),
            quotes["end"].tolist(), parts, strict=True):
        slot = which.get(kind) if isinstance(kind, str) else None
        if slot is None:
            continue
        if not isinstance(pieces, (list, tuple)) or not pieces:
            pieces = [(start, end)]
        for s, e in pieces:
            if pd.isna(s) or pd.isna(e) or int(e) <= int(s):
                continue
            raw[slot].setdefault(str(aid), []).append((int(s), int(e)))
    from analysis.attribution import merge_spans

    return merge_spans(raw[0]), merge_spans(raw[1])


def spans_by_voice(
    corpus: pd.DataFrame, quotes: pd.DataFrame | None = None
) -> tuple[dict[str, list[tuple[int, int]]], dict[str, list[tuple[int, int]]]]:
    """Per article, the spans of sources' words (direct/mixed quotes) and of scare quotes.

    Inside :func:`reuse_readings` a given ``quotes`` table is read once.

    >>> df = pd.DataFrame({"article_id": ["1"], "text": ["He said: 'We will go now.' A 'row'."]})
    >>> spans_by_voice(df, fallback_quotes(df))
    ({'1': [(10, 25)]}, {'1': [(30, 33)]})
    """
    if _READINGS.get() is None or quotes is None:
        return quote_span_pair(get_quotes(corpus, quotes))
    quoted, scare = _read_once(("spans",), (quotes,), lambda: quote_span_pair(quotes))
    return ({a: list(v) for a, v in quoted.items()}, {a: list(v) for a, v in scare.items()})


def _read_once(what: tuple, tables: tuple, compute: Callable[[], T]) -> T:
    """Inside :func:`reuse_readings`, ``compute()`` for ``what`` of these very table
    objects, computed the first time and held (with the tables, so that their identities
    stay theirs) for later calls."""
    memo = _READINGS.get()
    key = (*what, *map(id, tables))
    held = memo.get(key)
    if held is None or any(a is not b for a, b in zip(held[0], tables, strict=True)):
        held = memo[key] = (tables, compute())
    return held[1]


@contextmanager
def reuse_readings() -> Iterator[None]:
    """Inside this block, :func:`body_columns` and :func:`spans_by_voice` read given
    tables once: a later call with the very same table objects (and arguments) gets a copy
    of the first result. :func:`analysis.pipeline.analyze` runs each chunk's framing
    measures in this block; the tables must not be changed inside it.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "text": ["Hi. Bye."]})
    >>> from analysis import split_sentences
    >>> s = split_sentences(c)
    >>> with reuse_readings():
    ...     first = body_columns(c, sentences=s)
    ...     first["text"].append("changed by a caller")
    ...     body_columns(c, sentences=s)["text"]
    ['Hi.', 'Bye.']
    """
    if _READINGS.get() is not None:
        yield
        return
    token = _READINGS.set({})
    try:
        yield
    finally:
        _READINGS.reset(token)


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


def _sentences_of(corpus: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    """``sentences`` checked for the columns of split_sentences, or split now when None."""
    if sentences is None:
        from analysis import split_sentences

        return split_sentences(corpus)
    missing = [c for c in SENTENCE_COLUMNS if c not in sentences.columns]
    if missing:
        raise ValueError(f"sentences= needs the columns of split_sentences; {missing} missing")
    return sentences


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
    sentences = _sentences_of(corpus, sentences)
    ids = corpus["article_id"].astype(str)
    sentences = sentences[sentences["kind"].isin(kinds)
                          & sentences["article_id"].astype(str).isin(set(ids))].copy()
    outlets = dict(zip(ids, corpus["outlet"].fillna("unknown"), strict=False))
    sentences["article_id"] = sentences["article_id"].astype(str)
    sentences["outlet"] = sentences["article_id"].map(outlets)
    return sentences.reset_index(drop=True)


def body_columns(corpus: pd.DataFrame, kinds: Sequence[str] = ("body",),
                 sentences: pd.DataFrame | None = None,
                 columns: Sequence[str] = ("article_id", "sentence_id", "text", "start", "end",
                                           "outlet")) -> dict[str, list]:
    """The rows of :func:`body_sentences` as plain lists, one per column (fast to loop over).

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "text": ["Hi there. Bye."]})
    >>> body_columns(c, columns=("sentence_id", "text", "outlet"))
    {'sentence_id': [0, 1], 'text': ['Hi there.', 'Bye.'], 'outlet': ['X', 'X']}
    """
    if _READINGS.get() is None or sentences is None:
        return _body_columns(corpus, kinds, sentences, columns)
    held = _read_once(("body", tuple(kinds), tuple(columns)), (corpus, sentences),
                      lambda: _body_columns(corpus, kinds, sentences, columns))
    return {col: list(values) for col, values in held.items()}


def _body_columns(corpus: pd.DataFrame, kinds: Sequence[str],
                  sentences: pd.DataFrame | None, columns: Sequence[str]) -> dict[str, list]:
    check_corpus(corpus)
    sentences = _sentences_of(corpus, sentences)
    ids = corpus["article_id"].astype(str)
    article_ids = sentences["article_id"].astype(str)
    keep = (sentences["kind"].isin(kinds) & article_ids.isin(set(ids))).to_numpy()
    out: dict[str, list] = {}
    for col in columns:
        if col == "outlet":
            continue
        values = article_ids if col == "article_id" else sentences[col]
        out[col] = values[keep].tolist()
    if "outlet" in columns:
        outlets = dict(zip(ids, corpus["outlet"].fillna("unknown"), strict=False))
        aids = out["article_id"] if "article_id" in out else article_ids[keep].tolist()
        out["outlet"] = [outlets[a] for a in aids]
    return {col: out[col] for col in columns}


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
