"""Emphasis: who the headline and lede put first, and who comes last.

News is written as an inverted pyramid: the headline and the first sentences (the lede)
carry what the writer thinks matters most, and readers often stop there. So the actors
named in the lede, and how soon each actor first appears, show whose story it is; the
last sentences show who is left for the reader who gets to the end.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analysis.framing._common import body_sentences

LEDE_SENTENCES = 3
EMPHASIS_COLUMNS = ["article_id", "outlet", "actor", "in_headline", "in_lede", "first_sentence",
                    "first_position", "in_closing", "n_mentions", "n_body_sentences"]


def _headlines(corpus: pd.DataFrame, heads: pd.DataFrame) -> dict[str, str]:
    """The headline per article: headline sentences of the text, else the manifest's."""
    lines = heads.groupby("article_id", sort=False)["text"].agg(list).to_dict()
    manifest = corpus["headline"] if "headline" in corpus else [None] * len(corpus)
    out = {}
    for aid, value in zip(corpus["article_id"].astype(str), manifest, strict=False):
        if lines.get(aid):
            out[aid] = " ".join(lines[aid])
        elif isinstance(value, str) and value.strip():
            out[aid] = value.strip()
        else:
            out[aid] = ""
    return out


def _headlines_and_bodies(corpus: pd.DataFrame, sentences: pd.DataFrame | None
                          ) -> tuple[dict[str, str], dict[str, list[str]]]:
    """Per article: its headline (:func:`_headlines`) and its body sentences in text order."""
    sentences = body_sentences(corpus, kinds=("headline", "body"), sentences=sentences)
    headlines = _headlines(corpus, sentences[sentences["kind"] == "headline"])
    body = sentences[sentences["kind"] == "body"].sort_values(["article_id", "sentence_id"],
                                                             kind="stable")
    return headlines, body.groupby("article_id", sort=False)["text"].agg(list).to_dict()


def lede_text(corpus: pd.DataFrame, n_lede: int = LEDE_SENTENCES,
              sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article: headline, the lede (first ``n_lede`` body sentences), the last sentence.

    Columns: article_id, outlet, headline, lede, closing, n_body_sentences, note (why a
    part is missing: no headline in the text or manifest, no body sentences).
    ``sentences`` (``split_sentences`` output) is computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "headline": [""],
    ...     "text": ["Police came. Crowds left. Rain fell. Then it was over."]})
    >>> lede_text(c)[["lede", "closing"]].values.tolist()
    [['Police came. Crowds left. Rain fell.', 'Then it was over.']]
    """
    headlines, bodies = _headlines_and_bodies(corpus, sentences)
    rows = []
    ids = corpus["article_id"].astype(str)
    for aid, outlet in zip(ids, corpus["outlet"].fillna("unknown"), strict=False):
        b = bodies.get(aid, [])
        notes = []
        if not headlines[aid]:
            notes.append("no headline in the text or manifest")
        if len(b) == 0:
            notes.append("no body sentences")
        rows.append({
            "article_id": aid, "outlet": outlet, "headline": headlines[aid] or np.nan,
            "lede": " ".join(b[:n_lede]) if b else np.nan,
            "closing": b[-1] if b else np.nan,
            "n_body_sentences": len(b), "note": "; ".join(notes),
        })
    return pd.DataFrame(rows, columns=["article_id", "outlet", "headline", "lede", "closing",
                                       "n_body_sentences", "note"])


def lede_emphasis(corpus: pd.DataFrame, actors: pd.DataFrame | str,
                  n_lede: int = LEDE_SENTENCES, n_closing: int = LEDE_SENTENCES,
                  sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article × actor the article names: where the actor first appears.

    Columns: article_id, outlet, actor, in_headline, in_lede (first ``n_lede`` body
    sentences), first_sentence (1 = the first body sentence; NaN if only in the
    headline), first_position (that sentence's place in the body, 0 = start, 1 = end),
    in_closing (named in the last ``n_closing`` body sentences), n_mentions (body),
    n_body_sentences. Sorted by article, then by first appearance. ``sentences``
    (``split_sentences`` output) is computed when not given.

    >>> from analysis.actors import load_actors
    >>> acts = load_actors("seeds/actors.csv")
    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "headline": ["Met boss speaks"],
    ...     "text": ["Met boss speaks\\nSadiq Khan spoke. Mr Falter replied. Later. Khan left."]})
    >>> lede_emphasis(c, acts)[["actor", "in_headline", "first_sentence"]].values.tolist()
    [['Sir Mark Rowley', True, nan], ['Sadiq Khan', False, 1.0], ['Gideon Falter', False, 2.0]]
    """
    from analysis.actors import find_mentions, load_actors

    table = load_actors(actors) if isinstance(actors, str) else actors
    headlines, bodies = _headlines_and_bodies(corpus, sentences)
    rows = []
    ids = corpus["article_id"].astype(str)
    for aid, outlet in zip(ids, corpus["outlet"].fillna("unknown"), strict=False):
        b = bodies.get(aid, [])
        n = len(b)
        in_head = {a for _, _, a in find_mentions(headlines[aid], table)}
        first: dict[str, int] = {}
        count: dict[str, int] = {}
        closing: set[str] = set()
        for rank, text in enumerate(b):
            for _, _, actor in find_mentions(text, table):
                first.setdefault(actor, rank)
                count[actor] = count.get(actor, 0) + 1
                if rank >= n - n_closing:
                    closing.add(actor)
        for actor in sorted(set(first) | in_head):
            rank = first.get(actor)
            rows.append({
                "article_id": aid, "outlet": outlet, "actor": actor,
                "in_headline": actor in in_head,
                "in_lede": rank is not None and rank < n_lede,
                "first_sentence": float(rank + 1) if rank is not None else np.nan,
                "first_position": (rank / (n - 1) if n > 1 else 0.0) if rank is not None
                else np.nan,
                "in_closing": actor in closing, "n_mentions": count.get(actor, 0),
                "n_body_sentences": n,
            })
    out = pd.DataFrame(rows, columns=EMPHASIS_COLUMNS)
    if len(out):
        out["_order"] = out["first_sentence"].fillna(0)
        out = out.sort_values(["article_id", "_order", "actor"], kind="stable").drop(
            columns="_order").reset_index(drop=True)
    return out
