"""engine="dask": the same per-article functions over a Dask DataFrame of shards give the
same tables as pandas, on the seeds and on a generated corpus (a local cluster, loopback)."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis import load_corpus
from analysis.bench import generate_corpus, write_shards
from analysis.pipeline import analyze, load_shard, load_shards

distributed = pytest.importorskip("distributed")

# A local cluster per module: run by make test-all (and CI), not make test.
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client():
    # TCP on the loopback interface: the in-process transport looks up the machine's public
    # address (a UDP "connection" to 8.8.8.8), which the offline test guard blocks.
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                       protocol="tcp://", host="127.0.0.1",
                                       dashboard_address=None)
    with distributed.Client(cluster) as dask_client:
        yield dask_client
    cluster.close()


def _assert_same(a, b):
    assert a.tables().keys() == b.tables().keys()
    assert a.notes == b.notes
    for name, table in a.tables().items():
        pd.testing.assert_frame_equal(table, getattr(b, name), check_exact=True, obj=name)


def _seed_records(corpus: pd.DataFrame) -> pd.DataFrame:
    """The seeds as JSONL-style records: raw text plus the manifest's fields."""
    records = corpus[["article_id", "outlet", "headline", "published", "raw_text"]].rename(
        columns={"raw_text": "text"})
    manifest = pd.read_csv("seeds/manifest.csv", dtype=str, keep_default_na=False)
    given = dict(zip(manifest.article_id, manifest.headline, strict=True))
    records = records.assign(headline=[given[a] or None for a in records.article_id])
    return records.astype(object).where(records.notna(), None)


def test_seeds_from_mixed_shards_match_pandas(corpus, client, tmp_path):
    records = _seed_records(corpus)
    write_shards(records.iloc[:3], tmp_path, 1, "jsonl")
    (tmp_path / "part-00000.jsonl").rename(tmp_path / "a.jsonl")
    write_shards(records.iloc[3:], tmp_path, 1, "parquet")
    (tmp_path / "part-00000.parquet").rename(tmp_path / "b.parquet")

    shards = load_shards(tmp_path)
    assert shards.npartitions == 2
    loaded = shards.compute().reset_index(drop=True)
    # The shards clean to exactly the text the folder loader gives.
    assert loaded.text.tolist() == corpus.text.tolist()
    assert loaded.line_kinds.tolist() == corpus.line_kinds.tolist()
    assert loaded.source_file.iloc[-1].startswith(str(tmp_path / "b.parquet"))

    on_dask = analyze(shards, engine="dask", client=client)
    on_pandas = analyze(corpus, cache=False, progress=False)
    for name in ("sentences", "sentiment", "article_sentiment", "frames"):
        if getattr(on_pandas, name) is not None:
            pd.testing.assert_frame_equal(getattr(on_dask, name), getattr(on_pandas, name),
                                          obj=name)
    assert on_dask.cache.startswith("off")


def test_generated_shards_match_pandas(client, tmp_path):
    paths = write_shards(generate_corpus(9, seed=5, paragraphs=(3, 8)), tmp_path, 3, "jsonl")
    reference = pd.concat([load_corpus(p) for p in paths], ignore_index=True)
    on_pandas = analyze(reference, n_jobs=1, cache=False, progress=False)
    on_dask = analyze(load_shards(tmp_path), engine="dask", client=client)
    _assert_same(on_dask, on_pandas)


def test_a_pandas_corpus_runs_on_dask_too(corpus, client):
    on_dask = analyze(corpus.iloc[3:], engine="dask", client=client, chunk_size=1)
    on_pandas = analyze(corpus.iloc[3:], cache=False, progress=False)
    _assert_same(on_dask, on_pandas)


def test_parquet_shard_loads_like_jsonl(tmp_path):
    records = generate_corpus(2, seed=7)
    write_shards(records, tmp_path, 1, "jsonl")
    write_shards(records, tmp_path, 1, "parquet")
    jsonl = load_shard(tmp_path / "part-00000.jsonl")
    parquet = load_shard(tmp_path / "part-00000.parquet")
    columns = [c for c in jsonl.columns if c != "source_file"]
    pd.testing.assert_frame_equal(parquet[columns], jsonl[columns])


def test_dask_engine_rejects_other_input(client):
    with pytest.raises(TypeError):
        analyze([1, 2], engine="dask", client=client)


def test_tables_written_where_they_are_made(corpus, client, tmp_path):
    from analysis.pipeline import analyze_to_parquet

    counts = analyze_to_parquet(corpus.iloc[3:], tmp_path, client=client, chunk_size=1)
    assert len(counts) == 2
    on_pandas = analyze(corpus.iloc[3:], cache=False, progress=False)
    for name, table in on_pandas.tables().items():
        files = sorted((tmp_path / name).glob("part-*.parquet"))
        back = pd.concat([pd.read_parquet(f) for f in files], ignore_index=True)
        assert back.columns.tolist() == table.columns.tolist()
        assert len(back) == len(table) == counts[name].sum()
        assert back.article_id.tolist() == table.article_id.tolist()
