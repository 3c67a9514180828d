"""Tests of analysis.sentiment: VADER at sentence level, narration vs quotes, actor stance."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import sentiment as S
from tests.conftest import DATA, SEEDS

ACTORS = SEEDS / "actors.csv"


@pytest.fixture(scope="module")
def vader():
    return SentimentIntensityAnalyzer()


def test_sentence_scores_are_vader_scores(sentences, vader):
    scored = S.sentence_sentiment(sentences.head(20))
    for text, compound in zip(scored["text"], scored["compound"], strict=True):
        assert compound == pytest.approx(vader.polarity_scores(text)["compound"])
    assert list(scored.columns[:7]) == list(sentences.columns[:7])


def test_article_sentiment_uses_body_sentences_only(corpus, sentences, vader):
    table = S.article_sentiment(corpus, sentences)
    assert list(table["article_id"]) == list(corpus["article_id"])
    body = sentences[sentences["kind"] == "body"]
    assert list(table["n_sentences"]) == [int((body["article_id"] == a).sum())
                                          for a in corpus["article_id"]]
    # Independent mean for the community paper (it has a headline and captions).
    mine = body[body["article_id"] == "003"]["text"]
    expected = sum(vader.polarity_scores(t)["compound"] for t in mine) / len(mine)
    row = table.set_index("article_id").loc["003"]
    assert row["mean_compound"] == pytest.approx(expected)
    head = sentences[(sentences["article_id"] == "003") & (sentences["kind"] == "headline")]
    assert row["headline_compound"] == pytest.approx(
        vader.polarity_scores(head["text"].iloc[0])["compound"])
    shares = table[["share_positive", "share_negative", "share_neutral"]].sum(axis=1)
    assert shares.round(9).eq(1).all()


def test_outlet_sentiment_pools_articles(corpus, sentences):
    table = S.outlet_sentiment(corpus, sentences).set_index("outlet")
    arts = S.article_sentiment(corpus, sentences)
    mail = arts[arts["outlet"] == "MailOnline"]
    assert table.loc["MailOnline", "n_sentences"] == mail["n_sentences"].sum()
    weighted = (mail["mean_compound"] * mail["n_sentences"]).sum() / mail["n_sentences"].sum()
    assert table.loc["MailOnline", "mean_compound"] == pytest.approx(weighted)
    assert "unknown" in table.index


def test_article_with_no_body_sentences_is_nan_with_reason():
    corpus = pd.DataFrame({"article_id": ["x"], "outlet": ["o"], "text": ["Only a headline"]})
    sents = pd.DataFrame({"article_id": ["x"], "sentence_id": [0], "paragraph_id": [0],
                          "kind": ["headline"], "text": ["Only a headline"],
                          "start": [0], "end": [15]})
    row = S.article_sentiment(corpus, sents).iloc[0]
    assert row["n_sentences"] == 0 and math.isnan(row["mean_compound"])
    assert row["reason"] == "no body sentences"


def test_punctuation_only_sentence_is_nan_and_emoji_is_scored():
    scored = S.sentence_sentiment(pd.DataFrame({"text": ["?!... --", "😀😀", ""]}))
    assert math.isnan(scored["compound"][0]) and scored["reason"][0] == "no words"
    assert scored["compound"][1] > 0 and scored["reason"][1] == ""
    assert scored["reason"][2] == "no words"


def test_ten_thousand_word_sentence_is_computed():
    scored = S.sentence_sentiment(pd.DataFrame({"text": ["the report was good " * 2500]}))
    assert 0 < scored["compound"][0] <= 1


def test_cohen_kappa_by_hand():
    # observed 3/4; chance (1/4*1/4 + 1/2*1/4 + 1/4*1/2) = 5/16; (12/16-5/16)/(11/16) = 7/11
    assert S.cohen_kappa(["p", "n", "n", "u"], ["p", "n", "u", "u"]) == pytest.approx(7 / 11)
    assert S.cohen_kappa(["a", "b"], ["a", "b"]) == 1.0


def test_vader_against_hand_labelled_sentences():
    labels = pd.read_csv(DATA / "sentiment_sentence_labels.csv", dtype=str)
    assert len(labels) >= 90 and set(labels["label"]) == set(S.LABELS)
    scored = S.sentence_sentiment(labels)
    result = S.agreement(labels["label"], scored["label"])
    # Figures measured on the 94 labelled seed sentences (reported in notebook 01).
    assert result["accuracy"] == pytest.approx(0.628, abs=0.001)
    assert result["kappa"] == pytest.approx(0.438, abs=0.001)


def test_mention_stance_reads_roles():
    s = "The CAA accused the force of victim blaming."
    assert S.mention_stance(s, (20, 29))["stance"] < 0       # object of "accused"
    assert S.mention_stance(s, (4, 7))["stance"] == 0.0      # agent: the verb is not about it
    assert S.mention_stance("Mr Falter was praised by the mayor.", (0, 9))["stance"] > 0
    assert S.mention_stance("Mr Falter was criticised by the mayor.", (0, 9))["stance"] < 0
    said = "Mr Falter said: 'This is a terrible, appalling failure.'"
    assert S.mention_stance(said, (0, 9), own_quotes=[(16, len(said))])["stance"] == 0.0
    clause = "The mayor praised the officers, but Mr Falter stayed at home."
    assert S.mention_stance(clause, (36, 45))["stance"] == 0.0   # praise is in another clause


def test_actor_method_beats_plain_averaging_on_hand_labels(corpus):
    labels = pd.read_csv(DATA / "actor_sentiment_labels.csv", dtype=str)
    result = S.evaluate_actor_labels(corpus, ACTORS, labels)
    result = result[result["found"]]
    assert len(result) >= 100
    held = result[result["split"] == "heldout"]
    base = S.agreement(held["label"], held["baseline_label"])
    ours = S.agreement(held["label"], held["clause_label"])
    assert ours["kappa"] > base["kappa"] + 0.2
    assert ours["accuracy"] > base["accuracy"] + 0.2
    assert ours["kappa"] > 0.3   # always answering "neutral" scores a kappa of 0


def test_voice_split_covers_every_body_sentence(corpus, sentences):
    table = S.voice_sentiment(corpus, sentences)
    arts = S.article_sentiment(corpus, sentences)
    assert list(table["narration_n"] + table["quoted_n"]) == list(arts["n_sentences"])
    assert table["quoted_n"].sum() > 0


def test_actor_sentiment_tables(corpus, sentences):
    table = S.actor_sentiment(corpus, ACTORS, sentences=sentences)
    assert {"article_id", "outlet", "actor", "n_sentences", "mean_compound",
            "small_n"} <= set(table.columns)
    assert (table["small_n"] == (table["n_sentences"] < S.SMALL_N)).all()
    base = S.actor_sentiment(corpus, ACTORS, method="sentence", sentences=sentences)
    met = base[(base["article_id"] == "000") & (base["actor"] == "Metropolitan Police")]
    assert int(met["n_sentences"].iloc[0]) >= 10
    outlets = S.outlet_actor_sentiment(corpus, ACTORS, sentences=sentences)
    assert set(outlets["outlet"]) <= set(corpus["outlet"])
    with pytest.raises(ValueError):
        S.actor_sentiment(corpus, ACTORS, method="average")


def test_corpus_without_actor_mentions_gives_empty_tables():
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
                           "text": ["Nothing happened here. The weather was lovely."]})
    actors = pd.DataFrame({"actor": ["Zed"], "aliases": ["Zed;Mr Zed"], "type": ["person"]})
    assert S.actor_sentiment(corpus, actors).empty
    assert S.outlet_actor_sentiment(corpus, actors).empty
    named = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
                          "text": ["Mr Zed was praised by everyone. Critics accused Mr Zed."]})
    row = S.actor_sentiment(named, actors).iloc[0]
    assert row["n_sentences"] == 2 and bool(row["small_n"])
    assert row["share_positive"] == 0.5 and row["share_negative"] == 0.5
