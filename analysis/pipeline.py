"""Run every per-article analysis in one call, on all cores, cached, or on a Dask cluster.

:func:`analyze` produces the sentence- and article-level tables of the workbook (sentences,
sentence sentiment, article sentiment, readability, quotations, frames, loaded language and,
given an actor table, actor sentiment) by calling each analysis module's public function.
The work is cut into chunks of whole articles; each chunk runs every step, so the chunks can
run on several processes (``n_jobs``) or as the partitions of a Dask DataFrame
(``engine="dask"``) and the tables are the chunks' tables put back together in corpus
order. Every step here is per article, so the result does not depend on how the corpus is
cut: ``n_jobs=1``, ``n_jobs=4`` and Dask give the same tables (tested).

Results are cached (:mod:`analysis.cache`): a second run on the same corpus with the same
code reads Parquet files instead of analysing again.

Steps that compare articles with each other (text reuse, quotation matching) cannot be cut
into chunks; :func:`candidate_pairs` finds the pairs worth comparing with MinHash/LSH, so
that a corpus of many thousand articles is not compared all against all.

>>> from analysis import load_corpus
>>> result = analyze(load_corpus("seeds"), cache=False, progress=False)
>>> len(result.article_sentiment), result.sentences.columns[:2].tolist()
(5, ['article_id', 'sentence_id'])
"""

from __future__ import annotations

import gc
import importlib
import inspect
import json
import math
import multiprocessing
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = [
    "TABLES",
    "AnalysisResult",
    "analyze",
    "analyze_to_parquet",
    "candidate_pairs",
    "chunk_size_for",
    "load_shards",
    "passage_pairs",
    "shingles",
]

#: The tables :func:`analyze` returns, in the order the steps run.
TABLES = (
    "sentences", "quotes", "sentiment", "article_sentiment", "readability", "frames",
    "loaded_language", "actor_sentiment",
)
#: Most articles in one chunk (one task for a worker process or one Dask partition).
MAX_CHUNK = 200
#: Fewest articles in one chunk (unless the corpus is smaller): every step has a cost per
#: call, so chunks of 16 articles cost a quarter more CPU time than chunks of 100.
MIN_CHUNK = 100
#: Corpora at least this big get a progress bar when ``progress`` is left to decide.
PROGRESS_MIN_ARTICLES = 200


@dataclass(frozen=True)
class Step:
    """One table of the result: the public function that makes it and where it lives."""

    table: str
    module: str
    function: str
    needs_actors: bool = False


STEPS = (
    Step("sentences", "analysis.sentences", "split_sentences"),
    Step("quotes", "analysis.attribution", "extract_quotes"),
    Step("sentiment", "analysis.sentiment", "sentence_sentiment"),
    Step("article_sentiment", "analysis.sentiment", "article_sentiment"),
    Step("readability", "analysis.readability", "article_readability"),
    Step("frames", "analysis.framing", "frame_sentences"),
    Step("loaded_language", "analysis.framing", "loaded_language"),
    Step("actor_sentiment", "analysis.sentiment", "actor_sentiment", needs_actors=True),
)


