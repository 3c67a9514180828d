"""The fast matchers of the attribution package against the plain patterns they replace:
the same spans on awkward text (case, Unicode letters whose case behaves oddly, spacing,
word edges), whichever path a text takes."""

from __future__ import annotations

import random
import re

import pytest

from analysis.attribution.extract import (
    _FINITE,
    _GROUP,
    _PLACE_BEFORE,
    _PLACE_BEFORE_REVERSED,
    _SHORT_TAIL,
    _SIGN_TEXT,
    _WORD_BEFORE,
    _may_name_group,
    _sign_text_before,
    _token_at,
    _word_before,
)
from analysis.attribution.speakers import (
    _NAME,
    _ORG_PHRASE,
    _ref_word_pattern,
    name_matches,
    org_phrase_spans,
    ref_word_spans,
)
from analysis.attribution.verbs import CASE_ODD, _verb_index, prefix_tree, verb_form_spans

AWKWARD = [
    "",
    "said",
    "He said. She SAYS, they Said: 'no'",
    "saidx xsaid said- -said said' 'said said’s o'said",
    "point out, point  out, point\nout, point\t\tout, pointed out, points, point",
    "according to him; According\u00a0To her; accordingto",
    "went on, goes on, go on, go onward, go   on.",
    "fired back and hit out; hits back hitting outside",
    "sa\u017fd \u017faid \u017fays SAY\u017f s\u017fay",             # long s
    "\u0130nsisted insisted \u0131nsisted INS\u0130STED ins\u0131sts",  # dotted / dotless i
    "as\u212aed asked \u212aeep \u212announced",                      # Kelvin sign
    "caf\u00e9 said \u00e9said said\u00e9 \u00c9tat stated",
    "said_ _said 3said said3 \u00bdsaid",
    "The spokesman said; THE SPOKESWOMAN; spokesmen; It, it, IT; they'd He'd",
    "\u212ahe she\u212a sHe \u0130t it\u0131 \u017fhe spo\u212aesman",
    "He\nShe\nIt\nThey",
    "the Bank of England, the central bank, the local council said, The Council",
    "the  company ,the party-political union, the new state-run hospital trust",
    "the big bad wolf company the a-b company The sub-committee",
    "THE bank, tHe council, Mr. Jane Doe Jr.Smith, Sen. Jim Doe, Donald J. Trump",
    "O'Brien, D'Angelo-Smith, van der Berg said, Jean de la Fontaine, AB CD EFG",
    "'Doe said', \u2018Jane\u2019s\u2019 Mr.Doe Dr. Who MrDoe Gov. Al Smith of the UK",
    "\u00c9mile Zola, \u0130stanbul, K\u00f6nig, Smith-",
]


def _random_texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    pieces = ["said", "Said", "SAID", "says", "point", "out", "according", "to", "go",
              "on", "went", "he", "He", "she", "it", "they", "spokesman", "The", "the",
              "bank", "council", "company", "state-run", "Mr.", "Sen.", "Jane", "Doe", "J.",
              "Jr.", "van", "der", "of", "the", "UK", "AB", "O'Brien", "s", "k", "i",
              *CASE_ODD, "\u00e9", " ", " ", " ", "  ", "\n", "\t", ",", ".", "'", "\u2019",
              "-", "_", "3", "(", ")", ":", ";"]
    return ["".join(rng.choice(pieces) + rng.choice(["", " ", " ", "\n"])
                    for _ in range(rng.randint(1, 40))) for _ in range(n)]


CASES = AWKWARD + _random_texts(600, seed=7)


def test_the_odd_letters_are_the_ones_case_insensitive_matching_treats_oddly() -> None:
    # every character that an ASCII letter matches case-insensitively, besides the letter
    # in either case, and every character whose lower case is not one character
    every = "".join(chr(i) for i in range(0x110000) if not 0xD800 <= i < 0xE000)
    odd_matches = {ch for ch in re.findall("[a-z]", every, re.I) if not ch.isascii()}
    odd_lengths = {ch for ch in every if len(ch.lower()) != 1}
    assert odd_matches | odd_lengths == set(CASE_ODD)


