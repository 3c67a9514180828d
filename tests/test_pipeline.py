"""analyze(): every table in one call, the same on 1 or 2 processes, cached safely;
MinHash/LSH blocking for cross-article steps."""

from __future__ import annotations

import itertools
import json

import pandas as pd
import pytest

from analysis import pipeline
from analysis.bench import generate_corpus, write_shards
from analysis.cache import ResultCache, code_version, corpus_hash
from analysis.pipeline import (
    STEPS,
    Step,
    analyze,
    candidate_pairs,
    load_shards,
    passage_pairs,
    shingles,
)
from analysis.sentences import article_sentences, reuse_splits, split_sentences


@pytest.fixture(scope="module")
def seeds_result(corpus):
    return analyze(corpus, cache=False, progress=False)


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """A small generated corpus, loaded through the JSONL loader like a real one."""
    from analysis import load_corpus

    folder = tmp_path_factory.mktemp("generated")
    write_shards(generate_corpus(12, seed=3, paragraphs=(3, 10)), folder, 1)
    return load_corpus(folder / "part-00000.jsonl")


def _assert_same(a, b):
    assert a.tables().keys() == b.tables().keys()
    for name, table in a.tables().items():
        pd.testing.assert_frame_equal(table, getattr(b, name), check_exact=True, obj=name)


# ------------------------------------------------------------------ the tables


def test_tables_are_the_public_functions_results(corpus, seeds_result):
    from analysis import sentiment

    expected_sentences = split_sentences(corpus)
    pd.testing.assert_frame_equal(seeds_result.sentences, expected_sentences)
    pd.testing.assert_frame_equal(seeds_result.sentiment,
                                  sentiment.sentence_sentiment(expected_sentences))
    pd.testing.assert_frame_equal(seeds_result.article_sentiment,
                                  sentiment.article_sentiment(corpus))
    assert seeds_result.article_sentiment.article_id.tolist() == corpus.article_id.tolist()


def test_every_step_is_present_or_explained(seeds_result):
    for step in STEPS:
        table = getattr(seeds_result, step.table)
        assert (table is not None) != (step.table in seeds_result.notes), step.table
    assert "actor" in seeds_result.notes["actor_sentiment"]


def test_actor_sentiment_with_an_actor_table(corpus):
    from analysis import sentiment

    result = analyze(corpus, actors="seeds/actors.csv", cache=False, progress=False)
    expected = sentiment.actor_sentiment(corpus, "seeds/actors.csv")
    pd.testing.assert_frame_equal(result.actor_sentiment, expected)


def test_a_missing_module_leaves_its_table_out_with_a_note(corpus, monkeypatch):
    fake = Step("readability", "analysis.no_such_module", "article_readability")
    monkeypatch.setattr(pipeline, "STEPS", (STEPS[0], fake))
    result = analyze(corpus, cache=False, progress=False)
    assert result.readability is None
    assert "analysis.no_such_module" in result.notes["readability"]
    assert len(result.sentences) > 0


def test_bad_input_is_a_clear_error(corpus):
    with pytest.raises(TypeError):
        analyze(["not", "a", "frame"], cache=False)
    with pytest.raises(ValueError, match="text"):
        analyze(corpus.drop(columns="text"), cache=False)
    with pytest.raises(ValueError, match="n_jobs"):
        analyze(corpus, n_jobs=0, cache=False)
    with pytest.raises(ValueError, match="engine"):
        analyze(corpus, engine="spark", cache=False)


def test_empty_corpus_is_a_clear_error(corpus):
    with pytest.raises(ValueError, match="no articles"):
        analyze(corpus.iloc[:0], cache=False, progress=False)


def test_an_empty_article_among_others(corpus):
    odd = pd.concat([corpus.iloc[:1], corpus.iloc[:1].assign(article_id="empty", text="")],
                    ignore_index=True)
    result = analyze(odd, cache=False, progress=False)
    assert set(result.sentences.article_id) == {corpus.article_id.iloc[0]}
    assert len(result.article_sentiment) == 2


# ------------------------------------------------------------------ parallel runs


def test_two_processes_give_identical_tables_on_the_seeds(corpus, seeds_result):
    parallel = analyze(corpus, n_jobs=2, cache=False, progress=False, chunk_size=2)
    _assert_same(seeds_result, parallel)


