"""A learned article-level score per generic frame, explained sentence by sentence.

The rule cues of :mod:`analysis.framing.frames` mark sentences; this model scores how likely
a human coder would say an article uses each of Semetko & Valkenburg's five generic frames.
It reads two kinds of evidence, both counted sentence by sentence:

* **cue lists** written from Semetko & Valkenburg's coding questions and from the style of
  news writing (``analysis/data/framing_frame_cues.csv``: disagreement, reproach, family,
  feelings, solutions and their means, problems, obligation, moral words, money, reported
  speech, research, news about the news...; a list with ``with_terms`` counts only in a
  sentence that also holds one of them), plus a
  few patterns (quotation marks, money amounts, percentages, ages) and the article's length.
  Each is read as log(1 + its matches in the article) (:func:`model_measures`): the first
  matches count most, and the article's length is a measure of its own;
* **words**: the article's words (TF-IDF, sub-linear term frequency), limited to words used
  by at least :data:`MIN_OUTLETS` different outlets of the training data, never a topic word
  of ``analysis/data/framing_topic_words.csv`` (the training corpus is about climate change)
  and never a name (a word written with a capital in at least :data:`NAME_SHARE` of its
  training occurrences).

Per frame, one logistic regression is fitted on the cue measures (standardised) and one on the
words; their regularisation is chosen by grouped cross-validation over the training
*outlets* (:data:`CUE_C_GRID`, :data:`WORD_C_GRID`). The two scores, each divided by the
spread of its cross-validated scores, are mixed with the words' share
(:data:`WORD_SHARE_GRID`) that the same cross-validation ranks best over the five frames,
and put through the logistic. Both
models weigh the articles coded yes and no as if they were equally common, so a score is
not a calibrated probability: above 0.5 the evidence leans towards a coder marking the
frame, and scores rank articles. Everything is linear, so the result folds into one weight
per word and per cue: the score is a sum over sentences, and :func:`score_cues` lists what
each sentence added.

The weights ship as a readable table, ``analysis/data/framing_frame_model.csv`` (kind, word,
idf, then one weight column per frame; the first row holds the intercepts), learned from the
Narrative Frames Corpus (Frermann et al. 2023, MIT licence) and rebuilt by
``python -m analysis.framing.frame_model --data DEV_DATA`` (:func:`build`). Other designs of
the cue lists are compared inside :func:`cue_lists` (see
:mod:`analysis.evaluation.frame_designs`).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.framing._common import (
    FRAMES,
    TermIndex,
    TermMatcher,
    body_columns,
    data_rows,
    split_terms,
)

MODEL_FILE = "framing_frame_model.csv"
TOPIC_FILE = "framing_topic_words.csv"
CUES_FILE = "framing_frame_cues.csv"
MIN_OUTLETS = 3
NAME_SHARE = 0.9
#: Regularisation strengths tried for the word model and the cue model (inverse of the
#: penalty); the one with the best cross-validated ROC-AUC over the training outlets wins.
WORD_C_GRID = (1.0, 3.0, 10.0, 30.0)
CUE_C_GRID = (0.01, 0.03, 0.1, 0.3)
#: Shares of the word model in the score (the cue model has the rest), each model's
#: score first divided by the spread of its cross-validated scores; the share with the best
#: cross-validated ROC-AUC over the training outlets wins (ties: the even mix). Both models
#: always take part, so every sentence's cues and words can be shown.
WORD_SHARE_GRID = (0.25, 0.5, 0.75)
#: Used when there are too few outlets to choose by cross-validation.
DEFAULT_WORD_C = 10.0
DEFAULT_CUE_C = 0.03
DEFAULT_WORD_SHARE = 0.5
INNER_FOLDS = 4
TOKEN = re.compile(r"[a-z][a-z'-]+")
INTERCEPT = "(intercept)"
DATA_DIR = Path(__file__).resolve().parents[1] / "data"
#: Patterns counted besides the cue lists (name: what a match is).
PATTERNS: dict[str, re.Pattern[str]] = {
    "quotation_marks": re.compile(r"[\"“”]"),
    "money_amounts": re.compile(r"[$£€]\s?\d[\d,.]*(?:\s?(?:million|billion|trillion|m|bn)\b)?"
                                r"|\b\d[\d,.]*\s?(?:million|billion|trillion)?\s?"
                                r"(?:dollars|pounds|euros)\b", re.IGNORECASE),
    "percentages": re.compile(r"\b\d[\d,.]*\s?(?:%|percent\b|per cent\b)", re.IGNORECASE),
    "numbers": re.compile(r"\b\d[\d,.]*\b"),
    "questions": re.compile(r"\?"),
    "ages": re.compile(r"\b\d{1,3}-year-old\b"),
}
#: Whole-article measures (not attributable to one sentence).
SHAPE = ("log_words", "log_sentence_length")


@dataclass(frozen=True)
class FrameModel:
    """Vocabulary, idf, one weight vector per frame for words and for measures, intercepts.

    ``features`` names the article measures (``cue:<name>``, ``pattern:<name>``,
    ``shape:<name>``); ``feature_weights[frame]`` weighs their values as
    :func:`model_measures` gives them (log(1 + matches), or the shape
    measures), so a score is ``intercept + words · weights + measures · feature_weights``
    through the logistic.
    """

    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: dict[str, np.ndarray]
    intercepts: dict[str, float]
    features: tuple[str, ...] = ()
    feature_weights: dict[str, np.ndarray] = field(default_factory=dict)
    #: how the model was chosen: regularisation of the word and cue models, the words'
    #: share, and ``cv_auc_<frame>``, the chosen model's ROC-AUC cross-validated over the
    #: training outlets
    settings: dict[str, float] = field(default_factory=dict)
    #: each measure's standard deviation over the training articles (to read its weight)
    spreads: tuple[float, ...] = ()

    def to_frame(self) -> pd.DataFrame:
        """The model as the readable table it ships as: kind, word, idf, spread, then one
        weight per frame.

        The first row, word ``(intercept)``, holds each frame's intercept; rows of kind
        ``measure`` weigh the article measures (``spread``: the measure's standard deviation
        over the training articles), rows of kind ``word`` the words.
        """
        words = sorted(self.vocabulary, key=self.vocabulary.get)
        n_f = len(self.features)
        out = pd.DataFrame({"kind": ["intercept", *["measure"] * n_f, *["word"] * len(words)],
                            "word": [INTERCEPT, *self.features, *words],
                            "idf": np.round([0.0, *[0.0] * n_f, *self.idf], 6)})
        spreads = list(self.spreads) if len(self.spreads) == n_f else [0.0] * n_f
        out["spread"] = np.round([0.0, *spreads, *[0.0] * len(words)], 6)
        for f in FRAMES:
            fw = self.feature_weights.get(f, np.zeros(n_f))
            out[f] = np.round([self.intercepts[f], *fw, *self.weights[f]], 8)
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


_WORD_COUNT = re.compile(r"[A-Za-z0-9][\w'’-]*")


def frame_cue_lists() -> pd.DataFrame:
    """The cue lists the model counts: cue, frame (or ``style``), about, terms, with_terms.

    ``with_terms`` (empty for most cues) is a second list: the cue's terms then count only
    in a sentence that also holds one of these. Inside :func:`cue_lists`, the lists given
    there.

    >>> cues = frame_cue_lists()
    >>> set(cues["frame"]) <= {*FRAMES, "style"}
    True
    """
    return _CUE_TABLES[-1] if _CUE_TABLES else _shipped_cue_lists()


@lru_cache(maxsize=1)
def _shipped_cue_lists() -> pd.DataFrame:
    return check_cue_lists(pd.DataFrame(data_rows(CUES_FILE)), CUES_FILE)


def check_cue_lists(table: pd.DataFrame, where: str = "cue lists") -> pd.DataFrame:
    """A cue table with its columns checked and ``with_terms`` added where missing.

    >>> t = check_cue_lists(pd.DataFrame({"cue": ["x"], "frame": ["economic"],
    ...                                   "about": [""], "terms": ["tax"]}))
    >>> t["with_terms"].tolist()
    ['']
    """
    table = table.copy()
    missing = [c for c in ("cue", "frame", "terms") if c not in table.columns]
    if missing:
        raise ValueError(f"{where}: missing column(s) {', '.join(missing)}")
    for col in ("about", "with_terms"):
        table[col] = table[col].fillna("") if col in table.columns else ""
    unknown = set(table["frame"]) - {*FRAMES, "style"}
    if unknown:
        raise ValueError(f"{where}: unknown frame(s) {sorted(unknown)}")
    if table["cue"].duplicated().any():
        raise ValueError(f"{where}: a cue is listed twice")
    return table[["cue", "frame", "about", "terms", "with_terms"]].reset_index(drop=True)


_CUE_TABLES: list[pd.DataFrame] = []


@contextmanager
def cue_lists(table: pd.DataFrame) -> Iterator[None]:
    """Inside the block, measures are counted with ``table``'s cue lists instead of the
    shipped ones (to compare designs of the lists; the shipped model reads the shipped
    lists, so fit a model inside the block to use it).

    >>> extra = pd.DataFrame({"cue": ["taxes"], "frame": ["economic"], "terms": ["tax*"]})
    >>> with cue_lists(pd.concat([frame_cue_lists(), extra])):
    ...     measure_names()[len(frame_cue_lists()) - 1]
    'cue:taxes'
    >>> "cue:taxes" in measure_names()
    False
    """
    _CUE_TABLES.append(check_cue_lists(table))
    _cue_index.cache_clear()
    try:
        yield
    finally:
        _CUE_TABLES.pop()
        _cue_index.cache_clear()


@lru_cache(maxsize=1)
def _cue_index() -> tuple[tuple[str, ...], TermIndex, tuple[tuple[int, int], ...]]:
    """The cue names, one index of every list, and the pairs (cue, its ``with_terms`` list).

    The index's first groups are the cues' own lists in order; after them come the
    ``with_terms`` lists of the cues that have one, ``pairs`` saying whose each is.
    """
    cues = frame_cue_lists()
    matchers = [TermMatcher.build(split_terms(t)) for t in cues["terms"]]
    pairs = []
    for i, extra in enumerate(cues["with_terms"]):
        if split_terms(extra):
            pairs.append((i, len(matchers)))
            matchers.append(TermMatcher.build(split_terms(extra)))
    return tuple(cues["cue"]), TermIndex(matchers), tuple(pairs)


def measure_names() -> tuple[str, ...]:
    """The article measures in the order the model reads them.

    >>> measure_names()[-2:]
    ('shape:log_words', 'shape:log_sentence_length')
    """
    names_ = _cue_index()[0]
    return (*(f"cue:{c}" for c in names_), *(f"pattern:{p}" for p in PATTERNS),
            *(f"shape:{s}" for s in SHAPE))


def frame_measures(frame: str) -> np.ndarray:
    """Indexes (into :func:`measure_names`) of the measures a frame's cue model reads.

    A frame reads its own cue lists, the ``style`` lists, the patterns and the shape
    measures; never another frame's cues.

    >>> names_ = measure_names()
    >>> used = {names_[i] for i in frame_measures("economic")}
    >>> "cue:money" in used, "cue:family" in used, "cue:attributed_speech" in used
    (True, False, True)
    """
    cues = frame_cue_lists()
    own = {f"cue:{c}" for c, f in zip(cues["cue"], cues["frame"], strict=True)
           if f in (frame, "style")}
    return np.array([i for i, m in enumerate(measure_names())
                     if not m.startswith("cue:") or m in own], dtype=int)


def sentence_hits(text: str) -> list[list[str]]:
    """Per countable measure (cues, then patterns), the matched text in one sentence.

    The first-person pronoun counts only as a capital ``I``. A cue with ``with_terms``
    (such as ``government_acts``) matches only in a sentence that also holds one of them.

    >>> hits = dict(zip(measure_names(), sentence_hits("My family paid $5 million.")))
    >>> hits["cue:family"], hits["cue:first_person"], hits["pattern:money_amounts"]
    (['family'], ['My'], ['$5 million'])
    """
    names_, index, pairs = _cue_index()
    groups = index.find(text)
    for cue, extra in pairs:
        if not groups[extra]:
            groups[cue] = []
    out = []
    for group in groups[:len(names_)]:
        words = [text[s:e] for s, e, _ in group]
        out.append([w for w in words if w != "i"])
    for rx in PATTERNS.values():
        out.append(rx.findall(text))
    return out


def word_count(text: str) -> int:
    """Words of a text as the measures count them (numbers included).

    >>> word_count("It cost $5, they said.")
    5
    """
    return len(_WORD_COUNT.findall(text))


def _counts(sentences: list[str]) -> tuple[np.ndarray, int]:
    """Matches of each countable measure in an article, and its words."""
    # one pass over the article: " | " lets no term or pattern run across two sentences,
    # so the counts are the sums of :func:`sentence_hits` over the sentences
    text = " | ".join(sentences)
    names_, index, pairs = _cue_index()
    groups = index.find(text)
    if pairs:
        starts = list(accumulate((len(s) + 3 for s in sentences[:-1]), initial=0))
        for cue, extra in pairs:  # keep the cue's matches in sentences holding a with-term
            if groups[cue]:
                held = {bisect_right(starts, s) for s, _, _ in groups[extra]}
                groups[cue] = [h for h in groups[cue] if bisect_right(starts, h[0]) in held]
    counts = [len(g) - sum(text[s:e] == "i" for s, e, _ in g) for g in groups[:len(names_)]]
    counts += [len(rx.findall(text)) for rx in PATTERNS.values()]
    return np.array(counts, dtype=float), word_count(text)


def model_measures(sentences: list[str]) -> np.ndarray:
    """An article's measures (see :func:`measure_names`) from its body sentences, as the
    model reads them: each cue and pattern as log(1 + its matches in the article);
    ``log_words`` is log(1 + words) and ``log_sentence_length`` log(1 + words per sentence).

    A coder asks whether a story does something at all ("does it mention costs?"), so the
    first match of a cue counts most and the tenth little; the article's length is a
    measure of its own (``log_words``), so a long article's extra matches are weighed
    against its extra words.

    >>> m = dict(zip(measure_names(), model_measures(["My family paid.", "Families sued."])))
    >>> round(float(m["cue:family"]), 4) == round(math.log(3), 4)
    True
    >>> float(m["cue:courts"]) == math.log(2), round(float(m["shape:log_words"]), 3)
    (True, 1.792)
    """
    counts, n_words = _counts(sentences)
    shape = [math.log1p(n_words), math.log1p(n_words / max(len(sentences), 1))]
    return np.concatenate([np.log1p(counts), shape])


def _auc(y: np.ndarray, s: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(y, s)) if 0 < y.sum() < len(y) else float("nan")


@dataclass
class _Parts:
    """One fit of the two models on some articles: vocabulary, scaler, per-frame weights."""

    vocabulary: dict[str, int]
    idf: np.ndarray
    mean: np.ndarray
    scale: np.ndarray
    word_fits: dict[str, dict[float, tuple[np.ndarray, float]]]
    cue_fits: dict[str, dict[float, tuple[np.ndarray, float]]]


def _vocabulary(docs: list[list[str]], texts: list[str], outlets: list[str],
                ) -> tuple[dict[str, int], np.ndarray]:
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
    idf = np.log((1 + len(docs)) / (1 + df)) + 1
    return vocabulary, idf


def _fit_parts(docs: list[list[str]], texts: list[str], measures: np.ndarray,
               outlets: list[str], gold: dict[str, np.ndarray], word_cs: tuple[float, ...],
               cue_cs: tuple[float, ...]) -> _Parts:
    from sklearn.linear_model import LogisticRegression

    vocabulary, idf = _vocabulary(docs, texts, outlets)
    x = _vectors(docs, vocabulary, idf)
    mean = measures.mean(axis=0)
    scale = measures.std(axis=0)
    scale[scale == 0] = 1.0
    z = (measures - mean) / scale
    word_fits: dict[str, dict[float, tuple[np.ndarray, float]]] = {}
    cue_fits: dict[str, dict[float, tuple[np.ndarray, float]]] = {}
    for f, y in gold.items():
        word_fits[f], cue_fits[f] = {}, {}
        if y.all() or not y.any():
            continue
        for c in word_cs:
            if not vocabulary:  # too few outlets share any word: the words say nothing
                word_fits[f][c] = (np.zeros(0), 0.0)
                continue
            lr = LogisticRegression(C=c, class_weight="balanced", solver="newton-cg",
                                    max_iter=5000).fit(x, y)
            word_fits[f][c] = (lr.coef_[0].copy(), float(lr.intercept_[0]))
        cols = frame_measures(f)
        for c in cue_cs:
            lr = LogisticRegression(C=c, class_weight="balanced", solver="newton-cholesky",
                                    max_iter=5000)
            lr.fit(z[:, cols], y)
            full = np.zeros(z.shape[1])
            full[cols] = lr.coef_[0]
            cue_fits[f][c] = (full, float(lr.intercept_[0]))
    return _Parts(vocabulary, idf, mean, scale, word_fits, cue_fits)


def _decisions(parts: _Parts, docs: list[list[str]], measures: np.ndarray, frame: str,
               word_c: float, cue_c: float) -> tuple[np.ndarray, np.ndarray]:
    n = len(docs)
    dw = dc = np.zeros(n)
    if word_c in parts.word_fits[frame]:
        w, b = parts.word_fits[frame][word_c]
        dw = _vectors(docs, parts.vocabulary, parts.idf) @ w + b
    if cue_c in parts.cue_fits[frame]:
        v, c = parts.cue_fits[frame][cue_c]
        dc = ((measures - parts.mean) / parts.scale) @ v + c
    return dw, dc


def outlet_folds(outlets: pd.Series, n_folds: int) -> np.ndarray:
    """A fold number per row: whole outlets dealt, largest first, to the smallest fold, so
    a model is always scored on outlets it was not fitted on.

    Deterministic (ties broken by outlet name), so every run uses the same folds.

    >>> outlet_folds(pd.Series(["a", "a", "b", "c", "c", "c"]), 2).tolist()
    [1, 1, 1, 0, 0, 0]
    """
    counts = outlets.value_counts()
    order = sorted(counts.index, key=lambda o: (-counts[o], o))
    sizes = [0] * n_folds
    fold_of = {}
    for outlet in order:
        f = min(range(n_folds), key=lambda i: (sizes[i], i))
        fold_of[outlet] = f
        sizes[f] += counts[outlet]
    return outlets.map(fold_of).to_numpy()


def fit_frame_model(corpus: pd.DataFrame, gold: pd.DataFrame,
                    sentences: pd.DataFrame | None = None) -> FrameModel:
    """Learn the model from a corpus and its gold frames (bool columns named by frame).

    ``gold`` rows follow ``corpus`` rows. Outlets come from the corpus's ``outlet``; the
    regularisation and the mix of the two models are chosen by cross-validation over
    them (with fewer than three outlets, defaults are used).
    """
    texts, per = article_texts(corpus, sentences)
    ids = corpus["article_id"].astype(str).tolist()
    docs = [tokens(t) for t in texts]
    measures = np.array([model_measures([t for _, t in per[a]]) for a in ids])
    outlets = corpus["outlet"].fillna("unknown").astype(str).tolist()
    y = {f: gold[f].to_numpy(dtype=bool) for f in FRAMES}
    n_outlets = len(set(outlets))
    settings: dict[str, float] = {}
    if n_outlets >= 3:
        folds = outlet_folds(pd.Series(outlets), min(INNER_FOLDS, n_outlets))
        oof_w = {f: {c: np.zeros(len(ids)) for c in WORD_C_GRID} for f in FRAMES}
        oof_c = {f: {c: np.zeros(len(ids)) for c in CUE_C_GRID} for f in FRAMES}
        for k in sorted(set(folds.tolist())):
            tr = np.flatnonzero(folds != k)
            te = np.flatnonzero(folds == k)
            parts = _fit_parts([docs[i] for i in tr], [texts[i] for i in tr], measures[tr],
                               [outlets[i] for i in tr], {f: y[f][tr] for f in FRAMES},
                               WORD_C_GRID, CUE_C_GRID)
            x_te = _vectors([docs[i] for i in te], parts.vocabulary, parts.idf)
            z_te = (measures[te] - parts.mean) / parts.scale
            for f in FRAMES:
                for c, (w, b) in parts.word_fits[f].items():
                    oof_w[f][c][te] = x_te @ w + b
                for c, (v, b) in parts.cue_fits[f].items():
                    oof_c[f][c][te] = z_te @ v + b

        def best(oof: dict[str, dict[float, np.ndarray]], grid: tuple[float, ...]) -> float:
            means = [np.nanmean([_auc(y[f], oof[f][c]) for f in FRAMES]) for c in grid]
            return grid[int(np.nanargmax(means))]

        word_c, cue_c = best(oof_w, WORD_C_GRID), best(oof_c, CUE_C_GRID)
        spreads = {f: _spreads(oof_w[f][word_c], oof_c[f][cue_c]) for f in FRAMES}

        def mixed_auc(share: float) -> float:
            values = [_auc(y[f], _mixed(oof_w[f][word_c], oof_c[f][cue_c], spreads[f], share))
                      for f in FRAMES]
            return -1.0 if np.isnan(values).all() else float(np.nanmean(values))

        word_share = _best_share({share: mixed_auc(share) for share in WORD_SHARE_GRID})
        for f in FRAMES:  # the chosen model's cross-validated figure, to report
            settings[f"cv_auc_{f}"] = _auc(
                y[f], _mixed(oof_w[f][word_c], oof_c[f][cue_c], spreads[f], word_share))
    else:
        word_c, cue_c, word_share = DEFAULT_WORD_C, DEFAULT_CUE_C, DEFAULT_WORD_SHARE
        spreads = {}
    settings.update({"word_C": word_c, "cue_C": cue_c, "word_share": word_share})
    parts = _fit_parts(docs, texts, measures, outlets, y, (word_c,), (cue_c,))
    weights, feature_weights, intercepts = {}, {}, {}
    for f in FRAMES:
        n_vocab, n_meas = len(parts.vocabulary), measures.shape[1]
        if word_c not in parts.word_fits[f]:
            rate = float(y[f].mean())
            weights[f], feature_weights[f] = np.zeros(n_vocab), np.zeros(n_meas)
            intercepts[f] = float(np.log((rate + 1e-3) / (1 - rate + 1e-3)))
            continue
        w, bw = parts.word_fits[f][word_c]
        v, bc = parts.cue_fits[f][cue_c]
        a, b = spreads.get(f, (0.0, 0.0))
        if not (a and b):  # a cross-validated score never varied: use the fitted spread
            fitted = _spreads(*_decisions(parts, docs, measures, f, word_c, cue_c))
            a, b = a or fitted[0], b or fitted[1]
        # the even mix (share 0.5) adds the two scaled scores
        a, b = 2 * word_share * a, 2 * (1 - word_share) * b
        # logit = a * (x·w + bw) + b * (((m - mean) / scale)·v + bc)
        weights[f] = a * w
        feature_weights[f] = b * v / parts.scale
        intercepts[f] = float(a * bw + b * (bc - float((parts.mean / parts.scale) @ v)))
    return FrameModel(parts.vocabulary, parts.idf, weights, intercepts, measure_names(),
                      feature_weights, settings, tuple(float(x) for x in parts.scale))


def _spreads(dw: np.ndarray, dc: np.ndarray) -> tuple[float, float]:
    """One over the spread of each of the two cross-validated scores (0 if it never varied)."""
    a = 1 / dw.std() if dw.std() > 0 else 0.0
    b = 1 / dc.std() if dc.std() > 0 else 0.0
    return a, b


def _best_share(aucs: dict[float, float]) -> float:
    """The words' share with the best cross-validated ROC-AUC; a tie goes to the share
    nearest the even mix.

    >>> _best_share({0.25: 0.7, 0.5: 0.6, 0.75: 0.7})
    0.25
    >>> _best_share({0.25: 0.7, 0.5: 0.7, 0.75: 0.7})
    0.5
    """
    top = max(aucs.values())
    return min((s for s, v in aucs.items() if v == top),
               key=lambda s: (abs(s - DEFAULT_WORD_SHARE), s))


def _mixed(dw: np.ndarray, dc: np.ndarray, spreads: tuple[float, float],
           word_share: float) -> np.ndarray:
    """The combined logit: each score over its spread, the words weighing ``word_share``.

    >>> _mixed(np.array([2.0]), np.array([4.0]), (0.5, 0.25), 0.25).tolist()
    [2.0]
    """
    a, b = spreads
    return 2 * word_share * a * dw + 2 * (1 - word_share) * b * dc


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
    kind = table["kind"] if "kind" in table.columns else pd.Series("word", index=table.index)
    rows = table.iloc[1:][kind.iloc[1:] == "word"]
    meas = table.iloc[1:][kind.iloc[1:] == "measure"]
    features = tuple(meas["word"])
    known = set(measure_names())
    unknown = [m for m in features if m not in known]
    if unknown:
        raise ValueError(f"{where}: unknown measure(s) {', '.join(unknown)}")
    vocabulary = {w: i for i, w in enumerate(rows["word"])}
    idf = rows["idf"].to_numpy(dtype=float)
    weights = {f: rows[f].to_numpy(dtype=float) for f in FRAMES}
    feature_weights = {f: meas[f].to_numpy(dtype=float) for f in FRAMES}
    intercepts = {f: float(table[f].iloc[0]) for f in FRAMES}
    spreads = (tuple(meas["spread"].astype(float)) if "spread" in table.columns else ())
    return FrameModel(vocabulary, idf, weights, intercepts, features, feature_weights,
                      spreads=spreads)


@lru_cache(maxsize=1)
def _shipped() -> FrameModel:
    return read_frame_model()


def _measure_matrix(model: FrameModel, per: dict[str, list[tuple[int, str]]],
                    ids: list[str]) -> np.ndarray:
    """The model's measures per article, in the order of ``model.features``."""
    if not model.features:
        return np.zeros((len(ids), 0))
    at = {m: i for i, m in enumerate(measure_names())}
    cols = [at[m] for m in model.features]
    full = np.zeros((len(ids), len(measure_names())))
    for r, a in enumerate(ids):
        full[r] = model_measures([t for _, t in per[a]])
    return full[:, cols]


