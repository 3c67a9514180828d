"""PolNeAR reader and scorer on a tiny brat fixture written here (not PolNeAR's own files)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analysis.evaluation import polnear
from analysis.evaluation.metrics import span_overlap

TEXT = ('Senator Jane Doe spoke in Ohio.\n\n'
        '"We will win this state," she said. The plan, Doe added, is working.\n\n'
        'Officials said the count was slow.\n')


def _offsets(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _write(root: Path) -> Path:
    folder = root / "polnear" / "dev"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "nyt_2016-10-01_x.txt").write_text(TEXT, encoding="utf-8")
    q = _offsets(TEXT, '"We will win this state,"')
    she = _offsets(TEXT, "she")
    said = _offsets(TEXT, "said.")
    said = (said[0], said[0] + 4)
    plan1 = _offsets(TEXT, "The plan")
    plan2 = _offsets(TEXT, "is working")
    doe = _offsets(TEXT, "Doe added")
    doe_name, added = (doe[0], doe[0] + 3), (doe[0] + 4, doe[1])
    off = _offsets(TEXT, "Officials")
    said2 = _offsets(TEXT, "said the")
    said2 = (said2[0], said2[0] + 4)
    count = _offsets(TEXT, "the count was slow")
    lines_a = [
        f"T1\tSource {she[0]} {she[1]}\tshe",
        f"T2\tCue {said[0]} {said[1]}\tsaid",
        f"T3\tContent {q[0]} {q[1]}\tquote",
        f"T4\tAttribution {said[0]} {said[1]}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {doe_name[0]} {doe_name[1]}\tDoe",
        f"T6\tCue {added[0]} {added[1]}\tadded",
        f"T7\tContent {plan1[0]} {plan1[1]};{plan2[0]} {plan2[1]}\tThe plan is working",
        f"T8\tAttribution {added[0]} {added[1]}\tadded",
        "E2\tAttribution:T8 Content:T7 Cue:T6 Source:T5",
        f"T9\tSource {off[0]} {off[1]}\tOfficials",
        f"T10\tCue {said2[0]} {said2[1]}\tsaid",
        f"T11\tContent {count[0]} {count[1]}\tthe count was slow",
        f"T12\tAttribution {said2[0]} {said2[1]}\tsaid",
        "E3\tAttribution:T12 Content:T11 Cue:T10 Source:T9",
    ]
    # a second annotator ("zz99") marked only the quotation: the reader must use "aa01"
    ann = folder / "attributions"
    (ann / "nyt_2016-10-01_x_aa01.ann").write_text("\n".join(lines_a) + "\n", encoding="utf-8")
    (ann / "nyt_2016-10-01_x_zz99.ann").write_text("\n".join(lines_a[:5]) + "\n",
                                                   encoding="utf-8")
    return root


@pytest.fixture()
def fixture_dir(tmp_path: Path) -> Path:
    return _write(tmp_path)


def test_read_ann_discontinuous_span(fixture_dir: Path) -> None:
    ann = fixture_dir / "polnear/dev/attributions/nyt_2016-10-01_x_aa01.ann"
    atts = polnear.read_ann(ann)
    assert [a.relation for a in atts] == ["E1", "E2", "E3"]
    frags = atts[1].content
    assert len(frags) == 2
    assert [TEXT[s:e] for s, e in frags] == ["The plan", "is working"]


def test_one_fixed_annotator_per_article(fixture_dir: Path) -> None:
    files = polnear.annotation_files(fixture_dir / "polnear/dev/attributions")
    assert list(files) == ["nyt_2016-10-01_x"]
    assert files["nyt_2016-10-01_x"].stem.endswith("_aa01")


def test_gold_offsets_index_the_clean_text(fixture_dir: Path) -> None:
    corpus, gold = polnear.read_split(fixture_dir, "dev")
    text = corpus.loc[0, "text"]
    assert len(gold) == 3
    assert gold["quoted"].tolist() == [True, False, False]
    # every mapped span gives back the words the annotator marked
    assert gold.loc[0, "content_text"] == '"We will win this state,"'
    assert [text[s:e] for s, e in gold.loc[1, "content"]] == ["The plan", "is working"]
    assert gold.loc[2, "source_text"] == "Officials"


def test_offset_map_follows_removed_characters() -> None:
    raw, clean = "ab\n\n\ncd", "ab\n\ncd"
    mapping = polnear.offset_map(raw, clean)
    s, e = raw.index("cd"), raw.index("cd") + 2
    assert clean[mapping[s]:mapping[e]] == "cd"


def test_speaker_rule() -> None:
    row = pd.Series({"source": [(10, 13)], "source_text": "she"})
    # a pronoun: right when it names the nearest named Source before it
    assert polnear.speaker_correct("Jane Doe", None, row, "Senator Jane Doe")
    assert not polnear.speaker_correct("John Roe", None, row, "Senator Jane Doe")
    # or when the workbook's mention is the gold Source itself
    assert polnear.speaker_correct("Jane Doe", (10, 13), row, "")
    assert not polnear.speaker_correct("", (10, 13), row, "")
    # the surname of an antecedent with an apposition is its name's, not the apposition's
    assert polnear.speaker_correct("Jane Doe", None, row, "Rep. Jane Doe (D-Ga.), an ally")
    assert not polnear.speaker_correct("Jane Ally", None, row, "Rep. Jane Doe, an ally")


def test_a_relative_pronoun_refers_to_the_noun_phrase_before_it() -> None:
    text = "Rob Roe spoke. Later, Senator Jane Doe, who said it was over, left."
    gold = pd.DataFrame({"article_id": ["a", "a"], "source": [[(0, 7)], [(40, 43)]],
                         "source_text": ["Rob Roe", "who"]})
    antecedents = polnear._antecedents(gold, {"a": text})
    row = gold.iloc[1]
    assert polnear.speaker_correct("Jane Doe", None, row, antecedents[1])
    assert not polnear.speaker_correct("Rob Roe", None, row, antecedents[1])


def test_evaluate_on_fixture(fixture_dir: Path) -> None:
    rows = polnear.evaluate(fixture_dir)
    assert set(rows["measure"]) == {"quotations", "speakers", "indirect speech",
                                    "quotation matching", "speech verbs"}
    assert set(rows["role"]) == {"workbook", "baseline"}
    got = rows.set_index(["measure", "metric", "role"])["value"]
    # the one quotation, found by both systems and credited to Jane Doe ("she")
    assert got[("quotations", "F1", "workbook")] == 1.0
    assert got[("quotations", "F1", "baseline")] == 1.0
    assert got[("speakers", "speaker accuracy", "workbook")] == 1.0
    # the baseline's nearest capitalised name is "Senator Jane Doe" too (the only one)
    assert got[("speakers", "speaker accuracy", "baseline")] == 1.0
    # the note says that the workbook's right speaker is a pronoun found at the gold Source
    # ("she"), whose name the rule does not check; the baseline has no mention
    notes = rows[rows["metric"] == "speaker accuracy"].set_index("role")["note"]
    assert notes["workbook"].startswith("matched quotations with a gold Source; 1 of the ")
    assert notes["baseline"].startswith("matched quotations with a gold Source; 0 of the ")
    # the quotation's cue is "said": the workbook's verb, the nearest verb and "said" agree
    for role in ("workbook", "baseline"):
        assert (got.loc[("speech verbs", "verb accuracy", role)] == 1.0).all()
    # indirect speech: two gold spans; the baseline takes whole sentences
    assert rows.loc[rows["measure"] == "indirect speech", "n"].eq(2).all()
    # their speakers: the workbook names Doe and the officials (mentions overlapping the
    # gold Sources); the baseline's only capitalised run, "Senator Jane Doe", is right for
    # Doe's sentence (same surname) and wrong for the officials'
    reported = ("speakers", "speaker accuracy (reported speech)")
    assert got[(*reported, "workbook")] == 1.0
    assert got[(*reported, "baseline")] == 0.5
    assert rows.loc[rows["metric"] == reported[1], "n"].eq(2).all()
    base_ind = polnear.baseline_indirect(polnear.read_split(fixture_dir, "dev")[0])
    text = polnear.read_split(fixture_dir, "dev")[0].loc[0, "text"]
    officials = [s for s in base_ind["nyt_2016-10-01_x"] if text[s[0][0]:].startswith("Off")]
    assert len(officials) == 1
    count = text.index("the count")
    assert span_overlap(text, officials[0], [(count, count + 18)]) >= 0.5


def test_verb_scores_count_the_cue_verb_and_the_judging_flag() -> None:
    # two quotations written for this test: the first introduced by "claimed" (a judging
    # verb), the second by "said"; the workbook gives the first "claim", the second no verb
    text = 'Doe spoke. "We won," she claimed. Roe left.\n\n"No," Roe said.'
    first, second = _offsets(text, '"We won,"'), _offsets(text, '"No,"')
    claimed, said = _offsets(text, "claimed"), _offsets(text, "said")
    gold = pd.DataFrame({"article_id": ["a", "a"], "content": [[first], [second]],
                         "cue": [[claimed], [said]]})
    predicted = {"a": [{"parts": [first], "verb": "claim"}, {"parts": [second], "verb": ""}]}
    scores = polnear._verb_scores({"a": text}, gold, predicted)
    assert (scores["workbook"]["accuracy"], scores["workbook"]["n"]) == (0.5, 2)
    assert scores["nearest"]["accuracy"] == 1.0      # "claimed", then "said"
    assert scores["said"]["accuracy"] == 0.5
    # one judging cue, which the workbook and the nearest verb both flag, and "said" never
    assert scores["workbook"]["f1"] == scores["nearest"]["f1"] == 1.0
    assert scores["said"]["f1"] == 0.0


def test_quotation_pairs_are_deterministic_and_labelled() -> None:
    quotes = ["we will not raise taxes on working families",
              "we will cut taxes on small firms this year",
              "the weather was lovely all week long here"]
    pairs = polnear.quotation_pairs(quotes, seed=3)
    assert pairs == polnear.quotation_pairs(quotes, seed=3)
    positives = [(a, b) for a, b, same in pairs if same]
    assert len(positives) == 3
    # every altered copy keeps most of its original's words
    for a, b in positives:
        assert len(set(a.split()) & set(b.split())) >= 4
    # the hard negative of the first quotation is the other one about taxes
    negatives = [(a, b) for a, b, same in pairs if not same]
    assert (quotes[0], quotes[1]) in negatives


def test_matching_rows_on_hand_made_pairs() -> None:
    rows = pd.DataFrame(polnear.matching_rows(
        ["this will kill our trade for good", "we never asked for this road at all"], "t"))
    assert set(rows["role"]) == {"workbook", "baseline"}
    assert rows["n"].eq(4).all()


def test_a_continuation_credited_to_the_same_nearest_speaker_joins_its_attribution() -> None:
    # hand-made rows: a quotation with its verb, then two in the same paragraph with no
    # verb of their own, credited to the nearest speaker: the same one joins, another not
    text = '"A b," Jane Doe said. "C d." "E f."'
    row = {"article_id": "1", "kind": "direct", "clause_start": pd.NA, "clause_end": pd.NA,
           "speaker_start": pd.NA, "speaker_end": pd.NA, "paragraph_id": 0, "verb": "",
           "verb_text": "", "attribution": "nearest speaker"}
    quotes = pd.DataFrame([
        {**row, "start": 1, "parts": [(1, 4)], "speaker": "Jane Doe", "verb": "say",
         "verb_text": "said", "attribution": "after", "speaker_start": 7, "speaker_end": 15},
        {**row, "start": 23, "parts": [(23, 27)], "speaker": "Jane Doe"},
        {**row, "start": 30, "parts": [(30, 34)], "speaker": "Tom Reyes"},
    ])
    out = polnear.workbook_attributions(quotes, {"1": text}, True)["1"]
    assert [(a["parts"], a["speaker"], a["verb"]) for a in out] == [
        ([(1, 4), (23, 27)], "Jane Doe", "say"), ([(30, 34)], "Tom Reyes", "")]
