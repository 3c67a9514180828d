"""The learned frame score and the loaded-language sentence score, checked by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis import framing as F
from analysis import load_corpus
from analysis.evaluation import report
from analysis.framing import frame_model as M
from analysis.framing import loaded as L
from analysis.framing._common import FRAMES

from .conftest import planted_frame_corpus


def test_article_score_is_the_logistic_of_the_shipped_weights():
    text = "The tax will cost families more, the mayor said."
    c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "text": [text]})
    got = M.article_frame_scores(c)
    table = pd.read_csv(M.DATA_DIR / M.MODEL_FILE, keep_default_na=False).set_index("word")
    words = [w for w in ["the", "tax", "will", "cost", "families", "more", "the", "mayor",
                         "said"] if w in table.index]
    counts = {w: words.count(w) for w in words}
    vec = {w: (1 + math.log(n)) * table.loc[w, "idf"] for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    # the measures, counted by hand: 9 words in one sentence; tax and cost are money,
    # families family, will future, mayor authorities, said attributed speech; the model
    # reads log(1 + matches)
    one, two = math.log(2), math.log(3)
    measures = {"cue:money": two, "cue:family": one, "cue:future": one,
                "cue:authorities": one, "cue:attributed_speech": one,
                "shape:log_words": math.log(10), "shape:log_sentence_length": math.log(10)}
    measure_rows = table[table["kind"] == "measure"]
    assert set(measures) <= set(measure_rows.index)
    for f in FRAMES:
        z = table.loc["(intercept)", f] + sum(v / norm * table.loc[w, f] for w, v in vec.items())
        z += sum(value * measure_rows.loc[m, f] for m, value in measures.items())
        assert got.loc[0, f] == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-9)


def test_sentence_pushes_add_up_to_the_article_logit():
    text = "Critics attacked the costly plan. My family was afraid. Officials must act now."
    c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "text": [text]})
    model = M.read_frame_model()
    p = M.article_frame_scores(c)
    cues = M.score_cues(c, top=50)
    n_words = 13
    shape = {"shape:log_words": math.log(1 + n_words),
             "shape:log_sentence_length": math.log(1 + n_words / 3)}
    for f in FRAMES:
        logit = math.log(p.loc[0, f] / (1 - p.loc[0, f]))
        rest = logit - model.intercepts[f] - sum(
            v * model.feature_weights[f][model.features.index(m)] for m, v in shape.items())
        pushes = cues.loc[cues["frame"] == f, "push"]
        if len(pushes) == 3:  # every sentence pushed up: their pushes are the whole rest
            assert pushes.sum() == pytest.approx(rest, abs=1e-3)
        else:  # the sentences not shown pushed down
            assert pushes.sum() >= rest - 1e-3


def test_cue_lists_never_match_a_topic_word():
    for word in sorted(M.topic_words()):
        hits = M.sentence_hits(f"They spoke of {word} again.")
        cue_hits = [h for h, name in zip(hits, M.measure_names(), strict=False)
                    if name.startswith("cue:")]
        assert not any(word in [x.casefold() for x in h] for h in cue_hits), word


def test_a_frame_reads_only_its_own_cues():
    model = M.read_frame_model()
    cues = M.frame_cue_lists().set_index("cue")
    for f in FRAMES:
        for m, w in zip(model.features, model.feature_weights[f], strict=True):
            if m.startswith("cue:") and cues.loc[m[4:], "frame"] not in (f, "style"):
                assert w == 0, (f, m)


def test_topic_words_and_names_are_never_cues():
    model = M.read_frame_model()
    assert not set(model.vocabulary) & M.topic_words()
    assert {"trump", "june", "paris"}.isdisjoint(model.vocabulary)


def test_model_round_trips_through_its_table(tmp_path):
    model = M.read_frame_model()
    path = tmp_path / "m.csv"
    model.to_frame().to_csv(path, index=False)
    again = M.read_frame_model(path)
    assert again.vocabulary == model.vocabulary
    assert again.features == model.features and again.spreads == model.spreads
    for f in FRAMES:
        assert (again.weights[f] == model.weights[f]).all()
        assert (again.feature_weights[f] == model.feature_weights[f]).all()
        assert again.intercepts[f] == model.intercepts[f]


def test_measure_weights_are_per_standard_deviation():
    model = M.read_frame_model()
    table = M.measure_weights(model).set_index("measure")
    i = model.features.index("cue:money")
    assert model.spreads[i] > 0
    assert table.loc["cue:money", "economic"] == pytest.approx(
        round(model.feature_weights["economic"][i] * model.spreads[i], 4))


def test_bad_model_file_names_the_problem(tmp_path):
    path = tmp_path / "m.csv"
    path.write_text("word,idf,conflict\n(intercept),0,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match="human_interest"):
        M.read_frame_model(path)


def test_fit_learns_a_planted_cue():
    c, gold = planted_frame_corpus(
        12, "economic", "Prices, wages and the budget were argued over.",
        "Families and children spoke of their feelings at home.", lambda i: f"o{i % 3}")
    model = M.fit_frame_model(c, gold)
    # the regularisation was chosen by cross-validation over the three outlets
    assert model.settings["word_C"] in M.WORD_C_GRID
    assert model.settings["cue_C"] in M.CUE_C_GRID
    assert model.settings["word_share"] in M.WORD_SHARE_GRID
    # the planted cues separate the frames in every held-out outlet, so the chosen
    # model's cross-validated ROC-AUC is perfect for each frame
    assert [model.settings[f"cv_auc_{f}"] for f in FRAMES] == [1.0] * len(FRAMES)
    scores = M.article_frame_scores(c, model=model)
    assert (scores.loc[::2, "economic"].min() > scores.loc[1::2, "economic"].max())
    top = M.top_cues(model, n=1)
    assert top.loc[top.frame == "economic", "word"].item() in {"prices", "wages", "budget",
                                                                "argued", "over", "were"}
    for word in ("families", "children", "feelings", "home"):
        assert model.weights["economic"][model.vocabulary[word]] < 0


def test_article_frames_adds_the_scores():
    seeds = load_corpus("seeds")
    af = F.article_frames(seeds)
    assert list(af.columns[:8]) == ["article_id", "outlet", *FRAMES, "n_sentences"]
    scores = M.article_frame_scores(seeds)
    for f in FRAMES:
        assert af[f"{f}_score"].tolist() == pytest.approx(scores[f].tolist())


def test_score_cues_name_words_of_their_sentence():
    c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
                      "text": ["The tax rose and costs grew. My family was afraid."]})
    cues = M.score_cues(c)
    assert (cues["push"] > 0).all()
    sentences = {0: "the tax rose and costs grew", 1: "my family was afraid"}
    for row in cues.itertuples():
        for word in row.cues.split(", "):
            assert word in sentences[row.sentence_id].split()


def test_usable_frames_needs_every_baseline_beaten():
    rows = pd.DataFrame({
        "measure": "frames", "data_set": "x", "split": "dev",
        "metric": ["ROC-AUC (conflict)"] * 3 + ["ROC-AUC (economic)"] * 3,
        "system": ["w", "b1", "b2"] * 2, "role": ["workbook", "baseline", "baseline"] * 2,
        "value": [0.8, 0.7, 0.75, 0.8, 0.7, 0.85], "n": 10})
    assert report.usable_frames(rows) == ["conflict"]
    assert report.usable_frames(rows.iloc[0:0]) == []


def _shipped_weights() -> dict[str, float]:
    import csv
    from importlib import resources

    path = resources.files("analysis") / "data" / "framing_loaded_weights.csv"
    with path.open(encoding="utf-8") as handle:
        return {r["feature"]: float(r["weight"]) for r in csv.DictReader(handle)}


def test_sentence_score_is_the_linear_model_over_cue_densities():
    w = _shipped_weights()
    # the score's intercept is the model's less its boundary, so that 0 is the boundary
    base = w["(intercept)"] - w["(boundary)"]
    # two words of the workbook's evaluative list in five words
    score, cues = L.score_sentence("Critics slammed the disgraceful plan.")
    assert cues == [("slammed", "evaluative"), ("disgraceful", "evaluative")]
    assert score == pytest.approx(base + 2 * w["evaluative"] / 5, abs=1e-4)
    # a date is factual detail: it lowers the score and is not shown as a cue
    score, cues = L.score_sentence("The plan was published on Monday.")
    assert cues == []
    assert score == pytest.approx(base + w["factual detail"] / 6, abs=1e-4)
    # a scare quote, an exclamation mark and a neutral reporting verb ("called"), six words
    score, cues = L.score_sentence('They called it a "plan" again!')
    assert sorted(c for _, c in cues) == ["exclamation", "scare quote"]
    expected = base + (w["scare quote"] + w["exclamation"] + w["attribution"]) / 6
    assert score == pytest.approx(expected, abs=1e-4)
    # a short sentence's density is taken over MIN_WORDS (5) words, not its two
    assert L.MIN_WORDS == 5
    score, cues = L.score_sentence("Utterly disgraceful.")
    assert [c for _, c in cues] == ["intensifier", "evaluative"]
    expected = base + (w["intensifier"] + w["evaluative"]) / 5
    assert score == pytest.approx(expected, abs=1e-4)


def test_boundary_is_the_log_odds_of_half_loaded():
    # P(not neutral) = P(loaded) + (1 - P(loaded)) * c; P(loaded) = 1/2 at (1 + c) / 2
    w = _shipped_weights()
    c = w["(fact share)"]
    assert 0 < c < 1
    assert w["(boundary)"] == pytest.approx(math.log((1 + c) / (1 - c)), abs=1e-3)


def test_capitalised_words_are_names_not_cues():
    # "Cleverly" and "Forrest" are names here, not an adverb and a superlative
    assert L.score_sentence("Home Secretary James Cleverly met Ann Forrest.")[1] == []
    assert L.score_sentence("He walked briskly.")[1] == [("briskly", "manner adverb")]
    assert L.score_sentence("Mr Briskly walked.")[1] == []
    # VADER's "united" and "justice" are names inside a sentence; "brilliant" is a cue
    assert L.score_sentence("The United States praised the brilliant Justice Roberts.")[1] \
        == [("brilliant", "positive")]


def test_valenced_nouns_and_verbs_and_plain_adjectives_are_no_cues():
    # what happened ("arrested", "won", "death") and plain adjectives ("former", "federal")
    assert L.score_sentence("The former federal judge was arrested after the death.")[1] == []
    assert L.score_sentence("She won the vote.")[1] == []
    # describing words of the same lexicon are cues, negative and positive apart
    assert L.score_sentence("It was a cruel, wonderful day.")[1] == [
        ("cruel", "negative"), ("wonderful", "positive")]
    # a word the tag lexicon lacks describes when it ends like an adjective or adverb
    assert L.describing_word("abusively") and not L.describing_word("abductions")


def test_fact_share_counts_sentences_without_a_cue_of_wording():
    texts = ["He was arrested on Monday.", "The vote was held.", "She won, officials said.",
             "A shameful, cruel plan."]
    m = L.feature_matrix(texts)
    # three sentences carry no cue of wording; two of them are labelled non-neutral
    assert L.fact_share(m, [True, False, True, True]) == pytest.approx(2 / 3)


def test_learned_weights_point_the_expected_way():
    w = _shipped_weights()
    # cue words raise the score; attribution and factual detail lower it
    assert all(w[f] > 0 for f in ("negative", "positive", "charged", "evaluative", "subjective"))
    assert w["attribution"] < 0 and w["factual detail"] < 0


def test_fit_recovers_the_sign_of_a_separating_feature():
    loaded = ["Critics slammed the disgraceful plan.", "An outrageous, shameful sham!",
              "The embattled chief was blasted."]
    plain = ["The plan was published on Monday.", "It has 12 pages, officials said.",
             "The council met on Tuesday."]
    w = L.fit_loaded_weights(loaded + plain, [True] * 3 + [False] * 3).set_index("feature")
    assert w.loc["evaluative", "weight"] > 0 > w.loc["factual detail", "weight"]
    assert list(w.index) == ["(intercept)", *L.FEATURES, "(fact share)", "(boundary)"]
    # the sentences without a cue of wording are all neutral here: c = 0, the boundary 0
    assert w.loc["(fact share)", "weight"] == 0.0 == w.loc["(boundary)", "weight"]


def test_sentence_loading_flags_at_the_fixed_threshold():
    c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
                      "text": ["The council met on Tuesday, officials said. "
                               "Critics slammed the disgraceful plan."]})
    out = L.sentence_loading(c)
    assert L.LOADED_THRESHOLD == 0.0
    assert out["loaded"].tolist() == [False, True]
    assert (out["score"] < 0).tolist() == [True, False]
    assert out.loc[1, "words"] == "slammed; disgraceful"
    assert out.loc[0, "words"] == ""


def test_scores_of_an_empty_corpus_and_an_empty_article():
    empty = pd.DataFrame({"article_id": [], "outlet": [], "text": []})
    assert M.article_frame_scores(empty).columns.tolist() == ["article_id", "outlet", *FRAMES]
    assert len(M.article_frame_scores(empty)) == 0 and len(M.score_cues(empty)) == 0
    c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "text": [""]})
    model = M.read_frame_model()
    got = M.article_frame_scores(c)
    for f in FRAMES:  # no words and every measure 0: the score is the intercept's
        assert got.loc[0, f] == pytest.approx(1 / (1 + math.exp(-model.intercepts[f])))


def test_responsibility_cues_for_means_problems_and_news_about_news():
    hits = dict(zip(M.measure_names(), M.sentence_hits(
        "The problem calls for new technology and efforts to help, the news media reported."),
        strict=False))
    assert hits["cue:means"] == ["technology", "efforts", "help"]
    assert hits["cue:problem"] == ["problem"]
    assert hits["cue:media"] == ["news", "media", "reported"]
    names = M.measure_names()
    resp = {names[i] for i in M.frame_measures("responsibility")}
    conf = {names[i] for i in M.frame_measures("conflict")}
    assert {"cue:means", "cue:problem", "cue:media"} <= resp
    assert "cue:media" in conf and not {"cue:means", "cue:problem"} & conf


def test_shipped_responsibility_weights_point_the_coders_way():
    # solutions and their means raise the responsibility score; news about the news and
    # research reports (stories that suggest no remedy) lower it
    table = M.measure_weights().set_index("measure")["responsibility"]
    assert table["cue:solutions"] > 0 and table["cue:means"] > 0
    assert table["cue:media"] < 0 and table["cue:research"] < 0


def test_the_mix_weighs_each_score_over_its_spread():
    import numpy as np

    dw, dc = np.array([1.0, -1.0]), np.array([2.0, 0.0])
    # the even mix adds the two scaled scores; a word share of 0.25 gives them 1/2 and 3/2
    assert M._mixed(dw, dc, (1.0, 0.5), 0.5).tolist() == [2.0, -1.0]
    assert M._mixed(dw, dc, (1.0, 0.5), 0.25).tolist() == [0.5 + 1.5, -0.5]
    assert M._best_share({0.25: 0.61, 0.5: 0.6, 0.75: 0.59}) == 0.25
    assert M._best_share({0.25: 0.6, 0.5: 0.6, 0.75: 0.6}) == 0.5


def test_a_cue_counts_as_log_of_its_matches_split_over_them():
    # a model that reads only the money cue, weight 1, for the economic frame
    names = M.measure_names()
    money = np.zeros(len(names))
    money[names.index("cue:money")] = 1.0
    zero = {f: np.zeros(len(names)) for f in FRAMES}
    model = M.FrameModel({}, np.zeros(0), {f: np.zeros(0) for f in FRAMES},
                         {f: 0.0 for f in FRAMES}, names, {**zero, "economic": money})
    text = "Tax and costs rose. The price fell. Nothing else happened today."
    c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "text": [text]})
    # counted by hand: money matches tax, costs, price (3 matches)
    value = math.log(1 + 3)
    got = M.article_frame_scores(c, model=model)
    assert got.loc[0, "economic"] == pytest.approx(1 / (1 + math.exp(-value)))
    assert got.loc[0, "conflict"] == pytest.approx(0.5)
    cues = M.score_cues(c, model=model).query("frame == 'economic'").set_index("sentence_id")
    assert cues["push"].to_dict() == pytest.approx({0: 2 / 3 * value, 1: value / 3}, abs=1e-4)
    assert cues.loc[0, "cues"] in ("tax, costs", "costs, tax")
