"""Tests of the target-aware tone: the learned model's file, features, window and tables."""

from __future__ import annotations

import csv
from importlib import resources

import pandas as pd
import pytest

from analysis import sentiment as S
from analysis.sentiment import model as M
from analysis.sentiment import tone as T
from analysis.sentiment.train import fit


def test_model_file_is_readable_text_with_a_weight_per_class():
    path = resources.files("analysis") / "data" / M.MODEL_FILE
    text = path.read_text(encoding="utf-8")
    assert "MIT" in text and "NewsMTSC" in text         # source and licence beside the data
    rows = list(csv.DictReader(line for line in text.splitlines() if not line.startswith("#")))
    assert rows[0].keys() == {"feature", "negative", "neutral", "positive"}
    weights = M.load_weights()
    assert len(weights) == len(rows) and "bias" in weights
    # Blame words near a target lean negative, praise words positive (read from the file).
    assert weights["near:slammed"][0] > weights["near:slammed"][2]
    assert weights["near:praised"][2] > weights["near:praised"][0]


def test_predict_proba_is_a_softmax_of_the_weighted_sum():
    w = {"bias": (0.0, 0.0, 0.0), "near:good": (0.0, 0.0, 1.0)}
    p = M.predict_proba({"bias": 1.0, "near:good": 1.0, "unknown": 1.0}, w)
    e = 2.718281828459045
    assert p["positive"] == pytest.approx(e / (e + 2))
    assert p["negative"] == pytest.approx(1 / (e + 2))


def test_features_are_relative_to_the_target():
    f = M.mention_features("Critics slammed Ann for her failure, but Bob was praised.", (16, 19))
    assert f["near:slammed"] == 1.0 and f["pair:slammed_TARGET"] == 1.0
    assert f["after:praised"] == 1.0 and "near:praised" not in f
    assert f["rule:cue"] == 1.0 and f["rule:negative"] == 1.0
    said = M.mention_features("Ann said the plan would work.", (0, 3))
    assert said["speech:speaker"] == 1.0 and said["speech:in_quote"] == 0.0
    quoted = M.mention_features('"Ann is wrong," he said.', (1, 4))
    assert quoted["speech:in_quote"] == 1.0


def test_fit_is_deterministic_and_learns_the_sign():
    feats = [{"bias": 1.0, "near:good": 1.0}, {"bias": 1.0, "near:bad": 1.0},
             {"bias": 1.0, "near:met": 1.0}] * 4
    labels = ["positive", "negative", "neutral"] * 4
    a, b = fit(feats, labels, min_count=1), fit(feats, labels, min_count=1)
    pd.testing.assert_frame_equal(a, b)
    w = a.set_index("feature")
    assert w.loc["near:good"].idxmax() == "positive" and w.loc["near:bad"].idxmax() == "negative"
    # A word seen fewer than min_count times gets no weight.
    assert "near:good" not in set(fit(feats[:3], labels[:3], min_count=2)["feature"])


def test_tone_reads_the_target_not_the_sentence():
    s = "The mayor praised the officers, but critics slammed Ann Lee for her failure."
    assert S.mention_tone(s, (52, 59))["label"] == "negative"
    praised = S.mention_tone("The mayor praised Ann Lee for her courage.", (18, 25))
    assert praised["label"] == "positive"
    assert praised["tone"] == pytest.approx(praised["p_positive"] - praised["p_negative"])
    assert sum(praised[k] for k in ("p_negative", "p_neutral", "p_positive")) == pytest.approx(1)