@dataclass
class AnalysisResult:
    """The tables of :func:`analyze`, one DataFrame each (``None`` when a step is missing).

    ``notes`` says why a table is missing; ``cache`` is ``"hit"``, ``"miss"``, ``"off"`` or
    ``"recomputed: <why the stored entry was refused>"``; ``timings`` holds the CPU seconds
    each step took, summed over chunks and processes (empty when read from the cache).
    """

    sentences: pd.DataFrame | None = None
    quotes: pd.DataFrame | None = None
    sentiment: pd.DataFrame | None = None
    article_sentiment: pd.DataFrame | None = None
    readability: pd.DataFrame | None = None
    frames: pd.DataFrame | None = None
    loaded_language: pd.DataFrame | None = None
    actor_sentiment: pd.DataFrame | None = None
    notes: dict[str, str] = field(default_factory=dict)
    cache: str = "off"
    cache_path: str | None = None
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def cache_hit(self) -> bool:
        """True when the tables were read from the cache, not computed."""
        return self.cache == "hit"

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables that were produced, by name (missing steps left out).

        >>> AnalysisResult(sentences=pd.DataFrame()).tables().keys()
        dict_keys(['sentences'])
        """
        return {name: getattr(self, name) for name in TABLES if getattr(self, name) is not None}


# --------------------------------------------------------------------------- the steps


def available_steps(actors: object = None) -> tuple[list[Step], dict[str, str]]:
    """The steps whose function exists now, and a note for each that does not.

    Other modules are imported here, lazily: a module still being written (or missing a
    function) leaves its table out with a note instead of stopping the whole run.

    >>> steps, notes = available_steps()
    >>> steps[0].table
    'sentences'
    """
    steps, notes = [], {}
    for step in STEPS:
        if step.needs_actors and actors is None:
            notes[step.table] = ("no actor table given (analyze(..., actors=...); "
                                 "corpus_actors.actors_from_corpus(corpus) makes one)")
            continue
        try:
            _function(step)
        except (ImportError, AttributeError) as exc:
            notes[step.table] = (f"left out: {step.module}.{step.function} is not available "
                                 f"({type(exc).__name__}: {exc})")
            continue
        steps.append(step)
    return steps, notes


def _function(step: Step) -> Callable[..., pd.DataFrame]:
    module = importlib.import_module(step.module)
    return getattr(module, step.function)


def _call(func: Callable[..., pd.DataFrame], first: pd.DataFrame,
          **optional: object) -> pd.DataFrame:
    """Call ``func(first, ...)`` passing only the optional arguments it accepts."""
    try:
        params = inspect.signature(func).parameters
    except (TypeError, ValueError):  # pragma: no cover - builtins
        params = {}
    kwargs = {k: v for k, v in optional.items() if k in params and v is not None}
    return func(first, **kwargs)


def run_chunk(corpus: pd.DataFrame, steps: Sequence[Step],
              actors: object = None) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Run ``steps`` on a chunk of whole articles: its tables and the seconds per step.

    This is the unit of parallel work: a worker process or a Dask partition runs it.
    Later steps are handed the earlier tables they accept (``sentences=``, ``quotes=``),
    so nothing is computed twice.

    >>> tables, seconds = run_chunk(pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
    ...     "text": ["A headline\\nOne. Two."]}), [STEPS[0]])
    >>> len(tables["sentences"]), sorted(seconds)
    (3, ['sentences'])
    """
    from analysis.framing._common import reuse_readings  # framing reads each table once
    from analysis.sentences import reuse_splits

    tables: dict[str, pd.DataFrame] = {}
    seconds: dict[str, float] = {}
    with reuse_splits(), reuse_readings(), _fewer_collections():
        for step in steps:
            func = _function(step)
            started = time.process_time()
            if step.table == "sentences":
                table = func(corpus)
            elif step.table == "sentiment":
                table = func(tables["sentences"])
            else:
                table = _call(func, corpus, actors=actors, sentences=tables.get("sentences"),
                              quotes=tables.get("quotes"), sentence_scores=tables.get("sentiment"))
            seconds[step.table] = time.process_time() - started
            tables[step.table] = table
    return tables, seconds


#: Objects allocated between two collections of the garbage collector's youngest
#: generation while a chunk runs (Python's default is 700).
GC_YOUNG_THRESHOLD = 50_000


