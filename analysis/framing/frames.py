"""Generic news frames (Semetko & Valkenburg 2000), marked sentence by sentence.

Semetko and Valkenburg coded whole stories with twenty yes/no questions, four or five per
frame (conflict, human interest, attribution of responsibility, morality, economic
consequences). Here each question becomes an indicator: a list of cue words, sometimes
with a second list that must appear in the same sentence. The rules are in
``analysis/data/framing_frame_indicators.csv``, one row per indicator, each naming the
question it stands for; edit that file to change them.

These sentence cues explain; the article-level figure that was measured against human
coders is the learned score of :mod:`analysis.framing.frame_model`, which
:func:`article_frames` adds as ``<frame>_score`` columns.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import compress

import numpy as np
import pandas as pd

from analysis.framing._common import (
    FRAMES,
    TermIndex,
    TermMatcher,
    body_columns,
    data_rows,
    spans_by_voice,
    split_terms,
)

INDICATORS_FILE = "framing_frame_indicators.csv"
SENTENCE_FRAME_COLUMNS = ["article_id", "sentence_id", *FRAMES]
#: The learned model's per-article scores (0–1), added by :func:`article_frames`.
SCORE_COLUMNS = [f"{f}_score" for f in FRAMES]


def load_frame_indicators(path: str | None = None) -> pd.DataFrame:
    """The indicator rules: frame, question, indicator, terms, with_terms.

    >>> ind = load_frame_indicators()
    >>> sorted(ind.frame.unique()) == sorted(FRAMES)
    True
    """
    if path is None:
        frame = pd.DataFrame(data_rows(INDICATORS_FILE))
    else:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    for col in ("frame", "terms"):
        if col not in frame.columns:
            raise ValueError(f"frame indicators need a '{col}' column")
    for col in ("question", "indicator", "with_terms"):
        if col not in frame.columns:
            frame[col] = ""
    frame = frame.fillna("")
    unknown = set(frame["frame"]) - set(FRAMES)
    if unknown:
        raise ValueError(f"unknown frame(s) {sorted(unknown)}; use {list(FRAMES)}")
    return frame[["frame", "question", "indicator", "terms", "with_terms"]]


class FrameRules:
    """Compiled indicator rules; :meth:`cues` lists the cues a sentence carries per frame.

    All the rules' word lists are looked up together in one pass over a sentence
    (:class:`~analysis.framing._common.TermIndex`); each rule still matches exactly as its
    own :class:`~analysis.framing._common.TermMatcher` would.
    """

    def __init__(self, indicators: pd.DataFrame | None = None) -> None:
        ind = load_frame_indicators() if indicators is None else indicators
        self.rules = []
        for row in ind.itertuples(index=False):
            # First-person pronouns are case-sensitive ("I", not the letter i in a list).
            terms = split_terms(row.terms)
            self.rules.append((row.frame, row.indicator, TermMatcher.build(terms),
                               TermMatcher.build(split_terms(row.with_terms))))
        matchers = [m for _frame, _indicator, main, extra in self.rules for m in (main, extra)]
        self.index = TermIndex(matchers)
        # per rule: its frame, and whether a second list must match too
        self._plan = [(frame, extra.pattern is not None)
                      for frame, _indicator, _main, extra in self.rules]

    def cues(self, text: str) -> dict[str, list[str]]:
        """Matched cue words per frame (empty lists for frames not carried).

        >>> FrameRules().cues("Campaigners accused the police of failing Jews.")["conflict"]
        ['accused']
        """
        found: dict[str, list[str]] = {f: [] for f in FRAMES}
        groups = self.index.find(text)
        plan = self._plan
        # only the rules whose own list matched, in rule order (picked out in C)
        for r in compress(range(len(plan)), groups[0::2]):
            frame, needs_extra = plan[r]
            hits = groups[2 * r]
            if needs_extra:
                extra = groups[2 * r + 1]
                if not extra:
                    continue
                hits = hits + extra
            words = found[frame]
            for s, e, _ in hits:
                word = text[s:e]
                if word == "i":  # the pronoun is always a capital I
                    continue
                if word not in words:
                    words.append(word)
        return found


@lru_cache(maxsize=1)
def _default_rules() -> FrameRules:
    return FrameRules()


def frame_sentences(corpus: pd.DataFrame, indicators: pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None,
                    sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per body sentence, a True/False column per frame, and the cues that fired.

    Columns: article_id, sentence_id, conflict, human_interest, responsibility, morality,
    economic, then outlet, text, in_quote (the sentence is mostly a source's quoted words)
    and cues ("conflict: accused; responsibility: apologised").

    ``quotes`` (``attribution.extract_quotes`` output) and ``sentences``
    (``split_sentences`` output) are computed when not given; pass them to reuse tables a
    pipeline already made. The result is the same either way.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Police were accused of failing. The cost to taxpayers rose."]})
    >>> fs = frame_sentences(c)
    >>> fs[["conflict", "economic"]].values.tolist()
    [[True, False], [False, True]]
    """
    from analysis.attribution import in_spans

    rules = _default_rules() if indicators is None else FrameRules(indicators)
    body = body_columns(corpus, sentences=sentences)
    columns = [*SENTENCE_FRAME_COLUMNS, "outlet", "text", "in_quote", "cues"]
    if len(body["text"]) == 0:
        return pd.DataFrame(columns=columns).astype({f: bool for f in FRAMES})
    quoted, _ = spans_by_voice(corpus, quotes)
    flags: dict[str, list[bool]] = {f: [] for f in FRAMES}
    in_quote, cues = [], []
    seen: dict[str, dict[str, list[str]]] = {}  # a repeated sentence is read once
    # Per article, its quotation spans with their starts and ends: the spans are sorted and
    # do not overlap (merged), so only those between two bisections can reach a sentence,
    # and in_spans of those few is in_spans of all.
    bounds: dict[str, tuple[list[tuple[int, int]], list[int], list[int]]] = {}
    for aid, text, start, end in zip(body["article_id"], body["text"], body["start"],
                                     body["end"], strict=True):
        found = seen.get(text)
        if found is None:
            found = seen[text] = rules.cues(text)
        for f in FRAMES:
            flags[f].append(bool(found[f]))
        held = bounds.get(aid)
        if held is None:
            spans = quoted.get(aid, [])
            held = bounds[aid] = (spans, [s for s, _ in spans], [e for _, e in spans])
        spans, span_starts, span_ends = held
        first, last = bisect_right(span_ends, start), bisect_left(span_starts, end)
        in_quote.append(first < last and in_spans(spans[first:last], start, end))
        cues.append("; ".join(f"{f}: {', '.join(found[f])}" for f in FRAMES if found[f]))
    return pd.DataFrame({
        "article_id": body["article_id"], "sentence_id": body["sentence_id"], **flags,
        "outlet": body["outlet"], "text": body["text"], "in_quote": in_quote, "cues": cues,
    }, columns=columns)


