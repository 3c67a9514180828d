"""The agentless-passive evaluation on tiny fixtures written here (nothing read from a set)."""

from __future__ import annotations

import hashlib

import pandas as pd
import pytest

from analysis.evaluation import passives as ev


def test_digest_is_sha1_prefix():
    text = "The plan was approved."
    assert ev.digest(text) == hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@pytest.mark.parametrize(("sentence", "expected"), [
    # be/get right before an -ed word; agent when "by" follows anywhere later
    ("The plan was approved.", [(13, False)]),
    ("It got cancelled by the board.", [(7, True)]),
    # irregular participles and a word between are beyond the baseline
    ("The man was seen. It was quickly approved.", []),
    ("They were tired and were fired.", [(10, False), (25, False)]),
])
def test_baseline_passives(sentence, expected):
    assert ev.baseline_passives(sentence) == expected


def _labels(rows: list[tuple[str, int, str, object, str]]) -> pd.DataFrame:
    return pd.DataFrame(
        [{"sample": i, "article_id": a, "sentence": k, "sha1": ev.digest(s), "start": start,
          "agent": agent} for i, (a, k, s, start, agent) in enumerate(rows)])


def test_score_counts_agentless_hits_against_the_labels():
    s1 = "The plan was approved by seven votes."  # an amount: no agent named
    s2 = "He was stopped by an officer."          # agent named
    s3 = "They were tired and went home."         # no passive
    sample = [("1", 0, s1), ("1", 1, s2), ("2", 0, s3)]
    labels = _labels([("1", 0, s1, s1.index("approved"), "none"),
                      ("1", 1, s2, s2.index("stopped"), "named"),
                      ("2", 0, s3, "", "no passive")])
    got = ev.score(sample, labels)
    # the detector: "approved" (agentless, right); "stopped" has its agent; "tired" is
    # not a participle it counts -> 1 of 1 right, 1 of 1 found
    assert got["workbook"]["precision"] == 1.0
    assert got["workbook"]["recall"] == 1.0
    # the baseline: "approved" has a later "by" (wrongly an agent), "stopped" too;
    # "were tired" is a hit that the labels do not hold -> 0 of 1, 0 found
    assert got["baseline"]["n_predicted"] == 1
    assert got["baseline"]["precision"] == 0.0
    assert got["baseline"]["recall"] == 0.0


def test_score_refuses_a_sentence_that_is_not_the_labelled_one():
    labels = _labels([("1", 0, "The plan was approved.", 13, "none")])
    with pytest.raises(ValueError, match="not the labelled sentence"):
        ev.score([("1", 0, "The plan was rejected.")], labels)


def test_draw_sample_is_reproducible_and_keeps_candidates(tmp_path):
    path = tmp_path / "a.tsv"
    body = " ".join(f"Item {i} was approved." if i % 2 else f"We met {i} times."
                    for i in range(20))
    path.write_text("ID\ttext\n7\t" + body + "\n", encoding="utf-8")
    first = ev.draw_sample(path, seed=3, size=5)
    assert first == ev.draw_sample(path, seed=3, size=5)
    assert len(first) == 5 and all("approved" in s for _, _, s in first)
    assert first != ev.draw_sample(path, seed=4, size=5)


def test_label_file_covers_the_sample_without_text():
    labels = ev.read_labels()
    assert set(labels.columns) == {"sample", "article_id", "sentence", "sha1", "start", "agent"}
    assert labels["sample"].nunique() == ev.SAMPLE_SIZE
    # one digest per sentence, and every passive row has a position
    assert labels.groupby("sample")["sha1"].nunique().eq(1).all()
    passive_rows = labels[labels["agent"] != "no passive"]
    assert passive_rows["start"].astype(str).str.fullmatch(r"\d+").all()


def test_score_counts_only_the_gold_of_the_sentences_scored():
    s1 = "The plan was approved."
    s2 = "The road was closed."
    labels = _labels([("1", 0, s1, s1.index("approved"), "none"),
                      ("1", 1, s2, s2.index("closed"), "none")])
    got = ev.score([("1", 0, s1)], labels)  # the second labelled sentence is not scored
    assert got["workbook"]["n_gold"] == 1
    assert got["workbook"]["recall"] == 1.0


def test_revised_on_part_is_the_start_of_the_sample():
    assert list(ev.REVISED_ON) == list(range(len(ev.REVISED_ON)))
    assert 0 < len(ev.REVISED_ON) < ev.SAMPLE_SIZE
