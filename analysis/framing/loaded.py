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

import re
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
    seen: dict[str, list[tuple[int, int, str]]] = {}  # a repeated sentence is read once
    for aid, sid, sentence, offset, outlet in zip(
            body["article_id"], body["sentence_id"], body["text"], body["start"],
            body["outlet"], strict=True):
        hits = seen.get(sentence)
        if hits is None:
            hits = seen[sentence] = find(sentence)
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


# --- a loaded-language score per sentence -----------------------------------------------

#: A sentence is flagged as loaded when its score reaches this value: about two cues of
#: ordinary strength (one evaluative word and one intensifier, say). Fixed from the task
#: definition before any labelled set was scored; not tuned on one.
LOADED_THRESHOLD = 2.0
#: Cue weights. A list word or a strongly valenced word counts 1 (×|valence|/2 for VADER
#: words, so "horrible" weighs more than "nice"); epistemological words (hedges, factive
#: and assertive verbs) and manner adverbs half.
CUE_WEIGHTS = {"evaluative": 1.0, "intensifier": 1.0, "hedge": 0.5, "factive": 0.5,
               "assertive": 0.5, "superlative": 1.0, "manner adverb": 0.5,
               "scare quote": 1.0, "exclamation": 1.0}
#: The issue's bar for the sentence score on public labelled news (sentence ROC-AUC): below
#: it the measure stays experimental even where it beats its baselines.
LOADED_TARGET = 0.70
#: VADER words below this absolute valence (on its −4 … +4 scale) are not cues.
MIN_VALENCE = 1.5
PLAIN_FILE = "framing_plain_words.csv"
SENTENCE_LOADING_COLUMNS = ["article_id", "sentence_id", "kind", "score", "loaded", "words",
                            "cues"]
_WORD_SPAN = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SCARE = re.compile(r"(?:^|(?<=[\s(]))[\"“‘']([A-Za-z][\w’'-]*(?:\s+[\w’'-]+){0,2})[\"”’']"
                    r"(?=[\s.,;:!?)]|$)")


@lru_cache(maxsize=1)
def _word_cues() -> tuple[dict[str, tuple[str, float]], TermMatcher]:
    """Single-word cues (word → class, weight) and a matcher for the list's phrases."""
    from vaderSentiment.vaderSentiment import BOOSTER_DICT, SentimentIntensityAnalyzer

    neutral = {r["word"].casefold() for r in data_rows("vader_news_neutral.csv")}
    cues: dict[str, tuple[str, float]] = {}
    for word, valence in SentimentIntensityAnalyzer().lexicon.items():
        if abs(valence) >= MIN_VALENCE and word.isalpha() and word not in neutral:
            cues[word] = ("evaluative", abs(valence) / 2)
    for word in BOOSTER_DICT:
        if " " not in word:
            cues[word] = ("intensifier", CUE_WEIGHTS["intensifier"])
    lex = _default_lexicon()
    phrases = []
    for term, cls in zip(lex["term"], lex["class"], strict=True):
        if " " in term or "*" in term or "-" in term:
            phrases.append(term)
        else:
            cues[term.casefold()] = (cls, CUE_WEIGHTS.get(cls, 1.0))
    return cues, TermMatcher.build(phrases)


@lru_cache(maxsize=1)
def _plain_words() -> frozenset[str]:
    return frozenset(r["word"].strip().casefold() for r in data_rows(PLAIN_FILE))


