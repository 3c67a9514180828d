"""A learned article-level score per generic frame, explained by the words behind it.

The rule cues of :mod:`analysis.framing.frames` mark sentences; this model weighs an
article's words to score how likely a human coder would say the article uses each of
Semetko & Valkenburg's five generic frames. It is a logistic regression per frame over
the article's words (TF-IDF, sub-linear term frequency), trained on the Narrative Frames
Corpus (Frermann et al. 2023, MIT licence), with two limits that keep it general:

* only words used by at least :data:`MIN_OUTLETS` different outlets of the training data
  become features (no outlet's house style or byline is a cue);
* the topic words in ``analysis/data/framing_topic_words.csv`` (the training corpus is
  about climate change) are never features, so the topic cannot stand in for a frame;
* names are never features: a word written with a capital letter in at least
  :data:`NAME_SHARE` of its training occurrences (people, places, months) is left out.

The learned weights ship as a readable table, ``analysis/data/framing_frame_model.csv``
(word, idf, then one weight column per frame; the first row holds the intercepts), rebuilt by
``python -m analysis.framing.frame_model --data DEV_DATA`` (:func:`build`). Every score is
explained by :func:`score_cues`: the words of a sentence that pushed the score up.
"""

from __future__ import annotations

import argparse
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.framing._common import FRAMES, body_columns, data_rows

