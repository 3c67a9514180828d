"""Candidate responsibility cues and the comparison of cue-list designs, checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.evaluation import frame_designs as D
from analysis.framing import frame_model as M
from analysis.framing._common import FRAMES

from .conftest import planted_frame_corpus

NEW = ("government_acts", "failure", "intention", "urgency")


def hits(text: str, design: str = "with candidates") -> dict[str, list[str]]:
    with M.cue_lists(D.design_table(design)):
        found = dict(zip(M.measure_names(), M.sentence_hits(text), strict=False))
    return {c: found[f"cue:{c}"] for c in NEW if f"cue:{c}" in found}


def test_government_acts_needs_a_level_of_government_in_the_sentence():
    # R1: "must" is what the council must do; without a government actor it is not counted
    assert hits("The council must act now.")["government_acts"] == ["must"]
    assert hits("She must act now.")["government_acts"] == []
    assert hits("The mayor plans to unveil a timetable.")["government_acts"] == [
        "plans to", "unveil"]
    # the unpaired design counts the verb wherever it is
    assert hits("She must act now.", "with candidates, government_acts unpaired")[
        "government_acts"] == ["must"]


def test_failure_intention_and_urgency_cues():
    got = hits("Ministers failed to act and were to blame.")
    assert got["failure"] == ["failed to", "to blame"]
    assert got["government_acts"] == []  # a government, but nothing it can or will do
    assert hits("The mayor plans to unveil a timetable.")["intention"] == [
        "plans to", "unveil", "timetable"]
    assert hits("She must act now.")["urgency"] == ["act now"]
    assert hits("We have to move quickly, before it is too late.")["urgency"] == [
        "quickly", "too late"]
    assert all(not v for v in hits("The weather was fine and the team won.").values())


def test_a_paired_cue_never_pairs_across_sentences():
    with M.cue_lists(D.design_table("with candidates")):
        names = M.measure_names()
        i = names.index("cue:government_acts")
        apart = M.model_measures(["The government met.", "It will rain."])
        together = M.model_measures(["The government met.", "The government will meet."])
        # the counts of the whole article are the sums of the sentences' hits
        text = ["The council must act.", "It must rain.", "Officials could help, they said."]
        by_sentence = sum(len(M.sentence_hits(t)[i]) for t in text)
        assert M.model_measures(text)[i] == pytest.approx(math.log1p(by_sentence))
    assert apart[i] == 0.0
    assert together[i] == pytest.approx(math.log(2))  # one match: "will"
    assert by_sentence == 2  # "must" (council), "could" (officials); not "must" (rain)


def test_a_paired_cue_is_explained_by_the_sentence_that_carries_it():
    with M.cue_lists(D.design_table("with candidates")):
        names = M.measure_names()
        weights = {f: np.zeros(len(names)) for f in FRAMES}
        weights["responsibility"][names.index("cue:government_acts")] = 1.0
        model = M.FrameModel({}, np.zeros(0), {f: np.zeros(0) for f in FRAMES},
                             dict.fromkeys(FRAMES, 0.0), names, weights)
        c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
                          "text": ["The council must act. She must go home."]})
        score = M.article_frame_scores(c, model=model).loc[0, "responsibility"]
        cues = M.score_cues(c, model=model).query("frame == 'responsibility'")
    value = math.log(2)  # one match, in the first sentence only
    assert score == pytest.approx(1 / (1 + math.exp(-value)))
    assert cues["sentence_id"].tolist() == [0]
    assert cues["push"].iloc[0] == pytest.approx(value, abs=1e-4)
    assert cues["cues"].iloc[0] == "must"


def test_cue_lists_block_leaves_the_shipped_lists_alone():
    before = M.measure_names()
    with M.cue_lists(D.design_table("with candidates, replacing authorities and future")):
        inside = M.measure_names()
    assert M.measure_names() == before
    assert "cue:authorities" in before and "cue:authorities" not in inside
    assert "cue:government_acts" in inside and "cue:government_acts" not in before
    with M.cue_lists(D.design_table("shipped")):
        assert M.measure_names() == before


def test_candidates_are_responsibility_cues_and_match_no_topic_word():
    table = D.candidate_cues()
    assert set(table["frame"]) == {"responsibility"}
    with M.cue_lists(D.design_table("with candidates")):
        names = M.measure_names()
        for word in sorted(M.topic_words()):
            found = dict(zip(names, M.sentence_hits(f"They spoke of {word} again."),
                             strict=False))
            assert not any(word in [h.casefold() for h in found[f"cue:{c}"]] for c in NEW)


def test_bad_cue_table_names_the_problem():
    with pytest.raises(ValueError, match="terms"):
        M.check_cue_lists(pd.DataFrame({"cue": ["x"], "frame": ["economic"]}))
    with pytest.raises(ValueError, match="unknown frame"):
        M.check_cue_lists(pd.DataFrame({"cue": ["x"], "frame": ["sport"], "terms": ["a"]}))


def test_choose_takes_the_best_mean_and_on_a_tie_the_first_design():
    rows = []
    # fold 0: the candidates win on the mean (0.75 vs 0.7) though the shipped lists win
    # one frame; fold 1: a tie goes to the shipped lists, listed first
    for fold, design, aucs in [(0, "shipped", (0.8, 0.6)), (0, "with candidates", (0.7, 0.8)),
                               (1, "with candidates", (0.7, 0.7)), (1, "shipped", (0.7, 0.7))]:
        rows += [{"fold": fold, "design": design, "frame": f, "auc": a}
                 for f, a in zip(("conflict", "economic"), aucs, strict=True)]
    assert D.choose(pd.DataFrame(rows)) == {0: "with candidates", 1: "shipped"}


def test_nested_procedure_with_the_shipped_lists_is_the_evaluation_itself():
    from analysis.evaluation import narrative_frames as nf

    c, g = planted_frame_corpus(
        18, "responsibility", "The council must act and the mayor will fix the problem.",
        "Families spoke of their feelings at home.", lambda i: f"o{(i // 2) % 6}")
    folds = nf.outlet_folds(c["outlet"], 2)
    inner = D._inner_scores(c, g, folds, ("shipped", "with candidates"))
    # one inner figure per fold, design and frame, read from training outlets only
    assert len(inner) == 2 * 2 * len(FRAMES)
    assert set(D.choose(inner)) == {0, 1}
    nested = D._nested_scores(c, g, folds, {0: "shipped", 1: "shipped"})
    plain = nf.cross_validated(c, g, nf.workbook_scores, folds)
    pd.testing.assert_frame_equal(nested, plain, check_exact=True)