def article_frames(corpus: pd.DataFrame, indicators: pd.DataFrame | None = None,
                   quotes: pd.DataFrame | None = None,
                   sentences: pd.DataFrame | None = None,
                   frames: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per article: the share (0–1) of its body sentences carrying each frame.

    Columns: article_id, outlet, conflict, human_interest, responsibility, morality,
    economic, n_sentences, then ``<frame>_score`` per frame: the learned model's
    score (0–1) of how likely a human coder would mark the article with that frame
    (:func:`analysis.framing.frame_model.article_frame_scores`; the words behind it come
    from :func:`analysis.framing.frame_model.score_cues`). An article without body
    sentences gets NaN shares and n_sentences 0. Pass ``frames`` (from
    :func:`frame_sentences`) to reuse them, or
    ``quotes`` / ``sentences`` (``extract_quotes`` / ``split_sentences`` output) for
    :func:`frame_sentences` to use. (A :func:`frame_sentences` table passed as
    ``sentences``, as earlier versions took it, is still read as ``frames``.)

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Police were accused of failing. The cost to taxpayers rose."]})
    >>> article_frames(c)[["conflict", "economic", "n_sentences"]].values.tolist()
    [[0.5, 0.5, 2.0]]
    >>> bool(0 < article_frames(c).loc[0, "economic_score"] < 1)
    True
    """
    from analysis.framing.frame_model import article_frame_scores

    if frames is None and sentences is not None and set(FRAMES) <= set(sentences.columns):
        frames, sentences = sentences, None
    fs = (frame_sentences(corpus, indicators, quotes, sentences=sentences) if frames is None
          else frames)
    # each article's rows, found once (not by filtering the whole table per article)
    positions = fs.groupby("article_id", sort=False, dropna=True).indices if len(fs) else {}
    # a yes/no column's share is its count of True over the count of rows, as .mean() gives
    as_bool = {f: fs[f].to_numpy() for f in FRAMES
               if f in fs.columns and fs[f].dtype == bool}
    rows = []
    ids = corpus["article_id"].astype(str)
    for aid, outlet in zip(ids, corpus["outlet"].fillna("unknown"), strict=False):
        at = positions.get(aid)
        n = 0 if at is None else len(at)
        row = {"article_id": aid, "outlet": outlet}
        for f in FRAMES:
            if not n:
                row[f] = np.nan
            elif f in as_bool:
                row[f] = float(np.count_nonzero(as_bool[f][at]) / n)
            else:
                row[f] = float(fs[f].iloc[at].mean())
        row["n_sentences"] = n
        rows.append(row)
    out = pd.DataFrame(rows, columns=["article_id", "outlet", *FRAMES, "n_sentences"])
    if len(out) == 0:
        return out.reindex(columns=[*out.columns, *SCORE_COLUMNS])
    scores = article_frame_scores(corpus, sentences=sentences)
    for f in FRAMES:
        out[f"{f}_score"] = scores[f].to_numpy()
    return out


def outlet_frames(sentences: pd.DataFrame) -> pd.DataFrame:
    """Per outlet, the share of all its body sentences carrying each frame.

    ``sentences`` is the output of :func:`frame_sentences`. Pooling sentences (rather
    than averaging articles) weighs a long article more, as a reader's time would.

    >>> fs = pd.DataFrame({"outlet": ["A", "A", "B"], "conflict": [True, False, True],
    ...     "human_interest": False, "responsibility": False, "morality": False,
    ...     "economic": False, "article_id": ["1", "1", "2"]})
    >>> outlet_frames(fs)["conflict"].tolist()
    [0.5, 1.0]
    """
    if len(sentences) == 0:
        return pd.DataFrame(columns=["outlet", *FRAMES, "n_sentences", "n_articles"])
    grouped = sentences.groupby("outlet", sort=True)
    out = grouped[list(FRAMES)].mean().astype(float)
    out["n_sentences"] = grouped.size()
    out["n_articles"] = grouped["article_id"].nunique()
    return out.reset_index()


def _excerpt(text: str, cue: str, max_chars: int) -> str:
    """``text`` cut to ``max_chars`` around the first place ``cue`` occurs (the start when it
    is absent or already within reach), "…" marking each cut.

    >>> _excerpt("a b c d e f g h i j k l m n o p q r s t u v w x y z cue", "cue", 12)
    '…w x y z cue'
    >>> _excerpt("cue a b c d e f g h i j k", "cue", 12)
    'cue a b c d…'
    """
    if len(text) <= max_chars:
        return text
    at = text.casefold().find(cue.casefold()) if cue else -1
    if at < 0 or at + len(cue) <= max_chars - 1:
        return text[:max_chars - 1] + "…"
    start = at - (max_chars - len(cue)) // 3
    if start + max_chars - 1 >= len(text):
        return "…" + text[len(text) - (max_chars - 1):]
    return "…" + text[start:start + max_chars - 2] + "…"


def frame_examples(sentences: pd.DataFrame, n: int = 2, max_chars: int = 220) -> pd.DataFrame:
    """Up to ``n`` example sentences per frame and outlet, with the cues that fired.

    The examples are the first sentences in text order, so a reader sees the rule at work
    on the story's opening rather than on hand-picked cases. A sentence longer than
    ``max_chars`` is cut around its first cue, so the cue stays in view.

    >>> fs = pd.DataFrame({"outlet": ["A"], "article_id": ["1"], "sentence_id": [0],
    ...     "text": ["Police were accused."], "cues": ["conflict: accused"],
    ...     "conflict": [True], "human_interest": [False], "responsibility": [False],
    ...     "morality": [False], "economic": [False]})
    >>> frame_examples(fs)[["frame", "text"]].values.tolist()
    [['conflict', 'Police were accused.']]
    """
    rows = []
    for f in FRAMES:
        if len(sentences) == 0:
            break
        hits = sentences[sentences[f]].sort_values(["outlet", "article_id", "sentence_id"])
        for outlet, g in hits.groupby("outlet", sort=True):
            for s in g.head(n).itertuples(index=False):
                cue = next((c.split(": ", 1)[1] for c in s.cues.split("; ")
                            if c.startswith(f + ":")), "")
                text = _excerpt(s.text, cue.split(", ")[0], max_chars)
                rows.append({"frame": f, "outlet": outlet, "article_id": s.article_id,
                             "sentence_id": s.sentence_id, "cues": cue, "text": text})
    return pd.DataFrame(rows, columns=["frame", "outlet", "article_id", "sentence_id", "cues",
                                       "text"])


# --- agreement with hand labels --------------------------------------------------------

_NORM = re.compile(r"[^0-9a-z]+")


def _norm(text: str) -> str:
    return _NORM.sub("", str(text).casefold())


def match_labels(sentences: pd.DataFrame, labels: pd.DataFrame) -> pd.DataFrame:
    """Join hand labels (keyed by article_id and sentence text) to computed sentences.

    Sentences are compared with case, spaces and punctuation removed; a label matches a
    sentence with the same text, or one that contains it or is contained in it (the
    labeller's sentence splitter may differ a little from ours). Labels without a match
    are dropped. Returns the sentence rows with ``gold_<frame>`` columns added.

    >>> s = pd.DataFrame({"article_id": ["1"], "sentence_id": [0],
    ...                   "text": ["The row grew.'"], "conflict": [True]})
    >>> g = pd.DataFrame({"article_id": ["1"], "text": ["The row grew."], "conflict": [1]})
    >>> match_labels(s, g)["gold_conflict"].tolist()
    [True]
    """
    label_frames = [f for f in FRAMES if f in labels.columns]
    out = []
    by_article = {str(aid): (g, g["text"].map(_norm).tolist())
                  for aid, g in sentences.groupby("article_id", sort=False)}
    for lab in labels.itertuples(index=False):
        cand, norms = by_article.get(str(lab.article_id), (None, []))
        if cand is None:
            continue
        key = _norm(lab.text)
        if len(key) < 10:
            continue
        hit = next((i for i, t in enumerate(norms) if t == key), None)
        if hit is None:
            hit = next((i for i, t in enumerate(norms)
                        if len(t) >= 10 and (key in t or t in key)), None)
        if hit is None:
            continue
        row = cand.iloc[hit].to_dict()
        for f in label_frames:
            row[f"gold_{f}"] = bool(int(getattr(lab, f)))
        if hasattr(lab, "split"):
            row["split"] = lab.split
        out.append(row)
    frame = pd.DataFrame(out)
    if len(frame):
        frame = frame.drop_duplicates(["article_id", "sentence_id"])
    return frame.reset_index(drop=True)


def cohen_kappa(a: np.ndarray | list, b: np.ndarray | list) -> float:
    """Cohen's kappa of two yes/no codings; NaN when chance agreement is total.

    >>> cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0])
    0.5
    >>> import math; math.isnan(cohen_kappa([0, 0], [0, 0]))
    True
    """
    a = np.asarray(a, dtype=bool)
    b = np.asarray(b, dtype=bool)
    if len(a) == 0:
        return float("nan")
    po = float(np.mean(a == b))
    pa, pb = float(a.mean()), float(b.mean())
    pe = pa * pb + (1 - pa) * (1 - pb)
    if pe >= 1:
        return float("nan")
    return round((po - pe) / (1 - pe), 10)


def frame_agreement(matched: pd.DataFrame) -> pd.DataFrame:
    """Per frame: n, human yes-count, rule yes-count, accuracy, precision, recall, kappa.

    ``matched`` is the output of :func:`match_labels`. Precision is NaN when the rule
    never says yes, recall NaN when the human never does.

    >>> m = pd.DataFrame({"conflict": [True, True, False, False],
    ...                   "gold_conflict": [True, False, False, False]})
    >>> frame_agreement(m).loc[0, ["precision", "recall", "kappa"]].tolist()
    [0.5, 1.0, 0.5]
    """
    rows = []
    for f in FRAMES:
        if f"gold_{f}" not in matched.columns:
            continue
        pred = matched[f].astype(bool).to_numpy()
        gold = matched[f"gold_{f}"].astype(bool).to_numpy()
        tp = int((pred & gold).sum())
        rows.append({
            "frame": f, "n": len(gold), "human_yes": int(gold.sum()), "rule_yes": int(pred.sum()),
            "accuracy": float((pred == gold).mean()) if len(gold) else np.nan,
            "precision": tp / pred.sum() if pred.sum() else np.nan,
            "recall": tp / gold.sum() if gold.sum() else np.nan,
            "kappa": cohen_kappa(pred, gold),
        })
    return pd.DataFrame(rows, columns=["frame", "n", "human_yes", "rule_yes", "accuracy",
                                       "precision", "recall", "kappa"])
