"""The frames (Narrative Frames) and loaded-language (BABE) evaluations on tiny fixtures.

The fixtures are written here in each set's own format; nothing is read from the sets.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analysis.evaluation import babe
from analysis.evaluation import narrative_frames as nf
from analysis.evaluation.metrics import roc_auc
from analysis.framing import frame_sentences
from analysis.framing._common import FRAMES

HEADER = "ID\tsource\tmbfc\tdate\ttext\tRE\tHI\tCO\tMO\tEC\n"

# (outlet as the file spells it, text, RE HI CO MO EC)
ARTICLES = [
    ("Daily Planet", "Critics attacked the plan and opponents vowed to fight it in court. "
     "The dispute grew as both sides traded accusations.", "FFTFF"),
    ("dailyplanet", "The council must act now and should fund a solution, officials said. "
     "The plan proposes new rules.", "TFFFF"),
    ("Gazette", "The cost to taxpayers rose by a billion dollars and jobs were lost. "
     "Businesses warned of higher prices.", "FFFFT"),
    ("gazette", "My mother cried when our home flooded, she said. "
     "Her children were afraid and the family lost everything.", "FTFFF"),
    ("The Herald", "The pope said it was a moral duty and a sin to ignore the poor. "
     "Church leaders spoke of justice.", "FFFTF"),
    ("theherald", "Opponents clashed with officials over the budget, and critics "
     "attacked the cost of the plan.", "FFTFT"),
    ("Courier", "Officials should act now to solve the problem, the minister said. "
     "A new plan was proposed.", "TFFFF"),
    ("courier", "The economy lost jobs and the cost of the tax rose. Businesses warned.",
     "FFFFT"),
    ("Post", "Her family was afraid, and my father wept at home. Children cried.", "FTFFF"),
    ("post", "Critics attacked the decision and the two sides fought in court.", "FFTFF"),
    ("Times", "It is a moral question of justice, church leaders and the pope said.",
     "FFFTF"),
    ("times", "The government must act and should propose a plan to solve it.", "TFFFF"),
]


def write_nf(root, articles=ARTICLES):
    folder = root / nf.DATA_SET
    folder.mkdir(parents=True)
    lines = [HEADER]
    for i, (outlet, text, codes) in enumerate(articles):
        flags = ["True" if c == "T" else "False" for c in codes]
        lines.append("\t".join([str(i), outlet, "center", f"2019-01-0{i % 9 + 1}", text,
                                *flags]) + "\n")
    (folder / nf.FILE).write_text("".join(lines), encoding="utf-8")
    return folder / nf.FILE


def test_read_articles_maps_columns_and_outlets(tmp_path):
    path = write_nf(tmp_path)
    rows = nf.read_articles(path)
    assert len(rows) == len(ARTICLES)
    # the file's RE column is the workbook's responsibility, CO conflict, and so on
    assert rows.loc[1, "responsibility"] and not rows.loc[1, "conflict"]
    assert rows.loc[0, "conflict"] and not rows.loc[0, "responsibility"]
    assert rows.loc[3, "human_interest"] and rows.loc[4, "morality"] and rows.loc[2, "economic"]
    # two spellings of one outlet become one
    assert rows.loc[0, "outlet"] == rows.loc[1, "outlet"] == "dailyplanet"
    assert rows["outlet"].nunique() == 6


def test_read_articles_names_line_of_a_bad_value(tmp_path):
    path = write_nf(tmp_path)
    text = path.read_text(encoding="utf-8").splitlines(keepends=True)
    text[2] = text[2].replace("\tTrue\t", "\tmaybe\t", 1)
    path.write_text("".join(text), encoding="utf-8")
    with pytest.raises(ValueError, match=r"line 3: RE is 'maybe'"):
        nf.read_articles(path)


def test_read_articles_missing_column(tmp_path):
    path = tmp_path / "a.tsv"
    path.write_text("ID\tsource\ttext\n1\tX\tHello.\n", encoding="utf-8")
    with pytest.raises(ValueError, match="missing column"):
        nf.read_articles(path)


def test_outlet_folds_keep_each_outlet_in_one_fold():
    outlets = pd.Series(list("aaabbbccddef"))
    folds = nf.outlet_folds(outlets, 3)
    for outlet in set(outlets):
        assert len(set(folds[outlets.to_numpy() == outlet])) == 1
    # largest outlets go first, each to the emptiest fold: a→0, b→1, c→2, d→2? no: sizes
    # after a,b,c are 3,3,2 so d joins fold 2 (size 4), e joins fold 0, f fold 1
    assert folds.tolist() == [0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 0, 1]
    assert (nf.outlet_folds(outlets, 3) == folds).all()


def test_cross_validation_never_trains_on_the_scored_outlet(tmp_path):
    write_nf(tmp_path)
    corpus, gold = nf.load_set(tmp_path)
    folds = nf.outlet_folds(gold["outlet"], 3)
    seen = []

    def spy(train, train_gold, test):
        seen.append((set(train["outlet"]), set(test["outlet"])))
        return pd.DataFrame({"article_id": test["article_id"].astype(str),
                             **{f: 0.5 for f in FRAMES}})

    scores = nf.cross_validated(corpus, gold, spy, folds)
    assert len(seen) == 3
    for trained, scored in seen:
        assert not trained & scored
    assert scores["article_id"].tolist() == corpus["article_id"].astype(str).tolist()


def test_keyword_baseline_counts_per_100_words():
    corpus = pd.DataFrame({"article_id": ["1"], "text": ["Money and jobs: the cost of it."]})
    scores = nf.keyword_scores(corpus)
    # money, jobs, cost are economic keywords; 7 words in all
    assert scores.loc[0, "economic"] == pytest.approx(300 / 7)
    assert scores.loc[0, "morality"] == 0


def test_evaluate_rows_and_macro_is_the_mean(tmp_path):
    write_nf(tmp_path)
    rows = nf.evaluate(tmp_path)
    assert set(rows["role"]) == {"workbook", "baseline"}
    assert set(rows["system"]) == {"frame model (cue counts and words, learned on other outlets)",
                                   "five keyword lists", "TF-IDF + logistic regression",
                                   nf.CUE_SYSTEM}
    assert set(rows["measure"]) == {"frames", "frame cues"}
    # the cue rules are scored beside the same baselines, on the same articles
    for measure, group in rows.groupby("measure"):
        assert group.groupby("role")["system"].nunique().to_dict() == {"baseline": 2,
                                                                       "workbook": 1}, measure
    for _system, group in rows.groupby(["measure", "system"]):
        per = group[group["metric"].str.startswith("ROC-AUC (")]["value"]
        assert len(per) == 5
        macro = group.loc[group["metric"] == "macro ROC-AUC", "value"].iloc[0]
        assert macro == pytest.approx(np.nanmean(per))
    assert (rows["n"] == len(ARTICLES)).all()
    # the keyword baseline's conflict AUC, recomputed from its scores
    corpus, gold = nf.load_set(tmp_path)
    kw = nf.keyword_scores(corpus)
    expected = roc_auc(gold["conflict"], kw["conflict"])
    got = rows[(rows.system == "five keyword lists") & (rows.metric == "ROC-AUC (conflict)")]
    assert got["value"].tolist() == pytest.approx([expected, expected])
    # the cue rules' conflict AUC, from each article's share of sentences with a conflict cue
    marked = frame_sentences(corpus)
    share = marked.groupby("article_id")["conflict"].mean().reindex(
        corpus["article_id"].astype(str)).fillna(0.0)
    got = rows[(rows.system == nf.CUE_SYSTEM) & (rows.metric == "ROC-AUC (conflict)")]
    assert got["value"].iloc[0] == pytest.approx(roc_auc(gold["conflict"], share))


# --- BABE --------------------------------------------------------------------------------

BABE_ROWS = [
    ("A bizarre, utterly shameful speech stunned the room!", "Biased", "['shameful', 'bizarre']"),
    ("The committee met on Tuesday to discuss the budget.", "Non-biased", "[]"),
    ("Critics slammed the disgraceful plan.", "Biased", "['slammed', 'disgraceful']"),
    ("The bill passed by a vote of 52 to 48.", "Non-biased", "[]"),
    ("Officials are still counting the votes.", "No agreement", "[]"),
]


def write_babe(root, rows=BABE_ROWS):
    folder = root / babe.DATA_SET
    folder.mkdir(parents=True)
    lines = ["\ufefftext;news_link;outlet;topic;type;label_bias;label_opinion;biased_words"]
    for text, label, words in rows:
        lines.append(f'"{text}";http://x;Outlet A;topic;center;{label};Entirely factual;{words}')
    (folder / babe.FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / babe.FILE


def test_read_sentences_skips_and_counts_unlabelled(tmp_path):
    rows, skipped = babe.read_sentences(write_babe(tmp_path))
    assert skipped == 1
    assert rows["biased"].tolist() == [True, False, True, False]
    assert rows.loc[0, "words"] == ["shameful", "bizarre"]


def test_read_sentences_takes_the_article_from_the_link(tmp_path):
    path = write_babe(tmp_path)
    text = path.read_text(encoding="utf-8").splitlines()
    text[2] = text[2].replace(";http://x;", ";http://y;")
    text[3] = text[3].replace(";http://x;", ";;")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    rows, _ = babe.read_sentences(path)
    assert rows["article"].tolist() == ["http://x", "http://y", "line 4", "http://x"]


def test_babe_intervals_draw_whole_articles(tmp_path):
    # every sentence comes from one article, so every draw is the whole set and every
    # figure's draws equal the figure itself (drawing sentences, some draws would hold
    # one class only and give another value or none)
    write_babe(tmp_path)
    rows = babe.evaluate(tmp_path)
    for row in rows.itertuples():
        assert len(row.draws) == 1000
        assert row.draws == pytest.approx([row.value] * 1000), (row.system, row.metric)
        assert "interval: articles resampled" in row.note


def test_read_sentences_names_line_of_a_bad_word_list(tmp_path):
    bad = [*BABE_ROWS[:2], ("Some text.", "Biased", "[unclosed")]
    with pytest.raises(ValueError, match="line 4: biased_words"):
        babe.read_sentences(write_babe(tmp_path, bad))


def test_babe_evaluate_figures_by_hand(tmp_path):
    write_babe(tmp_path)
    rows = babe.evaluate(tmp_path).set_index(["system", "metric"])
    own = "loaded-language score (cue densities, weights learned on NewsMTSC)"
    # the two biased sentences carry several cues each, the plain ones a date or a number
    # (factual detail, which lowers the score): perfect ranking, and only they reach 0
    assert rows.loc[(own, "sentence ROC-AUC"), "value"] == 1.0
    assert rows.loc[(own, "macro-F1"), "value"] == 1.0
    # annotators' words: shameful, disgraceful, slammed (the evaluative list) and bizarre
    # (the charged-terms list) are all named
    assert rows.loc[(own, "word recall"), "value"] == pytest.approx(4 / 4)
    assert rows.loc[(own, "word recall"), "n"] == 4
    assert rows.loc[(own, "sentence ROC-AUC"), "n"] == 4
    assert "1 sentence(s) without a Biased/Non-biased label skipped" in rows.loc[
        (own, "sentence ROC-AUC"), "note"]
    assert ("VADER absolute compound", "sentence ROC-AUC") in rows.index
    assert ("TextBlob subjectivity (Pattern's adjective lexicon)", "macro-F1") in rows.index


def test_babe_lexicon_baseline_only_when_given(tmp_path, monkeypatch):
    write_babe(tmp_path)
    monkeypatch.delenv(babe.BIAS_LEXICON_ENV, raising=False)
    assert "Recasens et al. (2013) bias lexicon" not in set(babe.evaluate(tmp_path)["system"])
    lex = tmp_path / "lexicon.txt"
    lex.write_text("slammed\nbizarre\n", encoding="utf-8")
    monkeypatch.setenv(babe.BIAS_LEXICON_ENV, str(lex))
    rows = babe.evaluate(tmp_path)
    got = rows[rows.system == "Recasens et al. (2013) bias lexicon"].set_index("metric")
    # scores 1, 0, 1, 0 against gold T, F, T, F
    assert got.loc["sentence ROC-AUC", "value"] == 1.0
