"""Rebuild the tone model's weights (``data/tone_model.csv``) from NewsMTSC's ``train.jsonl``.

``python -m analysis.sentiment.train --data DIR`` reads ``DIR/newsmtsc/train.jsonl`` (and
nothing else: the devtest files are for scoring only), turns each target into the readable
features of :func:`analysis.sentiment.model.mention_features`, keeps words seen at least
``MIN_COUNT`` times, fits a multinomial logistic regression (scikit-learn, L2, fixed
``C``, class weights balanced so that each class counts the same, as macro-F1 does) and
writes one row per feature with its weight for each class. The fit is deterministic (the
``lbfgs`` solver has no randomness), so a rebuild gives the same file.

>>> MIN_COUNT
3
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.sentiment.model import MODEL_FILE
from analysis.sentiment.scores import LABELS
from analysis.sentiment.tone import tone_features

#: A word feature must occur in at least this many training targets to get a weight.
MIN_COUNT = 3
#: Inverse strength of the L2 penalty: 0.1 and 0.3 were within 0.003 macro-F1 of each other in
#: 5-fold cross-validation on train.jsonl (1.0 was worse); the stronger penalty is kept.
C = 0.1
#: Weights are written with this many decimals.
DECIMALS = 5

_HEADER = (
    "# Weights of the tone model (analysis/sentiment/model.py), one row per feature, one\n"
    "# column per class; the class with the highest sum of weight x feature value wins.\n"
    "# Learned from NewsMTSC train.jsonl (Hamborg & Donnay 2021, MIT licence) by\n"
    "# python -m analysis.sentiment.train; see analysis/data/SOURCES.md.\n"
)


def features_of(targets: pd.DataFrame) -> list[dict[str, float]]:
    """The features of every target of a table from
    :func:`analysis.evaluation.newsmtsc.read_targets`.

    >>> t = pd.DataFrame({"sentence": ["Ann won."], "start": [0], "end": [3], "others": [[]]})
    >>> features_of(t)[0]["near:won"]
    1.0
    """
    return [tone_features(s, (int(a), int(b)), other_mentions=list(o))[1]
            for s, a, b, o in zip(targets["sentence"], targets["start"], targets["end"],
                                  targets["others"], strict=True)]


def fit(features: list[dict[str, float]], labels: list[str], c: float = C,
        min_count: int = MIN_COUNT) -> pd.DataFrame:
    """Weights (feature; negative, neutral, positive) of a logistic regression on the
    features, words seen fewer than ``min_count`` times left out.

    >>> feats = [{"bias": 1.0, "near:good": 1.0}, {"bias": 1.0, "near:bad": 1.0},
    ...          {"bias": 1.0}] * 3
    >>> w = fit(feats, ["positive", "negative", "neutral"] * 3, min_count=1)
    >>> w.set_index("feature").loc["near:good"].idxmax()
    'positive'
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for f in features for name in f)
    keep = [{k: v for k, v in f.items() if ":" not in k or k.split(":", 1)[0] not in
             {"near", "before", "after", "pair"} or counts[k] >= min_count} for f in features]
    vec = DictVectorizer(sparse=True)
    x = vec.fit_transform(keep)
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=3000, fit_intercept=False)
    model.fit(x, labels)
    order = [list(model.classes_).index(label) for label in LABELS]
    coef = model.coef_[order]
    table = pd.DataFrame({"feature": vec.get_feature_names_out()})
    for k, label in enumerate(LABELS):
        table[label] = np.round(coef[k], DECIMALS)
    table = table[(table[list(LABELS)].abs() > 0).any(axis=1)]
    return table.sort_values("feature", kind="stable").reset_index(drop=True)


def train(data_dir: str | Path, out: str | Path | None = None) -> Path:
    """Fit on ``data_dir/newsmtsc/train.jsonl`` and write the weights; returns the path.

    >>> import json, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "newsmtsc").mkdir()
    >>> lines = [{"sentence_normalized": f"{w} Ann.", "targets": [{"from": len(w) + 1,
    ...           "to": len(w) + 4, "polarity": p}]} for w, p in
    ...          [("Praise", 6.0), ("Blame", 2.0), ("Meet", 4.0)] * 3]
    >>> _ = (folder / "newsmtsc" / "train.jsonl").write_text(
    ...     "".join(json.dumps(line) + "\\n" for line in lines))
    >>> path = train(folder, folder / "weights.csv")
    >>> path.read_text().startswith("# Weights of the tone model")
    True
    """
    from analysis.evaluation.newsmtsc import read_targets

    targets = read_targets(Path(data_dir) / "newsmtsc" / "train.jsonl")
    table = fit(features_of(targets), targets["label"].tolist())
    path = Path(out) if out else Path(__file__).resolve().parents[1] / "data" / MODEL_FILE
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(_HEADER)
        table.to_csv(handle, index=False, float_format=f"%.{DECIMALS}f", lineterminator="\n")
    return path


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--data`` (the folder holding ``newsmtsc/``), ``--out`` (a file).

    >>> main(["--data", "no-such-folder"])
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] No such file or directory: 'no-such-folder/newsmtsc/train.jsonl'
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--data", required=True, help="folder holding newsmtsc/train.jsonl")
    parser.add_argument("--out", default=None, help="where to write (default: analysis/data)")
    args = parser.parse_args(argv)
    path = train(args.data, args.out)
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