@contextmanager
def _fewer_collections() -> Iterator[None]:
    """Run the block with the cyclic garbage collector looking at new objects only every
    :data:`GC_YOUNG_THRESHOLD` allocations instead of every 700.

    The steps build and drop many small lists, dicts and tuples (rows, matches, tokens),
    almost none of them in reference cycles: with the default threshold the collector
    ran about 400 times per 1,000 articles and took 5-6% of the analysis time, to free
    next to nothing. Reference counting still frees everything at once; results do not
    change.

    >>> with _fewer_collections():
    ...     gc.get_threshold()[0] >= GC_YOUNG_THRESHOLD
    True
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], GC_YOUNG_THRESHOLD), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def _run_chunk_job(args: tuple[pd.DataFrame, list[Step], object]
                   ) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    corpus, steps, actors = args
    return run_chunk(corpus, steps, actors)


def chunk_size_for(n_articles: int) -> int:
    """Articles per chunk: about 64 chunks, but at least :data:`MIN_CHUNK` (or the whole
    corpus) and at most :data:`MAX_CHUNK` articles each.

    It depends on the corpus size only, never on ``n_jobs``, so every ``n_jobs`` cuts the
    corpus the same way.

    >>> chunk_size_for(5), chunk_size_for(1_000), chunk_size_for(10_000), chunk_size_for(100_000)
    (5, 100, 157, 200)
    """
    wanted = max(MIN_CHUNK, math.ceil(n_articles / 64))
    return max(1, min(MAX_CHUNK, n_articles, wanted))


def _chunks(corpus: pd.DataFrame, size: int) -> list[pd.DataFrame]:
    return [corpus.iloc[i:i + size] for i in range(0, len(corpus), size)]



def _gather(outputs: list, steps: list) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    """Put the chunks' tables together in corpus order and add up each step's seconds."""
    tables = {step.table: combine([out[0][step.table] for out in outputs]) for step in steps}
    seconds: dict[str, float] = {}
    for _, secs in outputs:
        for name, value in secs.items():
            seconds[name] = seconds.get(name, 0.0) + value
    return tables, seconds

def combine(parts: Sequence[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate per-chunk tables in order, with a fresh 0..n-1 index.

    Empty pieces are dropped first (unless all are empty) so that an empty chunk cannot
    change a column's dtype.

    >>> combine([pd.DataFrame({"a": [1]}), pd.DataFrame({"a": []}), pd.DataFrame({"a": [2]})])
       a
    0  1
    1  2
    """
    if not parts:
        return pd.DataFrame()
    full = [p for p in parts if len(p)]
    if not full:
        return parts[0].reset_index(drop=True)
    if len(full) == 1:
        return full[0].reset_index(drop=True)
    return pd.concat(full, ignore_index=True)


def _progress_bar(progress: bool | None, total: int, desc: str):  # type: ignore[no-untyped-def]
    show = total >= PROGRESS_MIN_ARTICLES if progress is None else bool(progress)
    from tqdm.auto import tqdm

    return tqdm(total=total, desc=desc, unit="article", disable=not show)


def _check_corpus(corpus: pd.DataFrame) -> None:
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError("analyze takes a corpus DataFrame (analysis.load_corpus(path)) or, "
                        "with engine='dask', a Dask DataFrame (load_shards(path))")
    missing = {"article_id", "text"} - set(corpus.columns)
    if missing:
        raise ValueError(f"corpus has no {', '.join(sorted(missing))} column")
    if "outlet" not in corpus.columns:
        raise ValueError("corpus has no outlet column (load it with analysis.load_corpus)")
    if len(corpus) == 0:
        raise ValueError("corpus has no articles")


def _run_pandas(corpus: pd.DataFrame, steps: list[Step], actors: object, n_jobs: int,
                chunk_size: int | None, progress: bool | None
                ) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    size = chunk_size or chunk_size_for(len(corpus))
    chunks = _chunks(corpus, size)
    outputs: list[tuple[dict[str, pd.DataFrame], dict[str, float]]] = []
    if n_jobs == 1 or len(chunks) <= 1:
        with _progress_bar(progress, len(corpus), "analysing") as bar:
            for chunk in chunks:
                outputs.append(run_chunk(chunk, steps, actors))
                bar.update(len(chunk))
    else:
        workers = min(n_jobs, len(chunks))
        if multiprocessing.get_start_method() == "fork":
            # Load word lists, VADER's lexicon and the CMU dictionary (2 s) once, here:
            # the forked workers share them instead of each loading its own.
            run_chunk(corpus.iloc[:1], steps, actors)
        # The pool is started (its processes forked) before the progress bar starts a thread.
        # Objects that exist now are frozen out of the garbage collector's reach while the
        # workers start, so that a collection in a worker does not write to (and so copy)
        # every page of memory it shares with this process.
        gc.freeze()
        try:
            with ProcessPoolExecutor(max_workers=workers) as pool:
                futures = [pool.submit(_run_chunk_job, (chunk, steps, actors))
                           for chunk in chunks]
                gc.unfreeze()
                with _progress_bar(progress, len(corpus),
                                   f"analysing on {workers} processes") as bar:
                    for chunk, future in zip(chunks, futures, strict=True):
                        outputs.append(future.result())
                        bar.update(len(chunk))
        finally:
            gc.unfreeze()
    return _gather(outputs, steps)


