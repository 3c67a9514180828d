"""Sentiment of news sentences with VADER, and the tone a text takes toward each actor.

VADER (Hutto & Gilbert 2014) scores a sentence from a lexicon of about 7,500 words rated
by people from -4 to +4, adjusted for negation ("not good"), intensifiers ("very"),
capitals, exclamation marks and "but" (the words after "but" count more). ``compound`` is
the normalised sum in [-1, 1]; VADER's authors call a sentence positive at >= 0.05 and
negative at <= -0.05. It was built for social-media posts: whole-article scores saturate
near +-1, so everything here scores sentences and then aggregates.

Actor stance (:func:`actor_sentiment`) does better than averaging VADER over every sentence
that names an actor: it scores only the clause around the mention, leaves out the actor's own
quoted words, and reads evaluative verbs by role ("X was accused", "Y accused X" are negative
toward X; "X accused Y" is not) using ``data/evaluative_verbs.csv`` and ``data/actor_cues.csv``.

>>> from analysis import load_corpus
>>> corpus = load_corpus("seeds")
>>> round(float(article_sentiment(corpus)["mean_compound"].iloc[0]), 3) < 0
True
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.actors import find_mentions, load_actors
from analysis.sentences import split_sentences

__all__ = [
    "CUT",
    "CUE_WEIGHT",
    "SMALL_N",
    "actor_kind",
    "actor_mentions",
    "actor_sentiment",
    "agreement",
    "article_sentiment",
    "cohen_kappa",
    "evaluate_actor_labels",
    "label_compound",
    "mention_stance",
    "negated",
    "outlet_actor_sentiment",
    "outlet_sentiment",
    "pronoun_links",
    "score_text",
    "sentence_sentiment",
    "sentence_voice",
    "voice_sentiment",
]

#: VADER's own threshold: compound >= CUT is positive, <= -CUT negative, else neutral.
CUT = 0.05
#: Stance given to a mention when a role cue fires (sign from the cue); on VADER's scale.
CUE_WEIGHT = 0.5
#: Fewer sentences than this about an actor in one article (or outlet) raise ``small_n``.
SMALL_N = 3
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
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    class _LinearVader(SentimentIntensityAnalyzer):  # type: ignore[misc]
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
    scores = [score_text(t) for t in out["text"]] if len(out) else []
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


# --------------------------------------------------------------------------- quotations


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


# --------------------------------------------------------------------------- actor stance


@lru_cache(maxsize=1)
def _verb_table() -> tuple[tuple[re.Pattern[str], int], ...]:
    path = resources.files("analysis") / "data" / "evaluative_verbs.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return tuple((re.compile(rf"\b(?:{r['forms']})\b", re.I), int(r["polarity"])) for r in rows)


@lru_cache(maxsize=1)
def _cue_table() -> tuple[tuple[str, int], ...]:
    path = resources.files("analysis") / "data" / "actor_cues.csv"
    with path.open(encoding="utf-8") as handle:
        return tuple((r["pattern"], int(r["polarity"])) for r in csv.DictReader(handle))


@lru_cache(maxsize=1)
def _cue_words() -> re.Pattern[str]:
    """Nouns and adjectives the phrase cues rely on, masked when not aimed at the target."""
    words = (r"resignation|sacking|removal|dismissal|resign|confidence|trust|faith|criticism|"
             r"condemnation|outcry|anger|fury|backlash|pressure|support|praise|backing|"
             r"under-fire|embattled|beleaguered|disgraced|scandal-hit|besieged|justice")
    return re.compile(rf"\b(?:{words})\b", re.I)


@lru_cache(maxsize=1)
def _news_neutral() -> re.Pattern[str]:
    """Words VADER rates that name ordinary acts in news (``data/vader_news_neutral.csv``)."""
    path = resources.files("analysis") / "data" / "vader_news_neutral.csv"
    with path.open(encoding="utf-8") as handle:
        words = [r["word"] for r in csv.DictReader(handle)]
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.I)


@lru_cache(maxsize=1)
def _negator_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Negators (``data/negators.csv``, negates=yes) and look-alike idioms that assert
    rather than negate (negates=no: "no doubt", "not only")."""
    path = resources.files("analysis") / "data" / "negators.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))

    def pattern(terms: list[str]) -> re.Pattern[str]:
        parts = [r"n['’]t\b" if t == "n't" else
                 r"\b" + r"\s+".join(map(re.escape, t.split())) + r"\b" for t in terms]
        return re.compile("|".join(parts) or r"(?!x)x", re.I)

    return (pattern([r["term"] for r in rows if r["negates"] == "yes"]),
            pattern([r["term"] for r in rows if r["negates"] == "no"]))


