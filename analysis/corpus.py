"""Load a corpus of news articles into one DataFrame, one row per article.

Accepted inputs: a folder of ``.txt`` / ``.html`` files (with or without a
``manifest.csv``), a CSV file or a JSONL file with a ``text`` column. Every article is
decoded (UTF-8 with or without BOM, UTF-16 with BOM, cp1252, Latin-1; the encoding used is
recorded), cleaned (:mod:`analysis.cleaning`) and given the columns of the shared design.

Bad input never disappears: a problem that makes the whole corpus unusable raises
:class:`~analysis.errors.CorpusError` naming the file (and row) and the reason; a bad file
or row among good ones is skipped and listed in :func:`load_report`, and a warning names it.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import warnings
from datetime import date
from pathlib import Path

import pandas as pd

from analysis.cleaning import clean_article
from analysis.errors import CorpusError

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
TABLE_SUFFIXES = {".csv", ".jsonl", ".ndjson"}
MANIFEST_NAME = "manifest.csv"
#: Files of a seed-style folder that are documentation, not articles.
COMPANION_FILES = {MANIFEST_NAME, "actors.csv", "README.md", "LICENSE", ".gitkeep"}
#: Largest article file (bytes) or text (characters) loaded; larger ones are reported.
MAX_ARTICLE_BYTES = 5_000_000
#: Largest CSV/JSONL file read in one go.
MAX_TABLE_BYTES = 500_000_000

CORPUS_COLUMNS = [
    "article_id", "outlet", "headline", "published", "text", "raw_text", "word_count",
    "source_file",
]
REPORT_COLUMNS = ["source_file", "row", "article_id", "problem", "action"]

_WORD = re.compile(r"[^\W_]+(?:(?:['’\-]|(?<=\d)[.,](?=\d))[^\W_]+)*")
_BINARY_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF", b"PK\x03\x04", b"\x1f\x8b")


class _Skip(Exception):
    """One input that cannot be used; the rest of the corpus still loads."""


def count_words(text: str) -> int:
    """Count words (letters or digits, with inner apostrophes, hyphens and digit separators).

    >>> count_words("Sir Mark's 'openly Jewish' row - 1,500 marchers")
    7
    """
    return len(_WORD.findall(text))


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode an article file, returning the text and the encoding used.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as such; other bytes are tried
    as cp1252, then Latin-1. Binary data raises ``ValueError``.

    >>> decode_bytes("café".encode("cp1252"))
    ('café', 'cp1252')
    >>> decode_bytes(codecs.BOM_UTF16_LE + "hi".encode("utf-16-le"))
    ('hi', 'utf-16')
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise ValueError(
                f"UTF-16 byte-order mark but undecodable bytes ({exc.reason})") from None
    if data.startswith(_BINARY_MAGIC):
        raise ValueError("binary file (an image, PDF or archive), not text")
    if b"\x00" in data:
        raise ValueError("binary data (NUL bytes) in a file without a UTF-16 byte-order mark")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    text = data.decode("latin-1")
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(3, len(text) // 100):
        raise ValueError("binary data (control bytes), not text")
    return text, "latin-1"


def load_corpus(
    path: str | Path,
    *,
    max_article_bytes: int = MAX_ARTICLE_BYTES,
    errors: str = "report",
) -> pd.DataFrame:
    """Load a corpus: one row per article with clean ``text`` and its ``raw_text``.

    ``errors="report"`` (the default) skips a bad file or row among good ones, lists it in
    :func:`load_report` and warns; ``errors="raise"`` raises :class:`CorpusError` at the
    first problem. A corpus with no usable article always raises.

    >>> corpus = load_corpus("seeds")
    >>> len(corpus), corpus.loc[4, "outlet"], corpus.loc[4, "published"]
    (5, 'unknown', '2024-04-21')
    """
    if errors not in {"report", "raise"}:
        raise ValueError("errors must be 'report' or 'raise'")
    source = Path(path)
    if not source.exists():
        raise CorpusError("no such file or folder", source=str(path))
    problems: list[dict] = []
    if source.is_dir():
        records = _read_folder(source, problems, max_article_bytes)
    elif source.suffix.lower() in TABLE_SUFFIXES:
        records = _read_table(source, problems, max_article_bytes)
    elif source.suffix.lower() in ARTICLE_SUFFIXES:
        records = [_read_article_file(source, source.stem, max_article_bytes)]
    else:
        raise CorpusError(
            "not a corpus: give a folder of .txt/.html files, a .csv or a .jsonl file",
            source=str(path),
        )
    if errors == "raise" and problems:
        first = problems[0]
        raise CorpusError(first["problem"], source=first["source_file"], row=first["row"])
    if not records:
        detail = f"; {len(problems)} input(s) could not be used" if problems else ""
        raise CorpusError(f"no usable article found{detail}", source=str(path))
    _check_unique_ids(records)
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
    ``problem``, ``action``.

    >>> load_report(load_corpus("seeds")).columns.tolist()
    ['source_file', 'row', 'article_id', 'problem', 'action']
    """
    report = corpus.attrs.get("load_report")
    if report is None:
        return pd.DataFrame(columns=REPORT_COLUMNS)
    return pd.DataFrame(report, columns=REPORT_COLUMNS)


