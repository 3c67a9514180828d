"""Benchmark: how fast the whole analysis runs, against the cost of VADER + textstat alone.

``make bench`` (``python -m analysis.bench``) generates corpora of 1,000 and 10,000 news
articles in which almost every sentence is different (:func:`analysis.generated_news.generate_news`:
sentence templates of common news shapes with slots filled at random, 4 to 20 paragraphs
or about 360 words an article, a fixed random seed; ``--corpus seeds`` uses the older
corpus of seed paragraphs shuffled across articles, :func:`generate_corpus`, whose
sentences repeat), writes them as JSONL shards of 500 articles, then times

1. the pipeline: load and clean the shards, split sentences, sentence and article
   sentiment, readability, attribution and framing (:func:`analysis.pipeline.analyze` on
   every core, plus the loading);
2. the lower bound no pipeline can beat: VADER on every sentence and textstat's five main
   formulas on every article, on the same text, in one process.

Rates are words of clean text per second of CPU time (summed over the worker processes),
so they are per core and barely move when other programs share the machine; the wall-clock
rate and the speed-up over one core are printed too. The last line is
``pipeline_words_per_s_per_core=<n> ratio_to_lower_bound=<r>`` for the largest corpus.

Options: ``--sizes 1000,10000``, ``--jobs N`` (default: every core), ``--profile FILE``
(a pyinstrument profile of one process analysing the first size, as text), ``--corpus
news|seeds``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analysis.generated_news import COLUMNS, article_row

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
#: Body paragraphs per generated article in the benchmark: about 390 words, a short story.
BENCH_PARAGRAPHS = (4, 20)


def seed_paragraphs(seeds: str | Path = SEEDS) -> tuple[list[str], list[str], list[str]]:
    """The seeds' clean lines by kind: ``(headlines, captions, body paragraphs)``.

    >>> heads, caps, body = seed_paragraphs()
    >>> len(body) > 50 and len(caps) > 3
    True
    """
    from analysis import load_corpus

    corpus = load_corpus(seeds)
    heads, caps, body = [], [], []
    for text, kinds in zip(corpus["text"], corpus["line_kinds"], strict=True):
        lines = [line for line in text.split("\n") if line.strip()]
        for line, kind in zip(lines, kinds, strict=False):
            {"h": heads, "c": caps}.get(kind, body).append(line)
    return heads, caps, body


def generate_corpus(n_articles: int, seed: int = 0, seeds: str | Path = SEEDS,
                    paragraphs: tuple[int, int] = (6, 40)) -> pd.DataFrame:
    """``n_articles`` articles made of seed paragraphs (JSONL-ready records, raw text).

    Each article takes a headline (a seed headline or the opening words of a seed
    paragraph), 6 to 40 (``paragraphs``) body paragraphs drawn without repeats and in
    shuffled order, a caption now and then, an outlet from
    :data:`analysis.generated_news.OUTLETS` and an April 2024 date. The same ``seed`` always
    gives the same corpus.

    >>> corpus = generate_corpus(3)
    >>> corpus.columns.tolist(), corpus.article_id.tolist()
    (['article_id', 'outlet', 'published', 'headline', 'text'], ['g000000', 'g000001', 'g000002'])
    >>> corpus.equals(generate_corpus(3))
    True
    """
    heads, caps, body = seed_paragraphs(seeds)
    rng = random.Random(seed)
    rows = []
    for i in range(n_articles):
        if rng.random() < 0.5 and heads:
            headline = rng.choice(heads)
        else:
            words = rng.choice(body).split()[: rng.randint(6, 12)]
            headline = " ".join(words).rstrip(",;:.")
        chosen = rng.sample(body, min(len(body), rng.randint(*paragraphs)))
        for _ in range(rng.randint(0, 3)):
            if caps:
                chosen.insert(rng.randint(1, len(chosen)), rng.choice(caps))
        lines: list[str] = []
        for p in chosen:  # no line twice: the cleaner would drop the repeat
            if p not in lines and p != headline:
                lines.append(p)
        rows.append(article_row(f"g{i:06d}", rng, headline, lines))
    return pd.DataFrame(rows, columns=COLUMNS)


#: The generated corpora the benchmark can use: varied news (the default) or seed paragraphs.
CORPORA = ("news", "seeds")


def bench_corpus(n_articles: int, kind: str = "news", seed: int = 0) -> pd.DataFrame:
    """The benchmark's corpus of ``n_articles``: :func:`analysis.generated_news.generate_news`
    (``kind="news"``) or :func:`generate_corpus` (``"seeds"``), :data:`BENCH_PARAGRAPHS`.

    >>> bench_corpus(2).article_id.tolist(), len(bench_corpus(2, "seeds"))
    (['g000000', 'g000001'], 2)
    """
    if kind == "seeds":
        return generate_corpus(n_articles, seed=seed, paragraphs=BENCH_PARAGRAPHS)
    if kind != "news":
        raise ValueError(f"corpus must be one of {CORPORA}")
    from analysis.generated_news import generate_news

    return generate_news(n_articles, seed=seed, paragraphs=BENCH_PARAGRAPHS)


def write_shards(records: pd.DataFrame, folder: str | Path, n_shards: int,
                 fmt: str = "jsonl") -> list[Path]:
    """Write records as ``n_shards`` JSONL or Parquet files, ``part-00000.<fmt>`` …

    >>> folder = Path(tempfile.mkdtemp())
    >>> [p.name for p in write_shards(generate_corpus(3), folder, 2)]
    ['part-00000.jsonl', 'part-00001.jsonl']
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    size = max(1, -(-len(records) // max(1, n_shards)))
    paths = []
    for number, start in enumerate(range(0, len(records), size)):
        part = records.iloc[start:start + size]
        path = folder / f"part-{number:05d}.{fmt}"
        if fmt == "parquet":
            part.to_parquet(path, index=False)
        else:
            with path.open("w", encoding="utf-8") as handle:
                for record in part.to_dict(orient="records"):
                    handle.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory (MB) of this process and of the largest finished child."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, kids


def _rss_now_mb() -> float:
    """Resident memory of this process now (MB; Linux), else its peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return _peak_mb()[0]


def _load_shard(path: Path) -> pd.DataFrame:
    from analysis.pipeline import load_shard

    return load_shard(path)


def load_all(paths: list[Path], n_jobs: int) -> pd.DataFrame:
    """Load and clean shards on ``n_jobs`` processes, in shard order."""
    if n_jobs == 1:
        parts = [_load_shard(p) for p in paths]
    else:
        with ProcessPoolExecutor(max_workers=n_jobs) as pool:
            parts = list(pool.map(_load_shard, paths))
    return pd.concat(parts, ignore_index=True)


def lower_bound(corpus: pd.DataFrame, sentences: pd.Series) -> None:
    """VADER on every sentence and textstat's five main formulas on every article."""
    import textstat
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    for text in sentences:
        analyzer.polarity_scores(text)
    for text in corpus["text"]:
        textstat.flesch_reading_ease(text)
        textstat.flesch_kincaid_grade(text)
        textstat.gunning_fog(text)
        textstat.smog_index(text)
        textstat.coleman_liau_index(text)


@dataclass
class Measure:
    """One timed run: words, wall-clock and CPU seconds."""

    words: int
    wall: float
    cpu: float

    @property
    def per_core(self) -> float:
        """Words per CPU-second."""
        return self.words / self.cpu if self.cpu else float("nan")

    @property
    def wall_rate(self) -> float:
        """Words per wall-clock second."""
        return self.words / self.wall if self.wall else float("nan")


def _timed(func, words: int):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), _cpu_seconds()
    value = func()
    return value, Measure(words, time.perf_counter() - wall, _cpu_seconds() - cpu)


def run_size(n_articles: int, n_jobs: int, workdir: Path,
             kind: str = "news") -> dict[str, object]:
    """Generate, shard, load and analyse ``n_articles``; time it and the lower bound.

    Meant to run in a fresh process (``main`` starts one per size), so that the peak
    memory it reports belongs to this size alone.
    """
    from analysis import split_sentences
    from analysis.corpus_actors import actors_from_corpus
    from analysis.pipeline import analyze, chunk_size_for

    with tempfile.TemporaryDirectory() as warm:  # imports and word lists, not timed
        small = load_all(write_shards(generate_corpus(3), warm, 1), 1)
        analyze(small, cache=False, progress=False)
        # The lower bound's one-time loading (textstat's CMU dictionary, 1 s) is not timed
        # either: the pipeline no longer loads that dictionary, so it must not count there.
        lower_bound(small, split_sentences(small)["text"])
    records = bench_corpus(n_articles, kind)
    folder = workdir / f"corpus-{n_articles}"
    paths = write_shards(records, folder, max(1, n_articles // 500))
    del records
    rss_before = _rss_now_mb()
    corpus, load = _timed(lambda: load_all(paths, n_jobs), 0)
    words = int(corpus["word_count"].sum())
    text_mb = (corpus["text"].str.len().sum() + corpus["raw_text"].str.len().sum()) / 1e6
    load.words = words
    result, analysis = _timed(
        lambda: analyze(corpus, n_jobs=n_jobs, cache=False, progress=False), words)
    pipeline = Measure(words, load.wall + analysis.wall, load.cpu + analysis.cpu)
    own, kids = _peak_mb()
    sentence_texts = result.sentences["text"] if result.sentences is not None else \
        split_sentences(corpus)["text"]
    _, bound = _timed(lambda: lower_bound(corpus, sentence_texts), words)
    # the actor table the briefing makes for a corpus given without one (not a pipeline
    # step: run once per briefing)
    _, found = _timed(lambda: actors_from_corpus(corpus), words)
    distinct, total = len(set(sentence_texts)), len(sentence_texts)
    return {
        "articles": len(corpus), "words": words, "text_mb": float(text_mb),
        "chunk": chunk_size_for(len(corpus)), "load": load.__dict__,
        "analysis": analysis.__dict__, "pipeline": pipeline.__dict__, "bound": bound.__dict__,
        "actor_table": found.__dict__,
        "steps": result.timings, "notes": result.notes, "peak_main_mb": own,
        "peak_worker_mb": kids, "main_growth_mb": own - rss_before,
        "corpus": kind, "sentences": total, "distinct_sentences": distinct,
    }


def _child(size: int, n_jobs: int, kind: str = "news") -> dict[str, object]:
    """Run one size in a fresh Python process and return its figures."""
    command = [sys.executable, "-m", "analysis.bench", "--child", str(size),
               "--jobs", str(n_jobs), "--corpus", kind]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"benchmark of {size} articles failed:\n{done.stderr[-3000:]}")
    row = json.loads(done.stdout.strip().splitlines()[-1])
    for key in ("load", "analysis", "pipeline", "bound", "actor_table"):
        row[key] = Measure(**row[key])
    return row


def profile(n_articles: int, out: Path, kind: str = "news") -> None:
    """Write a pyinstrument profile (text) of one process analysing ``n_articles``."""
    from pyinstrument import Profiler

    from analysis.pipeline import analyze

    with tempfile.TemporaryDirectory() as tmp:
        paths = write_shards(bench_corpus(n_articles, kind), tmp, 1)
        profiler = Profiler(interval=0.002)
        profiler.start()
        corpus = load_all(paths, 1)
        analyze(corpus, n_jobs=1, cache=False, progress=False)
        profiler.stop()
    out.write_text(profiler.output_text(unicode=True, color=False, show_all=False),
                   encoding="utf-8")
    print(f"profile of {n_articles} articles on one process written to {out}")


def _report(row: dict[str, object], n_jobs: int) -> None:
    load, analysis, pipeline, bound = (row[k] for k in ("load", "analysis", "pipeline",
                                                        "bound"))
    print(f"\n{row['articles']:,} articles, {row['words']:,} words "
          f"({row['text_mb']:.1f} MB of raw + clean text), chunks of {row['chunk']} articles, "
          f"{n_jobs} process(es)")
    print(f"  corpus: {row['corpus']}, {row['distinct_sentences']:,} distinct sentences of "
          f"{row['sentences']:,} ({row['distinct_sentences'] / max(row['sentences'], 1):.1%})")
    print(f"  load + clean      {load.per_core:>10,.0f} words/s per core  "
          f"({load.cpu:.1f} CPU s, {load.wall:.1f} s wall)")
    print(f"  analysis          {analysis.per_core:>10,.0f} words/s per core  "
          f"({analysis.cpu:.1f} CPU s, {analysis.wall:.1f} s wall)")
    for step, seconds in row["steps"].items():  # type: ignore[union-attr]
        print(f"    {step:<18}{row['words'] / seconds:>10,.0f} words/s  ({seconds:.1f} s)")
    for table, note in row["notes"].items():  # type: ignore[union-attr]
        print(f"    {table:<18}{note}")
    print(f"  pipeline          {pipeline.per_core:>10,.0f} words/s per core  "
          f"({pipeline.wall_rate:,.0f} words/s wall on {n_jobs} process(es), "
          f"speed-up {pipeline.cpu / pipeline.wall:.2f}x)")
    print(f"  VADER + textstat  {bound.per_core:>10,.0f} words/s per core (lower bound)")
    found = row["actor_table"]
    print(f"  actor table made from the corpus (once per briefing without ACTORS) "
          f"{found.per_core:,.0f} words/s ({found.cpu:.1f} CPU s)")
    print(f"  ratio to lower bound {pipeline.per_core / bound.per_core:.3f}")
    print(f"  peak memory: main process {row['peak_main_mb']:,.0f} MB "
          f"(+{row['main_growth_mb']:,.0f} MB while loading and analysing = "
          f"{row['main_growth_mb'] / max(row['text_mb'], 1e-9):.1f}x the raw + clean text), "
          f"largest worker {row['peak_worker_mb']:,.0f} MB")
    print(f"  peak memory per 1,000 articles: {row['main_growth_mb'] / row['articles'] * 1000:,.1f}"
          " MB (growth of the main process while loading and analysing)")


# --------------------------------------------------------------------------- run-on input

#: Run-on inputs: (name, function, unit text, sizes in bytes). Text with no sentence end
#: is where a step that rescans the rest of the text for every name or quotation grows
#: with the square of the length; a linear step doubles its time when the text doubles.
RUN_ON = (
    ("actor_sentiment: names, commas, no full stop", "actor_sentiment",
     "Sir Mark Rowley, Gideon Falter, Matt Twist, ", (8_000, 16_000)),
    ('extract_quotes: `"x," said ` repeated', "extract_quotes", '"x," said ', (10_000, 20_000)),
    ("extract_quotes: `\u201c\u2026\u201d said Mr Smith and` repeated", "extract_quotes",
     "\u201c\u2026\u201d said Mr Smith and ", (32_000, 64_000)),
    ("actors_from_corpus: names, acronyms and bodies, no full stop", "actors_from_corpus",
     "Jane Doe of the Acme Trade Group (ATG), Doe, ", (32_000, 64_000)),
)
#: Seconds one run-on measurement may take before it is stopped and reported as such.
RUN_ON_TIMEOUT = 120.0


def run_on_text(unit: str, size: int) -> str:
    """``unit`` repeated to ``size`` characters (a headline line first), closed by one full
    stop: the body is a single sentence, the worst case for a step that looks for the
    sentence around each name or quotation.

    >>> run_on_text("ab, ", 10)
    'Run-on\\n\\nab, ab, ab.'
    """
    body = (unit * (size // len(unit) + 1))[:size].rstrip().rstrip(",")
    return "Run-on\n\n" + body + "."


def time_run_on(function: str, unit: str, size: int) -> float:
    """CPU seconds ``function`` takes on one article of ``size`` characters of ``unit``."""
    from analysis import load_corpus

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "runon.jsonl"
        path.write_text(json.dumps({"article_id": "r1", "outlet": "Run-on",
                                    "text": run_on_text(unit, size)}) + "\n",
                        encoding="utf-8")
        corpus = load_corpus(path)
    actors = SEEDS / "actors.csv"
    if function == "actors_from_corpus":
        from analysis.corpus_actors import actors_from_corpus

        actors_from_corpus(corpus.iloc[:0])
        started = time.process_time()
        actors_from_corpus(corpus)
    elif function == "actor_sentiment":
        from analysis.sentiment import actor_sentiment

        actor_sentiment(corpus.iloc[:0], actors)  # word lists and lexicon, not timed
        started = time.process_time()
        actor_sentiment(corpus, actors)
    else:
        from analysis.attribution import extract_quotes

        extract_quotes(corpus.iloc[:0], actors)
        started = time.process_time()
        extract_quotes(corpus, actors)
    return time.process_time() - started


def run_on_report(timeout: float = RUN_ON_TIMEOUT) -> list[dict[str, object]]:
    """Time each :data:`RUN_ON` input at its two sizes (each in a fresh process, stopped
    after ``timeout`` seconds) and print the growth ratio (about 2: linear; 4: quadratic).
    """
    rows = []
    print("\nrun-on input (one article, no sentence end; CPU seconds, each in its own process)")
    for label, function, unit, sizes in RUN_ON:
        times: list[float | None] = []
        for size in sizes:
            command = [sys.executable, "-m", "analysis.bench", "--run-on-child", function,
                       json.dumps(unit), str(size)]
            try:
                done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT,
                                      timeout=timeout, check=False)
                ok = done.returncode == 0
                times.append(float(done.stdout.strip().splitlines()[-1]) if ok else None)
                if not ok:
                    print(f"    failed: {done.stderr.strip().splitlines()[-1:]}")
            except subprocess.TimeoutExpired:
                times.append(None)
        shown = [f"{t:.2f} s" if t is not None else f"> {timeout:.0f} s (stopped)"
                 for t in times]
        ratio = times[1] / times[0] if None not in times and times[0] else float("nan")
        print(f"  {label}")
        print(f"    {sizes[0] // 1000} KB: {shown[0]}   {sizes[1] // 1000} KB: {shown[1]}   "
              f"growth x{ratio:.1f} for x{sizes[1] / sizes[0]:.0f} the text")
        rows.append({"input": label, "sizes": sizes, "seconds": times, "growth": ratio})
    return rows


# --------------------------------------------------------------------------- Dask, scaled


def write_generated_shards(n_articles: int, folder: Path, per_shard: int = 500,
                           kind: str = "news") -> int:
    """Write ``n_articles`` generated articles as JSONL shards of ``per_shard``, one block
    at a time (never the whole corpus in memory); returns the words of their text.

    >>> folder = Path(tempfile.mkdtemp())
    >>> write_generated_shards(3, folder, per_shard=2) > 0, len(list(folder.iterdir()))
    (True, 2)
    """
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for number, start in enumerate(range(0, n_articles, per_shard)):
        block = bench_corpus(min(per_shard, n_articles - start), kind, seed=number)
        block["article_id"] = [f"g{start + i:07d}" for i in range(len(block))]
        words += int(block["text"].str.split().str.len().sum())
        write_shards(block, folder / f"block-{number:05d}", 1)
        (folder / f"block-{number:05d}" / "part-00000.jsonl").rename(
            folder / f"part-{number:05d}.jsonl")
        (folder / f"block-{number:05d}").rmdir()
    return words


def _worker_usage() -> dict[str, float]:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return {"cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "now_mb": _rss_now_mb()}


def bench_scale(n_articles: int, n_workers: int = 2, kind: str = "news") -> dict[str, object]:
    """The Dask path on a ``LocalCluster`` of ``n_workers`` single-threaded worker
    processes: shards of a generated corpus loaded, cleaned and analysed on the workers,
    the tables written by the workers as Parquet (:func:`analysis.pipeline.analyze_to_parquet`,
    nothing gathered). Prints throughput (words per wall second and per worker CPU-second)
    and each worker's peak memory, and returns them.
    """
    from distributed import Client, LocalCluster

    from analysis.pipeline import analyze_to_parquet, load_shards

    with tempfile.TemporaryDirectory() as tmp:
        shards = Path(tmp) / "shards"
        started = time.perf_counter()
        words = write_generated_shards(n_articles, shards, kind=kind)
        print(f"generated {n_articles:,} articles ({words:,} words) as "
              f"{len(list(shards.iterdir()))} shards in {time.perf_counter() - started:.0f} s")
        with LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as cluster, \
                Client(cluster) as client:
            client.run(lambda: __import__("analysis.pipeline"))  # imports, not timed
            before = client.run(_worker_usage)
            wall = time.perf_counter()
            counts = analyze_to_parquet(load_shards(shards), Path(tmp) / "tables",
                                        client=client)
            wall = time.perf_counter() - wall
            after = client.run(_worker_usage)
    cpu = sum(after[w]["cpu"] - before[w]["cpu"] for w in after)
    peaks = sorted(after[w]["peak_mb"] for w in after)
    growth = max(after[w]["peak_mb"] - before[w]["now_mb"] for w in after)
    row = {"articles": n_articles, "words": words, "workers": n_workers, "wall": wall,
           "cpu": cpu, "words_per_s": words / wall, "words_per_cpu_s": words / cpu,
           "peak_worker_mb": peaks, "growth_mb": growth,
           "rows": {k: int(v) for k, v in counts.sum().items()}}
    print(f"Dask LocalCluster, {n_workers} worker processes x 1 thread: {n_articles:,} "
          f"articles in {wall:.0f} s wall")
    print(f"  throughput {row['words_per_s']:,.0f} words/s wall, "
          f"{row['words_per_cpu_s']:,.0f} words per worker CPU-second "
          f"({cpu:.0f} CPU s over the workers)")
    print("  peak memory per worker: " + ", ".join(f"{p:,.0f} MB" for p in peaks) +
          f" (at most +{growth:,.0f} MB over the worker's memory before the run; a worker "
          f"holds one shard of {min(500, n_articles):,} articles and its tables at a time)")
    return row


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; the last line printed is the summary for the largest size."""
    parser = argparse.ArgumentParser(prog="python -m analysis.bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000",
                        help="comma-separated corpus sizes in articles (default 1000,10000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes (default: every core)")
    parser.add_argument("--profile", type=Path, default=None,
                        help="write a pyinstrument profile of the first size to this file")
    parser.add_argument("--no-run-on", action="store_true",
                        help="leave out the run-on input section")
    parser.add_argument("--scale", type=int, default=None, metavar="ARTICLES",
                        help="instead: the Dask path on a local cluster (make bench-scale)")
    parser.add_argument("--workers", type=int, default=2,
                        help="worker processes of the local cluster for --scale (default 2)")
    parser.add_argument("--corpus", choices=CORPORA, default="news",
                        help="generated news, almost every sentence distinct (default), or "
                             "seed paragraphs shuffled across articles (sentences repeat)")
    parser.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--run-on-child", nargs=3, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_on_child is not None:
        import analysis  # noqa: F401 - patches textstat

        function, unit, size = args.run_on_child
        print(time_run_on(function, json.loads(unit), int(size)))
        return 0
    if args.scale is not None:
        if args.scale < 1 or args.workers < 1:
            parser.error("--scale and --workers must be positive")
        bench_scale(args.scale, args.workers, args.corpus)
        return 0
    if args.child is not None:
        import analysis  # noqa: F401 - patches textstat

        with tempfile.TemporaryDirectory() as tmp:
            print(json.dumps(run_size(args.child, args.jobs, Path(tmp), args.corpus)))
        return 0
    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 1000,10000")
    if not sizes or min(sizes) < 1 or args.jobs < 1:
        parser.error("sizes and --jobs must be positive")
    import analysis  # noqa: F401 - patches textstat before anything is timed

    if args.profile:
        profile(sizes[0], args.profile, args.corpus)
    print(f"benchmark: {args.corpus} corpus, sizes {sizes}, {args.jobs} process(es), "
          f"{os.cpu_count()} core(s) on this machine")
    rows = []
    for size in sizes:  # each size in a fresh process: its own peak memory
        rows.append(_child(size, args.jobs, args.corpus))
        _report(rows[-1], args.jobs)
        sys.stdout.flush()
    if not args.no_run_on:
        run_on_report()
    last = rows[-1]
    rate = last["pipeline"].per_core  # type: ignore[union-attr]
    ratio = rate / last["bound"].per_core  # type: ignore[union-attr]
    print(f"pipeline_words_per_s_per_core={rate:.0f} ratio_to_lower_bound={ratio:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
