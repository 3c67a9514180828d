"""Agreement with hand labels: accuracy, Cohen's kappa, macro-F1, and the seed labels of
(sentence, actor) pairs scored with the baseline and the clause method.

>>> agreement(["negative"], ["negative"])["accuracy"]
1.0
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.actors import find_mentions
from analysis.sentiment.mentions import _actor_table, _own_spans, _quote_rows, _quotes_by_article
from analysis.sentiment.pronouns import pronoun_links
from analysis.sentiment.scores import LABELS, label_compound, score_text
from analysis.sentiment.tone import mention_tone
from analysis.sentiment.voice import _quotes


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
    """Score hand-labelled (sentence, actor) pairs with the baseline, the clause rules and
    the target-aware tone. ``labels`` has ``article_id``, ``text`` (a sentence of that
    article's clean text), ``actor``, ``label``. Returns the labels with ``baseline`` (VADER
    compound of the whole sentence), ``clause`` (mean rule stance over the actor's mentions
    in the sentence), ``tone`` (mean ``p_positive - p_negative`` of
    :func:`analysis.sentiment.tone.mention_tone`) and their three-way labels
    ``baseline_label``, ``clause_label`` and ``tone_label`` (the most probable class of the
    mentions' mean probabilities, as ``actor_sentiment`` labels); ``found`` is False when the
    sentence or the mention is not in the corpus. ``negation`` and ``pronouns`` switch the
    method's negation of cues (:func:`mention_stance`) and the mentions the attribution
    package's resolver adds (pronouns, unlisted name forms:
    :func:`analysis.attribution.mentions.resolve_mentions`), to measure what each adds.

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
        kinds = (dict(zip(corpus["article_id"].astype(str), corpus["line_kinds"], strict=True))
                 if "line_kinds" in corpus.columns else {})
        for aid, text in texts.items():
            links[aid] = pronoun_links(text, table, line_kinds=kinds.get(aid))
    rows = []
    quote_rows: dict[str, list[dict[str, object]]] = {}  # per article, read once
    for rec in labels.to_dict("records"):
        aid = str(rec["article_id"])
        text = texts.get(aid, "")
        s0 = text.find(str(rec["text"]))
        out = {**rec, "found": False, "baseline": np.nan, "clause": np.nan, "tone": np.nan,
               "tone_label": None}
        if s0 >= 0:
            s1 = s0 + len(str(rec["text"]))
            sentence = text[s0:s1]
            if aid not in quote_rows:
                quote_rows[aid] = _quote_rows(by_article.get(aid), aid, table)
            q_all = quote_rows[aid]
            stances, tones = [], []
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
                res = mention_tone(sentence, (m0, m1),
                                   [(q0 - s0, q1 - s0) for q0, q1 in own], others,
                                   negation=negation)
                stances.append(res["stance"])
                tones.append([res["p_negative"], res["p_neutral"], res["p_positive"]])
            out["found"] = bool(stances) or any(a == rec["actor"] for *_, a in
                                                find_mentions(sentence, table))
            out["baseline"] = score_text(sentence)["compound"]
            out["clause"] = float(np.mean(stances)) if stances else 0.0
            mean_p = np.mean(tones, axis=0) if tones else np.array([0.0, 1.0, 0.0])
            out["tone"] = float(mean_p[2] - mean_p[0])
            out["tone_label"] = LABELS[int(mean_p.argmax())]
        rows.append(out)
    result = pd.DataFrame(rows)
    result["baseline_label"] = [label_compound(c) for c in result["baseline"]]
    result["clause_label"] = [label_compound(c) for c in result["clause"]]
    return result
