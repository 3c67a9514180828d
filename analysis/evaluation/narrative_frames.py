"""Generic frames against the Narrative Frames Corpus, scored on outlets the model never saw.

The corpus (Frermann, Li, Khanehzar & Haffari, ACL 2023; MIT licence) codes climate-change
news articles from many outlets with Semetko & Valkenburg's five generic frames. Its columns
``RE`` (resolution: responsibility and solutions), ``HI``, ``CO``, ``MO``, ``EC`` map to the
workbook's responsibility, human_interest, conflict, morality and economic.

Evaluation is grouped cross-validation over *outlets*: the outlets are dealt into
:data:`N_FOLDS` fixed folds, every learned system (the workbook's frame model and the TF-IDF
baseline) is trained on the other folds' outlets and scores the held-out ones, so each
article is scored by a model that never read its outlet. Everything the frame model learns
(its vocabulary, weights, regularisation and the mix of its two parts) is refitted inside
each training fold, the regularisation by a second cross-validation over that fold's
outlets only. The figure is what a user's new
outlets should expect. The keyword baseline learns nothing.
"""

from __future__ import annotations

import csv
import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.evaluation.metrics import bootstrap, roc_auc
from analysis.framing._common import FRAMES
from analysis.framing.frame_model import outlet_folds

DATA_SET = "narrative-frames"
SOURCE = ("Frermann, Li, Khanehzar & Haffari (2023), Conflicts, Villains, Resolutions: "
          "Towards models of Narrative Media Framing, ACL; github.com/julia-nlp/narrative-frames "
          "(MIT)")
FILE = "articles_dev.tsv"
SPLIT = "dev"
MEASURE = "frames"
#: The sentence cue rules (:func:`analysis.framing.frame_sentences`), scored as the share of
#: an article's body sentences carrying each frame's cue words: the figure notebook 04's
#: outlet table, the briefing's "leading frame" and the lesson's frame shares show.
CUE_MEASURE = "frame cues"
CUE_SYSTEM = "share of body sentences with the frame's cue words (rules, nothing learned)"
#: The corpus's frame columns and the workbook's names for them.
LABELS = {"RE": "responsibility", "HI": "human_interest", "CO": "conflict",
          "MO": "morality", "EC": "economic"}
COLUMNS = ("ID", "source", "mbfc", "date", "text", *LABELS)
N_FOLDS = 5
#: The workbook's system as the results name it.
SYSTEM = "frame model (cue counts and words, learned on other outlets)"

#: The keyword baseline: a few words per frame, written from Semetko & Valkenburg's
#: definitions of the frames (not from the data). An article's score is its count of
#: these words per 100 words.
BASELINE_KEYWORDS: dict[str, tuple[str, ...]] = {
    "conflict": ("disagree", "dispute", "attack", "oppose", "opponents", "fight", "criticism"),
    "human_interest": ("family", "children", "mother", "father", "personal", "life", "lives"),
    "responsibility": ("responsible", "responsibility", "government", "should", "solution",
                       "must", "policy"),
    "morality": ("moral", "morality", "god", "ethical", "religious", "values", "sin"),
    "economic": ("cost", "costs", "money", "economy", "economic", "jobs", "billion"),
}

_TRUE = {"true": True, "1": True, "t": True, "false": False, "0": False, "f": False}


def outlet_key(name: str) -> str:
    """One spelling per outlet: lower case, letters and digits only.

    The corpus writes the same outlet two ways ("The Daily Caller", "thedailycaller").

    >>> outlet_key("The Daily Caller") == outlet_key("thedailycaller")
    True
    """
    return re.sub(r"[^0-9a-z]+", "", str(name).casefold())


def read_articles(path: str | Path) -> pd.DataFrame:
    """The TSV's rows as a table (ID, outlet, published, text and one bool column per frame).

    Raises ``ValueError`` naming the file, row and reason for a missing column, a row
    without text or a frame value that is not True/False.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.tsv"
    >>> head = "\\t".join(COLUMNS)
    >>> row = "\\t".join(["7", "BBC", "center", "2019-01-02", "A row.", *"TFTFF"])
    >>> _ = p.write_text(head + "\\n" + row + "\\n")
    >>> read_articles(p)[["article_id", "outlet", "conflict"]].values.tolist()
    [['7', 'bbc', True]]
    """
    path = Path(path)
    rows = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        for row_no, row in enumerate(reader, start=2):
            text = (row.get("text") or "").strip()
            if not text:
                raise ValueError(f"{path}, line {row_no}: article {row.get('ID')!r} has no text")
            record = {"article_id": str(row["ID"]).strip(), "outlet": outlet_key(row["source"]),
                      "published": (row.get("date") or "").strip(), "text": text}
            for column, frame in LABELS.items():
                value = _TRUE.get(str(row[column]).strip().casefold())
                if value is None:
                    raise ValueError(f"{path}, line {row_no}: {column} is {row[column]!r}, "
                                     "not True/False")
                record[frame] = value
            rows.append(record)
    return pd.DataFrame(rows)


