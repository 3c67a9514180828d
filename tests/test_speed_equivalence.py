"""Shortcuts taken for speed give exactly what the plain computation gives."""

from __future__ import annotations

import functools

import pandas as pd
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

    from analysis.english import abbreviations
    from analysis.sentences import _ends_with_abbreviation

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


# --------------------------------------------------------------------------- word counts

#: Letters, digits (also Arabic-Indic), joiners, separators, an underscore, a combining
#: mark, CRLF, a letter beyond the Basic Multilingual Plane and a lone surrogate.
_WORDY = list("ab1٣_'’-., \r\n\u00e9\u0301\u00ad\u4e2d") + ["\U0001d400", "\U0001f600", "\ud800"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_WORDY), max_size=30))
def test_word_count_from_tables_is_the_regexs(text):
    from analysis.corpus import _WORD, count_words

    assert count_words(text) == len(_WORD.findall(text))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_WORDY), max_size=30))
def test_word_count_without_digit_joins_is_the_readability_regexs(text):
    from analysis.corpus import _count_words
    from analysis.readability import _WORD

    assert _count_words(text, _WORD, digit_joins=False) == len(_WORD.findall(text))


def test_character_kinds_are_the_regex_classes():
    import re

    from analysis.corpus import _DIGIT, _WORD_CHAR, _char_kinds

    kinds = _char_kinds()
    word, digit = re.compile(r"[^\W_]"), re.compile(r"\d")
    for code in range(0x10000):
        ch = chr(code)
        assert bool(kinds[code] & _WORD_CHAR) == bool(word.match(ch)), hex(code)
        assert bool(kinds[code] & _DIGIT) == bool(digit.match(ch)), hex(code)


def test_readability_word_counts_of_awkward_sentences():
    from analysis.readability import _words, readability_scores

    sentences = ["It’s 1,500 — not 2.5m.", "…", "", "e\u0301te\u0301 in Paris!",
                 "\U0001d400\U0001d401 bold maths", "under_score and-dash--", "٣,٤ people.",
                 "Line\r\nbreak inside.", "?!"]
    out = readability_scores(sentences)
    assert out["n_words"] == sum(len(_words(s)) for s in sentences)
    assert out["n_sentences"] == sum(1 for s in sentences if _words(s))
    assert out["n_skipped"] == sum(1 for s in sentences if not _words(s))


# --------------------------------------------------------------------------- cleaning

_LINE_CHARS = list("ab A.!?…:;'\"’”»)](PAGetty/\t\u00a0\u200b\u0301é") + ["\U0001f600", "\r"]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(_LINE_CHARS), max_size=30))
def test_line_end_read_from_the_end_is_the_regexs(line):
    from analysis.cleaning import _CLOSED, _is_closed

    assert _is_closed(line) == bool(_CLOSED.search(line))


def _furniture_one_by_one(line: str) -> str | None:
    from analysis.cleaning import boilerplate_patterns

    for pattern, reason in boilerplate_patterns():
        if pattern.fullmatch(line):
            return reason
    return None


_FURNITURE_LINES = [
    "comments", "Share this article", "read more from dailymail.....", "PREV story",
    "NEXT: the march ... trends now", "Your email address will not be published. Required",
    "required fields are marked *", "Click here to subscribe", "12 comments", "Read More",
    "The council voted.", "read more", "Sharing is caring", "", "close the road",
    "PREVIOUSLY unseen", "a ... trends now", "tap here to", "Advertisement\u0301",
]


@pytest.mark.parametrize("line", _FURNITURE_LINES)
def test_furniture_alternation_gives_the_first_patterns_reason(line):
    from analysis.cleaning import furniture_reason

    assert furniture_reason(line) == _furniture_one_by_one(line)


def _kind_plainly(line: str, position: int, headline: str | None) -> str:
    """line_kind as first written: every regex over the whole line."""
    from analysis.cleaning import (
        _CAPTION_CUES,
        _CREDIT,
        MAX_CAPTION_WORDS,
        _same_headline,
        is_closed,
    )

    if headline and _same_headline(line, headline):
        return "headline"
    if len(line.split()) > MAX_CAPTION_WORDS:
        return "body"
    if _CREDIT.search(line) or _CAPTION_CUES.search(line):
        return "caption"
    if not is_closed(line):
        return "headline" if position == 0 else "caption"
    return "body"


def _clean_plainly(raw_text: str, headline: str | None) -> tuple[str, str, list, str | None]:
    """clean_article as first written: every line normalised and tested in full."""
    from analysis.cleaning import _DATE_PREFIX, normalise_line

    kept, kinds, removed, first_line = [], [], [], {}
    published, seen_content = None, False
    for line_no, raw_line in enumerate(raw_text.splitlines(), start=1):
        line = normalise_line(raw_line)
        if not line:
            continue
        if not seen_content:
            seen_content = True
            match = _DATE_PREFIX.match(line)
            if match:
                published = match.group(1)
                removed.append((line_no, match.group(0).strip(), "scraped metadata prefix"))
                line = line[match.end():].strip()
                if not line:
                    continue
        reason = _furniture_one_by_one(line)
        if reason is None and line in first_line:
            reason = f"repeats line {first_line[line]}"
        if reason is not None:
            removed.append((line_no, line, reason))
            continue
        first_line[line] = line_no
        kinds.append(_kind_plainly(line, len(kept), headline)[0])
        kept.append(line)
    return "\n".join(kept), "".join(kinds), removed, published