def analyze(
    corpus: Any,
    actors: str | Path | pd.DataFrame | None = None,
    n_jobs: int = 1,
    engine: str = "pandas",
    cache: bool | str | Path = True,
    *,
    progress: bool | None = None,
    chunk_size: int | None = None,
    client: Any = None,
) -> AnalysisResult:
    """Every per-article and per-sentence table of the workbook, in one call.

    ``corpus`` is a corpus DataFrame (:func:`analysis.load_corpus`); with ``engine="dask"``
    it may also be a Dask DataFrame (:func:`load_shards`), run on ``client`` (a
    ``distributed.Client``; the current one when ``None``). ``n_jobs`` processes share the
    chunks (``-1``: one per core). ``cache`` is ``True`` (``.cache/`` in the repository),
    ``False`` or a folder. ``progress`` shows a tqdm bar (``None``: only for corpora of
    :data:`PROGRESS_MIN_ARTICLES` articles or more). ``actors`` (a path or table of actors)
    adds ``actor_sentiment``.

    A table whose module or function does not exist yet is ``None`` and ``notes`` says so.

    >>> from analysis import load_corpus
    >>> r = analyze(load_corpus("seeds"), cache=False, progress=False)
    >>> r.cache, r.sentiment.shape[0] == r.sentences.shape[0]
    ('off', True)
    """
    if engine not in {"pandas", "dask"}:
        raise ValueError("engine must be 'pandas' or 'dask'")
    if n_jobs == -1:
        n_jobs = os.cpu_count() or 1
    if not isinstance(n_jobs, int) or n_jobs < 1:
        raise ValueError("n_jobs must be a positive number of processes, or -1 for all cores")
    if actors is not None:
        from analysis.actors import load_actors

        actors = load_actors(actors)
    steps, notes = available_steps(actors)

    if engine == "dask":
        tables, seconds = _run_dask(corpus, steps, actors, chunk_size, client)
        result = AnalysisResult(notes=notes, timings=seconds, cache="off (dask engine)")
        for name, table in tables.items():
            setattr(result, name, table)
        return result

    _check_corpus(corpus)
    from analysis.language import english_only, excluded_note

    corpus, not_english = english_only(corpus)  # every measure reads English only
    if len(not_english):
        notes["language"] = excluded_note(not_english)
        if corpus.empty:
            raise ValueError(f"no article in English is left: {notes['language']}")
    store = None
    if cache is not False and cache is not None:
        from analysis.cache import ResultCache

        store = ResultCache(None if cache is True else cache)
        key = store.key(corpus, [s.table for s in steps], actors)
        cached, status = store.load(key)
        if cached is not None:
            result = AnalysisResult(notes={**notes, **cached.get("__notes__", {})},
                                    cache="hit", cache_path=str(store.entry(key)))
            for name in TABLES:
                if name in cached:
                    setattr(result, name, cached[name])
            return result
    tables, seconds = _run_pandas(corpus, steps, actors, n_jobs, chunk_size, progress)
    result = AnalysisResult(notes=notes, timings=seconds)
    for name, table in tables.items():
        setattr(result, name, table)
    if store is not None:
        store.save(key, tables, notes)
        result.cache = status
        result.cache_path = str(store.entry(key))
    return result


# --------------------------------------------------------------------------- Dask


