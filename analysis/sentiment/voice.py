"""Narration vs quotation: the outlet's own voice apart from the speech it quotes.

>>> from analysis import load_corpus
>>> sorted(sentence_voice(load_corpus("seeds"))["voice"].unique())
['narration', 'quoted']
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.sentiment.scores import _NONE, CUT, _positions, _scored, _summary_values


def _quotes(
    corpus: pd.DataFrame, quotes: pd.DataFrame | None, actors: pd.DataFrame | None = None
) -> pd.DataFrame:
    if quotes is not None:
        return quotes
    from analysis.attribution import extract_quotes

    return extract_quotes(corpus) if actors is None else extract_quotes(corpus, actors)


def _spans(quotes: pd.DataFrame) -> dict[str, list[tuple[int, int]]]:
    from analysis.attribution import quote_spans

    return quote_spans(quotes, kinds=("direct", "mixed"))


def sentence_voice(
    corpus: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    sentence_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Body sentences with VADER scores and ``voice``: "quoted" or "narration".

    A sentence is "quoted" when more than half of it lies inside direct (or mixed)
    quotation marks found by :func:`analysis.attribution.extract_quotes`, else it is the
    outlet's own "narration". ``sentence_scores``: as in :func:`article_sentiment`.

    >>> from analysis import load_corpus
    >>> v = sentence_voice(load_corpus("seeds"))
    >>> sorted(v["voice"].unique())
    ['narration', 'quoted']
    """
    from analysis.attribution import in_spans

    spans = _spans(_quotes(corpus, quotes))
    scored = _scored(corpus, sentences, sentence_scores)
    body = scored[scored["kind"] == "body"].copy()
    body["voice"] = [
        "quoted" if in_spans(spans.get(str(a), []), int(s), int(e)) else "narration"
        for a, s, e in zip(body["article_id"], body["start"], body["end"], strict=True)
    ]
    return body.merge(corpus[["article_id", "outlet"]], on="article_id", how="left")


def voice_sentiment(
    corpus: pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    sentence_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Per article: the tone of the outlet's narration and of the speech it quotes.

    Columns: ``article_id``, ``outlet``, ``narration_n``, ``narration_mean_compound``,
    ``narration_share_negative``, ``quoted_n``, ``quoted_mean_compound``,
    ``quoted_share_negative``, ``quoted_share_of_negative`` (of the article's negative body
    sentences, the share that are quotations). ``sentence_scores``: as in
    :func:`article_sentiment`.

    >>> from analysis import load_corpus
    >>> table = voice_sentiment(load_corpus("seeds"))
    >>> list(table.columns[:4])
    ['article_id', 'outlet', 'narration_n', 'narration_mean_compound']
    """
    voiced = sentence_voice(corpus, sentences, quotes, sentence_scores)
    compound = voiced["compound"].to_numpy(dtype="float64", na_value=np.nan)
    voices = voiced["voice"].to_numpy()
    where = _positions(voiced["article_id"])
    rows = []
    for aid, outlet in zip(corpus["article_id"], corpus["outlet"], strict=True):
        mine = where.get(aid, _NONE)
        values, voice_of = compound[mine], voices[mine]
        row: dict[str, object] = {"article_id": aid, "outlet": outlet}
        for voice in ("narration", "quoted"):
            s = _summary_values(values[voice_of == voice])
            row[f"{voice}_n"] = s["n_sentences"]
            row[f"{voice}_mean_compound"] = s["mean_compound"]
            row[f"{voice}_share_negative"] = s["share_negative"]
        negative = voice_of[values <= -CUT]
        row["quoted_share_of_negative"] = (
            float(np.count_nonzero(negative == "quoted") / np.float64(len(negative)))
            if len(negative) else np.nan)
        rows.append(row)
    return pd.DataFrame(rows)