# --- folders -------------------------------------------------------------------------

def _read_folder(folder: Path, problems: list[dict], max_bytes: int) -> list[dict]:
    files = sorted(p for p in folder.iterdir() if p.is_file())
    manifest_path = folder / MANIFEST_NAME
    manifest = _read_manifest(manifest_path) if manifest_path.exists() else None
    listed: set[str] = set()
    records: list[dict] = []
    if manifest is not None:
        for row_no, row in manifest:
            listed.add(row["file"])
            file_path = folder / row["file"]
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
    for file_path in files:
        if file_path.name in listed or file_path.name in COMPANION_FILES:
            continue
        if file_path.suffix.lower() not in ARTICLE_SUFFIXES:
            problems.append(_problem(str(file_path), None, None,
                                     f"not an article file ({file_path.suffix or 'no suffix'})",
                                     "ignored: only .txt, .html and .htm files are read"))
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
        records.append(record)
    if not files:
        raise CorpusError("empty folder: no article files", source=str(folder))
    return records


def _read_manifest(path: Path) -> list[tuple[int, dict]]:
    try:
        text, _ = decode_bytes(path.read_bytes())
    except ValueError as exc:
        raise CorpusError(str(exc), source=str(path)) from None
    reader = csv.DictReader(io.StringIO(text))
    fields = set(reader.fieldnames or [])
    if "file" not in fields:
        raise CorpusError("manifest has no 'file' column", source=str(path))
    rows = []
    seen: dict[str, int] = {}
    for row_no, row in enumerate(reader, start=2):
        row = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not row.get("file"):
            raise CorpusError("manifest row has an empty 'file'", source=str(path), row=row_no)
        row["article_id"] = row.get("article_id") or Path(row["file"]).stem
        if row["article_id"] in seen:
            first = seen[row["article_id"]]
            raise CorpusError(
                f"duplicate article_id {row['article_id']!r} (also on row {first})",
                source=str(path), row=row_no,
            )
        seen[row["article_id"]] = row_no
        rows.append((row_no, row))
    return rows


def _apply_manifest(record: dict, row: dict, path: Path, row_no: int,
                    problems: list[dict]) -> None:
    for key, value in row.items():
        if key in {"file", "article_id"} or not value:
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


# --- tables (CSV, JSONL) ---------------------------------------------------------------

