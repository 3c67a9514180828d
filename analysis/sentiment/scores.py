"""Sentence scores: VADER per sentence, and the tone of each article and outlet.

VADER (Hutto & Gilbert 2014) scores a sentence from a lexicon of about 7,500 words rated
by people from -4 to +4, adjusted for negation ("not good"), intensifiers ("very"),
capitals, exclamation marks and "but" (the words after "but" count more). ``compound`` is
the normalised sum in [-1, 1]; VADER's authors call a sentence positive at >= 0.05 and
negative at <= -0.05. It was built for social-media posts: whole-article scores saturate
near +-1, so everything here scores sentences and then aggregates.

>>> label_compound(score_text("A lovely day.")["compound"])
'positive'
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.sentences import split_sentences

#: VADER's own threshold: compound >= CUT is positive, <= -CUT negative, else neutral.
CUT = 0.05
LABELS = ("negative", "neutral", "positive")

_HAS_WORD = re.compile(r"[^\W_]")
_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\U0001f000-\U0001f2ff]")


class _Window:
    """The slice of a VADER ``SentiText`` that its rules for one word can see."""

    __slots__ = ("is_cap_diff", "words_and_emoticons")

    def __init__(self, words: list[str], is_cap_diff: bool) -> None:
        self.words_and_emoticons = words
        self.is_cap_diff = is_cap_diff


@lru_cache(maxsize=1)
def _analyzer():  # type: ignore[no-untyped-def]
    """VADER with the same scores, in time linear in the length of the text.

    vaderSentiment 3.3.2 lower-cases the whole word list again for every rated word (in its
    negation and idiom checks), so a 10,000-word sentence takes seconds. Its rules for word
    ``i`` only look at words ``i-3`` to ``i+2`` (and at whether ``i`` is the last word), so
    each word is scored on that window; the tests compare the result with stock VADER.
    """
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer, SentiText

    class _LinearVader(SentimentIntensityAnalyzer):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            # VADER replaces a character by its emoji description only when the character
            # itself is a key; a text with none of them is left as it is.
            self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

        def polarity_scores(self, text):  # type: ignore[no-untyped-def]
            # Stock VADER's own steps, with two shortcuts that change no score: text without
            # an emoji skips the character-by-character copy, and a word outside the
            # lexicon gets its 0 without building the rule window (VADER's rules only ever
            # change the valence of a lexicon word).
            if self._emoji_chars.isdisjoint(text):
                text = text.strip()
                sentitext = SentiText(text)
            else:
                return super().polarity_scores(text)
            lexicon = self.lexicon
            sentiments: list[float] = []
            words_and_emoticons = sentitext.words_and_emoticons
            last = len(words_and_emoticons) - 1
            for i, item in enumerate(words_and_emoticons):
                lower = item.lower()
                if lower in BOOSTER_DICT:
                    sentiments.append(0)
                    continue
                if i < last and lower == "kind" and words_and_emoticons[i + 1].lower() == "of":
                    sentiments.append(0)
                    continue
                if lower not in lexicon:
                    sentiments.append(0)
                    continue
                sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
            sentiments = self._but_check(words_and_emoticons, sentiments)
            return self.score_valence(sentiments, text)

        def sentiment_valence(self, valence, sentitext, item, i, sentiments):  # type: ignore[no-untyped-def]
            words = sentitext.words_and_emoticons
            lo = max(0, i - 3)
            window = _Window(words[lo:i + 3], sentitext.is_cap_diff)
            return super().sentiment_valence(valence, window, item, i - lo, sentiments)

    return _LinearVader()


def score_text(text: str) -> dict[str, float | str]:
    """VADER scores of one piece of text, with a ``reason`` when there is nothing to score.

    Text with no letters, digits or emoji (only punctuation or spaces) gets NaN scores and
    ``reason="no words"``; everything else is scored (VADER reads emoji as their names).

    >>> score_text("The police did a great job.")["compound"]
    0.6249
    >>> score_text("?!...")["reason"]
    'no words'
    """
    text = "" if text is None or (isinstance(text, float) and np.isnan(text)) else str(text)
    if not _HAS_WORD.search(text) and not _EMOJI.search(text):
        return {"neg": np.nan, "neu": np.nan, "pos": np.nan, "compound": np.nan,
                "reason": "no words"}
    scores = _analyzer().polarity_scores(text)
    return {**{k: float(v) for k, v in scores.items()}, "reason": ""}


def label_compound(compound: float) -> str | None:
    """VADER's three-way label for a compound score (None for NaN).

    >>> label_compound(0.3), label_compound(-0.05), label_compound(0.01)
    ('positive', 'negative', 'neutral')
    """
    if compound is None or pd.isna(compound):
        return None
    if compound >= CUT:
        return "positive"
    if compound <= -CUT:
        return "negative"
    return "neutral"


def sentence_sentiment(sentences: pd.DataFrame) -> pd.DataFrame:
    """The sentences with VADER's ``neg``, ``neu``, ``pos``, ``compound``, ``label``, ``reason``.

    ``reason`` is empty when scored and says why a score is NaN otherwise.

    >>> s = pd.DataFrame({"text": ["A lovely day.", "..."]})
    >>> sentence_sentiment(s)[["compound", "label", "reason"]].values.tolist()
    [[0.5859, 'positive', ''], [nan, nan, 'no words']]
    """
    out = sentences.copy()
    # A sentence repeated in the corpus (wire copy, boilerplate) is scored once.
    seen: dict[object, dict[str, float | str]] = {}
    scores = []
    for t in out["text"]:
        key = t if isinstance(t, str) else None
        score = seen.get(key) if key is not None else None
        if score is None:
            score = score_text(t)
            if key is not None:
                seen[key] = score
        scores.append(score)
    for col in ("neg", "neu", "pos", "compound"):
        out[col] = pd.Series([s[col] for s in scores], index=out.index, dtype="float64")
    out["label"] = [label_compound(c) for c in out["compound"]]
    out["reason"] = pd.Series([s["reason"] for s in scores], index=out.index, dtype="object")
    return out


def _sentences(corpus: pd.DataFrame, sentences: pd.DataFrame | None) -> pd.DataFrame:
    return split_sentences(corpus) if sentences is None else sentences


def _scored(
    corpus: pd.DataFrame, sentences: pd.DataFrame | None, sentence_scores: pd.DataFrame | None
) -> pd.DataFrame:
    """The sentences with VADER scores: ``sentence_scores`` when the caller has them
    already (the output of :func:`sentence_sentiment`), else scored here."""
    if sentence_scores is not None:
        return sentence_scores
    return sentence_sentiment(_sentences(corpus, sentences))


def _positions(keys: pd.Series) -> dict[object, np.ndarray]:
    """Row positions of each key, in row order: one pass instead of a filter per key."""
    if len(keys) == 0:
        return {}
    return keys.groupby(keys.to_numpy(), sort=False).indices


_NONE = np.empty(0, dtype=np.intp)


def _summary_values(values: np.ndarray) -> dict[str, float | int]:
    """Mean, median and +-CUT shares of the non-NaN values, with the arithmetic pandas'
    Series.mean / Series.median use (the same bits), without building a Series."""
    valid = values[~np.isnan(values)]
    n = len(valid)
    if n == 0:
        return {"mean_compound": np.nan, "median_compound": np.nan, "share_positive": np.nan,
                "share_negative": np.nan, "share_neutral": np.nan, "n_sentences": 0}
    count = np.float64(n)
    return {
        # pandas' Series.mean is sum / float count; median is numpy's nanmedian.
        "mean_compound": float(valid.sum() / count),
        "median_compound": float(np.nanmedian(valid)),
        "share_positive": float(np.count_nonzero(valid >= CUT) / count),
        "share_negative": float(np.count_nonzero(valid <= -CUT) / count),
        "share_neutral": float(np.count_nonzero((valid > -CUT) & (valid < CUT)) / count),
        "n_sentences": int(n),
    }


def _mean(values: np.ndarray) -> float:
    valid = values[~np.isnan(values)]
    return float(valid.sum() / np.float64(len(valid))) if len(valid) else np.nan


def article_sentiment(
    corpus: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    sentence_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per article: sentiment of its body sentences, headline and captions apart.

    Columns: ``article_id``, ``outlet``, ``mean_compound``, ``median_compound``,
    ``share_positive``, ``share_negative``, ``share_neutral`` (VADER's +-0.05 cut),
    ``n_sentences`` (scored body sentences), ``headline_compound`` and
    ``caption_mean_compound`` / ``n_captions`` (display text, never mixed into the body
    figures) and ``reason`` (why the body figures are NaN, e.g. "no body sentences").
    ``sentence_scores`` (the output of :func:`sentence_sentiment`) saves scoring the
    sentences again when the caller has them.

    >>> from analysis import load_corpus
    >>> table = article_sentiment(load_corpus("seeds"))
    >>> len(table), bool((table["n_sentences"] > 0).all())
    (5, True)
    """
    scored = _scored(corpus, sentences, sentence_scores)
    compound = scored["compound"].to_numpy(dtype="float64", na_value=np.nan)
    kinds = scored["kind"].to_numpy()
    where = _positions(scored["article_id"])
    rows = []
    for aid, outlet in zip(corpus["article_id"], corpus["outlet"], strict=True):
        mine = where.get(aid, _NONE)
        kind = kinds[mine]
        body = mine[kind == "body"]
        row = {"article_id": aid, "outlet": outlet, **_summary_values(compound[body])}
        row["headline_compound"] = _mean(compound[mine[kind == "headline"]])
        caps = compound[mine[kind == "caption"]]
        row["caption_mean_compound"] = _mean(caps)
        row["n_captions"] = int(np.count_nonzero(~np.isnan(caps)))
        if len(body) == 0:
            row["reason"] = "no body sentences"
        elif row["n_sentences"] == 0:
            row["reason"] = "no body sentence has words"
        else:
            row["reason"] = ""
        rows.append(row)
    return pd.DataFrame(rows)


def outlet_sentiment(
    corpus: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    sentence_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per outlet: body-sentence sentiment pooled over the outlet's articles.

    Columns: ``outlet``, ``n_articles``, ``n_sentences``, ``mean_compound``,
    ``median_compound``, ``share_positive``, ``share_negative``, ``share_neutral``.
    ``sentence_scores``: as in :func:`article_sentiment`.

    >>> from analysis import load_corpus
    >>> table = outlet_sentiment(load_corpus("seeds"))
    >>> int(table.set_index("outlet").loc["MailOnline", "n_articles"])
    2
    """
    scored = _scored(corpus, sentences, sentence_scores)
    body = scored[scored["kind"] == "body"].merge(
        corpus[["article_id", "outlet"]], on="article_id", how="left")
    compound = body["compound"].to_numpy(dtype="float64", na_value=np.nan)
    where = _positions(body["outlet"])
    n_articles = corpus["outlet"].value_counts(sort=False)
    rows = []
    for outlet in pd.unique(corpus["outlet"]):
        rows.append({"outlet": outlet, "n_articles": int(n_articles.get(outlet, 0)),
                     **_summary_values(compound[where.get(outlet, _NONE)])})
    return pd.DataFrame(rows)