def test_chunking_and_processes_do_not_change_a_generated_corpus(generated):
    one = analyze(generated, n_jobs=1, cache=False, progress=False, chunk_size=10)
    many = analyze(generated, n_jobs=2, cache=False, progress=False, chunk_size=3)
    _assert_same(one, many)
    assert one.sentences.article_id.unique().tolist() == generated.article_id.tolist()


def test_progress_bar_only_when_asked(corpus, capsys):
    analyze(corpus.iloc[:2], cache=False, progress=False)
    assert capsys.readouterr().err == ""
    analyze(corpus.iloc[:2], cache=False, progress=True)
    assert "analysing" in capsys.readouterr().err


# ------------------------------------------------------------------ cache


@pytest.fixture
def frozen_code(monkeypatch):
    """A fixed code version: other modules may be edited while the tests run."""
    monkeypatch.setattr("analysis.cache.code_version", lambda: "0" * 64)


@pytest.fixture
def quick_steps(monkeypatch, frozen_code):
    """Only the foundation's steps: the cache's checks do not depend on which tables."""
    monkeypatch.setattr(pipeline, "STEPS", STEPS[:1] + STEPS[2:3])


def test_second_call_hits_the_cache_with_equal_tables(corpus, seeds_result, tmp_path,
                                                      frozen_code):
    first = analyze(corpus, cache=tmp_path, progress=False)
    assert first.cache == "miss" and not first.cache_hit
    second = analyze(corpus, cache=tmp_path, progress=False)
    assert second.cache_hit and second.timings == {}
    _assert_same(seeds_result, second)
    assert second.notes == first.notes


def test_corrupt_entry_is_recomputed_never_served(corpus, tmp_path, quick_steps):
    first = analyze(corpus, cache=tmp_path, progress=False)
    target = next(iter(sorted(p for p in (tmp_path / "analyze").rglob("*.parquet"))))
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0xFF
    target.write_bytes(bytes(data))
    again = analyze(corpus, cache=tmp_path, progress=False)
    assert again.cache.startswith("recomputed") and "checksum" in again.cache
    _assert_same(first, again)
    assert analyze(corpus, cache=tmp_path, progress=False).cache_hit
    assert first.cache_path == again.cache_path


@pytest.mark.parametrize("damage", ["truncate_parquet", "delete_manifest", "stale_manifest",
                                    "schema"])
def test_other_damage_is_detected(corpus, tmp_path, damage, quick_steps):
    first = analyze(corpus.iloc[:2], cache=tmp_path, progress=False)
    entry = tmp_path / "analyze" / first.cache_path.split("/")[-1]
    manifest = json.loads((entry / "manifest.json").read_text())
    if damage == "truncate_parquet":
        path = entry / "sentences.parquet"
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "delete_manifest":
        (entry / "manifest.json").unlink()
    elif damage == "stale_manifest":
        manifest["key"] = "another-key"
        (entry / "manifest.json").write_text(json.dumps(manifest))
    else:  # a file that passes its checksum but has other columns than recorded
        path = entry / "sentences.parquet"
        pd.DataFrame({"x": [1]}).to_parquet(path)
        from analysis.cache import _file_sha256

        manifest["tables"]["sentences"]["sha256"] = _file_sha256(path)
        (entry / "manifest.json").write_text(json.dumps(manifest))
    again = analyze(corpus.iloc[:2], cache=tmp_path, progress=False)
    assert again.cache.startswith("recomputed"), again.cache
    pd.testing.assert_frame_equal(again.sentences, first.sentences)


def test_changed_text_outlet_or_code_misses(corpus, tmp_path, quick_steps, monkeypatch):
    analyze(corpus.iloc[:2], cache=tmp_path, progress=False)
    edited = corpus.iloc[:2].copy()
    edited.loc[edited.index[0], "text"] = edited.text.iloc[0] + " One more sentence."
    assert analyze(edited, cache=tmp_path, progress=False).cache == "miss"
    relabelled = corpus.iloc[:2].assign(outlet="Another outlet")
    assert analyze(relabelled, cache=tmp_path, progress=False).cache == "miss"
    moved = corpus.iloc[:2].assign(source_file="elsewhere.txt")
    assert analyze(moved, cache=tmp_path, progress=False).cache_hit
    monkeypatch.setattr("analysis.cache.code_version", lambda: "1" * 64)
    assert analyze(corpus.iloc[:2], cache=tmp_path, progress=False).cache == "miss"
    # the entry made by the older code is gone: it could never be served again
    assert len(list((tmp_path / "analyze").iterdir())) == 3


