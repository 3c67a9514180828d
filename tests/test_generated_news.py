"""The benchmark's generated news: varied sentences, realistic shape, reproducible."""

from __future__ import annotations

import re

from analysis import split_sentences
from analysis.bench import generate_corpus, load_all, write_shards
from analysis.generated_news import distinct_share, generate_news


def _sentences(records, tmp_path):
    return split_sentences(load_all(write_shards(records, tmp_path, 1), 1))


def test_almost_every_sentence_is_distinct(tmp_path):
    sentences = _sentences(generate_news(200, seed=3), tmp_path)
    distinct, total = distinct_share(sentences["text"])
    assert total > 3000
    assert distinct / total > 0.9
    # the older corpus of seed paragraphs repeats its sentences over and over
    old = _sentences(generate_corpus(200, seed=3), tmp_path / "old")
    d_old, t_old = distinct_share(old["text"])
    assert d_old / t_old < 0.2


def test_articles_have_quotations_speakers_and_a_headline():
    news = generate_news(50, seed=8)
    words = news["text"].str.split().str.len()
    assert 150 < words.mean() < 600
    for text, headline in zip(news["text"], news["headline"], strict=True):
        assert text.split("\n", 1)[0] == headline
    joined = "\n".join(news["text"])
    # quotations in every house style, and speech verbs next to them
    for mark in ('"', "\u201c", "\u2018"):
        assert mark in joined
    assert re.search(r"[,.][\"\u201d'\u2019] (said|[A-Z][a-z]+ [A-Z][a-z]+ said)", joined)
    assert re.search(r"(told|added): [\"\u201c'\u2018]", joined)


def test_same_seed_same_corpus_other_seed_other_corpus():
    assert generate_news(5, seed=1).equals(generate_news(5, seed=1))
    assert not generate_news(5, seed=1)["text"].equals(generate_news(5, seed=2)["text"])