def negated(text: str) -> bool:
    """True when ``text`` holds a negator (not, n't, never, no, nobody, without, refused
    to …, from ``data/negators.csv``) that is not part of an asserting idiom ("no doubt",
    "not only"). Used on the stretch of a clause before a role cue.

    >>> negated("The mayor did not call for"), negated("The mayor didn't"), negated("No doubt")
    (True, True, False)
    """
    yes, idioms = _negator_patterns()
    return bool(yes.search(idioms.sub(" ", text)))


def _since_comma(text: str) -> str:
    """The stretch after the last comma: a negator before it belongs to an inserted phrase
    ("The mayor, who did not attend, criticised X")."""
    return text[text.rfind(",") + 1:]


def _negate(polarity: int) -> int:
    """The sign of a negated cue: withheld blame says nothing ("X was not criticised" is not
    praise), withheld support is a blow ("no confidence in X", "refused to back X")."""
    return 0 if polarity < 0 else -1


_TARGET = "TARGETX"
_AUX = r"(?:was|were|is|are|be|been|being|has been|have been|had been|got|get|gets)"
# The end of a stretch that makes the next verb passive: "was", "wasn't", "was not yet",
# "has never been", "was strongly".
_AUX_TAIL = (rf"{_AUX}(?:n['’]t)?\s+(?:(?:not|never|yet|also|even|already|\w+ly)\s+){{0,2}}$")
# Clause openers: a new clause starts at these words (general English clause structure).
_OPENERS = (r"but|however|although|though|while|whilst|whereas|after|before|because|since|"
            r"despite|amid|unless|which|who|whom|whose|where|saying|following|as(?! well\b"
            r"| a\b| an\b| the\b| being\b| part\b| of\b| to\b)")
_SPLIT = re.compile(rf"\s*[;:()\[\]—–]\s*|\s+-\s+|,?\s+(?=\b(?:{_OPENERS})\b)", re.I)
_SUBORDINATE = re.compile(
    r"^(?:although|though|while|whilst|whereas|after|before|because|since|despite|as|"
    r"unless|if|when)\b", re.I)
_WORDS = re.compile(r"[^\W_]+")
_QUOTE_MARK = re.compile(r"[\"“”«»]|(?<![^\W_])['‘’]|['‘’](?![^\W_])")


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence, a subordinate opener split at its comma."""
    bounds, pos = [], 0
    for m in _SPLIT.finditer(text):
        if m.start() > pos:
            bounds.append((pos, m.start()))
        pos = max(pos, m.end())
    if pos < len(text):
        bounds.append((pos, len(text)))
    out = []
    for s, e in bounds:
        piece = text[s:e]
        comma = piece.find(",")
        if _SUBORDINATE.match(piece) and comma > 0:
            out.extend([(s, s + comma), (s + comma + 1, e)])
        else:
            out.append((s, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding [start, end), widened to a neighbour while it is too short to say
    anything (fewer than three words besides the mention)."""
    clauses = _clauses(text)
    idx = next((i for i, (s, e) in enumerate(clauses) if s <= start < e), None)
    if idx is None:
        return 0, len(text)
    lo = hi = idx

    def extra(a: int, b: int) -> int:
        return len(_WORDS.findall(text[a:b])) - len(_WORDS.findall(text[start:end]))

    while extra(clauses[lo][0], clauses[hi][1]) < 3 and (hi + 1 < len(clauses) or lo > 0):
        if hi + 1 < len(clauses):
            hi += 1
        else:
            lo -= 1
    return clauses[lo][0], clauses[hi][1]


def _mask(text: str, spans: Iterable[tuple[int, int]], fill: str = " ") -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(max(0, s), min(len(chars), e)):
            if chars[i] != "\n":
                chars[i] = fill
    return "".join(chars)


