"""Sentence splitting: exact offsets, display lines alone, titles and quotes intact."""

from __future__ import annotations

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import split_sentences
from analysis.sentences import SENTENCE_COLUMNS, split_paragraph


def _split(paragraph: str) -> list[str]:
    return [paragraph[a:b] for a, b in split_paragraph(paragraph)]


def test_columns_and_exact_offsets(corpus, sentences):
    assert list(sentences.columns) == SENTENCE_COLUMNS
    texts = corpus.set_index("article_id").text
    for row in sentences.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.text
    for _, group in sentences.groupby("article_id"):
        assert group.sentence_id.tolist() == list(range(len(group)))
        assert group.start.is_monotonic_increasing


def test_seed_003_headline_is_a_sentence_of_its_own(sentences):
    first = sentences[sentences.article_id == "003"].iloc[0]
    assert first.kind == "headline"
    assert first.text == "Police chiefs agree to work more closely with senior Jewish officers"


def test_unpunctuated_lines_never_glue_onto_the_next_sentence(corpus, sentences):
    # Independent check: every clean line without closing punctuation is exactly one sentence.
    for row in corpus.itertuples():
        for line in row.text.split("\n"):
            if line and line.rstrip("'’\"” )")[-1:] not in ".!?…:;":
                match = sentences[(sentences.article_id == row.article_id)
                                  & (sentences.text == line)]
                assert len(match) == 1, line


def test_captions_of_seed_000_are_labelled(sentences):
    seed = sentences[sentences.article_id == "000"]
    captions = seed[seed.kind == "caption"].text.tolist()
    assert ("Mr Falter was interviewed alongside the footage and accused the Met of failing "
            "to make London safe for Jews") in captions
    assert all(not c.endswith(".") for c in captions)


def test_no_sentence_is_only_a_closing_quote(sentences):
    assert not sentences.text.str.fullmatch(r"[\s'’\"”.]+").any()


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("Mr. Falter met Dr. Smith and Sir Mark at St. Paul's. They talked.",
         ["Mr. Falter met Dr. Smith and Sir Mark at St. Paul's.", "They talked."]),
        ("He lives at No. 10 Downing Street. The U.S. envoy agreed.",
         ["He lives at No. 10 Downing Street.", "The U.S. envoy agreed."]),
        ("AC. Twist spoke. Then J. Smith left.", ["AC. Twist spoke.", "Then J. Smith left."]),
        # British single quotes full of apostrophes.
        ("The officer says: 'I'm sure there are lots of people, but today's different.' "
         "Mr Falter asks: 'So I can't cross?'",
         ["The officer says: 'I'm sure there are lots of people, but today's different.'",
          "Mr Falter asks: 'So I can't cross?'"]),
        ("'A couple of turns of phrase were clumsy and we've apologised for that.' "
         "He left.",
         ["'A couple of turns of phrase were clumsy and we've apologised for that.'",
          "He left."]),
        # American double quotes.
        ('"We will review it," the senator said. "It\'s serious."',
         ['"We will review it," the senator said.', '"It\'s serious."']),
        ("‘We apologise.’ The Met’s statement ended.",
         ["‘We apologise.’", "The Met’s statement ended."]),
    ],
)
def test_splitter_cases(paragraph, expected):
    assert _split(paragraph) == expected


def test_text_without_line_kinds_is_labelled_from_its_lines():
    corpus = pd.DataFrame({"article_id": ["a"], "text": ["A headline\nOne. Two."]})
    assert split_sentences(corpus).kind.tolist() == ["headline", "body", "body"]


def test_empty_and_odd_texts():
    corpus = pd.DataFrame({"article_id": ["a", "b", "c"], "text": ["", "...", "🙂 🙂"]})
    sentences = split_sentences(corpus)
    assert sentences.article_id.tolist() == ["b", "c"]


def _blingfire_offsets(text: str):
    import blingfire

    try:
        return blingfire.text_to_sentences_and_offsets(text)[1]
    except AssertionError:  # BlingFire's own wrapper gives up on some odd strings
        return "error"


def _our_offsets(text: str):
    from analysis.sentences import sentence_offsets

    try:
        return sentence_offsets(text)
    except AssertionError:
        return "error"


def test_fast_offsets_equal_blingfire_on_every_seed_paragraph(corpus):
    paragraphs = [p for t in corpus.text for p in t.split("\n") if p.strip()]
    paragraphs += ["It’s “quoted.” Next 🙂 one. Last", "Café au lait. Ñandú?  Ünïcode!",
                   "e\u0301 combining. 中文句子。第二句。", "a.b.c. d", " lead space. x "]
    for paragraph in paragraphs:
        assert _our_offsets(paragraph) == _blingfire_offsets(paragraph), paragraph


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?'\"’“”\n\u00e9\u0301🙂中 ")), max_size=60))
def test_fast_offsets_equal_blingfire_on_random_text(text):
    expected = _blingfire_offsets(text)
    if expected == "error":  # e.g. "": BlingFire's wrapper fails an assertion; we never do
        assert isinstance(_our_offsets(text), list)
    else:
        assert _our_offsets(text) == expected