def load_set(data_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The corpus (as ``load_corpus`` reads it, as a user would) and the gold frames.

    Gold columns: article_id, outlet and one bool column per frame. An article
    ``load_corpus`` skips raises :class:`~analysis.errors.CorpusError` (every coded article
    must be scored); its caveats (paragraphs run together, split) are kept as a user's are.
    """
    from analysis import load_corpus, load_report
    from analysis.errors import CorpusError

    articles = read_articles(Path(data_dir) / DATA_SET / FILE)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "articles.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in articles.itertuples(index=False):
                out.write(json.dumps({"article_id": row.article_id, "outlet": row.outlet,
                                      "published": row.published, "text": row.text}) + "\n")
        corpus = load_corpus(path)
        skipped = load_report(corpus).query("action.str.startswith('skipped')")
        if len(skipped):
            first = skipped.iloc[0]
            raise CorpusError(f"article {first['article_id']}: {first['problem']} "
                              f"({len(skipped)} article(s) skipped)",
                              source=str(Path(data_dir) / DATA_SET / FILE))
    gold = articles[["article_id", "outlet", *FRAMES]]
    gold = gold.set_index("article_id").loc[corpus["article_id"].astype(str)].reset_index()
    return corpus, gold


def keyword_scores(corpus: pd.DataFrame) -> pd.DataFrame:
    """The keyword baseline: per article and frame, its keywords per 100 words.

    >>> c = pd.DataFrame({"article_id": ["1"], "text": ["The cost of money."]})
    >>> keyword_scores(c)["economic"].tolist()
    [50.0]
    """
    out = {"article_id": corpus["article_id"].astype(str).tolist()}
    words = [re.findall(r"[a-z']+", t.casefold()) for t in corpus["text"].fillna("")]
    for frame, keys in BASELINE_KEYWORDS.items():
        keyset = set(keys)
        out[frame] = [100 * sum(w in keyset for w in ws) / max(len(ws), 1) for ws in words]
    return pd.DataFrame(out)


def tfidf_scores(train: pd.DataFrame, train_gold: pd.DataFrame,
                 test: pd.DataFrame) -> pd.DataFrame:
    """The TF-IDF + logistic regression baseline, trained on ``train``, scoring ``test``."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = TfidfVectorizer(min_df=2, sublinear_tf=True, lowercase=True)
    x_train = vec.fit_transform(train["text"].fillna(""))
    x_test = vec.transform(test["text"].fillna(""))
    out = {"article_id": test["article_id"].astype(str).tolist()}
    for frame in FRAMES:
        y = train_gold[frame].to_numpy(dtype=bool)
        if y.all() or not y.any():
            out[frame] = [float(y.mean())] * len(test)
            continue
        model = LogisticRegression(C=10.0, class_weight="balanced", max_iter=2000)
        model.fit(x_train, y)
        out[frame] = model.predict_proba(x_test)[:, 1].tolist()
    return pd.DataFrame(out)


def workbook_scores(train: pd.DataFrame, train_gold: pd.DataFrame,
                    test: pd.DataFrame) -> pd.DataFrame:
    """The workbook's frame model, fitted on ``train`` and its gold, scoring ``test``."""
    from analysis.framing.frame_model import article_frame_scores, fit_frame_model

    model = fit_frame_model(train, train_gold)
    scores = article_frame_scores(test, model=model)
    return scores[["article_id", *FRAMES]]


Scorer = Callable[[pd.DataFrame, pd.DataFrame, pd.DataFrame], pd.DataFrame]


def cross_validated(corpus: pd.DataFrame, gold: pd.DataFrame, scorer: Scorer,
                    folds: np.ndarray) -> pd.DataFrame:
    """Out-of-outlet scores: each fold scored by ``scorer`` trained on the other folds."""
    parts = []
    for f in sorted(set(folds.tolist())):
        test = folds == f
        parts.append(scorer(corpus[~test].reset_index(drop=True),
                            gold[~test].reset_index(drop=True),
                            corpus[test].reset_index(drop=True)))
    scores = pd.concat(parts, ignore_index=True).set_index("article_id")
    return scores.loc[corpus["article_id"].astype(str)].reset_index()


def cue_share_scores(corpus: pd.DataFrame) -> pd.DataFrame:
    """The sentence cue rules as article scores: per article and frame, the share of its body
    sentences in which :func:`analysis.framing.frame_sentences` finds the frame (0 for an
    article without body sentences).

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...                   "text": ["Protesters clashed with police. The sun shone."]})
    >>> cue_share_scores(c)["conflict"].tolist()
    [0.5]
    """
    from analysis.framing import article_frames

    shares = article_frames(corpus)  # the shares the outlet tables show, per article
    return shares[["article_id", *FRAMES]].fillna(0.0)


def auc_rows(system: str, role: str, gold: pd.DataFrame, scores: pd.DataFrame,
             note: str, measure: str = MEASURE) -> list[dict]:
    """Per-frame ROC-AUC rows and their macro mean, for one system.

    Each row carries its bootstrap ``draws`` over whole outlets (the figure is about new
    outlets, and one outlet's articles are not independent of each other).
    """
    rows, values, draws = [], [], []
    outlets = gold["outlet"].tolist()
    for frame in FRAMES:
        y = gold[frame].to_numpy(dtype=bool)
        s = scores[frame].to_numpy(dtype=float)
        value = roc_auc(y, s)
        values.append(value)
        draws.append(bootstrap(lambda ix, y=y, s=s: roc_auc(y[ix], s[ix]), outlets))
        rows.append({"metric": f"ROC-AUC ({frame})", "value": value, "draws": draws[-1],
                     "n": len(y), "note": f"{note}; {int(y.sum())} of {len(y)} coded yes; "
                                          "interval: outlets resampled"})
    rows.append({"metric": "macro ROC-AUC", "value": float(np.mean(values)), "n": len(gold),
                 "draws": np.nanmean(np.vstack(draws), axis=0),
                 "note": note + "; interval: outlets resampled"})
    for row in rows:
        row.update({"data_set": DATA_SET, "split": SPLIT, "measure": measure,
                    "system": system, "role": role})
    return rows


def evaluate(data_dir: Path, *, progress: bool = False) -> pd.DataFrame:
    """Frames on the Narrative Frames dev half: the workbook and two baselines, same folds."""
    corpus, gold = load_set(data_dir)
    folds = outlet_folds(gold["outlet"], N_FOLDS)
    n_outlets = gold["outlet"].nunique()
    cv = f"{N_FOLDS}-fold cross-validation over {n_outlets} outlets (trained on other outlets)"
    if progress:
        print(f"{DATA_SET}: {len(corpus)} articles, {n_outlets} outlets")
    keywords = keyword_scores(corpus)
    tfidf = cross_validated(corpus, gold, tfidf_scores, folds)
    keyword_note = "a few words per frame from the frame definitions; nothing learned"
    rows = auc_rows(SYSTEM, "workbook", gold,
                    cross_validated(corpus, gold, workbook_scores, folds), cv)
    rows += auc_rows("five keyword lists", "baseline", gold, keywords, keyword_note)
    rows += auc_rows("TF-IDF + logistic regression", "baseline", gold, tfidf, cv)
    # the sentence cue rules, which other pages show as shares of sentences, beside the
    # same baselines
    rows += auc_rows(CUE_SYSTEM, "workbook", gold, cue_share_scores(corpus),
                     "rules written for this project, not fitted to this set", CUE_MEASURE)
    rows += auc_rows("five keyword lists", "baseline", gold, keywords, keyword_note,
                     CUE_MEASURE)
    rows += auc_rows("TF-IDF + logistic regression", "baseline", gold, tfidf, cv,
                     CUE_MEASURE)
    return pd.DataFrame(rows)


def rebuild_frame_model(data_dir: str | Path, out: str | Path | None = None) -> Path:
    """Re-learn the shipped frame model (``analysis/data/framing_frame_model.csv``) from the
    Narrative Frames dev half under ``data_dir`` and write it (to ``out`` when given)."""
    from analysis.framing.frame_model import DATA_DIR, MODEL_FILE, fit_frame_model

    corpus, gold = load_set(data_dir)
    model = fit_frame_model(corpus, gold)
    path = Path(out) if out else DATA_DIR / MODEL_FILE
    model.to_frame().to_csv(path, index=False)
    chosen = {k: v for k, v in model.settings.items() if not k.startswith("cv_auc_")}
    cv = {k[7:]: round(v, 3) for k, v in model.settings.items() if k.startswith("cv_auc_")}
    print(f"chosen by cross-validation over outlets: {chosen}")
    print(f"its cross-validated ROC-AUC per frame: {cv}")
    return path


def main(argv: list[str] | None = None) -> int:
    """``python -m analysis.evaluation.narrative_frames --data DEV_DATA``: rebuild the
    shipped frame model from the development data (``make evaluate`` scores it)."""
    import argparse

    parser = argparse.ArgumentParser(prog="python -m analysis.evaluation.narrative_frames",
                                     description="Rebuild the frame model's weights.")
    parser.add_argument("--data", required=True, help="the development data folder")
    parser.add_argument("--out", default=None, help="where to write the weights CSV")
    args = parser.parse_args(argv)
    print(f"wrote {rebuild_frame_model(args.data, args.out)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