def _shard_files(folder: Path) -> list[Path]:
    files = sorted(p for p in folder.iterdir()
                   if p.is_file() and p.suffix.lower() in {".jsonl", ".ndjson", ".parquet"})
    if not files:
        from analysis.errors import CorpusError

        raise CorpusError("no .jsonl or .parquet shards in the folder", source=str(folder))
    return files


def load_shard(path: str | Path) -> pd.DataFrame:
    """Load one JSONL or Parquet shard exactly as :func:`analysis.load_corpus` loads JSONL.

    A Parquet shard is written out as JSONL to a temporary file first, so both formats go
    through the same loading and cleaning code; ``source_file`` names the shard and row.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> pd.DataFrame({"article_id": ["a"], "text": ["Title\\nBody."]}).to_parquet(
    ...     folder / "part-0.parquet")
    >>> load_shard(folder / "part-0.parquet")[["article_id", "text"]].values.tolist()
    [['a', 'Title\\nBody.']]
    """
    from analysis import load_corpus

    path = Path(path)
    if path.suffix.lower() != ".parquet":
        return load_corpus(path)
    frame = pd.read_parquet(path)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / (path.stem + ".jsonl")
        with jsonl.open("w", encoding="utf-8") as handle:
            for record in frame.to_dict(orient="records"):
                clean = {k: (None if _is_missing(v) else v) for k, v in record.items()}
                handle.write(json.dumps(clean, ensure_ascii=False, default=str) + "\n")
        corpus = load_corpus(jsonl)
    corpus["source_file"] = corpus["source_file"].str.replace(str(jsonl), str(path), regex=False)
    return corpus