def mention_stance(
    sentence: str,
    mention: tuple[int, int],
    own_quotes: Sequence[tuple[int, int]] = (),
    other_mentions: Sequence[tuple[int, int]] = (),
    negation: bool = True,
) -> dict[str, object]:
    """The stance a sentence takes toward one mentioned actor, on VADER's -1..1 scale.

    ``mention`` is the (start, end) of the actor's name in ``sentence``; ``own_quotes`` are
    (start, end) spans of the sentence that quote the actor itself (left out: an actor's own
    words are not sentiment toward it); ``other_mentions`` are spans of other actors' names
    (masked: "Community Security Trust" is a name, not praise). Steps: keep the clause
    around the mention; find role cues aimed at the mention (passive "X was accused",
    object "accused X", "calls for X's resignation", "confidence in X", "under-fire X" ...):
    if any fire, the stance is ``CUE_WEIGHT`` times their mean sign; otherwise it is VADER's
    compound for the clause with evaluative words aimed elsewhere masked ("X accused Y" says
    nothing good or bad about X). With ``negation`` (default), a cue with a negator before it
    in the clause, after any comma (:func:`negated`: "X was not criticised", "did not call
    for X to resign", "refused to back X") counts as neutral when it blames and as negative
    when it supports ("no confidence in X"). Returns ``stance``, ``clause``, ``cue`` (the
    cue that fired, prefixed "not: " when negated, or "").

    >>> s = "The CAA accused the force of victim blaming."
    >>> mention_stance(s, (20, 29))["stance"], mention_stance(s, (4, 7))["stance"]
    (-0.5, 0.0)
    >>> mention_stance("Mr Falter was praised by the mayor.", (0, 9))["cue"]
    'passive praised'
    >>> mention_stance("Mr Falter was not criticised by the mayor.", (0, 9))["cue"]
    'not: passive criticised'
    """
    m_start, m_end = mention
    # "#" (not a space) so that a phrase cue cannot read across a masked stretch.
    masked = _mask(sentence, [q for q in own_quotes if not (q[0] <= m_start < q[1])]
                   + [o for o in other_mentions if o[1] <= m_start or o[0] >= m_end], "#")
    c_start, c_end = _clause_around(masked, m_start, m_end)
    clause = masked[c_start:c_end]
    rel_s, rel_e = m_start - c_start, m_end - c_start
    # Quotation marks (not apostrophes) become spaces so cues read across them.
    plain = _QUOTE_MARK.sub(" ", clause)
    marked = plain[:rel_s] + _TARGET + plain[rel_e:]
    hits: list[tuple[int, str]] = []
    for verbs, polarity in _verb_table():
        for vm in verbs.finditer(marked):
            before = marked[:vm.start()]
            after = marked[vm.end():]
            passive = re.search(rf"{_TARGET}(?:\W+\w+){{0,3}}?\W+{_AUX_TAIL}", before, re.I)
            obj = re.match(rf"\W+(?:[\w'’]+\W+){{0,3}}?{_TARGET}", after)
            if passive and not re.match(r"\s+to\b", after):
                role = f"passive {vm.group(0).lower()}"
            elif obj and not re.search(_AUX_TAIL, before, re.I):
                role = f"object of {vm.group(0).lower()}"
            else:
                continue
            # A negator earlier in the clause: "X was not criticised", "did not accuse X".
            if negation and negated(_since_comma(before)):
                hits.append((_negate(polarity), "not: " + role))
            else:
                hits.append((polarity, role))
    for pattern, polarity in _cue_table():
        rx = re.compile(pattern.replace("{T}", _TARGET), re.I)
        cm = rx.search(marked)
        if cm:
            role = "phrase " + cm.group(0).replace(_TARGET, "X").lower()
            # Up to the cue's end: "did not call for X to resign", "X faces no criticism".
            if negation and negated(_since_comma(marked[:cm.end()].replace(_TARGET, " "))):
                hits.append((_negate(polarity), "not: " + role))
            else:
                hits.append((polarity, role))
    if hits:
        stance = CUE_WEIGHT * float(np.mean([p for p, _ in hits]))
        return {"stance": stance, "clause": sentence[c_start:c_end].strip(), "cue": hits[0][1]}
    # No cue aimed at the target: mask evaluative words (aimed elsewhere) and read the rest.
    rest = marked
    # An evaluative verb after the target with the target as its agent ("X accused Y of Z"):
    # the verb and what follows it in the clause are about Y, not X.
    t_at = rest.find(_TARGET)
    masks = [(vm.start(), len(rest)) if vm.start() > t_at >= 0 else vm.span()
             for verbs, _ in _verb_table() for vm in verbs.finditer(rest)]
    masks += [wm.span() for wm in _cue_words().finditer(rest)]
    masks += [wm.span() for wm in _news_neutral().finditer(rest)]
    rest = _mask(rest, masks).replace(_TARGET, " ").replace("#", " ")
    compound = score_text(rest)["compound"]
    stance = 0.0 if pd.isna(compound) else float(compound)
    return {"stance": stance, "clause": sentence[c_start:c_end].strip(), "cue": ""}


# --------------------------------------------------------------------------- pronouns