MODEL_FILE = "framing_frame_model.csv"
TOPIC_FILE = "framing_topic_words.csv"
MIN_OUTLETS = 3
NAME_SHARE = 0.9
C = 10.0
TOKEN = re.compile(r"[a-z][a-z'-]+")
INTERCEPT = "(intercept)"
DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class FrameModel:
    """Vocabulary, idf and one weight vector and intercept per frame."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: dict[str, np.ndarray]
    intercepts: dict[str, float]

    def to_frame(self) -> pd.DataFrame:
        """The model as the readable table it ships as: word, idf, one weight per frame.

        The first row, word ``(intercept)``, holds each frame's intercept.
        """
        words = sorted(self.vocabulary, key=self.vocabulary.get)
        out = pd.DataFrame({"word": [INTERCEPT, *words],
                            "idf": np.round([0.0, *self.idf], 6)})
        for f in FRAMES:
            out[f] = np.round([self.intercepts[f], *self.weights[f]], 6)
        return out


def tokens(text: str) -> list[str]:
    """Lower-case word tokens as the model reads them.

    >>> tokens("Costs rose: U.S. farmers' anger")
    ['costs', 'rose', 'farmers', 'anger']
    """
    return [t.strip("'-") for t in TOKEN.findall(text.casefold()) if len(t.strip("'-")) > 1]


@lru_cache(maxsize=1)
def topic_words() -> frozenset[str]:
    """Words never used as frame cues (the training corpus's topic).

    >>> "climate" in topic_words()
    True
    """
    return frozenset(r["word"].strip().casefold() for r in data_rows(TOPIC_FILE))


def article_texts(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None,
                  ) -> tuple[list[str], dict[str, list[tuple[int, str]]]]:
    """Per article, the text the model reads and its body sentences (id, text).

    An article none of whose lines was taken for body text (a one-paragraph article the
    cleaner took for a caption) is read from all its sentences rather than left blank.
    """
    from analysis.sentences import split_sentences

    sents = split_sentences(corpus) if sentences is None else sentences
    ids = corpus["article_id"].astype(str)
    with_body = set(sents.loc[sents["kind"] == "body", "article_id"].astype(str))
    use = sents[(sents["kind"] == "body") | ~sents["article_id"].astype(str).isin(with_body)]
    use = use.assign(kind="body")
    body = body_columns(corpus, sentences=use, columns=("article_id", "sentence_id", "text"))
    per: dict[str, list[tuple[int, str]]] = {a: [] for a in ids}
    for aid, sid, text in zip(body["article_id"], body["sentence_id"], body["text"],
                              strict=True):
        per[aid].append((sid, text))
    return [" ".join(t for _, t in per[a]) for a in ids], per


def names(texts: list[str]) -> frozenset[str]:
    """Words written with a capital in at least :data:`NAME_SHARE` of their occurrences.

    A sentence's first word is not counted (its capital says nothing).

    >>> sorted(names(["Pruitt met Trump in June.", "He plays trump cards. The rule."]))
    ['june']
    """
    capital: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        for match in _WORD.finditer(text):
            before = text[:match.start()].rstrip()
            if not before or before[-1] in '.!?"“”:':
                continue
            word = match.group()
            key = word.casefold().strip("'-")
            total[key] += 1
            if word[0].isupper():
                capital[key] += 1
    return frozenset(w for w, n in total.items() if capital[w] / n >= NAME_SHARE)


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")


def _vectors(docs: list[list[str]], vocabulary: dict[str, int], idf: np.ndarray) -> np.ndarray:
    x = np.zeros((len(docs), len(vocabulary)))
    for r, words in enumerate(docs):
        for w, n in Counter(w for w in words if w in vocabulary).items():
            x[r, vocabulary[w]] = (1 + math.log(n)) * idf[vocabulary[w]]
        norm = np.linalg.norm(x[r])
        if norm:
            x[r] /= norm
    return x


def fit_frame_model(corpus: pd.DataFrame, gold: pd.DataFrame,
                    sentences: pd.DataFrame | None = None) -> FrameModel:
    """Learn the model from a corpus and its gold frames (bool columns named by frame).

    ``gold`` rows follow ``corpus`` rows. Outlets come from the corpus's ``outlet``.
    """
    from sklearn.linear_model import LogisticRegression

    texts, _ = article_texts(corpus, sentences)
    docs = [tokens(t) for t in texts]
    outlets = corpus["outlet"].fillna("unknown").astype(str).tolist()
    seen: dict[str, set[str]] = {}
    for words, outlet in zip(docs, outlets, strict=True):
        for w in set(words):
            seen.setdefault(w, set()).add(outlet)
    banned = topic_words() | names(texts)
    words = sorted(w for w, o in seen.items() if len(o) >= MIN_OUTLETS and w not in banned)
    vocabulary = {w: i for i, w in enumerate(words)}
    df = np.zeros(len(words))
    for doc in docs:
        for w in set(doc):
            if w in vocabulary:
                df[vocabulary[w]] += 1
    n = len(docs)
    idf = np.log((1 + n) / (1 + df)) + 1
    x = _vectors(docs, vocabulary, idf)
    weights, intercepts = {}, {}
    for f in FRAMES:
        y = gold[f].to_numpy(dtype=bool)
        if y.all() or not y.any():
            weights[f] = np.zeros(len(words))
            intercepts[f] = float(np.log((y.mean() + 1e-3) / (1 - y.mean() + 1e-3)))
            continue
        model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
        model.fit(x, y)
        weights[f] = model.coef_[0].copy()
        intercepts[f] = float(model.intercept_[0])
    return FrameModel(vocabulary, idf, weights, intercepts)


def read_frame_model(path: str | Path | None = None) -> FrameModel:
    """The shipped model (or one written by :func:`build` at ``path``).

    >>> m = read_frame_model()
    >>> sorted(m.weights) == sorted(FRAMES)
    True
    """
    where = DATA_DIR / MODEL_FILE if path is None else Path(path)
    table = pd.read_csv(where, keep_default_na=False, dtype={"word": str})
    missing = [c for c in ("word", "idf", *FRAMES) if c not in table.columns]
    if missing:
        raise ValueError(f"{where}: the frame model needs column(s) {', '.join(missing)}")
    if table.empty or table["word"].iloc[0] != INTERCEPT:
        raise ValueError(f"{where}: the first row must be the {INTERCEPT} row")
    rows = table.iloc[1:]
    vocabulary = {w: i for i, w in enumerate(rows["word"])}
    idf = rows["idf"].to_numpy(dtype=float)
    weights = {f: rows[f].to_numpy(dtype=float) for f in FRAMES}
    intercepts = {f: float(table[f].iloc[0]) for f in FRAMES}
    return FrameModel(vocabulary, idf, weights, intercepts)


@lru_cache(maxsize=1)
def _shipped() -> FrameModel:
    return read_frame_model()


def article_frame_scores(corpus: pd.DataFrame, model: FrameModel | None = None,
                         sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article, the model's probability (0–1) that a coder would mark each frame.

    Columns: article_id, outlet, then one column per frame. ``sentences``
    (``split_sentences`` output) is computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Costs rose and the economy shrank, hurting jobs and business."]})
    >>> s = article_frame_scores(c)
    >>> bool(s.loc[0, "economic"] > s.loc[0, "morality"])
    True
    """
    model = _shipped() if model is None else model
    texts, _ = article_texts(corpus, sentences)
    x = _vectors([tokens(t) for t in texts], model.vocabulary, model.idf)
    out = {"article_id": corpus["article_id"].astype(str).tolist(),
           "outlet": corpus["outlet"].fillna("unknown").tolist() if "outlet" in corpus
           else ["unknown"] * len(corpus)}
    for f in FRAMES:
        z = x @ model.weights[f] + model.intercepts[f]
        out[f] = (1 / (1 + np.exp(-z))).tolist()
    return pd.DataFrame(out, columns=["article_id", "outlet", *FRAMES])


def score_cues(corpus: pd.DataFrame, model: FrameModel | None = None,
               sentences: pd.DataFrame | None = None, top: int = 3) -> pd.DataFrame:
    """Per body sentence and frame, the words that raised the article's frame score most.

    Columns: article_id, sentence_id, frame, push (the sentence's summed weight × idf of
    its words; above 0 it pushes the score up) and cues (up to ``top`` words, strongest
    first). Only rows with a positive push are kept.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Costs rose and the economy shrank. The sky was blue."]})
    >>> cues = score_cues(c).query("frame == 'economic'")
    >>> cues["cues"].iloc[0].split(", ")[0] in {"costs", "economy"}
    True
    """
    model = _shipped() if model is None else model
    _, per = article_texts(corpus, sentences)
    voc = model.vocabulary
    rows = []
    for aid, sents in per.items():
        for sid, text in sents:
            idx = [voc[w] for w in dict.fromkeys(tokens(text)) if w in voc]
            if not idx:
                continue
            words = [w for w in dict.fromkeys(tokens(text)) if w in voc]
            for f in FRAMES:
                contrib = model.weights[f][idx] * model.idf[idx]
                push = float(contrib.sum())
                if push <= 0:
                    continue
                order = np.argsort(-contrib)[:top]
                cues = [words[i] for i in order if contrib[i] > 0]
                rows.append({"article_id": aid, "sentence_id": sid, "frame": f,
                             "push": round(push, 4), "cues": ", ".join(cues)})
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "frame", "push", "cues"])