def _read_table(path: Path, problems: list[dict], max_bytes: int) -> list[dict]:
    size = path.stat().st_size
    if size > MAX_TABLE_BYTES:
        raise CorpusError(
            f"file is {size / 1e6:.0f} MB, over the {MAX_TABLE_BYTES / 1e6:.0f} MB that is read "
            "in one go: split it into shards (a folder of .jsonl files) or load it with Dask",
            source=str(path),
        )
    try:
        text, encoding = decode_bytes(path.read_bytes())
    except ValueError as exc:
        raise CorpusError(str(exc), source=str(path)) from None
    if path.suffix.lower() == ".csv":
        rows = _csv_rows(path, text)
    else:
        rows = _jsonl_rows(path, text, problems)
    records = []
    for row_no, row in rows:
        article_id = str(row.get("article_id") or row_no)
        body = row.get("text")
        if not isinstance(body, str) or not body.strip():
            problems.append(_problem(str(path), row_no, article_id, "empty text", "skipped"))
            continue
        if len(body) > max_bytes:
            problems.append(_problem(str(path), row_no, article_id,
                                     f"text has {len(body):,} characters, over the "
                                     f"{max_bytes:,} per-article limit", "skipped"))
            continue
        record = _record(article_id, body, f"{path}#{row_no}", encoding)
        for key, value in row.items():
            if key in {"text", "article_id"} or value is None or value == "":
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
        if row.get("headline"):
            _reclean(record)
        records.append(record)
    return records


def _csv_rows(path: Path, text: str) -> list[tuple[int, dict]]:
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        fields = reader.fieldnames or []
        if "text" not in fields:
            raise CorpusError(f"no 'text' column (columns: {', '.join(fields) or 'none'})",
                              source=str(path))
        return [(i, row) for i, row in enumerate(reader, start=2)]
    except csv.Error as exc:
        raise CorpusError(f"unreadable CSV ({exc})", source=str(path)) from None


def _jsonl_rows(path: Path, text: str, problems: list[dict]) -> list[tuple[int, dict]]:
    rows = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            problems.append(_problem(str(path), line_no, None, f"not valid JSON ({exc.msg})",
                                     "skipped"))
            continue
        if not isinstance(row, dict):
            problems.append(_problem(str(path), line_no, None, "line is not a JSON object",
                                     "skipped"))
            continue
        if "text" not in row:
            problems.append(_problem(str(path), line_no, row.get("article_id"),
                                     "no 'text' field", "skipped"))
            continue
        rows.append((line_no, row))
    return rows


# --- one article ---------------------------------------------------------------------

def _read_article_file(path: Path, article_id: str, max_bytes: int) -> dict:
    size = path.stat().st_size
    if size > max_bytes:
        raise _Skip(f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.1f} MB "
                    "per-article limit (load_corpus(..., max_article_bytes=...))")
    data = path.read_bytes()
    try:
        text, encoding = decode_bytes(data)
    except ValueError as exc:
        raise _Skip(str(exc)) from None
    if not text.strip():
        raise _Skip("empty file (no text)" if not text else "file holds only whitespace")
    if path.suffix.lower() in {".html", ".htm"}:
        return _html_record(path, article_id, text, encoding)
    return _record(article_id, text, str(path), encoding)


def _html_record(path: Path, article_id: str, html: str, encoding: str) -> dict:
    import trafilatura

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
        )
    body = getattr(document, "text", None) if document is not None else None
    if not body or not body.strip():
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


def _record(article_id: str, raw_text: str, source_file: str, encoding: str) -> dict:
    record = {
        "article_id": str(article_id), "outlet": "unknown", "headline": None,
        "published": None, "raw_text": raw_text, "source_file": source_file,
        "encoding": encoding,
    }
    _reclean(record)
    return record


def _reclean(record: dict) -> None:
    cleaned = clean_article(record["raw_text"], record.get("headline"))
    record["text"] = cleaned.text
    record["line_kinds"] = cleaned.kinds
    if cleaned.published and not record.get("published"):
        record["published"] = cleaned.published
    if not record.get("headline") and cleaned.kinds.startswith("h"):
        record["headline"] = cleaned.text.split("\n", 1)[0]


def _to_frame(records: list[dict], problems: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(records)
    frame["word_count"] = frame["text"].map(count_words)
    frame["raw_word_count"] = frame["raw_text"].map(count_words)
    for column in ("outlet",):
        frame[column] = frame[column].fillna("unknown").replace("", "unknown")
    extras = [c for c in frame.columns if c not in CORPUS_COLUMNS]
    frame = frame[CORPUS_COLUMNS + extras].reset_index(drop=True)
    frame.attrs["load_report"] = problems
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
    return {"source_file": source, "row": row, "article_id": article_id, "problem": problem,
            "action": action}
