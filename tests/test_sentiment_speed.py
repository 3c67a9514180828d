"""The fast VADER path gives stock VADER's scores, exactly, on every sentence."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analysis import load_corpus
from analysis import sentiment as S
from analysis.bench import generate_corpus
from analysis.cleaning import clean_article
from analysis.sentences import split_sentences


@pytest.fixture(scope="module")
def vader():
    return SentimentIntensityAnalyzer()


@pytest.fixture(scope="module")
def generated_sentences(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generated")
    records = generate_corpus(60, seed=3)
    path = folder / "generated.jsonl"
    records.to_json(path, orient="records", lines=True)
    return split_sentences(load_corpus(path))


def _assert_stock(scored: pd.DataFrame, vader: SentimentIntensityAnalyzer) -> None:
    assert len(scored) > 0
    for row in scored.itertuples(index=False):
        if row.reason:
            assert row.reason == "no words" and math.isnan(row.compound)
            continue
        stock = vader.polarity_scores(row.text)
        got = {"neg": row.neg, "neu": row.neu, "pos": row.pos, "compound": row.compound}
        assert got == stock, row.text[:80]


def test_every_seed_sentence_scores_as_stock_vader(sentences, vader):
    _assert_stock(S.sentence_sentiment(sentences), vader)


def test_every_generated_sentence_scores_as_stock_vader(generated_sentences, vader):
    # The generated corpus repeats seed sentences, so the once-per-unique-sentence path is
    # exercised too; each row must still carry its own sentence's stock scores.
    assert generated_sentences["text"].duplicated().any()
    _assert_stock(S.sentence_sentiment(generated_sentences), vader)


@pytest.mark.parametrize("text", [
    "Good \U0001f600 news", "\u2764 it", "  padded good text  ", "NO GOOD at all!!",
    "kind of bad but kind", "no", "no good", "very", "The least bad option?? Yes!!!!",
])
def test_edge_texts_score_as_stock_vader(text, vader):
    assert S._analyzer().polarity_scores(text) == vader.polarity_scores(text)


def test_table_rows_are_cleaned_with_their_headline(tmp_path):
    # Rows with a headline are cleaned once, with it: the result must be what cleaning the
    # raw text with that headline gives (and the rows without one, cleaning without).
    records = generate_corpus(40, seed=7)
    records.loc[records.index[::5], "headline"] = None
    path = tmp_path / "rows.jsonl"
    records.to_json(path, orient="records", lines=True)
    loaded = load_corpus(path).set_index("article_id")

    for row in records.itertuples(index=False):
        given = row.headline if isinstance(row.headline, str) and row.headline else None
        cleaned = clean_article(row.text, given)
        got = loaded.loc[row.article_id]
        assert got["text"] == cleaned.text
        assert got["line_kinds"] == cleaned.kinds