_TITLE_MALE = re.compile(r"^(?:Mr|Sir|Lord)\b")
_TITLE_FEMALE = re.compile(r"^(?:Mrs|Ms|Miss|Dame|Lady)\b")
_TITLE_ANY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|Dr)\b")
# A subject pronoun: at the start of the sentence, after a clause break or a conjunction.
_PRONOUN = re.compile(
    r"(?:^|[,;:—–]\s+|\b(?:and|but|that|as|because|after|when|while|although|though|since|"
    r"if|so)\s+)(he|she|it|they)\b", re.I)
# "It is thought", "It comes as": the empty "it" of English, not an organisation.
_EXPLETIVE_IT = re.compile(
    r"\s+(?:is|was|isn['’]t|wasn['’]t|['’]s|has been|had been|will be|would be|may be|might be|"
    r"could be|seems|seemed|appears|appeared|comes|came|emerged|remains|remained|follows|"
    r"followed|means|meant|takes|took|looks|looked)\b", re.I)


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    path = resources.files("analysis") / "data" / "organisation_words.csv"
    with path.open(encoding="utf-8") as handle:
        return frozenset(r["word"].casefold() for r in csv.DictReader(handle))


def actor_kind(actor: str, aliases: Sequence[str] = ()) -> tuple[str, str]:
    """(kind, gender) of an actor from its name and aliases, for linking pronouns.

    kind: "group" when the canonical name is lower case ("protesters"); "person" when an
    alias starts with a title (Mr, Mrs, Ms, Miss, Sir, Dame, Lord, Lady, Dr) or the name is
    two to four capitalised words with no organisation word (``data/organisation_words.csv``:
    police, trust, forum, board …); else "organisation". gender: "m" (Mr, Sir, Lord), "f"
    (Mrs, Ms, Miss, Dame, Lady) or "" when no title says.

    >>> actor_kind("Gideon Falter", ["Mr Falter"]), actor_kind("Matt Twist")
    (('person', 'm'), ('person', ''))
    >>> actor_kind("Metropolitan Police", ["the Met"]), actor_kind("protesters")
    (('organisation', ''), ('group', ''))
    """
    names = [actor, *aliases]
    gender = ("m" if any(_TITLE_MALE.match(a) for a in names)
              else "f" if any(_TITLE_FEMALE.match(a) for a in names) else "")
    if actor == actor.lower():
        return "group", ""
    if any(_TITLE_ANY.match(a) for a in names):
        return "person", gender
    words = [w for w in actor.split() if w.lower() not in {"van", "von", "der", "de", "da"}]
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
            w.casefold() in _organisation_words() for w in words):
        return "person", gender
    return "organisation", ""


def _compatible(pronoun: str, kind: tuple[str, str]) -> bool:
    what, gender = kind
    if pronoun in ("he", "she"):
        return what == "person" and gender in ("", "m" if pronoun == "he" else "f")
    if pronoun == "it":
        return what == "organisation"
    return what in ("organisation", "group")


def pronoun_links(
    text: str,
    sentence_bounds: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[int, int, str]],
    actors: pd.DataFrame,
    quoted: Sequence[tuple[int, int]] = (),
    look_back: int = 2,
) -> list[tuple[int, int, str]]:
    """Subject pronouns (he, she, it, they) linked to an actor where that is unambiguous.

    A pronoun at the start of a sentence or clause, outside quotations (``quoted`` spans)
    and not the empty "it" of "it is thought", links to the actor named in the nearest of
    the ``look_back`` previous sentences that names any compatible actor — he/she a person
    (of matching title, when the title says), it an organisation, they an organisation or
    group (:func:`actor_kind`) — when that sentence names exactly one compatible actor
    (a pronoun linked earlier counts as naming its actor). A pronoun whose own sentence
    already names a compatible actor before it is left alone (the actor is counted there).
    Returns (start, end, actor) like ``find_mentions``.

    >>> actors = load_actors(pd.DataFrame({"actor": ["Gideon Falter", "Metropolitan Police"],
    ...     "aliases": ["Mr Falter", "the Met"], "type": ["campaigner", "police"]}))
    >>> text = "Mr Falter met the Met. He was angry."
    >>> pronoun_links(text, [(0, 22), (23, 36)], find_mentions(text, actors), actors)
    [(23, 25, 'Gideon Falter')]
    """
    kinds = {a: actor_kind(a, al) for a, al in zip(actors["actor"], actors["aliases"],
                                                    strict=True)}

    def inside(a: int, b: int) -> bool:
        return any(q0 <= a and b <= q1 for q0, q1 in quoted)

    named = [(a, b, actor) for a, b, actor in mentions if not inside(a, b)]
    links = []
    for idx, (s0, s1) in enumerate(sentence_bounds):
        for m in _PRONOUN.finditer(text[s0:s1]):
            p0, p1 = s0 + m.start(1), s0 + m.end(1)
            word = m.group(1).lower()
            if inside(p0, p1) or (word == "it" and _EXPLETIVE_IT.match(text, p1)):
                continue
            if any(s0 <= a < p0 and _compatible(word, kinds[actor]) for a, _, actor in named):
                continue
            for back in range(idx - 1, max(-1, idx - 1 - look_back), -1):
                b0, b1 = sentence_bounds[back]
                found = {actor for a, b, actor in named
                         if b0 <= a and b <= b1 and _compatible(word, kinds[actor])}
                if found:
                    if len(found) == 1:
                        links.append((p0, p1, found.pop()))
                        named.append(links[-1])  # a chain: "He said … He added …"
                    break
    return links


