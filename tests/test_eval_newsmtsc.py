"""Tests of the NewsMTSC reader and evaluation on a tiny file written here (not the set)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis.evaluation import newsmtsc
from analysis.sentiment import mention_tone

# Sentences written for this test, in the set's format (offsets: from inclusive, to exclusive).
RECORDS = [
    {"sentence_normalized": "Critics slammed Ann Lee for her appalling failure.",
     "targets": [{"from": 16, "to": 23, "mention": "Ann Lee", "polarity": 2.0}]},
    {"sentence_normalized": "Bob Ray met the committee on Tuesday.",
     "targets": [{"from": 0, "to": 7, "mention": "Bob Ray", "polarity": 4.0}]},
    {"sentence_normalized": "The mayor praised Cy Day for his courage, and Bob Ray agreed.",
     "targets": [{"from": 18, "to": 24, "mention": "Cy Day", "polarity": 6.0},
                 {"from": 46, "to": 53, "mention": "Bob Ray", "polarity": 4.0}]},
]


def _write(folder: Path, name: str, records: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_reader_gives_one_row_per_target_with_the_other_targets(tmp_path):
    table = newsmtsc.read_targets(_write(tmp_path, "x", RECORDS))
    assert table["mention"].tolist() == ["Ann Lee", "Bob Ray", "Cy Day", "Bob Ray"]
    assert table["label"].tolist() == ["negative", "neutral", "positive", "neutral"]
    assert table["others"].tolist() == [[], [], [(46, 53)], [(18, 24)]]
    assert table["sentence_id"].tolist() == [1, 2, 3, 3]


@pytest.mark.parametrize("bad, reason", [
    ({"sentence_normalized": "Ann won.", "targets": [{"from": 0, "to": 3, "polarity": 5.0}]},
     "polarity"),
    ({"sentence_normalized": "Ann won.", "targets": [{"from": 4, "to": 30, "polarity": 4.0}]},
     "offsets"),
    ({"targets": []}, "not a NewsMTSC record"),
])
def test_bad_records_name_the_file_and_line(tmp_path, bad, reason):
    path = _write(tmp_path, "bad", [RECORDS[1], bad])
    with pytest.raises(ValueError, match=rf"bad.jsonl line 2: .*{reason}"):
        newsmtsc.read_targets(path)


def test_evaluate_scores_both_splits_beside_the_baselines(tmp_path):
    folder = tmp_path / "newsmtsc"
    for split in newsmtsc.SPLITS:
        _write(folder, split, RECORDS)
    rows = newsmtsc.evaluate(tmp_path)
    assert sorted(set(rows["split"])) == ["devtest_mt", "devtest_rw"]
    assert set(rows["measure"]) == {"actor sentiment"} and set(rows["metric"]) == {"macro-F1"}
    assert (rows["n"] == 4).all()
    rw = rows[rows["split"] == "devtest_rw"].set_index("system")
    assert rw["role"].value_counts().to_dict() == {"baseline": 2, "workbook": 1,
                                                   "alternative": 1}
    # Always neutral: F1 of "neutral" is 2*2 / (2*2 + 2 + 0) = 2/3, the others 0.
    assert rw.loc["always neutral", "value"] == pytest.approx((2 / 3) / 3)
    # VADER on the sentence, labelled here from stock VADER with its own +-0.05 cut.
    vader = SentimentIntensityAnalyzer()
    gold = ["negative", "neutral", "positive", "neutral"]
    sentences = [RECORDS[0], RECORDS[1], RECORDS[2], RECORDS[2]]
    compounds = [vader.polarity_scores(r["sentence_normalized"])["compound"] for r in sentences]
    labels = ["positive" if c >= 0.05 else "negative" if c <= -0.05 else "neutral"
              for c in compounds]
    per_class = []
    for lab in ("negative", "neutral", "positive"):
        tp = sum(g == lab == p for g, p in zip(gold, labels, strict=True))
        fp = sum(g != lab == p for g, p in zip(gold, labels, strict=True))
        fn = sum(p != lab == g for g, p in zip(gold, labels, strict=True))
        per_class.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    assert rw.loc["VADER on the whole sentence", "value"] == pytest.approx(sum(per_class) / 3)


def test_the_workbook_is_scored_through_mention_tone(tmp_path):
    """The figure is the label a user gets from mention_tone, target as the actor."""
    table = newsmtsc.predict(newsmtsc.read_targets(_write(tmp_path, "x", RECORDS)))
    expected = [mention_tone(r["sentence_normalized"], (t["from"], t["to"]),
                             other_mentions=[(o["from"], o["to"]) for o in r["targets"]
                                             if o is not t])["label"]
                for r in RECORDS for t in r["targets"]]
    assert table["workbook"].tolist() == expected
    # Plain cases the method must get: blame aimed at the target, praise aimed at it.
    assert table["workbook"].iloc[0] == "negative"
    assert table["workbook"].iloc[2] == "positive"


def test_intervals_draw_whole_sentences(tmp_path):
    # one sentence holds every target, so every draw is the whole set: each row's draws
    # equal its figure (drawing targets, draws would vary)
    folder = tmp_path / "newsmtsc"
    record = {"sentence_normalized": "Critics slammed Ann Lee, praised Cy Day and met Bob Ray.",
              "targets": [{"from": 16, "to": 23, "polarity": 2.0},
                          {"from": 33, "to": 39, "polarity": 6.0},
                          {"from": 48, "to": 55, "polarity": 4.0}]}
    for split in newsmtsc.SPLITS:
        _write(folder, split, [record])
    rows = newsmtsc.evaluate(tmp_path)
    assert (rows["n"] == 3).all()
    for row in rows.itertuples():
        assert row.draws == pytest.approx([row.value] * len(row.draws)), row.system
        assert "interval: sentences resampled" in row.note