def score_sentence(text: str) -> tuple[float, list[tuple[str, str]]]:
    """A sentence's loaded-language score and its cues as (words as written, class).

    Cues: evaluative words (the workbook's list and VADER's strongly valenced words),
    intensifiers (the list and VADER's boosters), superlatives, manner adverbs, hedges,
    factive and assertive verbs, scare quotes and exclamation marks; each adds its weight
    (:data:`CUE_WEIGHTS`).

    >>> score, cues = score_sentence("The embattled chief gave an utterly shameful speech!")
    >>> sorted(c for c, _ in cues)
    ['!', 'embattled', 'shameful', 'utterly']
    >>> score >= LOADED_THRESHOLD
    True
    >>> score_sentence("The council met on Tuesday.")[0]
    0.0
    """
    cues, phrases = _word_cues()
    plain = _plain_words()
    found: list[tuple[str, str]] = []
    score = 0.0
    covered: list[tuple[int, int]] = []
    lex_classes = _lexicon_classes()
    for s, e, term in phrases.find(text):
        cls = lex_classes.get(term, "evaluative")
        found.append((text[s:e], cls))
        score += CUE_WEIGHTS.get(cls, 1.0)
        covered.append((s, e))
    for match in _WORD_SPAN.finditer(text):
        s, e = match.span()
        if any(a <= s < b for a, b in covered):
            continue
        word = match.group().casefold().replace("’", "'").strip("'-")
        hit = cues.get(word)
        if hit is not None:
            cls, weight = hit
        elif word in plain or len(word) < 6:
            continue
        elif word.endswith("est") or word in ("most", "least"):
            cls, weight = "superlative", CUE_WEIGHTS["superlative"]
        elif word.endswith("ly"):
            cls, weight = "manner adverb", CUE_WEIGHTS["manner adverb"]
        else:
            continue
        found.append((match.group(), cls))
        score += weight
    for match in _SCARE.finditer(text):
        found.append((match.group(1), "scare quote"))
        score += CUE_WEIGHTS["scare quote"]
    if "!" in text:
        found.append(("!", "exclamation"))
        score += CUE_WEIGHTS["exclamation"]
    return round(score, 4), found


@lru_cache(maxsize=1)
def _lexicon_classes() -> dict[str, str]:
    lex = _default_lexicon()
    return dict(zip(lex["term"], lex["class"], strict=True))


def sentence_loading(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None,
                     kinds: tuple[str, ...] = ("body", "headline", "caption"),
                     ) -> pd.DataFrame:
    """One row per sentence: its loaded-language score, the flag and the words behind it.

    Columns: article_id, sentence_id, kind, score (the summed cue weights of
    :func:`score_sentence`), loaded (score ≥ :data:`LOADED_THRESHOLD`), words (the cue
    words as written, "; "-separated) and cues ("word (class)"). ``sentences``
    (``split_sentences`` output) is computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["The council met. Critics slammed the utterly shameful plan."]})
    >>> sentence_loading(c)[["sentence_id", "loaded"]].values.tolist()
    [[0, False], [1, True]]
    """
    body = body_columns(corpus, kinds=kinds, sentences=sentences,
                        columns=("article_id", "sentence_id", "text"))
    sents = _sentences_kinds(corpus, sentences)
    rows = {c: [] for c in SENTENCE_LOADING_COLUMNS}
    for aid, sid, text in zip(body["article_id"], body["sentence_id"], body["text"],
                              strict=True):
        score, found = score_sentence(text)
        for col, value in (("article_id", aid), ("sentence_id", sid),
                           ("kind", sents.get((aid, sid), "body")), ("score", score),
                           ("loaded", score >= LOADED_THRESHOLD),
                           ("words", "; ".join(w for w, _ in found)),
                           ("cues", "; ".join(f"{w} ({c})" for w, c in found))):
            rows[col].append(value)
    return pd.DataFrame(rows, columns=SENTENCE_LOADING_COLUMNS)


def _sentences_kinds(corpus: pd.DataFrame,
                     sentences: pd.DataFrame | None) -> dict[tuple[str, int], str]:
    from analysis.sentences import split_sentences

    sents = split_sentences(corpus) if sentences is None else sentences
    return dict(zip(zip(sents["article_id"].astype(str), sents["sentence_id"], strict=True),
                    sents["kind"], strict=True))


def loaded_score_usable(results: pd.DataFrame | None = None) -> bool:
    """Whether the sentence score may carry a headline: it beats its baselines (status
    "validated") *and* reaches :data:`LOADED_TARGET` sentence ROC-AUC on every data set.

    >>> rows = pd.DataFrame({"measure": "loaded language", "metric": "sentence ROC-AUC",
    ...     "data_set": "x", "split": "dev", "system": ["w", "b"],
    ...     "role": ["workbook", "baseline"], "value": [0.6, 0.5], "n": 10})
    >>> loaded_score_usable(rows)
    False
    """
    from analysis.evaluation.report import figures, status

    if status("loaded language", results) != "validated":
        return False
    rows = figures("loaded language", results)
    own = rows[(rows["metric"] == "sentence ROC-AUC") & (rows["role"] == "workbook")]
    return bool(len(own)) and bool((own["value"] >= LOADED_TARGET).all())