def test_lower_casing_keeps_word_and_space_characters() -> None:
    # the fast patterns test word edges and spaces on the lower-cased text
    word = re.compile(r"[\w'’-]")
    space = re.compile(r"\s")
    for i in range(0x110000):
        if 0xD800 <= i < 0xE000 or chr(i) in CASE_ODD:
            continue
        ch = chr(i)
        low = ch.lower()
        assert bool(word.match(ch)) == bool(word.match(low)), hex(i)
        assert bool(space.match(ch)) == bool(space.match(low)), hex(i)
        if low.isascii() and low.isalpha():
            assert ch in (low, low.upper()), hex(i)


def test_prefix_tree_finds_the_longest_word_first() -> None:
    words = ["go", "go on", "goes on", "say", "said", "says", "saying", "s"]
    flat = re.compile("|".join(re.escape(w).replace(r"\ ", r"\s+")
                               for w in sorted(words, key=len, reverse=True)))
    tree = re.compile(prefix_tree(sorted(words)))
    for text in ["go on", "go", "goes on", "sayings", "saidsays", "go\n on", "s", "xsay"]:
        assert [m.span() for m in tree.finditer(text)] == \
            [m.span() for m in flat.finditer(text)], text


@pytest.mark.parametrize("text", CASES)
def test_verb_forms_match_the_case_insensitive_pattern(text: str) -> None:
    expected = [m.span() for m in _verb_index()[0].finditer(text)]
    assert verb_form_spans(text) == expected
    assert verb_form_spans(text, text.lower()) == expected


@pytest.mark.parametrize("text", CASES)
def test_ref_words_match_the_pattern(text: str) -> None:
    expected = [m.span() for m in _ref_word_pattern().finditer(text)]
    assert ref_word_spans(text) == expected


@pytest.mark.parametrize("text", CASES)
def test_org_phrases_match_the_pattern(text: str) -> None:
    expected = [m.span(1) for m in _ORG_PHRASE.finditer(text)]
    assert org_phrase_spans(text) == expected


@pytest.mark.parametrize("text", CASES)
def test_names_match_the_pattern(text: str) -> None:
    expected = [(m.span(), m.group(0)) for m in _NAME.finditer(text)]
    assert [(m.span(), m.group(0)) for m in name_matches(text)] == expected


def test_odd_letters_take_the_case_insensitive_path() -> None:
    # the long s matches "s" case-insensitively, so "ſaid" is a form of "said"
    assert verb_form_spans("He \u017faid so.") == [(3, 7)]
    # the Kelvin sign is no "k" to the pronoun pattern, which names its letters' cases
    assert ref_word_spans("spo\u212aesman spokesman") == [(10, 19)]


WINDOWS = ["the inspector's  ", "its ", "it", "", " ", "x 's  ", "x ’s\t", "don’t ", "abc'  ",
           "James's\n", "a's ", "'s ", "ab_c9 ", "caf\u00e9 ", "\u00bd ", "a-b ", "a b c  \n",
           "said", "x s ", "the ’", "20 chars of words  here ", "s's ", "''s "]


@pytest.mark.parametrize("text", WINDOWS + [t[-20:] for t in CASES])
def test_word_before_reads_like_the_pattern(text: str) -> None:
    found = _WORD_BEFORE.search(text)
    expected = (found.group(1), found.group(2)) if found else None
    assert _word_before(text) == expected


@pytest.mark.parametrize("text", WINDOWS + CASES)
def test_token_at_gives_the_offsets_of_each_word(text: str) -> None:
    spans = [(t.start(), t.end(), t.group(0)) for t in re.finditer(r"[^\s]+", text)]
    parts = text.split()
    assert [_token_at(text, parts, i) for i in range(len(parts))] == spans


def test_a_short_tail_is_at_most_61_characters_between_its_spaces() -> None:
    rng = random.Random(3)
    longest = 0
    for _ in range(3000):
        text = " " * rng.randint(0, 3) + "".join(
            rng.choice("ab  !?" if rng.random() < 0.98 else ".,\n")
            for _ in range(rng.randint(0, 80)))
        if _SHORT_TAIL.match(text):
            assert len(text.strip()) <= 61, text
            longest = max(longest, len(text.strip()))
    assert longest >= 59                       # the bound is reached, not just respected