def test_window_leaves_short_sentences_alone_and_cuts_long_ones():
    s = "Critics slammed Ann Lee for her failure."
    assert T._window(s, (16, 23), [], []) == (s, (16, 23), [], [])
    filler = "and then some more words " * 100
    long = filler + s + " " + filler
    at = long.index("Ann Lee")
    text, (a, b), _, others = T._window(long, (at, at + 7), [], [(0, 3), (at - 8, at - 1)])
    assert text[a:b] == "Ann Lee" and len(text) <= 2 * T.WINDOW + 7
    assert others == [(a - 8, a - 1)]                     # the far name is out of sight
    # What lies beyond the window cannot change the tone.
    tones = []
    for far in ("wonderful heroic praise " * 40, "awful hateful disgrace " * 40):
        text = far + filler + s
        at = text.index("Ann Lee")
        tones.append(S.mention_tone(text, (at, at + 7)))
    assert tones[0] == tones[1]


def test_actor_tables_count_mentions_and_say_too_few():
    actors = pd.DataFrame({"actor": ["Zed"], "aliases": ["Mr Zed"], "type": ["person"]})
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": [
        "Critics slammed Mr Zed for his appalling failure, and Zed said nothing. "
        "The council met on Tuesday."]})
    row = S.actor_sentiment(corpus, actors).iloc[0]
    assert row["n_sentences"] == 1 and row["n_mentions"] == 2
    assert bool(row["small_n"]) and row["verdict"] == S.TOO_FEW
    assert row["label"] in S.LABELS
    outlets = S.outlet_actor_sentiment(corpus, actors)
    assert outlets.iloc[0]["n_mentions"] == 2 and outlets.iloc[0]["n_articles"] == 1


def test_run_on_text_gives_one_row_per_mention():
    """A sentence of hundreds of names separated by commas (no full stop inside) is read
    mention by mention; its speed is for the benchmark, its result is checked here."""
    actors = pd.DataFrame({"actor": ["Zed", "Amy"], "aliases": ["Mr Zed", "Ms Amy"],
                           "type": ["person", "person"]})
    names = ", ".join(["Mr Zed", "Ms Amy"] * 150)
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
                           "text": ["A headline\n\nThe list begins here. " + names + " and more."]})
    mentions = S.actor_mentions(corpus, actors, quotes=pd.DataFrame(
        columns=["article_id", "kind", "start", "end"]))
    assert mentions["actor"].value_counts().to_dict() == {"Zed": 150, "Amy": 150}
    assert mentions["label"].notna().all()


def test_tone_holds_across_name_alias_and_pronoun():
    """One resolver: the same blame reads the same whether the actor is named in full, by
    an alias with a title, or (with pronouns=True) by a pronoun linked to it."""
    actors = pd.DataFrame({"actor": ["Ann Lee"], "aliases": ["Ms Lee"], "type": ["person"]})
    texts = {"name": "Ann Lee spoke on Monday. Critics slammed Ann Lee for her failure.",
             "alias": "Ms Lee spoke on Monday. Critics slammed Ms Lee for her failure.",
             "pronoun": "Ms Lee spoke on Monday. She was slammed by critics for her failure."}
    labels = {}
    for kind, text in texts.items():
        corpus = pd.DataFrame({"article_id": [kind], "outlet": ["X"], "text": [text]})
        m = S.actor_mentions(corpus, actors, quotes=pd.DataFrame(
            columns=["article_id", "kind", "start", "end"]), pronouns=True)
        labels[kind] = m.sort_values("start")["label"].tolist()[-1]
    assert labels == {"name": "negative", "alias": "negative", "pronoun": "negative"}


def test_tone_beats_plain_averaging_on_the_seed_labels(corpus):
    """In-sample guard: on the held-out seed pairs the tone method still finds the real
    negative and positive cases far better than VADER over the whole sentence."""
    from tests.conftest import DATA, SEEDS

    labels = pd.read_csv(DATA / "actor_sentiment_labels.csv", dtype=str)
    result = S.evaluate_actor_labels(corpus, SEEDS / "actors.csv", labels)
    held = result[result["found"] & (result["split"] == "heldout")]
    base = S.agreement(held["label"], held["baseline_label"])
    tone = S.agreement(held["label"], held["tone_label"])
    assert tone["kappa"] > base["kappa"] + 0.2 and tone["accuracy"] > base["accuracy"] + 0.2