_RAW_LINES = [
    "Police chiefs agree to talks", "Police chiefs agree to talks.", "date 2024-04-21 Body.",
    "Mr Falter (pictured) at the march", "(Victoria Jones/PA)", "AP Photo/Alberto Pezzali",
    "Getty Images", "  Reuters Photo of the day", "comments", "read more from x.....",
    "e\u200b\u0301te\u0301 in Paris.", "Caf\u00e9 society", "Cafe\u0301 society", "",
    "   ", "\t", "The march went ahead.", "The march went ahead.", "\u00a0Spaced\u00a0out ",
    "It was “wrong,” she said", "A \U0001f600 line.", "word " * 70, "(PA) credit first",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_RAW_LINES), max_size=12),
       st.sampled_from(["\n", "\r\n", "\n\n", "\r"]),
       st.sampled_from([None, "Police chiefs agree to talks", "Caf\u00e9 society",
                        "e\u0301te\u0301 in Paris"]))
def test_clean_article_as_first_written(lines, newline, headline):
    from analysis.cleaning import clean_article

    raw = newline.join(lines)
    got = clean_article(raw, headline)
    removed = [(r["line_no"], r["text"], r["reason"]) for r in got.removed]
    assert (got.text, got.kinds, removed, got.published) == _clean_plainly(raw, headline)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(_RAW_LINES), st.integers(0, 2),
       st.sampled_from([None, "Police chiefs agree to talks", "e\u0301te\u0301 in Paris"]))
def test_line_kind_as_first_written(line, position, headline):
    from analysis.cleaning import line_kind

    assert line_kind(line, position, headline) == _kind_plainly(line, position, headline)


# --------------------------------------------------------------------------- sentences, framing


def test_sentence_table_built_by_columns_is_the_row_by_row_table():
    from analysis.sentences import SENTENCE_COLUMNS, article_sentences, split_sentences

    corpus = pd.DataFrame({
        "article_id": [7, "b", "c", "d", "e"],
        "text": ["Headline\nMr. Falter said: 'I'm sure.' Then he left.", None, "",
                 "e\u0301te\u0301. \U0001f600 Two!\nCaption here", "One."],
        "line_kinds": ["hb", None, "", "bc", None]})
    rows = []
    for aid, text, kinds in zip(corpus.article_id, corpus.text, corpus.line_kinds, strict=True):
        if isinstance(text, str):
            kinds = kinds if isinstance(kinds, str) else None
            for number, row in enumerate(article_sentences(text, kinds)):
                rows.append({"article_id": str(aid), "sentence_id": number, **row})
    expected = pd.DataFrame(rows, columns=SENTENCE_COLUMNS).astype(
        {"sentence_id": "int64", "paragraph_id": "int64", "start": "int64", "end": "int64"})
    pd.testing.assert_frame_equal(split_sentences(corpus), expected)
    pd.testing.assert_frame_equal(split_sentences(corpus.iloc[:0]),
                                  expected.iloc[:0].reset_index(drop=True),
                                  check_dtype=False, check_index_type=False)


_PHRASES = ["the right to", "at home", "at once", "it is right", "counter-protest*", "I'm",
            "row", "rows", "council", "£*", "in the end", "has to", "I", "U.S.", "don't"]
_PHRASE_WORDS = ["the", "THE", "right", "to", "at", "home", "once", "it", "is", "I'm", "I’m",
                 "ıs", "İt", "counter-protests", "row", "rows", "council", "£5m", "in", "end",
                 "has", "ſo", "\u212aeep", "I", "In", "i", "It's", "U.S.", "U.S", "don’t",
                 "don't_", "dont"]


_GAPS = [" ", "  ", "\t", "\n", "\u00a0", "\u2003", "-", "'", ""]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_PHRASE_WORDS + [p.replace("*", "s") for p in _PHRASES]),
                          st.sampled_from(_GAPS), st.sampled_from(_GAPS)), max_size=10))
def test_term_places_over_word_breaks_find_every_match(pieces):
    from analysis.framing._common import TermIndex, TermMatcher

    # words and whole phrases, the spaces inside a phrase replaced by other gaps
    text = "".join(word.replace(" ", inner) + gap for word, inner, gap in pieces)
    matchers = [TermMatcher.build(_PHRASES, plural=plural) for plural in (False, True)]
    for m in matchers:
        scan = [(x.start(), x.end(), m.terms[int(x.lastgroup[1:])])
                for x in m.pattern.finditer(text)]
        assert m.find(text) == scan
    assert TermIndex(matchers).find(text) == [m.find(text) for m in matchers]