def _actor_table(actors: str | Path | pd.DataFrame) -> pd.DataFrame:
    if isinstance(actors, pd.DataFrame) and len(actors) and isinstance(
            actors["aliases"].iloc[0], list):
        return actors
    return load_actors(actors)


def actor_mentions(
    corpus: pd.DataFrame,
    actors: str | Path | pd.DataFrame,
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    pronouns: bool = False,
    sentence_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Every actor mention in a body sentence, with the sentence's VADER compound (the
    baseline) and the mention's ``stance`` (:func:`mention_stance`).

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``actor``, ``start``, ``end``,
    ``sentence_compound``, ``stance``, ``cue``, ``clause``, ``in_own_quote``, ``pronoun``
    (True for a pronoun linked by :func:`pronoun_links`; only with ``pronouns=True``, off
    by default because it did not improve agreement with the hand labels).
    ``sentence_scores``: as in :func:`article_sentiment`.

    >>> from analysis import load_corpus
    >>> m = actor_mentions(load_corpus("seeds"), "seeds/actors.csv")
    >>> "Sir Mark Rowley" in set(m["actor"])
    True
    """
    table = _actor_table(actors)
    if sentence_scores is not None:
        body = sentence_scores[sentence_scores["kind"] == "body"]
    else:
        sents = _sentences(corpus, sentences)
        body = sentence_sentiment(sents[sents["kind"] == "body"])
    quotes = _quotes(corpus, quotes, table)
    by_article = _quotes_by_article(quotes)
    outlets = dict(zip(corpus["article_id"], corpus["outlet"], strict=True))
    texts = dict(zip(corpus["article_id"], corpus["text"], strict=True))
    where = _positions(body["article_id"])
    rows = []
    for aid, text in texts.items():
        if aid not in where:
            continue
        mine = body.iloc[where[aid]]
        mentions = find_mentions(text, table)
        q_all = _quote_rows(by_article.get(str(aid)), aid, table)
        linked: set[tuple[int, int, str]] = set()
        if pronouns:
            bounds = [(int(a), int(b)) for a, b in zip(mine["start"], mine["end"], strict=True)]
            quoted = [piece for q in q_all for piece in q["pieces"]]  # type: ignore[attr-defined]
            linked = set(pronoun_links(text, bounds, mentions, table, quoted))
            mentions = sorted([*mentions, *linked])
        for srow in mine.itertuples(index=False):
            s0, s1 = int(srow.start), int(srow.end)
            for m0, m1, actor in mentions:
                if not (s0 <= m0 and m1 <= s1):
                    continue
                own = _own_spans(q_all, actor, (m0, m1), s0, s1, text=text)
                inside_own = any(q0 <= m0 < q1 for q0, q1 in own)
                others = [(o0 - s0, o1 - s0) for o0, o1, _ in mentions
                          if s0 <= o0 and o1 <= s1 and (o0, o1) != (m0, m1)]
                res = mention_stance(text[s0:s1], (m0 - s0, m1 - s0),
                                     [(q0 - s0, q1 - s0) for q0, q1 in own], others)
                rows.append({
                    "article_id": aid, "outlet": outlets[aid], "sentence_id": srow.sentence_id,
                    "actor": actor, "start": m0, "end": m1,
                    "sentence_compound": srow.compound,
                    "stance": np.nan if inside_own else res["stance"],
                    "cue": res["cue"], "clause": res["clause"], "in_own_quote": inside_own,
                    "pronoun": (m0, m1, actor) in linked,
                })
    cols = ["article_id", "outlet", "sentence_id", "actor", "start", "end",
            "sentence_compound", "stance", "cue", "clause", "in_own_quote", "pronoun"]
    return pd.DataFrame(rows, columns=cols)


def _quote_rows(
    quotes: pd.DataFrame | None, article_id: str, actors: pd.DataFrame
) -> list[dict[str, object]]:
    """The article's direct and mixed quotations, read once: ``pieces`` (their spans),
    ``speakers`` (actors named as speaker) and ``speaker_span``; ``no_speakers`` is True
    when the quotes carry no attribution at all."""
    if quotes is None or len(quotes) == 0:
        return []
    no_speakers = not ({"speaker", "speaker_mention", "speaker_start"} & set(quotes.columns))
    mine = quotes[(quotes["article_id"].astype(str) == str(article_id))
                  & quotes["kind"].isin(["direct", "mixed"])]
    return _quote_records(mine, actors, no_speakers)


def _quotes_by_article(quotes: pd.DataFrame | None) -> dict[str, pd.DataFrame]:
    """The quotations of each article (``str(article_id)``), for :func:`_quote_rows`: one
    pass over the table instead of a filter per article."""
    if quotes is None or len(quotes) == 0:
        return {}
    keys = quotes["article_id"].astype(str)
    return {aid: quotes.iloc[pos] for aid, pos in _positions(keys).items()}


def _quote_records(
    mine: pd.DataFrame, actors: pd.DataFrame, no_speakers: bool
) -> list[dict[str, object]]:
    out = []
    for row in mine.to_dict("records"):
        parts = row.get("parts")
        if not isinstance(parts, (list, tuple)) or not parts:
            parts = [(row["start"], row["end"])]
        speakers = set()
        if isinstance(row.get("speaker"), str):
            speakers.add(row["speaker"])
        sm = row.get("speaker_mention")
        if isinstance(sm, str) and sm:
            speakers |= {a for _, _, a in find_mentions(sm, actors)}
        ss, se = row.get("speaker_start"), row.get("speaker_end")
        span = None
        if ss is not None and se is not None and not pd.isna(ss) and not pd.isna(se):
            span = (int(ss), int(se))
        out.append({"pieces": [(int(a), int(b)) for a, b in parts], "speakers": speakers,
                    "speaker_span": span, "no_speakers": no_speakers})
    return out


def _own_spans(
    quotes: list[dict[str, object]], actor: str, mention: tuple[int, int],
    s0: int, s1: int, text: str = "",
) -> list[tuple[int, int]]:
    """Spans of quotes (overlapping this sentence) spoken by ``actor``: the attributed
    speaker is the actor, or the attribution's speaker span is this very mention. When the
    quotes carry no speaker at all, a mention followed by a speech verb right before the
    quote ("Mr Falter said: '...'") or after it ("'...,' said Mr Falter") counts."""
    out = []
    for row in quotes:
        pieces = [(a, b) for a, b in row["pieces"] if b > s0 and a < s1]  # type: ignore[attr-defined]
        if not pieces:
            continue
        own = actor in row["speakers"]  # type: ignore[operator]
        span = row["speaker_span"]
        if not own and span is not None:
            own = span[0] < mention[1] and mention[0] < span[1]  # type: ignore[index]
        q0, q1 = pieces[0][0], pieces[-1][1]
        if not own and row["no_speakers"] and text:
            if mention[1] <= q0:
                own = bool(_SAYS_BEFORE.match(text[mention[1]:q0]))
            elif mention[0] >= q1:
                own = bool(_SAYS_AFTER.match(text[q1:mention[0]]))
        if own:
            out.extend(pieces)
    return out


_SPEECH = (r"said|says|added|adds|told|tells|continued|concluded|stated|asked|asks|replied|"
           r"replies|wrote|insisted|insists|claimed|explained|warned")
_SAYS_BEFORE = re.compile(rf"^\W*(?:[\w'’]+\W+){{0,3}}?(?:{_SPEECH})\b[^'\"“‘]{{0,40}}$", re.I)
_SAYS_AFTER = re.compile(rf"^\W*(?:{_SPEECH})\W*$", re.I)


def _aggregate(mentions: pd.DataFrame, keys: list[str], value: str) -> pd.DataFrame:
    per_sentence = (mentions.dropna(subset=[value])
                    .groupby(list(dict.fromkeys([*keys, "article_id", "sentence_id"])),
                             sort=False)[value].mean()
                    .reset_index())
    grouped = per_sentence.groupby(keys, sort=False)[value]
    # Shares as group means of 0/1: exact counts over exact counts, as Series.mean gives.
    shares = (per_sentence.assign(share_negative=(per_sentence[value] <= -CUT).astype("float64"),
                                  share_positive=(per_sentence[value] >= CUT).astype("float64"))
              .groupby(keys, sort=False)[["share_negative", "share_positive"]].mean())
    out = pd.DataFrame({"n_sentences": grouped.size(), "mean_compound": grouped.mean(),
                        "share_negative": shares["share_negative"],
                        "share_positive": shares["share_positive"]})
    out = out.reset_index()
    out["n_sentences"] = out["n_sentences"].astype(int)
    out["small_n"] = out["n_sentences"] < SMALL_N
    return out


def actor_sentiment(
    corpus: pd.DataFrame,
    actors: str | Path | pd.DataFrame,
    method: str = "clause",
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    pronouns: bool = False,
    sentence_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per article and actor: how the article's sentences treat the actor.

    ``method="clause"`` (default) averages each sentence's :func:`mention_stance`;
    ``method="sentence"`` is the plain baseline, VADER's compound of every body sentence that
    names the actor. Sentences where the actor is named only inside its own quotation do not
    count for "clause". Columns: ``article_id``, ``outlet``, ``actor``, ``n_sentences``,
    ``mean_compound``, ``share_negative``, ``share_positive``, ``small_n`` (fewer than
    ``SMALL_N`` sentences: too few to say much). ``pronouns=True`` also counts sentences
    that refer to the actor by a linked pronoun (:func:`pronoun_links`; off by default).
    ``sentence_scores``: as in :func:`article_sentiment`.

    >>> from analysis import load_corpus
    >>> t = actor_sentiment(load_corpus("seeds"), "seeds/actors.csv")
    >>> list(t.columns[:6])
    ['article_id', 'outlet', 'actor', 'n_sentences', 'mean_compound', 'share_negative']
    """
    if method not in {"clause", "sentence"}:
        raise ValueError("method must be 'clause' or 'sentence'")
    mentions = actor_mentions(corpus, actors, sentences, quotes, pronouns=pronouns,
                              sentence_scores=sentence_scores)
    value = "stance" if method == "clause" else "sentence_compound"
    out = _aggregate(mentions, ["article_id", "outlet", "actor"], value)
    return out.sort_values(["article_id", "n_sentences", "actor"],
                           ascending=[True, False, True], kind="stable").reset_index(drop=True)