def test_cache_key_parts(corpus):
    assert corpus_hash(corpus) == corpus_hash(corpus.copy())
    assert corpus_hash(corpus) != corpus_hash(corpus.iloc[::-1])
    assert len(code_version()) == 64
    store = ResultCache("unused")
    assert store.key(corpus, ["sentences"]) != store.key(corpus, ["sentences", "quotes"])


def test_tuples_and_lists_survive_the_cache(tmp_path):
    store = ResultCache(tmp_path)
    table = pd.DataFrame({"parts": [[(1, 2), (3, 4)], []], "n": [1, 2],
                          "mixed": [None, "x"]})
    store.save("k", {"t": table}, {})
    loaded, status = store.load("k")
    assert status == "hit"
    pd.testing.assert_frame_equal(loaded["t"], table)


# ------------------------------------------------------------------ reused splits


def test_reuse_splits_gives_copies_equal_to_a_fresh_split(corpus):
    fresh = split_sentences(corpus)
    rows = article_sentences(corpus.text.iloc[0], corpus.line_kinds.iloc[0])
    with reuse_splits():
        first = split_sentences(corpus)
        first.loc[0, "text"] = "edited by a caller"
        pd.testing.assert_frame_equal(split_sentences(corpus), fresh)
        again = article_sentences(corpus.text.iloc[0], corpus.line_kinds.iloc[0])
        again[0]["text"] = "edited"
        assert article_sentences(corpus.text.iloc[0], corpus.line_kinds.iloc[0]) == rows
        other = split_sentences(corpus.iloc[:1])
    pd.testing.assert_frame_equal(other, fresh[fresh.article_id == corpus.article_id.iloc[0]])


# ------------------------------------------------------------------ MinHash / LSH


def test_shingles():
    assert shingles("", 3) == set()
    assert shingles("One two", 3) == {"one two"}
    assert shingles("A b c d", 3) == {"a b c", "b c d"}


def test_candidate_pairs_find_every_highly_similar_pair(corpus):
    # Independent check: all-pairs exact Jaccard over the seeds' paragraphs.
    texts = {f"{a}:{i}": p for a, t in zip(corpus.article_id, corpus.text, strict=True)
             for i, p in enumerate(t.split("\n")) if len(p.split()) >= 8}
    sets = {k: shingles(v, 4) for k, v in texts.items()}
    truth = set()
    for a, b in itertools.combinations(sorted(sets), 2):
        if len(sets[a] & sets[b]) / len(sets[a] | sets[b]) >= 0.8:
            truth.add((a, b))
    assert truth, "the seeds share passages (the aggregator copy of MailOnline)"
    found = candidate_pairs(texts, 0.5, shingle_size=4)
    assert truth <= set(zip(found.a, found.b, strict=True))
    assert (found[["jaccard", "containment"]].max(axis=1) >= 0.5).all()


def test_passage_pairs_on_the_seeds(corpus):
    pairs = passage_pairs(corpus, 0.3)
    # 001 (MailOnline via an aggregator) and 003 (a Jewish community paper) both quote the
    # communal leaders' statement after their talks with the police.
    texts = corpus.set_index("article_id").text.str.lower()
    assert "we urge the police and government to work together" in texts["001"]
    assert "we urge the police and government to work together" in texts["003"]
    urge = pairs[pairs.text_a.str.contains("We urge the police")]
    assert urge[["article_a", "article_b"]].values.tolist() == [["001", "003"]]
    assert (pairs.article_a != pairs.article_b).all()
    for row in pairs.itertuples():  # each pair shares a run of at least 5 words
        assert shingles(row.text_a, 5) & shingles(row.text_b, 5)
    assert candidate_pairs({"a": "", "b": "..."}).empty


def test_candidate_pairs_bad_threshold():
    with pytest.raises(ValueError):
        candidate_pairs({"a": "x"}, threshold=1.5)


def test_load_shards_rejects_an_empty_folder(tmp_path):
    from analysis import CorpusError

    with pytest.raises(CorpusError):
        load_shards(tmp_path)