PLACE_WINDOWS = ["in a ", "in an ", "in the ", "In  the\n", "at ", "visiting ", "Visited the ",
                 "visits a ", "visit ", "into the ", "plain ", "xin ", "in", " in  ", "around an ",
                 "Throughout ", "near the  ", "the ", "an ", "a ", "inthe ", "in thee ",
                 "\u0130n the ", "outside an  \n", "across_ ", "of voting in a "]


@pytest.mark.parametrize("text", PLACE_WINDOWS + [t[-16:] for t in CASES]
                         + [t[-16:] + " " for t in CASES] + [t + " the " for t in PLACE_WINDOWS])
def test_place_before_reads_like_the_pattern(text: str) -> None:
    window = text[-16:]
    assert bool(_PLACE_BEFORE_REVERSED.match(window[::-1])) == bool(_PLACE_BEFORE.search(window))


GROUP_PHRASES = ["Traders on Harbour Road ", "local shopkeepers in Leith ",
                 "residents OF the estate ", "the spokesman", "Jane Doe", "he",
                 "Traders acro\u017f\u017f town ",
                 "Traders \u0130n Leeds ", "Traders \u0131n Leeds ", "Traders acro\u00df town ",
                 "fans\ton\nthe pitch ", "fans on", "the workers' union ", "Fans In Leeds "]


@pytest.mark.parametrize("text", GROUP_PHRASES + CASES)
def test_group_test_never_skips_a_match(text: str) -> None:
    if _GROUP.match(text):
        assert _may_name_group(text)


def test_group_test_skips_phrases_without_a_preposition() -> None:
    phrases = ("the spokesman", "Jane Doe", "Traders on Harbour Road ")
    assert [_may_name_group(t) for t in phrases] == [False, False, True]


#: The finite-verb pattern as first written: a plain alternation.
FINITE_PLAIN = re.compile(
    r"\b(?:(?i:was|were|is|are|am|had|has|have|would|will|could|can|must|should|might|may|"
    r"did|does|do|shall|needs?|wants?)|[a-z]+ed)\b")
FINITE_CASES = ["he talked", "Ted", "reed", "edited", "ed", "bed", "talkedX", "talked_", "talked3",
                "WAS", "Was it", "do", "does", "doesn't", "needed", "needy", "wanted", "want",
                "\u0130S", "\u0131s", "ha\u017f", "the red car", "tired-eyed", "caf\u00e9d",
                "she ed up", "shed", "a needs b", "ended,", "(started)"]


@pytest.mark.parametrize("text", FINITE_CASES + CASES)
def test_finite_verbs_match_where_the_plain_pattern_does(text: str) -> None:
    assert bool(_FINITE.search(text)) == bool(FINITE_PLAIN.search(text))
    for word in text.split():
        assert bool(_FINITE.fullmatch(word)) == bool(FINITE_PLAIN.fullmatch(word)), word


SIGN_LEAD_INS = ["protesters held signs that read: ", "a banner reading ", "a BANNER READING, ",
                 "a hat bearing the words ", "held up a sign saying:\n ", "T-shirts stating ",
                 "a sign - which read ", "a placard which boldly read ", "a flag of ",
                 "signs emblazoned with ", "a sign with the words ", "a sign with the word,",
                 "a sign that read: 'no' and another read ", "to sign reading ", "he said ",
                 "a sign that rea\u017fs ", "a \u0130S\u0130GN read ", "a sign sa\u0131d ",
                 "a sign that reads:,", "a sign that reads :  ", "a sign read", "signs readers ",
                 "a sign reading\u00a0", "caps of\t", "a badge bore ", "stickers proclaimed ",
                 "a sign read \u212a ", "a sign that \u017faid ",
                 "a sign proclaiming ", ""]


@pytest.mark.parametrize("text", SIGN_LEAD_INS + CASES + [t + " read: " for t in CASES]
                         + [t[-120:] for t in CASES])
def test_sign_text_test_reads_like_the_pattern(text: str) -> None:
    assert _sign_text_before(text) == bool(_SIGN_TEXT.search(text))


def test_sign_text_test_finds_sign_text() -> None:
    found = [_sign_text_before(t) for t in ("protesters held signs that read: ",
                                            "a hat bearing the words ", "he said ")]
    assert found == [True, True, False]
