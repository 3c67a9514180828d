"""Loaded language: the single words that tilt a sentence (Recasens et al. 2013 classes).

Recasens, Danescu-Niculescu-Mizil and Jurafsky (2013) found that the words editors remove
to make Wikipedia neutral fall into two families: *framing* words (subjective,
one-sided or intensifying words: "slammed", "embattled", "hugely") and *epistemological*
words that quietly tell the reader what to believe: factive verbs that presuppose their
complement is true ("admitted", "revealed"), assertive verbs that report a claim with a
slant ("claimed", "insisted"), and hedges that weaken it ("may", "reportedly"). The
word list, ``analysis/data/framing_loaded_language.csv``, was written for this project
following those classes; edit it to suit your corpus.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pandas as pd

from analysis.framing._common import (
    TermMatcher,
    body_columns,
    body_sentences,
    context,
    data_rows,
    get_quotes,
    spans_by_voice,
    voice_of,
    words_by_voice,
)

LOADED_FILE = "framing_loaded_language.csv"
LOADED_COLUMNS = ["article_id", "sentence_id", "term", "class", "in_quote", "context",
                  "outlet", "matched", "voice", "start", "end"]
CLASSES = ("evaluative", "intensifier", "hedge", "factive", "assertive")


def load_loaded_lexicon(path: str | None = None) -> pd.DataFrame:
    """The loaded-language list: term, class, note.

    >>> lex = load_loaded_lexicon()
    >>> sorted(lex["class"].unique())
    ['assertive', 'evaluative', 'factive', 'hedge', 'intensifier']
    """
    if path is None:
        frame = pd.DataFrame(data_rows(LOADED_FILE))
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in ("term", "class"):
        if col not in frame.columns:
            raise ValueError(f"the loaded-language list needs a '{col}' column")
    if "note" not in frame.columns:
        frame["note"] = ""
    return frame.fillna("")[["term", "class", "note"]]


def loaded_language(corpus: pd.DataFrame, lexicon: pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None,
                    sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per loaded word in the body sentences.

    Columns: article_id, sentence_id, term (the list entry), class (evaluative,
    intensifier, hedge, factive, assertive), in_quote (True inside a source's quoted
    words), context, then outlet, matched (the words as written), voice (narration /
    scare quote / quote), start, end. A word the outlet itself puts in quotation marks
    ("a 'professional' officer") is a scare quote: ``in_quote`` is False for it, since
    the outlet chose to print it. ``quotes`` / ``sentences`` (``extract_quotes`` /
    ``split_sentences`` output) are computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...                   "text": ["The embattled chief was slammed by critics."]})
    >>> loaded_language(c)[["term", "class", "in_quote"]].values.tolist()
    [['embattled', 'evaluative', False], ['slam*', 'evaluative', False]]
    """
    lex = _default_lexicon() if lexicon is None else lexicon
    if len(lex) == 0 or len(corpus) == 0:
        return pd.DataFrame(columns=LOADED_COLUMNS)
    classes = dict(zip(lex["term"], lex["class"], strict=False))
    matcher = TermMatcher.build(lex["term"])
    body = body_columns(corpus, sentences=sentences)
    quoted, scare = spans_by_voice(corpus, quotes)
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"].fillna(""), strict=False))
    columns: dict[str, list] = {c: [] for c in LOADED_COLUMNS}
    find = matcher.find
    for aid, sid, sentence, offset, outlet in zip(
            body["article_id"], body["sentence_id"], body["text"], body["start"],
            body["outlet"], strict=True):
        hits = find(sentence)
        if not hits:
            continue
        text = texts[aid]
        quoted_here, scare_here = quoted.get(aid, []), scare.get(aid, [])
        for ms, me, term in hits:
            start, end = offset + ms, offset + me
            voice = voice_of(start, end, quoted_here, scare_here, text)
            for col, value in (
                ("article_id", aid), ("sentence_id", sid), ("term", term),
                ("class", classes[term]), ("in_quote", voice == "quote"),
                ("context", context(text, start, end)), ("outlet", outlet),
                ("matched", text[start:end]), ("voice", voice), ("start", start), ("end", end),
            ):
                columns[col].append(value)
    if not columns["term"]:
        return pd.DataFrame(columns=LOADED_COLUMNS)
    return pd.DataFrame(columns, columns=LOADED_COLUMNS)


@lru_cache(maxsize=1)
def _default_lexicon() -> pd.DataFrame:
    return load_loaded_lexicon()


def loaded_rates(corpus: pd.DataFrame, occurrences: pd.DataFrame | None = None,
                 quotes: pd.DataFrame | None = None,
                 sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Loaded words per 1,000 words, per outlet and class, narration and quotes apart.

    One row per outlet × class with narration_count, narration_words,
    narration_per_1000, quote_count, quote_words, quote_per_1000. Scare-quoted words
    count as narration (the outlet printed them). A rate is NaN when the outlet has no
    words of that voice (e.g. no quotations at all). ``quotes`` / ``sentences``
    (``extract_quotes`` / ``split_sentences`` output) are computed once when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...                   "text": ["The embattled chief was slammed by critics."]})
    >>> r = loaded_rates(c)
    >>> r.loc[r["class"] == "evaluative", "narration_per_1000"].round(1).tolist()
    [285.7]
    """
    body = body_sentences(corpus, sentences=sentences)
    quotes = get_quotes(corpus, quotes)
    occ = (loaded_language(corpus, quotes=quotes, sentences=sentences) if occurrences is None
           else occurrences)
    quoted, _ = spans_by_voice(corpus, quotes)
    words = words_by_voice(corpus, body, quoted).groupby("outlet")[
        ["narration_words", "quote_words"]].sum()
    rows = []
    for outlet in sorted(words.index):
        for cls in CLASSES:
            sub = occ[(occ["outlet"] == outlet) & (occ["class"] == cls)] if len(occ) else occ
            n_q = int(sub["in_quote"].sum()) if len(sub) else 0
            n_n = len(sub) - n_q
            nw, qw = int(words.loc[outlet, "narration_words"]), int(words.loc[outlet,
                                                                            "quote_words"])
            rows.append({
                "outlet": outlet, "class": cls,
                "narration_count": n_n, "narration_words": nw,
                "narration_per_1000": 1000 * n_n / nw if nw else np.nan,
                "quote_count": n_q, "quote_words": qw,
                "quote_per_1000": 1000 * n_q / qw if qw else np.nan,
            })
    return pd.DataFrame(rows, columns=["outlet", "class", "narration_count", "narration_words",
                                       "narration_per_1000", "quote_count", "quote_words",
                                       "quote_per_1000"])
