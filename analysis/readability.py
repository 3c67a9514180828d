"""Readability of each article's own prose with textstat's classic formulas.

The formulas (Flesch 1948, Kincaid et al. 1975, Gunning 1952, McLaughlin 1969, Coleman &
Liau 1975, Smith & Senter 1967, Dale & Chall 1948/1995, Linsear Write) only count: words
per sentence, syllables or letters per word, and "hard" words. Most give a US school
grade; a UK reader's age is roughly grade + 5 (a rule of thumb: US grade 1 starts at age
6). Scores are computed on the clean body sentences of :func:`analysis.split_sentences`,
each ended with a full stop and joined, so textstat counts exactly our sentences (headlines
and captions without closing punctuation cannot glue two sentences into one). The same
figures on ``raw_text`` (:func:`raw_readability`) show what scraper noise does.

>>> from analysis import load_corpus
>>> table = article_readability(load_corpus("seeds"))
>>> bool((table["flesch_kincaid_grade"] > 5).all())
True
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import textstat

import analysis  # noqa: F401  (importing the package keeps textstat offline)
from analysis.sentences import split_sentences

__all__ = [
    "FORMULAS",
    "UK_AGE_OFFSET",
    "article_readability",
    "grade_band",
    "raw_readability",
    "readability_scores",
    "sentence_lengths",
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

_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_INNER_STOP = re.compile(r"[.!?…]+(?=\s*\S)")
_END = re.compile(r"[.!?…]['\"’”»)\]]*\s*$")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _as_sentence(text: str) -> str:
    """One sentence for textstat: inner stops (ellipses, decimals, "?" mid-quote) softened
    so textstat does not split there, and a full stop at the end."""
    text = text.strip()
    body = _END.sub("", text)
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
    kept = [s for s in sentences if isinstance(s, str) and _words(s)]
    out: dict[str, object] = {f: np.nan for f in FORMULAS}
    n_words = sum(len(_words(s)) for s in kept)
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
    for name in FORMULAS:
        if name == "text_standard":
            value = textstat.text_standard(text, float_output=True)
        else:
            value = getattr(textstat, name)(text)
        out[name] = float(value)
    out["words_per_sentence"] = n_words / len(kept)
    out["syllables_per_word"] = textstat.syllable_count(text) / max(1, textstat.lexicon_count(text))
    return out


def article_readability(
    corpus: pd.DataFrame, sentences: pd.DataFrame | None = None
) -> pd.DataFrame:
    """One row per article: readability of its clean body sentences.

    Columns: ``article_id``, ``outlet``, the :data:`FORMULAS` (textstat's own names),
    ``words_per_sentence``, ``syllables_per_word``, ``n_sentences``, ``n_words``,
    ``n_skipped``, ``reason`` (why NaN: "no body sentences", ...), ``uk_age`` (from
    ``text_standard``) and ``band``.

    >>> from analysis import load_corpus
    >>> t = article_readability(load_corpus("seeds"))
    >>> len(t), bool((t["n_sentences"] > 0).all())
    (5, True)
    """
    sents = split_sentences(corpus) if sentences is None else sentences
    body = sents[sents["kind"] == "body"]
    rows = []
    for aid, outlet in zip(corpus["article_id"], corpus["outlet"], strict=True):
        texts = body.loc[body["article_id"] == aid, "text"].tolist()
        row = {"article_id": aid, "outlet": outlet, **readability_scores(texts)}
        if not texts:
            row["reason"] = "no body sentences"
        rows.append(row)
    table = pd.DataFrame(rows)
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
        else:
            for name in FORMULAS:
                fn = getattr(textstat, name)
                values[name] = float(fn(raw, float_output=True) if name == "text_standard"
                                     else fn(raw))
        n_sent = textstat.sentence_count(raw) if n_words else 0
        values["words_per_sentence"] = n_words / n_sent if n_sent else np.nan
        values["syllables_per_word"] = (textstat.syllable_count(raw) / textstat.lexicon_count(raw)
                                        if n_words and not reason else np.nan)
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
