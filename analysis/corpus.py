"""Load a corpus of news articles into one DataFrame, one row per article.

Accepted inputs: a folder of ``.txt`` / ``.html`` files (with or without a
``manifest.csv``), a CSV / TSV file or a JSONL file with a ``text`` column. Every article is
decoded (UTF-8 with or without BOM, UTF-16 with BOM, cp1252, Latin-1; the encoding used is
recorded), cleaned (:mod:`analysis.cleaning`) and given the columns of the shared design.

Bad input never disappears: a problem that makes the whole corpus unusable raises
:class:`~analysis.errors.CorpusError` naming the file (and row) and the reason; a bad file
or row among good ones is skipped and listed in :func:`load_report`, and a warning names it.
Inputs loaded with a caveat (a date that is not a date, a file the manifest omits, an article
whose every line was noise …) are listed in :func:`load_report` too.

Resources: one article may hold at most ``max_article_bytes`` (5 MB); one load at most
``max_corpus_bytes`` (500 MB of files), and never more than the memory the machine has
free (about :data:`MEMORY_FACTOR` times the file size is needed). Both limits are keyword
arguments of :func:`load_corpus`, so a user with a bigger machine can raise them.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
import unicodedata
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.cleaning import clean_article, normalise_line
from analysis.errors import CorpusError
from analysis.language import ENGLISH, UNDETERMINED, detect_language

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".tsv", ".jsonl", ".ndjson"}
MANIFEST_NAME = "manifest.csv"
#: Files of a seed-style folder that are documentation, not articles.
COMPANION_FILES = {MANIFEST_NAME, "actors.csv", "README.md", "LICENSE", ".gitkeep"}
#: Largest article file (bytes) or text (characters) loaded; larger ones are reported.
MAX_ARTICLE_BYTES = 5_000_000
#: Largest corpus (total bytes of article files, or of one CSV/JSONL file) loaded at once.
MAX_CORPUS_BYTES = 500_000_000
#: Largest CSV/JSONL file read (kept for callers of the first version; same as above).
MAX_TABLE_BYTES = MAX_CORPUS_BYTES
#: Memory a load needs, as a multiple of the bytes on disk (measured: about 7 for text with
#: curly quotes, which Python stores at two bytes a character, raw and clean copies).
MEMORY_FACTOR = 8

CORPUS_COLUMNS = [
    "article_id", "outlet", "headline", "published", "text", "raw_text", "word_count",
    "source_file",
]
REPORT_COLUMNS = ["source_file", "row", "article_id", "problem", "action"]
#: Columns load_corpus computes itself; an input column of the same name is not used.
COMPUTED_COLUMNS = {"text", "raw_text", "source_file", "encoding", "line_kinds", "word_count",
                    "raw_word_count", "extractor", "language"}
#: Table columns matched whatever their case or surrounding spaces ("Text", " text ").
KNOWN_COLUMNS = {"article_id", "text", "outlet", "headline", "published", "url",
                 "actor", "aliases", "type"}
#: Depth of nesting at which libxml2 (under trafilatura) stops reading an HTML page.
HTML_MAX_DEPTH = 255

_WORD = re.compile(r"[^\W_]+(?:(?:['’\-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
#: Bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_DELIMITERS = (",", ";", "\t", "|")


class _Skip(Exception):
    """One input that cannot be used; the rest of the corpus still loads."""


class _Report(tuple):
    """The load report kept in ``corpus.attrs``: immutable, so pandas need not copy it.

    pandas deep-copies ``attrs`` on every operation (filter, set_index …); a report of
    10,000 rows would make each of them slow.
    """

    def __deepcopy__(self, memo: dict) -> _Report:
        return self


def count_words(text: str) -> int:
    """Count words (letters or digits, with inner apostrophes, hyphens and digit separators).

    >>> count_words("Sir Mark's 'openly Jewish' row - 1,500 marchers")
    7

    The same count as ``len(_WORD.findall(text))``, read from per-character tables instead
    of building every word (text beyond the Basic Multilingual Plane is counted the regex
    way): a word begins at each letter or digit that does not follow one, and two runs are
    one word where a single apostrophe or hyphen joins letters or digits on both sides, or
    a single "." or "," joins two digits (the regex always runs on to the end of each run,
    so it takes every such join).
    """
    return _count_words(text, _WORD, digit_joins=True)


def _count_words(text: str, pattern: re.Pattern[str], digit_joins: bool) -> int:
    r"""``len(pattern.findall(text))`` for :data:`_WORD` (``digit_joins``) or the same
    pattern without its "." / "," between digits (``[^\W_]+(?:['’\-][^\W_]+)*``), from
    the per-character tables of :func:`_char_kinds`."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if not codes.size:
        return 0
    if int(codes.max()) > 0xFFFF:
        return len(pattern.findall(text))
    kind = _char_kinds()[codes]
    word = (kind & _WORD_CHAR).astype(bool)
    runs = int(word[0]) + int(np.count_nonzero(word[1:] & ~word[:-1]))
    if len(kind) < 3:
        return runs
    left, middle, right = kind[:-2], kind[1:-1], kind[2:]
    joins = (middle == _JOINER) & (left & right & _WORD_CHAR).astype(bool)
    if digit_joins:
        joins |= (middle == _DIGIT_JOINER) & (left & right & _DIGIT).astype(bool)
    return runs - int(np.count_nonzero(joins))


#: Bits of :func:`_char_kinds`: a word character (``[^\W_]``: ``str.isalnum``), a digit
#: (``\d``: ``str.isdecimal``); an apostrophe or hyphen, and "." or "," are whole values.
_WORD_CHAR, _DIGIT, _JOINER, _DIGIT_JOINER = 1, 2, 4, 8


@lru_cache(maxsize=1)
def _char_kinds() -> np.ndarray:
    """Each Basic Multilingual Plane character's kind for :func:`count_words`."""
    chars = [chr(c) for c in range(0x10000)]
    kinds = np.array([(_WORD_CHAR if ch.isalnum() else 0) | (_DIGIT if ch.isdecimal() else 0)
                      for ch in chars], dtype=np.uint8)
    kinds[[ord("'"), ord("’"), ord("-")]] = _JOINER
    kinds[[ord("."), ord(",")]] = _DIGIT_JOINER
    return kinds


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode an article file, returning the text and the encoding used.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; then the encoding
    the file ``declared`` (an HTML page's ``<meta charset>``), if it decodes the bytes;
    then a guess: when read as cp1252 the text is mostly accented gibberish and
    charset-normalizer finds an encoding that gives text in another script (Shift-JIS,
    windows-1251 …), that encoding, named with " (guessed)"; else cp1252, then Latin-1.
    Binary data raises ``ValueError``.

    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
    ('hi', 'utf-16')
    """
    if data.startswith(codecs.BOM_UTF8):
        if b"\x00" in data:
            raise ValueError("binary data (NUL bytes) after a UTF-8 byte-order mark")
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"UTF-8 byte-order mark but invalid UTF-8 at byte {exc.start + 3}") from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"UTF-16 byte-order mark but undecodable bytes ({exc.reason})") from None
    if data.startswith(_BINARY_MAGIC):
        raise ValueError("binary file (an image, PDF or archive), not text")
    if b"\x00" in data:
        raise ValueError("binary data (NUL bytes) in a file without a UTF-16 byte-order mark "
                         "(if it is UTF-16 text, save it with a byte-order mark or as UTF-8)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared), codecs.lookup(declared).name
        except (LookupError, UnicodeDecodeError):
            pass
    guessed = _guess_encoding(data)
    if guessed is not None:
        return guessed
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        pass
    text = data.decode("latin-1")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(3, len(text) // 100):
        raise ValueError("binary data (control bytes), not text")
    return text, "latin-1"


_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)


def declared_charset(html: bytes) -> str | None:
    """The encoding an HTML page declares in its first 4 KB (``<meta charset>`` or
    ``http-equiv="Content-Type"``), or ``None``.

    >>> declared_charset(b'<html><head><meta charset="windows-1251"></head>')
    'windows-1251'
    >>> declared_charset(b"<p>none</p>") is None
    True
    """
    match = _META_CHARSET.search(html[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", "replace")
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def _latin_share(text: str) -> tuple[float, float]:
    """(share of letters outside ASCII, share of letters in the Latin script) of a text."""
    letters = [ch for ch in text[:4000] if ch.isalpha()]
    if not letters:
        return 0.0, 1.0
    non_ascii = sum(ord(ch) > 127 for ch in letters)
    latin = sum(ord(ch) < 0x250 or unicodedata.name(ch, "").startswith("LATIN")
                for ch in letters)
    return non_ascii / len(letters), latin / len(letters)


def _guess_encoding(data: bytes) -> tuple[str, str] | None:
    """An encoding for bytes that are not UTF-8, when cp1252 would make gibberish of them."""
    if sum(byte > 127 for byte in data[:4000]) < 16:
        return None  # too few bytes outside ASCII to tell one encoding from another
    try:
        as_cp1252 = data.decode("cp1252")
    except UnicodeDecodeError:
        as_cp1252 = data.decode("latin-1")
    if _latin_share(as_cp1252)[0] < 0.3:
        return None  # mostly plain letters: a Western text
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding.startswith(("utf_16", "utf_32")):
        return None
    try:
        text = data.decode(best.encoding)
    except (LookupError, UnicodeDecodeError):
        return None
    if _latin_share(text)[1] > 0.5:
        return None
    return text, f"{best.encoding} (guessed)"


def load_corpus(
    path: str | Path,
    *,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
    errors: str = "report",
    max_corpus_bytes: int = MAX_CORPUS_BYTES,
) -> pd.DataFrame:
    """Load a corpus: one row per article with clean ``text`` and its ``raw_text``.

    ``errors="report"`` (the default) skips a bad file or row among good ones, lists it in
    :func:`load_report` and warns; ``errors="raise"`` raises :class:`CorpusError` at the
    first problem. A corpus with no usable article always raises. ``max_article_bytes``
    limits one article, ``max_corpus_bytes`` the whole load (see the module notes).

    >>> corpus = load_corpus("seeds")
    >>> len(corpus), corpus.loc[4, "outlet"], corpus.loc[4, "published"]
    (5, 'unknown', '2024-04-21')
    """
    if errors not in {"report", "raise"}:
        raise ValueError("errors must be 'report' or 'raise'")
    source = Path(path)
    try:
        exists, is_dir = source.exists(), source.is_dir()
    except (OSError, ValueError) as exc:
        raise CorpusError(f"not a usable path ({exc})", source=repr(str(path))) from None
    if not exists:
        raise CorpusError("no such file or folder", source=str(path))
    problems: list[dict] = []
    if is_dir:
        records = _read_folder(source, problems, max_article_bytes, max_corpus_bytes)
    elif source.suffix.lower() in TABLE_SUFFIXES:
        records = _read_table(source, problems, max_article_bytes, max_corpus_bytes)
    elif source.suffix.lower() in ARTICLE_SUFFIXES:
        try:
            records = [_read_article_file(source, source.stem, max_article_bytes)]
        except _Skip as exc:
            raise CorpusError(str(exc), source=str(path)) from None
    else:
        raise CorpusError(
            "not a corpus: give a folder of .txt/.html files, a .csv, .tsv or .jsonl file",
            source=str(path),
        )
    for record in records:
        note = record.pop("_note", None)
        if note is not None:
            problems.append(_problem(record["source_file"], None, record["article_id"], *note))
        for key, problem, action in _LINE_REPORTS:
            lines = record.pop(key, None)
            if lines:
                where = ", ".join(map(str, sorted(set(lines))))
                problems.append(_problem(
                    record["source_file"].partition("#")[0], _row_of(record["source_file"]),
                    record["article_id"], problem.format(n=len(lines), lines=where), action))
    _outlets_and_languages(records, problems)
    for record in records:
        if not record["text"].strip():
            problems.append(_problem(record["source_file"], None, record["article_id"],
                                     "every line was removed as scraper noise",
                                     "loaded with empty text (see removal_report)"))
    if errors == "raise" and problems:
        first = problems[0]
        raise CorpusError(first["problem"], source=first["source_file"], row=first["row"])
    if not records:
        detail = f"; {len(problems)} input(s) could not be used" if problems else ""
        raise CorpusError(f"no usable article found{detail}", source=str(path))
    _check_unique_ids(records)
    base = source if is_dir else source.parent
    for problem in problems:
        problem["source_file"] = relative_source(problem["source_file"], base)
    corpus = _to_frame(records, problems)
    skipped = [p for p in problems if p["action"].startswith("skipped")]
    if skipped:
        names = ", ".join(f"{p['source_file']}" + (f" row {p['row']}" if p["row"] else "")
                          for p in skipped[:5])
        more = f" and {len(skipped) - 5} more" if len(skipped) > 5 else ""
        warnings.warn(
            f"{len(skipped)} input(s) skipped: {names}{more}; see analysis.load_report(corpus)",
            stacklevel=2,
        )
    return corpus


def load_report(corpus: pd.DataFrame) -> pd.DataFrame:
    """The inputs :func:`load_corpus` skipped or loaded with a caveat, one row each:
    ``source_file``, ``row`` (line or row number, where there is one), ``article_id``,
    ``problem``, ``action``. ``row`` is a nullable integer (``<NA>`` for a whole file).

    >>> load_report(load_corpus("seeds")).columns.tolist()
    ['source_file', 'row', 'article_id', 'problem', 'action']
    """
    report = corpus.attrs.get("load_report")
    if report is None:
        report = ()
    frame = pd.DataFrame(list(report), columns=REPORT_COLUMNS)
    return frame.astype({"row": "Int64"})


#: A report longer than this is shown grouped by kind (:func:`load_report_summary`), then
#: its first rows.
REPORT_ROWS_SHOWN = 10
#: What differs between two reports of the same kind of problem: numbers, and words in
#: quotation marks or brackets.
_REPORT_DETAIL = re.compile(r"\([^()]{4,}\)|'[^']*'|\"[^\"]*\"|\d+(?:[.,]\d+)*")
_NUMBER_LIST = re.compile(r"\bN(?:(?:, | and |, and )N\b)+")


def load_report_summary(report: pd.DataFrame, examples: int = 3) -> pd.DataFrame:
    """:func:`load_report` grouped by kind of problem, for a corpus with many such rows:
    ``problem`` (numbers shown as N, quoted or bracketed details as …), ``action``,
    ``inputs`` (how many rows of the report) and ``examples`` (the first few files, with
    their row). Most common first; every row of the report is counted in one group.

    >>> report = pd.DataFrame({"source_file": ["a.txt", "b.txt", "c.txt"], "row": [None] * 3,
    ...     "article_id": ["a", "b", "c"], "action": ["split", "split", "skipped"],
    ...     "problem": ["2 paragraph(s) run together (raw line(s) 1, 4)",
    ...                 "1 paragraph(s) run together (raw line(s) 9)", "empty text"]})
    >>> load_report_summary(report).values.tolist()
    [['N paragraph(s) run together (raw line(s) N)', 'split', 2, 'a.txt, b.txt'], \
['empty text', 'skipped', 1, 'c.txt']]
    """
    columns = ["problem", "action", "inputs", "examples"]
    if report.empty:
        return pd.DataFrame(columns=columns)

    def kind(text: str) -> str:
        text = _REPORT_DETAIL.sub(lambda m: "N" if m.group(0)[0].isdigit() else "…", text)
        return _NUMBER_LIST.sub("N", text)            # "lines 3, 7 and 9" -> "lines N"

    where = [f"{f} row {r}" if pd.notna(r) and r != "" else str(f)
             for f, r in zip(report["source_file"], report["row"], strict=True)]
    frame = pd.DataFrame({"problem": report["problem"].astype(str).map(kind),
                          "action": report["action"].astype(str), "where": where})
    grouped = (frame.groupby(["problem", "action"], sort=False)["where"]
               .agg(inputs="size", examples=lambda w: ", ".join(list(w)[:examples])
                    + (f" and {len(w) - examples} more" if len(w) > examples else ""))
               .reset_index())
    return (grouped.sort_values("inputs", ascending=False, kind="stable")
            .reset_index(drop=True)[columns])


def relative_source(source: str, base: str | Path) -> str:
    """A path as shown in load reports: relative to the corpus folder (or to the folder of
    a corpus file), so a report or briefing never shows the user's own folders.

    >>> relative_source("/home/ana/news/bbc/1.txt", "/home/ana/news")
    'bbc/1.txt'
    >>> relative_source("/elsewhere/x.txt", "/home/ana/news")
    'x.txt'
    """
    path, hash_, row = str(source).partition("#")
    try:
        shown = Path(path).relative_to(Path(base)).as_posix()
    except ValueError:
        shown = Path(path).name or path
    return shown + hash_ + row


# --- resources -----------------------------------------------------------------------

def available_memory() -> int | None:
    """Bytes of memory the machine can still give (Linux ``MemAvailable``), or ``None``.

    >>> available_memory() is None or available_memory() > 0
    True
    """
    try:
        with open("/proc/meminfo", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def _check_size(total: int, limit: int, source: str, what: str) -> None:
    advice = ("split it into smaller corpora (or shards read one at a time, e.g. with Dask), "
              "or raise the limit with load_corpus(..., max_corpus_bytes=...)")
    if total > limit:
        raise CorpusError(
            f"{what} {_mb(total)}, over the {_mb(limit)} a single load reads (loading needs "
            f"about {MEMORY_FACTOR}× that in memory): {advice}", source=source)
    free = available_memory()
    if free is not None and total * MEMORY_FACTOR > free:
        raise CorpusError(
            f"{what} {_mb(total)}; loading it needs about {_mb(total * MEMORY_FACTOR)} of "
            f"memory but only {_mb(free)} is free: split it into smaller corpora or load it "
            "with Dask", source=source)


def _mb(n: float) -> str:
    return f"{n / 1e6:,.1f} MB" if n < 1e9 else f"{n / 1e9:,.1f} GB"


# --- folders -------------------------------------------------------------------------

def _read_folder(folder: Path, problems: list[dict], max_bytes: int,
                 max_corpus_bytes: int) -> list[dict]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        raise CorpusError(f"cannot list the folder ({exc.strerror})", source=str(folder)) from None
    if not entries:
        raise CorpusError("empty folder: no article files", source=str(folder))
    manifest_path = folder / MANIFEST_NAME
    manifest = (_read_manifest(manifest_path, problems, max_bytes)
                if manifest_path.is_file() else None)
    root = folder.resolve()

    files: list[tuple[Path, int]] = []  # article candidates not in the manifest, with sizes
    for entry in entries:
        path = Path(entry.path)
        try:
            is_file, is_dir = entry.is_file(), entry.is_dir()
            size = entry.stat().st_size if is_file else 0
        except OSError as exc:
            problems.append(_problem(str(path), None, None, f"cannot read ({exc.strerror})",
                                     "skipped"))
            continue
        if (is_file or is_dir) and not _inside(path, root):
            problems.append(_problem(str(path), None, None,
                                     "a link to a file or folder outside the corpus folder",
                                     "skipped: only files inside the folder are read"))
            continue
        if is_file and entry.name not in COMPANION_FILES and _SURROGATE.search(entry.name):
            problems.append(_problem(str(path), None, _readable_name(path.stem),
                                     "file name is not valid UTF-8 (an old archive?)",
                                     f"loaded as article_id {_readable_name(path.stem)!r}"))
        if is_dir:
            problems.append(_problem(str(path), None, None, "a subfolder",
                                     "ignored: only files directly in the folder are read"))
        elif not is_file:
            problems.append(_problem(str(path), None, path.stem,
                                     "not a regular file (a broken link, device or pipe)",
                                     "skipped"))
        elif entry.name not in COMPANION_FILES:
            files.append((path, size))

    records: list[dict] = []
    listed: dict[Path, int] = {}
    total = 0
    planned: list[tuple[int, dict, Path]] = []
    if manifest is not None:
        for row_no, row in manifest:
            file_path = folder / row["file"]
            try:
                resolved = file_path.resolve()
            except (OSError, RuntimeError, ValueError) as exc:
                problems.append(_problem(str(manifest_path), row_no, row["article_id"],
                                         f"unusable file name {row['file']!r} ({exc})",
                                         "skipped"))
                continue
            if not _inside(file_path, root):
                problems.append(_problem(str(manifest_path), row_no, row["article_id"],
                                         f"manifest row names a file outside the corpus "
                                         f"folder: {row['file']}", "skipped"))
                continue
            if resolved in listed:
                problems.append(_problem(str(manifest_path), row_no, row["article_id"],
                                         f"{row['file']} is also listed on row "
                                         f"{listed[resolved]}", "loaded twice"))
            listed.setdefault(resolved, row_no)
            if file_path.is_file():
                total += file_path.stat().st_size
            planned.append((row_no, row, file_path))
    unlisted = [(p, s) for p, s in files
                if manifest is None or _resolve(p) not in listed]
    total += sum(s for p, s in unlisted if p.suffix.lower() in ARTICLE_SUFFIXES)
    _check_size(total, max_corpus_bytes, str(folder), "the folder's article files come to")

    for row_no, row, file_path in planned:
        try:
            if not file_path.is_file():
                raise _Skip(f"manifest row names a file that does not exist: {row['file']}")
            record = _read_article_file(file_path, row["article_id"], max_bytes)
        except _Skip as exc:
            problems.append(_problem(str(manifest_path), row_no, row["article_id"],
                                     str(exc), "skipped"))
            continue
        _apply_manifest(record, row, manifest_path, row_no, problems)
        records.append(record)
    ids = {record["article_id"]: record["source_file"] for record in records}
    for file_path, _ in unlisted:
        if file_path.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(_problem(str(file_path), None, None,
                                     f"not an article file ({file_path.suffix or 'no suffix'})",
                                     "ignored: only .txt, .html and .htm files are read"))
            continue
        if file_path.stem in ids:
            problems.append(_problem(str(file_path), None, file_path.stem,
                                     f"article_id {file_path.stem!r} is already used by "
                                     f"{ids[file_path.stem]}", "skipped"))
            continue
        try:
            record = _read_article_file(file_path, file_path.stem, max_bytes)
        except _Skip as exc:
            problems.append(_problem(str(file_path), None, file_path.stem, str(exc), "skipped"))
            continue
        if manifest is not None:
            problems.append(_problem(str(file_path), None, record["article_id"],
                                     f"not listed in {MANIFEST_NAME}",
                                     "loaded with outlet 'unknown'"))
        ids[record["article_id"]] = record["source_file"]
        records.append(record)
    return records


def _inside(path: Path, root: Path) -> bool:
    """True when ``path``, every link followed, is ``root`` or inside it."""
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError, ValueError):
        return False
    return resolved == root or root in resolved.parents


def _readable_name(name: str) -> str:
    """A file name that is not valid UTF-8 (undecodable bytes kept as surrogate escapes
    by the file system layer) read as cp1252, else Latin-1, so it can be shown and stored.

    >>> _readable_name("caf\\udce9")
    'café'
    """
    if not _SURROGATE.search(name):
        return name
    data = name.encode("utf-8", "surrogateescape")
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _resolve(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError, ValueError):
        return path


#: Column names a user may have meant as ``outlet``.
OUTLET_NEAR_NAMES = ("outlet_name", "outlet name", "source", "publication", "site",
                     "publisher", "newspaper", "media", "outlets")
#: Column names a user may have meant as ``published`` and ``headline``.
PUBLISHED_NEAR_NAMES = ("date", "dates", "published_at", "published at", "publication_date",
                        "publication date", "pub_date", "publish_date", "publishdate",
                        "datetime", "date_published", "published_date")
HEADLINE_NEAR_NAMES = ("title", "titles", "headline_text", "heading", "head")
#: What an unread look-alike column costs, by the column it looks like.
_NEAR_COLUMNS = {
    "outlet": (OUTLET_NEAR_NAMES, "every outlet loaded as 'unknown'"),
    "published": (PUBLISHED_NEAR_NAMES, "no publication date read"),
    "headline": (HEADLINE_NEAR_NAMES, "no headline read"),
}


def _near_outlet(path: Path, fields: Iterable[str], problems: list[dict]) -> None:
    """Report a column that looks meant as ``outlet``, ``published`` or ``headline`` when
    there is no column of that name (the column is not guessed: the user renames it)."""
    names = [f for f in fields if f is not None]
    for column, (near_names, cost) in _NEAR_COLUMNS.items():
        if column in names:
            continue
        near = [f for f in names if f.strip().lower() in near_names]
        if near:
            problems.append(_problem(
                str(path), 1, None,
                f"no '{column}' column, but a column {near[0]!r} that looks like one",
                f"{cost}: rename the column {near[0]!r} to '{column}'"))


def _read_manifest(path: Path, problems: list[dict],
                   max_bytes: int) -> list[tuple[int, dict]]:
    rows = []
    seen: dict[str, int] = {}
    try:
        reader = _csv_rows(path, _decoded_lines(path, []), max_bytes, problems,
                           required=("file",), what="manifest")
        first = True
        for row_no, row, _encoding in reader:
            if first:
                first = False
                fields = list(row)
                _near_outlet(path, fields, problems)
                ignored = sorted(set(fields) & COMPUTED_COLUMNS)
                if ignored:
                    problems.append(_problem(str(path), 1, None,
                                             f"column(s) {', '.join(ignored)} are computed by "
                                             "load_corpus", "ignored those columns"))
            row = {k: _cell(v) for k, v in row.items() if k is not None}
            if not row.get("file"):
                raise CorpusError("manifest row has an empty 'file'", source=str(path),
                                  row=row_no)
            row["article_id"] = row.get("article_id") or Path(row["file"]).stem
            if row["article_id"] in seen:
                first_row = seen[row["article_id"]]
                raise CorpusError(
                    f"duplicate article_id {row['article_id']!r} (also on row {first_row})",
                    source=str(path), row=row_no,
                )
            seen[row["article_id"]] = row_no
            rows.append((row_no, row))
    except (OSError, ValueError) as exc:
        if isinstance(exc, CorpusError):
            raise
        raise CorpusError(str(getattr(exc, "strerror", None) or exc), source=str(path)) from None
    return rows


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):  # extra fields of a row
        return ",".join(map(str, value)).strip()
    return str(value).strip()


def _apply_manifest(record: dict, row: dict, path: Path, row_no: int,
                    problems: list[dict]) -> None:
    for key, value in row.items():
        if key in {"file", "article_id"} or key in COMPUTED_COLUMNS or not value:
            continue
        if key == "published":
            iso = _iso_date(value)
            if iso is None:
                problems.append(_problem(str(path), row_no, record["article_id"],
                                         f"published is not a date: {value!r}",
                                         "loaded without a date"))
                continue
            value = iso
        record[key] = value
    if row.get("headline"):
        _reclean(record)


# --- tables (CSV, TSV, JSONL) ---------------------------------------------------------

def _read_table(path: Path, problems: list[dict], max_bytes: int,
                max_corpus_bytes: int) -> list[dict]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise CorpusError(f"cannot read ({exc.strerror})", source=str(path)) from None
    _check_size(size, max_corpus_bytes, str(path), "the file is")
    cleaned_lines: list[int] = []
    lines = _decoded_lines(path, cleaned_lines)
    if path.suffix.lower() in {".csv", ".tsv"}:
        rows = _csv_rows(path, lines, max_bytes, problems)
    else:
        rows = _jsonl_rows(path, lines, problems)
    records: list[dict] = []
    seen: dict[str, int] = {}
    ignored: set[str] = set()
    n_problems = len(problems)
    checked = False
    try:
        # Rows are read one at a time (a stream): only the records are kept in memory.
        for row_no, row, encoding in rows:
            if not checked:
                checked = True
                _near_outlet(path, row, problems)
            ignored.update(COMPUTED_COLUMNS.intersection(row).difference({"text"}))
            record = _table_record(path, row_no, row, encoding, seen, problems, max_bytes)
            if record is not None:
                records.append(record)
    except CorpusError:
        raise
    except ValueError as exc:  # raised by _decoded_lines for binary input
        raise CorpusError(str(exc), source=str(path)) from None
    _name_unnamed(path, records, seen, problems)
    guesses = [r for r in records if r["encoding"].endswith("(guessed)")]
    if guesses:
        problems.append(_problem(
            str(path), None, None, f"not UTF-8 and no encoding declared: {len(guesses)} row(s) "
            f"read as {guesses[0]['encoding']}", "loaded; check the text, or save the file as "
            "UTF-8"))
    for line_no in cleaned_lines:
        problems.append(_problem(str(path), line_no, None, f"stray NUL bytes on line {line_no}",
                                 "loaded without them"))
    if ignored:
        problems.append(_problem(str(path), None, None,
                                 f"input column(s) {', '.join(sorted(ignored))} are computed "
                                 "by load_corpus", "ignored those columns"))
    if not records and len(problems) == n_problems:
        raise CorpusError("empty file (no rows)", source=str(path))
    return records


def _table_record(path: Path, row_no: int, row: dict, encoding: str, seen: dict[str, int],
                  problems: list[dict], max_bytes: int) -> dict | None:
    """One CSV/JSONL row as an article record, or ``None`` (and a report row) if unusable."""
    raw_id = row.get("article_id")
    no_id = raw_id is None or (isinstance(raw_id, str) and not raw_id.strip())
    # A row without an id is named after its row number once every row is read (see
    # _name_unnamed), so a later row whose real id is that number keeps it.
    article_id = str(row_no) if no_id else str(raw_id)
    body = row.get("text")
    if body is None:
        problems.append(_problem(str(path), row_no, article_id,
                                 "row has no text (fewer fields than the header)", "skipped"))
        return None
    if not isinstance(body, str):
        problems.append(_problem(str(path), row_no, article_id,
                                 f"text is not a string ({type(body).__name__})", "skipped"))
        return None
    if not body.strip():
        problems.append(_problem(str(path), row_no, article_id, "empty text", "skipped"))
        return None
    if len(body) > max_bytes:
        problems.append(_problem(str(path), row_no, article_id,
                                 f"text has {len(body):,} characters, over the "
                                 f"{max_bytes:,} per-article limit "
                                 "(load_corpus(..., max_article_bytes=...))", "skipped"))
        return None
    if not no_id and article_id in seen:
        problems.append(_problem(str(path), row_no, article_id,
                                 f"duplicate article_id {article_id!r} (first on row "
                                 f"{seen[article_id]})", "skipped"))
        return None
    if not no_id:
        seen[article_id] = row_no
    if any(isinstance(v, str) and _SURROGATE.search(v) for v in (body, *row.values())):
        row = {k: _SURROGATE.sub("\ufffd", v) if isinstance(v, str) else v
               for k, v in row.items()}
        body = row["text"]
        problems.append(_problem(str(path), row_no, article_id,
                                 "lone UTF-16 surrogate escapes (\\ud800…) in the JSON",
                                 "loaded with them replaced by U+FFFD"))
    # Cleaned once, with the row's headline (the headline changes only the line kinds).
    headline = row.get("headline")
    headline = headline if isinstance(headline, str) and headline else None
    record = _record(article_id, body, f"{path}#{row_no}", encoding, headline)
    if no_id:
        record["_unnamed"] = (row_no, raw_id is not None)
    for key, value in row.items():
        if (key in {"text", "article_id"} or key in COMPUTED_COLUMNS
                or value is None or value == ""):
            continue
        if key == "published":
            iso = _iso_date(str(value))
            if iso is None:
                problems.append(_problem(str(path), row_no, article_id,
                                         f"published is not a date: {value!r}",
                                         "loaded without a date"))
                continue
            value = iso
        record[key] = value if isinstance(value, str) else json.dumps(value)
    if (isinstance(record.get("headline"), str) and record["headline"]
            and record["headline"] != headline):
        _reclean(record)
    return record


def _name_unnamed(path: Path, records: list[dict], seen: dict[str, int],
                  problems: list[dict]) -> None:
    """Give each row without an id its row number as id, or ``row-N`` when a real id
    already is that number; an empty id in an ``article_id`` column is reported."""
    for record in records:
        unnamed = record.pop("_unnamed", None)
        if unnamed is None:
            continue
        row_no, had_column = unnamed
        name = str(row_no)
        suffix = 0
        while name in seen:
            suffix += 1
            name = f"row-{row_no}" + (f"-{suffix}" if suffix > 1 else "")
        seen[name] = row_no
        record["article_id"] = name
        if had_column:
            problems.append(_problem(str(path), row_no, name, "empty article_id",
                                     f"loaded as article_id {name!r}"))


#: What cleaning did to some lines of an article, reported by :func:`load_corpus`: the
#: record's key holding the raw line numbers, the problem and the action.
_LINE_REPORTS = (
    ("_run_together", "{n} paragraph(s) run into the next without a space (raw line(s) "
     "{lines})", "split into paragraphs where a sentence end meets a capitalised word"),
    ("_repaired", "{n} line(s) hold text once decoded with the wrong encoding (mojibake such "
     "as 'Ã©' for 'é'; raw line(s) {lines})",
     "decoded again (ftfy's fix_encoding); raw_text keeps the line as read"),
    ("_headings", "{n} heading(s) in capitals run into the paragraph they head (raw line(s) "
     "{lines})", "split off as a line of their own, not read as a sentence's words"),
)


def _decoded_lines(path: Path, nul_lines: list[int]) -> Iterator[tuple[int, str, str]]:
    """``(line_no, line, encoding)`` for each line of a table file, line endings kept.

    Lines are split on ``\\n`` only (never on U+2028 and friends, which JSON strings may
    hold) and decoded one by one, so one cp1252 line does not turn the UTF-8 of every
    other line into mojibake. Stray NUL bytes are removed (their line numbers go to
    ``nul_lines``); a file whose start is largely NUL bytes (UTF-16 without a byte-order
    mark, or binary data) raises ``ValueError``, as does one that starts like an image.
    """
    with open(path, "rb") as handle:
        head = handle.read(4096)
        handle.seek(0)
        if head.startswith(_BINARY_MAGIC):
            raise ValueError("binary file (an image, PDF or archive), not text")
        if (not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
                and head.count(b"\x00") * 10 > len(head) * 3):
            raise ValueError("binary data (NUL bytes); if the file is UTF-16, save it with a "
                             "byte-order mark or as UTF-8")
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text, encoding = decode_bytes(handle.read())
            for line_no, line in enumerate(io.StringIO(text, newline="\n"), start=1):
                yield line_no, line, encoding
            return
        guessed: list[str] = []
        for line_no, data in enumerate(handle, start=1):
            if line_no == 1 and data.startswith(codecs.BOM_UTF8):
                data = data[len(codecs.BOM_UTF8):]
            if b"\x00" in data:
                data = data.replace(b"\x00", b"")
                nul_lines.append(line_no)
            try:
                text, encoding = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, encoding = _decode_line(data, guessed)
            yield line_no, text, encoding


def _decode_line(data: bytes, guessed: list[str]) -> tuple[str, str]:
    """One table line that is not UTF-8: the encoding guessed for an earlier line, else a
    guess (for text in another script, see :func:`decode_bytes`), else cp1252, Latin-1."""
    if guessed:
        try:
            return data.decode(guessed[0].split(" ")[0]), guessed[0]
        except UnicodeDecodeError:
            pass
    found = _guess_encoding(data)
    if found is not None:
        guessed[:] = [found[1]]
        return found
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


@contextmanager
def _csv_field_limit(max_bytes: int) -> Iterator[None]:
    old = csv.field_size_limit()
    # Rows over max_bytes are reported one by one; the file size is guarded elsewhere.
    csv.field_size_limit(max(old, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _csv_rows(path: Path, lines: Iterable[tuple[int, str, str]], max_bytes: int,
              problems: list[dict], required: tuple[str, ...] = ("text",),
              what: str = "CSV", keep_extra: bool = False) -> Iterator[tuple[int, dict, str]]:
    """Rows of a CSV/TSV file as ``(row_no, row, encoding)``; row 1 is the header, which
    must name the ``required`` columns (in any case). A row with more fields than the
    header is skipped and reported, or with ``keep_extra`` given to the caller with the
    extra fields under the key ``None``.

    The one reader of delimited files. It reads strictly: a field that opens with ``"``
    but never closes it properly (an unbalanced quote) would otherwise swallow every row
    after it into one text. Such a row is read again from its own line alone, the quote
    kept as a character, and reported; reading goes on from the next line, so no row
    after it is lost.
    """
    encodings: dict[int, str] = {}
    pending: list[tuple[int, str]] = []  # lines of the record being read, for a re-read
    source = iter(lines)

    def text_lines(replay: list[tuple[int, str]]) -> Iterator[str]:
        for line_no, line in replay:
            pending.append((line_no, line))
            yield line
        for line_no, line, encoding in source:
            encodings[line_no] = encoding
            pending.append((line_no, line))
            yield line

    with _csv_field_limit(max_bytes):
        header_line = ""
        for line_no, line, encoding in source:
            encodings[line_no], header_line = encoding, line
            break
        if not header_line.strip():
            raise CorpusError("empty file (no header row)", source=str(path))
        try:
            delimiter = _delimiter(path, header_line, required[0])
            header = next(csv.reader([header_line], delimiter=delimiter))
        except csv.Error as exc:
            raise CorpusError(f"unreadable {what} header ({exc})", source=str(path)) from None
        fields = [_column_name(name, required) for name in header]
        for name in required:
            if name not in fields:
                raise CorpusError(f"no '{name}' column (columns: {', '.join(header) or 'none'})",
                                  source=str(path))
        row_no = 1
        replay: list[tuple[int, str]] = []
        while True:
            pending.clear()
            reader = csv.reader(text_lines(replay), delimiter=delimiter, strict=True)
            replay = []
            try:
                for values in reader:
                    line_nos = [n for n, _ in pending]
                    pending.clear()
                    if not any(v.strip() for v in values):
                        continue
                    row_no += 1
                    parsed = _csv_row(path, row_no, fields, values, delimiter, problems,
                                      keep_extra)
                    if parsed is not None:
                        yield row_no, parsed, _spanned_encoding(encodings, line_nos)
                break
            except csv.Error as exc:
                if not pending:
                    raise CorpusError(f"unreadable {what} after row {row_no} ({exc})",
                                      source=str(path)) from None
                (first_no, first_line), replay = pending[0], list(pending[1:])
                row_no += 1
                values = next(csv.reader([first_line], delimiter=delimiter,
                                         quoting=csv.QUOTE_NONE))
                opened = ("a quotation mark opens a field but does not close it (an "
                          "unbalanced \")")
                if len(values) == len(fields) or (len(values) > len(fields) and not any(
                        v.strip() for v in values[len(fields):])):
                    row = dict(zip(fields, values, strict=False))
                    article_id = row.get("article_id") or str(row_no)
                    problems.append(_problem(
                        str(path), row_no, article_id, f"{opened} on line {first_no}",
                        "loaded from that line alone, the quotation mark kept as text"))
                    yield row_no, row, encodings.get(first_no, "utf-8")
                else:
                    problems.append(_problem(
                        str(path), row_no, None,
                        f"{opened} on line {first_no}, and the line alone does not have the "
                        f"header's {len(fields)} fields", "skipped; the rows after it load"))


def _csv_row(path: Path, row_no: int, fields: list[str], values: list[str], delimiter: str,
             problems: list[dict], keep_extra: bool = False) -> dict | None:
    row: dict = dict(zip(fields, values, strict=False))
    extra = values[len(fields):]
    if keep_extra and any(v.strip() for v in extra):
        row[None] = extra
    elif any(v.strip() for v in extra):
        problems.append(_problem(
            str(path), row_no, row.get("article_id") or str(row_no),
            f"row has {len(extra)} more field(s) than the header (an unquoted "
            f"{_delimiter_name(delimiter)} in the text?)", "skipped"))
        return None
    for name in fields[len(values):]:
        row[name] = None
    return row


def _spanned_encoding(encodings: dict[int, str], line_nos: list[int]) -> str:
    spanned = {encodings.get(n, "utf-8") for n in line_nos}
    spanned.discard("utf-8")
    return min(spanned) if spanned else "utf-8"


def _delimiter(path: Path, header_line: str, column: str = "text") -> str:
    if path.suffix.lower() == ".tsv":
        return "\t"
    for delimiter in _DELIMITERS:
        names = next(csv.reader([header_line], delimiter=delimiter))
        if column in {_column_name(n, (column,)) for n in names}:
            return delimiter
    return ","


def _delimiter_name(delimiter: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}[delimiter]


def _column_name(name: str, also: Iterable[str] = ()) -> str:
    name = name.strip().lstrip("\ufeff").strip()
    return name.lower() if name.lower() in KNOWN_COLUMNS or name.lower() in also else name


def _jsonl_rows(path: Path, lines: Iterable[tuple[int, str, str]],
                problems: list[dict]) -> Iterator[tuple[int, dict, str]]:
    for line_no, line, encoding in lines:
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(_problem(str(path), line_no, None, f"not valid JSON ({exc.msg})",
                                     "skipped"))
            continue
        except RecursionError:
            problems.append(_problem(str(path), line_no, None, "JSON nested too deeply",
                                     "skipped"))
            continue
        if not isinstance(row, dict):
            problems.append(_problem(str(path), line_no, None, "line is not a JSON object",
                                     "skipped"))
            continue
        row = {_column_name(str(k)): v for k, v in row.items()}
        if "text" not in row:
            article_id = row.get("article_id")
            problems.append(_problem(str(path), line_no,
                                     None if article_id is None else str(article_id),
                                     "no 'text' field", "skipped"))
            continue
        yield line_no, row, encoding


# --- one article ---------------------------------------------------------------------

def _read_article_file(path: Path, article_id: str, max_bytes: int) -> dict:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _Skip(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB "
                        "per-article limit (load_corpus(..., max_article_bytes=...))")
        data = path.read_bytes()
    except OSError as exc:
        raise _Skip(f"cannot read the file ({exc.strerror or exc})") from None
    is_html = path.suffix.lower() in {".html", ".htm"}
    try:
        text, encoding = decode_bytes(data, declared_charset(data) if is_html else None)
    except ValueError as exc:
        raise _Skip(str(exc)) from None
    if not text.strip():
        raise _Skip("empty file (no text)" if not text else "file holds only whitespace")
    record = (_html_record(path, article_id, text, encoding) if is_html
              else _record(article_id, text, str(path), encoding))
    if encoding.endswith("(guessed)"):
        record["_note"] = (f"no encoding declared and not UTF-8: read as {encoding}",
                           "loaded; check the text, or save the file as UTF-8")
    return record


def _html_record(path: Path, article_id: str, html: str, encoding: str) -> dict:
    import trafilatura

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            document = trafilatura.bare_extraction(
                html, with_metadata=True, include_comments=False, include_tables=False,
            )
    except Exception as exc:  # noqa: BLE001 - any extractor failure is this file's problem
        raise _Skip(f"the HTML extractor failed ({type(exc).__name__}: {exc})") from None
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
        depth = html_depth(html)
        if depth >= HTML_MAX_DEPTH:
            raise _Skip(f"HTML nested {depth}+ levels deep: the parser stops at "
                        f"{HTML_MAX_DEPTH}, so no main text could be read")
        raise _Skip("HTML page with no main text the extractor could find")
    record = _record(article_id, body, str(path), encoding)
    record["extractor"] = f"trafilatura {trafilatura.__version__}"
    if document.title:
        record["headline"] = document.title
        _reclean(record)
    if document.sitename:
        record["outlet"] = document.sitename
    if document.date and _iso_date(document.date):
        record["published"] = _iso_date(document.date)
    if document.url:
        record["url"] = document.url
    return record


def html_depth(html: str) -> int:
    """How deeply the elements of an HTML page nest, as the parser (libxml2) sees it.

    >>> html_depth("<html><body><div><p>x</p></div></body></html>")
    4
    """
    from lxml import etree
    from lxml import html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.LxmlError, ValueError):
        return 0
    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def _record(article_id: str, raw_text: str, source_file: str, encoding: str,
            headline: str | None = None) -> dict:
    record = {
        "article_id": _readable_name(str(article_id)), "outlet": "unknown",
        "headline": headline,
        "published": None, "raw_text": raw_text, "source_file": _readable_name(source_file),
        "encoding": encoding,
    }
    _reclean(record)
    return record


def _reclean(record: dict) -> None:
    cleaned = clean_article(record["raw_text"], record.get("headline"))
    record["text"] = cleaned.text
    record["line_kinds"] = cleaned.kinds
    for key, lines in (("_run_together", cleaned.run_together),
                       ("_repaired", cleaned.repaired), ("_headings", cleaned.headings)):
        if lines:
            record[key] = lines
        else:
            record.pop(key, None)
    if cleaned.published and not record.get("published"):
        record["published"] = cleaned.published
    if not record.get("headline") and cleaned.kinds.startswith("h"):
        record["headline"] = cleaned.text.split("\n", 1)[0]


def normalise_outlet(value: object) -> str:
    """An outlet name as the corpus keeps it: Unicode NFC, controls and direction marks
    (U+202E …) dropped, spaces collapsed, "unknown" when empty, so " BBC" and "BBC " are
    one outlet whichever kind of file named it.

    >>> normalise_outlet(" BBC\\u202e  News "), normalise_outlet(None)
    ('BBC News', 'unknown')
    """
    if value is None or (isinstance(value, float) and value != value):
        return "unknown"
    name = normalise_line(_BIDI.sub("", str(value)))
    return name or "unknown"


def _outlets_and_languages(records: list[dict], problems: list[dict]) -> None:
    """Normalise each record's outlet; drop direction controls (U+202E …) from its id and
    headline, which pages show beside other text; record its language and report those not
    English."""
    for record in records:
        record["outlet"] = normalise_outlet(record.get("outlet"))
    _merge_outlet_spellings(records, problems)
    for record in records:
        for key in ("article_id", "headline"):
            if isinstance(record.get(key), str) and _BIDI.search(record[key]):
                record[key] = _BIDI.sub("", record[key])
                problems.append(_problem(record["source_file"].partition("#")[0],
                                         _row_of(record["source_file"]), record["article_id"],
                                         f"direction controls (U+202A-U+202E, U+2066-U+2069) "
                                         f"in the {key.replace('_', ' ')}",
                                         "removed, so they cannot reverse the text around it"))
        language = detect_language(record["text"])
        record["language"] = language
        if language not in {ENGLISH, UNDETERMINED}:
            problems.append(_problem(record["source_file"].partition("#")[0],
                                     _row_of(record["source_file"]), record["article_id"],
                                     f"not in English (detected language: {language})",
                                     "loaded; left out of the English-only measures"))


def outlet_key(name: str) -> str:
    """What two spellings of one outlet share: its letters (accents included) and digits,
    case-folded ("BBC" and "bbc", "RedState" and "Red State", "Daily-Mail" and "Daily Mail").

    >>> outlet_key("Red State"), outlet_key("redstate"), outlet_key("Daily-Mail")
    ('redstate', 'redstate', 'dailymail')
    """
    return "".join(ch for ch in name.casefold()
                   if ch.isalnum() or unicodedata.category(ch).startswith("M"))


def _merge_outlet_spellings(records: list[dict], problems: list[dict]) -> None:
    """Count an outlet written two ways ("BBC" in one manifest row, "bbc" in another) once,
    under its most used spelling (the first met on a tie), and report every article whose
    spelling was changed."""
    from collections import Counter

    keys = [outlet_key(record["outlet"]) for record in records]
    spellings: dict[str, Counter] = {}
    for key, record in zip(keys, records, strict=True):
        if record["outlet"] != "unknown":
            spellings.setdefault(key, Counter())[record["outlet"]] += 1
    chosen = {key: forms.most_common(1)[0][0] for key, forms in spellings.items()
              if len(forms) > 1}
    for key, record in zip(keys, records, strict=True):
        if key in chosen and record["outlet"] != chosen[key]:
            kept = chosen[key]
            problems.append(_problem(
                record["source_file"].partition("#")[0], _row_of(record["source_file"]),
                record["article_id"],
                f"outlet written '{record['outlet']}', elsewhere '{kept}' "
                f"({spellings[key][kept]} article(s))",
                f"counted as '{kept}', one outlet"))
            record["outlet"] = kept


def _row_of(source_file: str) -> int | None:
    row = source_file.rpartition("#")[2] if "#" in source_file else ""
    return int(row) if row.isdigit() else None


def _to_frame(records: list[dict], problems: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(records)
    frame["word_count"] = frame["text"].map(count_words)
    frame["raw_word_count"] = frame["raw_text"].map(count_words)
    for column in ("outlet",):
        frame[column] = frame[column].fillna("unknown").replace("", "unknown")
    extras = [c for c in frame.columns if c not in CORPUS_COLUMNS]
    frame = frame[CORPUS_COLUMNS + extras].reset_index(drop=True)
    frame.attrs["load_report"] = _Report(problems)
    return frame


def _check_unique_ids(records: list[dict]) -> None:
    seen: dict[str, str] = {}
    for record in records:
        first = seen.setdefault(record["article_id"], record["source_file"])
        if first != record["source_file"]:
            raise CorpusError(
                f"duplicate article_id {record['article_id']!r} (also {first})",
                source=record["source_file"],
            )


def _iso_date(value: str) -> str | None:
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def _problem(source: str, row: int | None, article_id: str | None, problem: str,
             action: str) -> dict:
    return {"source_file": _readable_name(source), "row": row,
            "article_id": None if article_id is None else _readable_name(article_id),
            "problem": _readable_name(problem), "action": action}