def article_frame_scores(corpus: pd.DataFrame, model: FrameModel | None = None,
                         sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per article and frame, the model's score (0–1): above 0.5, a coder would more likely
    mark the frame than not (with both answers weighed as equally common).

    Columns: article_id, outlet, then one column per frame. ``sentences``
    (``split_sentences`` output) is computed when not given.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Costs rose and the economy shrank, hurting jobs and business."]})
    >>> s = article_frame_scores(c)
    >>> bool(s.loc[0, "economic"] > s.loc[0, "morality"])
    True
    """
    model = _shipped() if model is None else model
    texts, per = article_texts(corpus, sentences)
    ids = corpus["article_id"].astype(str).tolist()
    x = _vectors([tokens(t) for t in texts], model.vocabulary, model.idf)
    m = _measure_matrix(model, per, ids)
    out = {"article_id": ids,
           "outlet": corpus["outlet"].fillna("unknown").tolist() if "outlet" in corpus
           else ["unknown"] * len(corpus)}
    for f in FRAMES:
        z = x @ model.weights[f] + model.intercepts[f]
        if model.features:
            z = z + m @ model.feature_weights[f]
        out[f] = (1 / (1 + np.exp(-z))).tolist()
    return pd.DataFrame(out, columns=["article_id", "outlet", *FRAMES])


def score_cues(corpus: pd.DataFrame, model: FrameModel | None = None,
               sentences: pd.DataFrame | None = None, top: int = 3) -> pd.DataFrame:
    """Per body sentence and frame, what the sentence added to the article's frame score.

    Columns: article_id, sentence_id, frame, push (the sentence's share of the score's
    logit: its words' TF-IDF weights, each word's article total split over its
    occurrences, plus its cue and pattern matches, each the measure's weight × its
    log(1 + matches in the article) split evenly over those matches; above 0 it
    pushes the score up) and cues (up to ``top`` matched words, strongest first). The
    pushes of an article's sentences add up to its logit less the intercept and the
    whole-article length terms. Only rows with a positive push are kept.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...     "text": ["Costs rose and the economy shrank. The sky was blue."]})
    >>> cues = score_cues(c).query("frame == 'economic'")
    >>> cues["cues"].iloc[0].split(", ")[0] in {"costs", "economy"}
    True
    """
    model = _shipped() if model is None else model
    _, per = article_texts(corpus, sentences)
    voc = model.vocabulary
    at = {m: i for i, m in enumerate(measure_names())}
    n_countable = len(measure_names()) - len(SHAPE)
    # per countable measure, its column in the model (or None)
    col = {i: model.features.index(m) for m, i in at.items()
           if i < n_countable and m in model.features}
    rows = []
    for aid, sents in per.items():
        if not sents:
            continue
        sent_words = [tokens(t) for _, t in sents]
        counts = Counter(w for ws in sent_words for w in ws if w in voc)
        vec = {w: (1 + math.log(n)) * model.idf[voc[w]] for w, n in counts.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        sent_hits = [sentence_hits(t) for _, t in sents] if col else [[]] * len(sents)
        # each match's share of its measure's log(1 + matches): the measure's value split
        # evenly over the article's matches, so the sentences' shares add up to it
        per_hit = {}
        for i in col:
            total = sum(len(h[i]) for h in sent_hits)
            per_hit[i] = math.log1p(total) / total if total else 0.0
        for (sid, _), words, hits in zip(sents, sent_words, sent_hits, strict=True):
            own = Counter(w for w in words if w in voc)
            for f in FRAMES:
                contrib: dict[str, float] = {}
                for w, n in own.items():
                    value = vec[w] / norm * model.weights[f][voc[w]] * n / counts[w]
                    contrib[w] = contrib.get(w, 0.0) + value
                for i, j in col.items():
                    weight = model.feature_weights[f][j] * per_hit[i]
                    for hit in hits[i]:
                        key = hit.casefold()
                        contrib[key] = contrib.get(key, 0.0) + weight
                push = sum(contrib.values())
                if push <= 0:
                    continue
                order = sorted((c for c in contrib.items() if c[1] > 0), key=lambda c: -c[1])
                rows.append({"article_id": aid, "sentence_id": sid, "frame": f,
                             "push": round(push, 4),
                             "cues": ", ".join(w for w, _ in order[:top])})
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


def measure_weights(model: FrameModel | None = None) -> pd.DataFrame:
    """The weight of each article measure per frame (to check them by eye).

    A weight is the change in the frame's log-odds when the measure rises by one standard
    deviation of the training articles (where the model knows it; else by one unit of
    the measure's value, log(1 + matches) or the shape measures'), so weights
    of common and rare cues compare; 0 for a measure the frame does not read. Columns:
    measure, then one per frame.

    >>> list(measure_weights().columns)[:2]
    ['measure', 'conflict']
    """
    model = _shipped() if model is None else model
    out = pd.DataFrame({"measure": list(model.features)})
    per = (np.asarray(model.spreads) if len(model.spreads) == len(model.features)
           else np.ones(len(model.features)))
    for f in FRAMES:
        w = model.feature_weights.get(f, np.zeros(len(model.features)))
        out[f] = np.round(w * per, 4)
    return out
