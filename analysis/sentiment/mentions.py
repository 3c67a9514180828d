"""Actor mentions: every mention of an actor in a body sentence, its tone, and the tables
per article and per outlet.

>>> SMALL_N
3
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.actors import find_mentions, load_actors
from analysis.sentiment.pronouns import pronoun_links
from analysis.sentiment.scores import (
    LABELS,
    _positions,
    _sentences,
    label_compound,
    sentence_sentiment,
)
from analysis.sentiment.tone import WINDOW, mention_tone
from analysis.sentiment.voice import _quotes

#: Fewer sentences than this about an actor in one article (or outlet) raise ``small_n``
#: and the verdict "too few to say". Why three: the tone model labels one mention right
#: about two times in three (NewsMTSC devtest_rw accuracy); a majority of three mentions
#: each right with p = 0.65 is right with p = 0.65**3 + 3 * 0.65**2 * 0.35 = 0.72, one or
#: two are no better than one. A figure on fewer is shown with its n but never a finding.
SMALL_N = 3
#: The methods of :func:`actor_sentiment`: the value averaged per sentence.
METHODS = {"tone": "tone", "clause": "stance", "sentence": "sentence_compound"}
TOO_FEW = "too few to say"
_TONE = ("tone", "p_negative", "p_neutral", "p_positive")

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
    baseline), the clause rules' ``stance`` and the target-aware tone
    (:func:`analysis.sentiment.tone.mention_tone`).

    Columns: ``article_id``, ``outlet``, ``sentence_id``, ``actor``, ``start``, ``end``,
    ``sentence_compound``, ``stance``, ``cue``, ``clause``, ``tone``, ``label``,
    ``p_negative``, ``p_neutral``, ``p_positive`` (NaN / None for a mention inside the
    actor's own quotation: its own words are not tone toward it), ``in_own_quote``, ``pronoun``
    (True for a mention the actor table does not list, found by the attribution package's
    resolver, :func:`analysis.attribution.mentions.resolve_mentions`: a pronoun linked to
    the actor or a name form merged with a listed one; only with ``pronouns=True``).
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
    kinds = (dict(zip(corpus["article_id"], corpus["line_kinds"], strict=True))
             if "line_kinds" in corpus.columns else {})
    where = _positions(body["article_id"])
    rows = []
    for aid, text in texts.items():
        if aid not in where:
            continue
        mine = body.iloc[where[aid]]
        q_all = _quote_rows(by_article.get(str(aid)), aid, table)
        linked: set[tuple[int, int, str]] = set()
        mentions = find_mentions(text, table)
        if pronouns:
            linked = set(pronoun_links(text, table, line_kinds=kinds.get(aid)))
            mentions = sorted([*mentions, *linked])
        starts = [m[0] for m in mentions]
        for srow in mine.itertuples(index=False):
            s0, s1 = int(srow.start), int(srow.end)
            here = mentions[bisect_left(starts, s0):bisect_left(starts, s1)]
            here_starts = starts[bisect_left(starts, s0):bisect_left(starts, s1)]
            for m0, m1, actor in here:
                if m1 > s1:
                    continue
                own = _own_spans(q_all, actor, (m0, m1), s0, s1, text=text)
                inside_own = any(q0 <= m0 < q1 for q0, q1 in own)
                # Only names mention_tone can see (it reads WINDOW characters either side):
                # a run-on sentence of a thousand names stays linear.
                near = here[bisect_left(here_starts, m0 - 2 * WINDOW):
                            bisect_left(here_starts, m1 + WINDOW)]
                others = [(o0 - s0, o1 - s0) for o0, o1, _ in near
                          if o1 <= s1 and (o0, o1) != (m0, m1)]
                res = mention_tone(text[s0:s1], (m0 - s0, m1 - s0),
                                   [(q0 - s0, q1 - s0) for q0, q1 in own], others)
                rows.append({
                    "article_id": aid, "outlet": outlets[aid], "sentence_id": srow.sentence_id,
                    "actor": actor, "start": m0, "end": m1,
                    "sentence_compound": srow.compound,
                    "stance": np.nan if inside_own else res["stance"],
                    "cue": res["cue"], "clause": res["clause"],
                    **{k: (np.nan if inside_own else res[k]) for k in _TONE},
                    "label": None if inside_own else res["label"], "in_own_quote": inside_own,
                    "pronoun": (m0, m1, actor) in linked,
                })
    cols = ["article_id", "outlet", "sentence_id", "actor", "start", "end",
            "sentence_compound", "stance", "cue", "clause", *_TONE, "label", "in_own_quote",
            "pronoun"]
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


def _aggregate(mentions: pd.DataFrame, keys: list[str], method: str) -> pd.DataFrame:
    """Per group: sentences, mentions, mean value and shares; ``label`` and ``verdict``.

    A sentence counts once: its value is the mean over the actor's mentions in it. With
    ``method="tone"`` its label is the most probable class of its mean probabilities and the
    group's ``label`` that of the group's mean probabilities; otherwise labels are VADER's
    +-0.05 cut of the value.
    """
    value = METHODS[method]
    sentence_keys = list(dict.fromkeys([*keys, "article_id", "sentence_id"]))
    valid = mentions.dropna(subset=[value])
    probs = ["p_negative", "p_neutral", "p_positive"]
    columns = [value, *probs] if method == "tone" else [value]
    per_sentence = valid.groupby(sentence_keys, sort=False)[columns].mean()
    per_sentence["n_mentions"] = valid.groupby(sentence_keys, sort=False).size()
    per_sentence = per_sentence.reset_index()
    if method == "tone":
        labels = np.array(LABELS)[per_sentence[probs].to_numpy().argmax(axis=1)] if len(
            per_sentence) else np.array([], dtype=object)
    else:
        labels = np.array([label_compound(v) for v in per_sentence[value]], dtype=object)
    per_sentence["is_negative"] = (labels == "negative").astype("float64")
    per_sentence["is_positive"] = (labels == "positive").astype("float64")
    grouped = per_sentence.groupby(keys, sort=False)
    out = pd.DataFrame({"n_sentences": grouped.size(),
                        "mean_compound": grouped[value].mean(),
                        # Shares as group means of 0/1: exact counts over exact counts.
                        "share_negative": grouped["is_negative"].mean(),
                        "share_positive": grouped["is_positive"].mean(),
                        "n_mentions": grouped["n_mentions"].sum()})
    if method == "tone":
        mean_p = grouped[probs].mean()
        out["label"] = (np.array(LABELS)[mean_p.to_numpy().argmax(axis=1)]
                        if len(mean_p) else [])
    else:
        out["label"] = [label_compound(v) for v in out["mean_compound"]]
    out = out.reset_index()
    out["n_sentences"] = out["n_sentences"].astype(int)
    out["n_mentions"] = out["n_mentions"].astype(int)
    out["small_n"] = out["n_sentences"] < SMALL_N
    out["verdict"] = np.where(out["small_n"], TOO_FEW, out["label"].astype(object))
    return out


def actor_sentiment(
    corpus: pd.DataFrame,
    actors: str | Path | pd.DataFrame,
    method: str = "tone",
    sentences: pd.DataFrame | None = None,
    quotes: pd.DataFrame | None = None,
    pronouns: bool = False,
    sentence_scores: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per article and actor: how the article's sentences treat the actor.

    ``method="tone"`` (default) averages each sentence's target-aware tone
    (:func:`analysis.sentiment.tone.mention_tone`: clause rules plus the learned model;
    ``mean_compound`` is then the mean of ``p_positive - p_negative``);
    ``method="clause"`` the clause rules' stance alone
    (:func:`analysis.sentiment.stance.mention_stance`); ``method="sentence"`` is the plain
    baseline, VADER's compound of every body sentence that names the actor. Sentences where
    the actor is named only inside its own quotation do not count for "tone" and "clause".
    Columns: ``article_id``, ``outlet``, ``actor``, ``n_sentences``, ``mean_compound``,
    ``share_negative``, ``share_positive`` (of the sentences, by their label),
    ``n_mentions``, ``label`` (negative / neutral / positive), ``small_n`` (fewer than ``SMALL_N``
    sentences) and ``verdict`` (the label, or "too few to say" when ``small_n``).
    ``pronouns=True`` also counts sentences that refer to the actor by a pronoun or a name
    form the table does not list, resolved as the attribution package resolves speakers
    (:func:`analysis.attribution.mentions.resolve_mentions`).
    ``sentence_scores``: as in :func:`article_sentiment`.

    >>> from analysis import load_corpus
    >>> t = actor_sentiment(load_corpus("seeds"), "seeds/actors.csv")
    >>> list(t.columns[:6])
    ['article_id', 'outlet', 'actor', 'n_sentences', 'mean_compound', 'share_negative']
    """
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(map(repr, METHODS))}")
    mentions = actor_mentions(corpus, actors, sentences, quotes, pronouns=pronouns,
                              sentence_scores=sentence_scores)
    out = _aggregate(mentions, ["article_id", "outlet", "actor"], method)
    return out.sort_values(["article_id", "n_sentences", "actor"],
                           ascending=[True, False, True], kind="stable").reset_index(drop=True)


def outlet_actor_sentiment(
    corpus: pd.DataFrame,
    actors: str | Path | pd.DataFrame,
    method: str = "tone",
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
    if method not in METHODS:
        raise ValueError(f"method must be one of {', '.join(map(repr, METHODS))}")
    mentions = actor_mentions(corpus, actors, sentences, quotes, pronouns=pronouns,
                              sentence_scores=sentence_scores)
    out = _aggregate(mentions, ["outlet", "actor"], method)
    n_art = (mentions.dropna(subset=[METHODS[method]]).groupby(["outlet", "actor"])["article_id"]
             .nunique().rename("n_articles").reset_index())
    out = out.merge(n_art, on=["outlet", "actor"], how="left")
    return out.sort_values(["outlet", "n_sentences", "actor"],
                           ascending=[True, False, True], kind="stable").reset_index(drop=True)