def _is_missing(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def load_shards(path: str | Path):  # type: ignore[no-untyped-def]
    """A Dask DataFrame of a corpus stored as shards: one partition per shard file.

    ``path`` is a folder of ``.jsonl`` and/or ``.parquet`` files (each with ``article_id``
    and ``text``, as :func:`analysis.load_corpus` reads them); each shard is loaded and
    cleaned on a worker. ``article_id`` must be unique across shards. Nothing is read
    until the frame is computed (``analyze(..., engine="dask")`` does).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> for i in range(2):
    ...     pd.DataFrame({"article_id": [f"a{i}"], "text": ["Body text."]}).to_json(
    ...         folder / f"part-{i}.jsonl", orient="records", lines=True)
    >>> shards = load_shards(folder)
    >>> shards.npartitions, sorted(shards.compute().article_id)
    (2, ['a0', 'a1'])
    """
    import dask
    import dask.dataframe as dd

    files = _shard_files(Path(path))
    meta = load_shard(files[0]).iloc[:0]
    parts = [dask.delayed(load_shard)(f) for f in files]
    return dd.from_delayed(parts, meta=meta, verify_meta=False)


def _run_dask(corpus: Any, steps: list[Step], actors: object, chunk_size: int | None,
              client: Any) -> tuple[dict[str, pd.DataFrame], dict[str, float]]:
    import dask
    import dask.dataframe as dd

    if isinstance(corpus, pd.DataFrame):
        _check_corpus(corpus)
        size = chunk_size or chunk_size_for(len(corpus))
        corpus = dd.from_pandas(corpus, npartitions=max(1, math.ceil(len(corpus) / size)),
                                sort=False)
    elif not isinstance(corpus, dd.DataFrame):
        raise TypeError("engine='dask' takes a Dask DataFrame (load_shards) or a pandas corpus")
    work = [dask.delayed(run_chunk)(part, steps, actors) for part in corpus.to_delayed()]
    if client is not None:
        outputs = client.gather(client.compute(work))
    else:
        outputs = list(dask.compute(*work))
    return _gather(outputs, steps)


def _chunk_to_parquet(corpus: pd.DataFrame, steps: list[Step], actors: object, folder: str,
                      number: int) -> dict[str, int]:
    tables, _ = run_chunk(corpus, steps, actors)
    rows = {}
    for name, table in tables.items():
        target = Path(folder) / name
        target.mkdir(parents=True, exist_ok=True)
        table.to_parquet(target / f"part-{number:05d}.parquet", index=False)
        rows[name] = len(table)
    return rows


def analyze_to_parquet(corpus: Any, folder: str | Path,
                       actors: str | Path | pd.DataFrame | None = None, *,
                       client: Any = None, chunk_size: int | None = None) -> pd.DataFrame:
    """Run :func:`analyze`'s steps on a Dask DataFrame and write the tables where they are
    made: ``<folder>/<table>/part-NNNNN.parquet``, one file per partition, nothing gathered.

    For corpora bigger than one machine's memory: the workers write straight to a shared
    folder (or, with ``s3fs``/``gcsfs`` installed, a bucket path). Read a table back with
    ``dask.dataframe.read_parquet(f"{folder}/sentiment")`` or pandas. Returns the number
    of rows each partition wrote per table. Every worker must see ``folder``.

    >>> import tempfile
    >>> from analysis import load_corpus
    >>> out = Path(tempfile.mkdtemp())
    >>> counts = analyze_to_parquet(load_corpus("seeds").iloc[:2], out, chunk_size=1)
    >>> len(pd.read_parquet(out / "sentences")) == int(counts["sentences"].sum())
    True
    """
    import dask
    import dask.dataframe as dd

    if actors is not None:
        from analysis.actors import load_actors

        actors = load_actors(actors)
    steps, _ = available_steps(actors)
    if isinstance(corpus, pd.DataFrame):
        _check_corpus(corpus)
        size = chunk_size or chunk_size_for(len(corpus))
        corpus = dd.from_pandas(corpus, npartitions=max(1, math.ceil(len(corpus) / size)),
                                sort=False)
    work = [dask.delayed(_chunk_to_parquet)(part, steps, actors, str(folder), number)
            for number, part in enumerate(corpus.to_delayed())]
    if client is not None:
        counts = client.gather(client.compute(work))
    else:
        counts = list(dask.compute(*work))
    return pd.DataFrame(counts).rename_axis("partition")


# --------------------------------------------------------------------------- MinHash / LSH

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def shingles(text: str, size: int = 5) -> set[str]:
    """The set of ``size``-word shingles of a text (lower-cased words, punctuation dropped).

    A text shorter than ``size`` words is one shingle of all its words.

    >>> sorted(shingles("The Met's boss said no.", 3))
    ['boss said no', "met's boss said", "the met's boss"]
    """
    words = [w.casefold().replace("’", "'") for w in _TOKEN.findall(text or "")]
    if not words:
        return set()
    if len(words) < size:
        return {" ".join(words)}
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def candidate_pairs(
    texts: Mapping[str, str] | pd.Series | Iterable[tuple[str, str]],
    threshold: float = 0.5,
    *,
    num_perm: int = 128,
    shingle_size: int = 5,
    seed: int = 1,
    exact: bool = True,
) -> pd.DataFrame:
    """Pairs of texts that probably share much of their wording, found by MinHash/LSH.

    Comparing every text with every other costs n² comparisons; locality-sensitive hashing
    puts each text's MinHash signature in bands and only texts that collide in a band become
    candidates, so the cost grows with n. ``threshold`` is the Jaccard similarity of the
    word-shingle sets above which a pair should be found. Each candidate gets its MinHash
    estimate and, with ``exact=True``, the exact Jaccard similarity and containment (share
    of the smaller text's shingles found in the other), and pairs below ``threshold`` on
    both are dropped. Columns: ``a``, ``b`` (keys, ``a < b``), ``estimate``, ``jaccard``,
    ``containment``. Deterministic for a given ``seed``.

    Use it as the blocking step of text reuse or quotation matching: pass paragraphs or
    quotations keyed by ``"article_id:paragraph"`` and compare only the pairs it returns.

    >>> pairs = candidate_pairs({"x": "the officer told him he was openly Jewish and must "
    ...     "leave now", "y": "the officer told him he was openly Jewish and must leave",
    ...     "z": "an unrelated sentence about the weather in the north today"})
    >>> pairs[["a", "b"]].values.tolist()
    [['x', 'y']]
    """
    from datasketch import MinHash, MinHashLSH

    if isinstance(texts, pd.Series):
        items = [(str(k), v) for k, v in texts.items()]
    elif isinstance(texts, Mapping):
        items = [(str(k), v) for k, v in texts.items()]
    else:
        items = [(str(k), v) for k, v in texts]
    columns = ["a", "b", "estimate", "jaccard", "containment"]
    if not 0 < threshold < 1:
        raise ValueError("threshold must be between 0 and 1")
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    sets: dict[str, set[str]] = {}
    signatures: dict[str, MinHash] = {}
    for key, text in items:
        if key in sets:
            raise ValueError(f"duplicate key {key!r}")
        grams = shingles(text if isinstance(text, str) else "", shingle_size)
        if not grams:
            continue
        sig = MinHash(num_perm=num_perm, seed=seed)
        sig.update_batch([g.encode("utf-8") for g in grams])
        sets[key] = grams
        signatures[key] = sig
        lsh.insert(key, sig)
    rows = []
    seen: set[tuple[str, str]] = set()
    for key, sig in signatures.items():
        for other in lsh.query(sig):
            if other == key:
                continue
            pair = (key, other) if key < other else (other, key)
            if pair in seen:
                continue
            seen.add(pair)
            a, b = sets[pair[0]], sets[pair[1]]
            common = len(a & b)
            row = {"a": pair[0], "b": pair[1],
                   "estimate": float(signatures[pair[0]].jaccard(signatures[pair[1]])),
                   "jaccard": common / len(a | b),
                   "containment": common / min(len(a), len(b))}
            if exact and row["jaccard"] < threshold and row["containment"] < threshold:
                continue
            rows.append(row)
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["a", "b"], kind="stable").reset_index(drop=True)