def test_frames_in_quote_is_in_spans_of_all_the_articles_spans(corpus, sentences):
    from analysis.attribution import extract_quotes, in_spans
    from analysis.framing import frame_sentences
    from analysis.framing._common import spans_by_voice

    quotes = extract_quotes(corpus)
    quoted, _ = spans_by_voice(corpus, quotes)
    frames = frame_sentences(corpus, quotes=quotes, sentences=sentences)
    body = sentences[sentences.kind == "body"]
    expected = [in_spans(quoted.get(aid, []), start, end)
                for aid, start, end in zip(body.article_id, body.start, body.end, strict=True)]
    assert frames["in_quote"].tolist() == expected
    assert any(expected) and not all(expected)


def test_framing_readings_shared_in_a_chunk_are_the_same_and_private(corpus, sentences):
    from analysis.attribution import extract_quotes
    from analysis.framing import frame_sentences, loaded_language
    from analysis.framing._common import body_columns, reuse_readings, spans_by_voice

    quotes = extract_quotes(corpus)
    alone = (frame_sentences(corpus, quotes=quotes, sentences=sentences),
             loaded_language(corpus, quotes=quotes, sentences=sentences))
    body_alone = body_columns(corpus, sentences=sentences)
    spans_alone = spans_by_voice(corpus, quotes)
    with reuse_readings():
        shared = (frame_sentences(corpus, quotes=quotes, sentences=sentences),
                  loaded_language(corpus, quotes=quotes, sentences=sentences))
        # a caller that changes what it was given does not change what the next one gets
        body = body_columns(corpus, sentences=sentences)
        body["text"].clear()
        spans = spans_by_voice(corpus, quotes)
        next(iter(spans[0].values())).clear()
        assert body_columns(corpus, sentences=sentences) == body_alone
        assert spans_by_voice(corpus, quotes) == spans_alone
        # another table of the same content is read again, not taken for the first
        assert body_columns(corpus, sentences=sentences.copy()) == \
            body_columns(corpus, sentences=sentences)
    for a, b in zip(alone, shared, strict=True):
        pd.testing.assert_frame_equal(a, b)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["word", "It's", "—", "-", "'", "''", "...", "re-elect",
                                 "a.", "B!", "why?", "2024", "café", "'tis", "\u2014x"]),
                min_size=95, max_size=130))
def test_linsear_write_words_as_textstat_takes_them(tokens):
    import textstat

    from analysis.readability import scores_from_counts, text_counts

    text = " ".join(tokens)
    ours = scores_from_counts(text_counts(text))
    assert ours["linsear_write_formula"] == textstat.linsear_write_formula(text)


# --------------------------------------------------------------------------- sentence sentiment

_SENTIMENT_TEXTS = ["The police did a great job.", "A lovely day.", "Critics slammed the plan!!",
                    "It was not bad at all, but not good either.", "...", "", "  ", "?!",
                    "\U0001f600", "Great \U0001f600 news", "NOT GOOD", "3.5", None,
                    float("nan"), 7.0, "A lovely day."]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(range(len(_SENTIMENT_TEXTS))), max_size=12))
def test_sentence_sentiment_rows_are_score_text_and_label(picks):
    import math

    from analysis.sentiment.scores import label_compound, score_text, sentence_sentiment

    texts = [_SENTIMENT_TEXTS[i] for i in picks]
    table = sentence_sentiment(pd.DataFrame({"text": pd.Series(texts, dtype=object)}))
    assert list(table.columns) == ["text", "neg", "neu", "pos", "compound", "label", "reason"]
    for col in ("neg", "neu", "pos", "compound"):
        assert table[col].dtype == "float64"
    for row, text in zip(table.itertuples(index=False), texts, strict=True):
        expected = score_text(text)
        for col in ("neg", "neu", "pos", "compound"):
            got, want = getattr(row, col), expected[col]
            assert (math.isnan(got) and math.isnan(want)) or got == want
        label = label_compound(expected["compound"])
        # no label (None) reads back as the string column's missing value
        assert (label is None and pd.isna(row.label)) or row.label == label
        assert row.reason == expected["reason"]


# --------------------------------------------------------------------------- attribution

_NAME_WORDS = ["Jane", "Doe", "Mr", "Sen.", "J.", "Police", "Chief", "Home", "Office", "of",
               "the", "BBC", "Says", "Jewish", "Londoners", "van", "Will", "Smith's"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=6))
def test_name_shape_cached_is_the_plain_function(words):
    from analysis.attribution.speakers import _name_shape

    form = " ".join(words)
    first, again = _name_shape(form), _name_shape(form)
    assert first == again == _name_shape.__wrapped__(form)
    # what the cache hands out cannot be changed by a caller
    assert isinstance(first, tuple) and isinstance(first[2], frozenset)