def top_cues(model: FrameModel | None = None, n: int = 15) -> pd.DataFrame:
    """The ``n`` words with the largest positive weight per frame (to check them by eye).

    >>> len(top_cues(n=2))
    10
    """
    model = _shipped() if model is None else model
    words = sorted(model.vocabulary, key=model.vocabulary.get)
    rows = []
    for f in FRAMES:
        order = np.argsort(-model.weights[f])[:n]
        for rank, i in enumerate(order, start=1):
            rows.append({"frame": f, "rank": rank, "word": words[i],
                         "weight": round(float(model.weights[f][i]), 3)})
    return pd.DataFrame(rows)


def build(data_dir: str | Path, out: str | Path | None = None) -> Path:
    """Re-learn the shipped model from the Narrative Frames dev half and write it."""
    from analysis.evaluation.narrative_frames import load_set

    corpus, gold = load_set(data_dir)
    model = fit_frame_model(corpus, gold)
    path = Path(out) if out else DATA_DIR / MODEL_FILE
    model.to_frame().to_csv(path, index=False)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis.framing.frame_model",
                                     description="Rebuild the frame model's weights.")
    parser.add_argument("--data", required=True, help="the development data folder")
    parser.add_argument("--out", default=None, help="where to write the weights CSV")
    args = parser.parse_args(argv)
    print(f"wrote {build(args.data, args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def usable_frames(results: pd.DataFrame | None = None) -> list[str]:
    """The frames whose external figure beats every baseline, in the committed results.

    A frame counts when the workbook's "ROC-AUC (<frame>)" beats each baseline's on every
    data set where it was measured; a frame not measured, or below a baseline, is
    experimental and must not carry a headline finding.

    >>> rows = pd.DataFrame({"measure": "frames", "metric": "ROC-AUC (conflict)",
    ...     "data_set": "x", "split": "dev", "system": ["w", "b"],
    ...     "role": ["workbook", "baseline"], "value": [0.8, 0.7], "n": 10})
    >>> usable_frames(rows)
    ['conflict']
    """
    from analysis.evaluation.report import figures

    rows = figures("frames", results)
    out = []
    for f in FRAMES:
        sub = rows[rows["metric"] == f"ROC-AUC ({f})"]
        if sub.empty:
            continue
        ok = True
        for _, group in sub.groupby(["data_set", "split"]):
            own = group.loc[group["role"] == "workbook", "value"]
            base = group.loc[group["role"] == "baseline", "value"]
            if own.empty or base.empty or own.max() <= base.max():
                ok = False
        if ok:
            out.append(f)
    return out