def outlet_actor_sentiment(
    corpus: pd.DataFrame,
    actors: str | Path | pd.DataFrame,
    method: str = "clause",
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    pronouns: bool = False,
    sentence_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per outlet and actor, pooling the outlet's sentences about the actor.

    Same columns as :func:`actor_sentiment` without ``article_id``, plus ``n_articles``.
    ``sentence_scores``: as in :func:`article_sentiment`.

    >>> from analysis import load_corpus
    >>> t = outlet_actor_sentiment(load_corpus("seeds"), "seeds/actors.csv")
    >>> bool((t["n_sentences"] > 0).all())
    True
    """
    if method not in {"clause", "sentence"}:
        raise ValueError("method must be 'clause' or 'sentence'")
    mentions = actor_mentions(corpus, actors, sentences, quotes, pronouns=pronouns,
                              sentence_scores=sentence_scores)
    value = "stance" if method == "clause" else "sentence_compound"
    out = _aggregate(mentions, ["outlet", "actor"], value)
    n_art = (mentions.dropna(subset=[value]).groupby(["outlet", "actor"])["article_id"]
             .nunique().rename("n_articles").reset_index())
    out = out.merge(n_art, on=["outlet", "actor"], how="left")
    return out.sort_values(["outlet", "n_sentences", "actor"],
                           ascending=[True, False, True], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------- agreement


def cohen_kappa(a: Sequence[str], b: Sequence[str]) -> float:
    """Cohen's kappa: agreement between two labellings beyond what chance would give.

    >>> cohen_kappa(["pos", "neg", "neg", "neu"], ["pos", "neg", "neu", "neu"])
    0.6363636363636364
    """
    a, b = list(a), list(b)
    if len(a) != len(b) or not a:
        raise ValueError("need two labellings of the same, non-zero length")
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b, strict=True)) / n
    cats = set(a) | set(b)
    expected = sum((a.count(c) / n) * (b.count(c) / n) for c in cats)
    if expected == 1:
        return 1.0 if observed == 1 else 0.0
    return (observed - expected) / (1 - expected)


def agreement(truth: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """Accuracy, Cohen's kappa and macro-averaged F1 of ``predicted`` against ``truth``.

    >>> agreement(["negative", "neutral"], ["negative", "positive"])["accuracy"]
    0.5
    """
    truth, predicted = list(truth), list(predicted)
    f1s = []
    for lab in LABELS:
        tp = sum(t == lab and p == lab for t, p in zip(truth, predicted, strict=True))
        fp = sum(t != lab and p == lab for t, p in zip(truth, predicted, strict=True))
        fn = sum(t == lab and p != lab for t, p in zip(truth, predicted, strict=True))
        if tp + fp + fn == 0:
            continue
        f1s.append(2 * tp / (2 * tp + fp + fn))
    acc = sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth)
    return {"n": len(truth), "accuracy": acc, "kappa": cohen_kappa(truth, predicted),
            "macro_f1": float(np.mean(f1s)) if f1s else np.nan}


def evaluate_actor_labels(
    corpus: pd.DataFrame,
    actors: str | Path | pd.DataFrame,
    labels: pd.DataFrame,
    quotes: pd.DataFrame | None = None,
    negation: bool = True,
    pronouns: bool = False,
) -> pd.DataFrame:
    """Score hand-labelled (sentence, actor) pairs with the baseline and with the clause
    method. ``labels`` has ``article_id``, ``text`` (a sentence of that article's clean
    text), ``actor``, ``label``. Returns the labels with ``baseline`` (VADER compound of the
    whole sentence), ``clause`` (mean stance over the actor's mentions in the sentence) and
    their three-way labels ``baseline_label``, ``clause_label``; ``found`` is False when the
    sentence or the mention is not in the corpus. ``negation`` and ``pronouns`` switch the
    method's negation of cues (:func:`mention_stance`) and pronoun linking
    (:func:`pronoun_links`), to measure what each adds.

    >>> from analysis import load_corpus
    >>> lab = pd.DataFrame({"article_id": ["000"], "actor": ["Metropolitan Police"],
    ...     "text": ["The Met Police has apologised (above) for an earlier statement in which "
    ...              "it suggested counter-protesters at pro-Palestine marches were being "
    ...              "deliberately 'provocative'"], "label": ["negative"]})
    >>> bool(evaluate_actor_labels(load_corpus("seeds"), "seeds/actors.csv", lab)["found"][0])
    True
    """
    table = _actor_table(actors)
    quotes = _quotes(corpus, quotes, table)
    by_article = _quotes_by_article(quotes)
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"], strict=True))
    links: dict[str, list[tuple[int, int, str]]] = {}
    if pronouns:
        sents = split_sentences(corpus)
        body = sents[sents["kind"] == "body"]
        for aid, text in texts.items():
            mine = body[body["article_id"].astype(str) == aid]
            bounds = [(int(a), int(b)) for a, b in zip(mine["start"], mine["end"], strict=True)]
            quoted = [piece for q in _quote_rows(by_article.get(aid), aid, table)
                      for piece in q["pieces"]]  # type: ignore[attr-defined]
            links[aid] = pronoun_links(text, bounds, find_mentions(text, table), table, quoted)
    rows = []
    for rec in labels.to_dict("records"):
        aid = str(rec["article_id"])
        text = texts.get(aid, "")
        s0 = text.find(str(rec["text"]))
        out = {**rec, "found": False, "baseline": np.nan, "clause": np.nan}
        if s0 >= 0:
            s1 = s0 + len(str(rec["text"]))
            sentence = text[s0:s1]
            q_all = _quote_rows(by_article.get(aid), aid, table)
            stances = []
            found = sorted([*find_mentions(sentence, table),
                            *[(a - s0, b - s0, actor) for a, b, actor in links.get(aid, [])
                              if s0 <= a and b <= s1]])
            for m0, m1, actor in found:
                if actor != rec["actor"]:
                    continue
                own = _own_spans(q_all, actor, (s0 + m0, s0 + m1), s0, s1, text=text)
                if any(q0 <= s0 + m0 < q1 for q0, q1 in own):
                    continue
                others = [(o0, o1) for o0, o1, _ in found if (o0, o1) != (m0, m1)]
                res = mention_stance(sentence, (m0, m1),
                                     [(q0 - s0, q1 - s0) for q0, q1 in own], others,
                                     negation=negation)
                stances.append(res["stance"])
            out["found"] = bool(stances) or any(a == rec["actor"] for *_, a in
                                                find_mentions(sentence, table))
            out["baseline"] = score_text(sentence)["compound"]
            out["clause"] = float(np.mean(stances)) if stances else 0.0
        rows.append(out)
    result = pd.DataFrame(rows)
    result["baseline_label"] = [label_compound(c) for c in result["baseline"]]
    result["clause_label"] = [label_compound(c) for c in result["clause"]]
    return result
