"""Shortcuts taken for speed give exactly what the plain computation gives."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.language import (
    DETECT_CHARS,
    DFA_MEMORY,
    MIN_LETTERS,
    _classify,
    _features,
    _has_letters,
    _identifier,
    _synchronising_length,
)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab1 .\u00e9\u0301\u4e2d\u00bd_\n")), max_size=80),
       st.integers(min_value=0, max_value=30))
def test_letter_count_stops_early_with_the_same_answer(text, least):
    assert _has_letters(text, least) == (sum(ch.isalpha() for ch in text) >= least)


def test_letter_threshold_on_short_lines():
    assert not _has_letters("Body line.", MIN_LETTERS)
    assert _has_letters("The council voted on Tuesday.", MIN_LETTERS)


# --------------------------------------------------------------------------- language

_LANGUAGE_SAMPLES = [
    "The council voted on Tuesday to close the road to cars after a long campaign.",
    "Der Stadtrat hat am Dienstag beschlossen, die Straße für Autos zu sperren.",
    "Le conseil municipal a voté mardi la fermeture de la route aux voitures.",
    "El ayuntamiento votó el martes cerrar la carretera a los coches.",
    "Rada miasta zagłosowała we wtorek za zamknięciem drogi dla samochodów.",
    "Городской совет во вторник проголосовал за закрытие дороги для машин.",
    "市议会周二投票决定禁止汽车通行这条道路。",
    "議会は火曜日、その道路を車両通行止めにすることを決めた。",
    "THE COUNCIL VOTED ON TUESDAY TO CLOSE THE ROAD",
    "12 345 678 -- ... !!! ??? 2024-04-01",
    "e\u0301te\u0301 \ufffd \U0001f600 naïve café",
    "",
]


#: Letters, punctuation and characters of one to four UTF-8 bytes.
_ALPHABET = "the cat sa, .'\"-\n\u00e9\u00df\u0436\u4e2d\u00bdTQ\U0001f600"


def _stock_visits(data: bytes) -> list[tuple[int, int]]:
    from py3langid.langid import visit_counts

    identifier = _identifier()
    found = visit_counts(identifier.tk_nextmove, identifier._rowbase, identifier.tk_output,
                         data)
    return list(found.items()) if found else []


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_ALPHABET)), max_size=200))
def test_language_features_are_the_detectors_own(text):
    data = _identifier()._encode(text)
    idx, counts = _features(data)
    assert list(zip(idx.tolist(), counts.astype(int).tolist(), strict=True)) == \
        _stock_visits(data)


@pytest.mark.parametrize("text", _LANGUAGE_SAMPLES)
def test_language_scores_are_the_detectors_own(text):
    assert _classify(text) == _identifier().classify(text)


def test_language_of_generated_and_seed_articles_unchanged():
    from analysis import load_corpus
    from analysis.bench import bench_corpus, generate_corpus

    texts = (list(bench_corpus(60).text) + list(generate_corpus(20).text)
             + list(load_corpus("seeds").text))
    for text in texts:
        head = text[:DETECT_CHARS]
        assert _classify(head) == _identifier().classify(head)


@pytest.mark.slow  # follows every state of the model: about half a minute
def test_tokeniser_forgets_all_but_the_last_bytes():
    assert _synchronising_length() <= DFA_MEMORY


# --------------------------------------------------------------------------- VADER

#: Words that set off VADER's rules: negations, "no", "never so", "without doubt",
#: "least", "kind of", "but", boosters and dampeners, idioms, capitals, punctuation.
_VADER_WORDS = [
    "not", "isn't", "never", "don't", "nor", "or", "no", "No", "NO", "without", "doubt",
    "so", "this", "least", "at", "very", "VERY", "kind", "of", "but", "BUT", "sort",
    "the", "shit", "bomb", "bad", "ass", "kiss", "death", "to", "die", "for", "yeah",
    "right", "good", "GOOD", "great", "terrible", "extremely", "barely", "hardly", "love",
    "hate", "protest", "police", "said", "good,", "'great'", "bad!", "?", "!!", ":)",
    "cut", "beating", "heart", "bus", "stop", "under", "weather", "kinda", "Good.",
]


@functools.lru_cache(maxsize=1)
def _stock_vader():  # type: ignore[no-untyped-def]
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_VADER_WORDS), max_size=14))
def test_vader_shortcuts_score_as_stock_vader(words):
    from analysis.sentiment.scores import _analyzer

    text = " ".join(words)
    assert _analyzer().polarity_scores(text) == _stock_vader().polarity_scores(text)


# --------------------------------------------------------------------------- cleaning, sentences

_SPACES_AND_MARKS = " \t\n\u00a0\u2003\u3000\x1c\x85.'\"‘“(Mr.U.S.aé中"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(_SPACES_AND_MARKS)), max_size=40))
def test_last_token_without_the_regex(sentence):
    import re

    from analysis.sentences import _ends_with_abbreviation, abbreviations

    match = re.search(r"(\S+)\s*$", sentence)
    if not match:
        expected = False
    else:
        token = match.group(1).lstrip("('\"‘“")
        expected = token.casefold() in abbreviations() or bool(
            re.fullmatch(r"[A-Z]\.", token))
    assert _ends_with_abbreviation(sentence) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. ?!\u2019\u201ce\u0301\u4e2d\U0001f600\n")),
               max_size=120))
def test_sentence_offsets_are_blingfires(text):
    import blingfire

    from analysis.sentences import sentence_offsets

    expected = blingfire.text_to_sentences_and_offsets(text)[1] if text.strip() else None
    if expected is not None:
        assert sentence_offsets(text) == [tuple(o) for o in expected]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_lines_skip_nothing_that_matters(line):
    import unicodedata

    from analysis.cleaning import _CONTROL, _SURROGATE, normalise_line

    full = _CONTROL.sub("", unicodedata.normalize("NFC", _SURROGATE.sub("\ufffd", line)))
    assert normalise_line(line) == " ".join(full.split())


# --------------------------------------------------------------------------- readability


def test_every_whitespace_but_the_space_is_unprintable():
    import re
    import sys

    space = re.compile(r"\s")
    for code in range(sys.maxunicode + 1):
        ch = chr(code)
        if space.match(ch) and ch != " ":
            assert not ch.isprintable(), hex(code)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\t\n\u00a0\u2009\u3000\x85é’")), max_size=60))
def test_non_space_count_without_a_copy(text):
    from analysis.readability import _TS_SPACE, _non_space_chars

    assert _non_space_chars(text) == len(_TS_SPACE.sub("", text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .!?…,'’\")")), max_size=40))
def test_sentence_for_textstat_skips_only_idle_passes(sentence):
    from analysis.readability import _END, _INNER_STOP, _as_sentence

    text = sentence.strip()
    body = _INNER_STOP.sub(lambda m: "," if m.group(0) != "." else "", _END.sub("", text))
    assert _as_sentence(sentence) == body.rstrip(" ,;:") + "."


def test_word_character_table_is_the_regexs():
    import re

    from analysis.readability import _word_char_table

    word = re.compile(r"\w")
    table = _word_char_table()
    assert [bool(word.match(chr(c))) for c in range(0x10000)] == table.tolist()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab_1 .,’'\u00e9\u0301\u4e2d\u00bd\U0001d400\ud800")),
               max_size=60))
def test_letter_count_without_a_copy(text):
    from analysis.readability import _TS_NOT_LETTER, _word_chars

    assert _word_chars(text) == len(_TS_NOT_LETTER.sub("", text))