def passage_pairs(corpus: pd.DataFrame, threshold: float = 0.5, *, min_words: int = 8,
                  shingle_size: int = 4, num_perm: int = 128) -> pd.DataFrame:
    """Paragraphs that two different articles share (reused copy, the same quotation).

    Every paragraph of at least ``min_words`` words is a text for :func:`candidate_pairs`;
    pairs inside one article are dropped. Columns: ``article_a``, ``paragraph_a``,
    ``article_b``, ``paragraph_b``, ``jaccard``, ``containment``, ``text_a``, ``text_b``.

    >>> from analysis import load_corpus
    >>> pairs = passage_pairs(load_corpus("seeds"))
    >>> sorted(set(zip(pairs.article_a, pairs.article_b)))
    [('001', '003')]
    """
    texts: dict[str, str] = {}
    where: dict[str, tuple[str, int, str]] = {}
    for article_id, text in zip(corpus["article_id"].astype(str), corpus["text"], strict=True):
        if not isinstance(text, str):
            continue
        for number, paragraph in enumerate(p for p in text.split("\n") if p.strip()):
            if len(_TOKEN.findall(paragraph)) < min_words:
                continue
            key = f"{article_id}\x1f{number}"
            texts[key] = paragraph
            where[key] = (article_id, number, paragraph)
    pairs = candidate_pairs(texts, threshold, num_perm=num_perm, shingle_size=shingle_size)
    rows = []
    for pair in pairs.itertuples(index=False):
        (aid_a, par_a, text_a), (aid_b, par_b, text_b) = where[pair.a], where[pair.b]
        if aid_a == aid_b:
            continue
        if (aid_a, par_a) > (aid_b, par_b):
            aid_a, par_a, text_a, aid_b, par_b, text_b = aid_b, par_b, text_b, aid_a, par_a, text_a
        rows.append({"article_a": aid_a, "paragraph_a": par_a, "article_b": aid_b,
                     "paragraph_b": par_b, "jaccard": pair.jaccard,
                     "containment": pair.containment, "text_a": text_a, "text_b": text_b})
    columns = ["article_a", "paragraph_a", "article_b", "paragraph_b", "jaccard",
               "containment", "text_a", "text_b"]
    out = pd.DataFrame(rows, columns=columns)
    return out.sort_values(["article_a", "paragraph_a", "article_b", "paragraph_b"],
                           kind="stable").reset_index(drop=True)
