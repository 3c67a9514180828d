"""NewsMTSC: the tone of a news sentence toward a named person, labelled by crowd readers.

Hamborg & Donnay (2021) had readers judge, for each person named in a sentence of US news,
whether the sentence is negative, neutral or positive toward that person. Its files are
JSON lines: ``sentence_normalized`` and ``targets[]`` with ``from`` / ``to`` character
offsets of the mention and ``polarity`` (2.0 negative, 4.0 neutral, 6.0 positive).
``devtest_rw`` follows the real-world mix of sentences; ``devtest_mt`` holds sentences
naming at least two people. The workbook's tone score is learned from ``train.jsonl`` only
(:mod:`analysis.sentiment.train`); the two devtest files are only scored.

The workbook's method is scored as a user gets it: :func:`analysis.sentiment.mention_tone`,
the function :func:`analysis.sentiment.actor_mentions` calls for every mention, with the
target as the actor and the sentence's other targets as other actors. Baselines in the same
run: VADER's compound for the whole sentence (positive at >= 0.05, negative at <= -0.05, as
everywhere in the workbook) and answering "neutral" for every target; the clause rules alone
(``method="clause"``) are reported beside them as an alternative.

>>> POLARITY[2.0], POLARITY[6.0]
('negative', 'positive')
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

DATA_SET = "newsmtsc"
SOURCE = ("Hamborg & Donnay (2021), NewsMTSC: (Multi-)Target-dependent Sentiment "
          "Classification in News Articles, EACL; github.com/fhamborg/NewsMTSC (MIT)")
SPLITS = ("devtest_rw", "devtest_mt")
MEASURE = "actor sentiment"
METRIC = "macro-F1"
LABELS = ("negative", "neutral", "positive")
#: The set's polarity codes and the workbook's labels.
POLARITY = {2.0: "negative", 4.0: "neutral", 6.0: "positive"}

__all__ = ["DATA_SET", "SOURCE", "evaluate", "predict", "read_targets"]


def read_targets(path: str | Path) -> pd.DataFrame:
    """One row per target: ``sentence_id``, ``sentence``, ``start``, ``end``, ``mention``,
    ``label`` and ``others`` (the (start, end) of the sentence's other targets).

    A line that is not JSON, a target whose offsets fall outside its sentence or whose
    polarity is not 2, 4 or 6 raises ``ValueError`` naming the file and line.

    >>> import tempfile
    >>> line = {"sentence_normalized": "Ann won.", "targets": [
    ...     {"from": 0, "to": 3, "mention": "Ann", "polarity": 6.0}]}
    >>> with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
    ...     _ = f.write(json.dumps(line) + "\\n")
    >>> read_targets(f.name)[["mention", "label"]].values.tolist()
    [['Ann', 'positive']]
    """
    path = Path(path)
    rows = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                sentence = str(record["sentence_normalized"])
                targets = list(record["targets"])
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise ValueError(
                    f"{path.name} line {number}: not a NewsMTSC record ({exc})") from exc
            spans = []
            for target in targets:
                start, end = int(target["from"]), int(target["to"])
                if not 0 <= start < end <= len(sentence):
                    raise ValueError(f"{path.name} line {number}: target offsets {start}-{end} "
                                     f"outside the sentence ({len(sentence)} characters)")
                polarity = float(target["polarity"])
                if polarity not in POLARITY:
                    raise ValueError(f"{path.name} line {number}: polarity {polarity} is not "
                                     "2.0, 4.0 or 6.0")
                spans.append((start, end, POLARITY[polarity]))
            for start, end, label in spans:
                rows.append({"sentence_id": number, "sentence": sentence, "start": start,
                             "end": end, "mention": sentence[start:end], "label": label,
                             "others": [(a, b) for a, b, _ in spans if (a, b) != (start, end)]})
    return pd.DataFrame(rows, columns=["sentence_id", "sentence", "start", "end", "mention",
                                       "label", "others"])


def predict(targets: pd.DataFrame) -> pd.DataFrame:
    """The targets with ``workbook`` (the label :func:`analysis.sentiment.mention_tone`
    gives), ``clause`` (the clause rules' label alone, ``method="clause"``) and ``vader``
    (the label of VADER's compound for the whole sentence).

    >>> t = pd.DataFrame({"sentence": ["Critics slammed Ann for her appalling failure."],
    ...     "start": [16], "end": [19], "others": [[]]})
    >>> predict(t)[["workbook", "clause", "vader"]].values.tolist()
    [['negative', 'negative', 'negative']]
    """
    from analysis.sentiment import label_compound, mention_tone, score_text

    out = targets.copy()
    vader: dict[str, str | None] = {}
    own, base, rules = [], [], []
    for sentence, start, end, others in zip(out["sentence"], out["start"], out["end"],
                                            out["others"], strict=True):
        tone = mention_tone(sentence, (int(start), int(end)), other_mentions=list(others))
        own.append(tone["label"])
        rules.append(label_compound(float(tone["stance"])) or "neutral")
        if sentence not in vader:
            vader[sentence] = label_compound(score_text(sentence)["compound"]) or "neutral"
        base.append(vader[sentence])
    out["workbook"] = own
    out["vader"] = base
    out["clause"] = rules
    return out


def evaluate(data_dir: Path, *, progress: bool = False) -> pd.DataFrame:
    """Macro-F1 (three classes) of the workbook's tone toward each target and two baselines,
    on ``devtest_rw`` and ``devtest_mt``.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / DATA_SET).mkdir()
    >>> line = json.dumps({"sentence_normalized": "Ann won.", "targets": [
    ...     {"from": 0, "to": 3, "polarity": 4.0}]})
    >>> for split in SPLITS:
    ...     _ = (folder / DATA_SET / f"{split}.jsonl").write_text(line + "\\n")
    >>> rows = evaluate(folder)
    >>> rows["system"].tolist()[1:3], int(rows["n"].iloc[0])
    (['VADER on the whole sentence', 'always neutral'], 1)
    """
    from analysis.evaluation.metrics import bootstrap, macro_f1

    folder = Path(data_dir) / DATA_SET
    rows = []
    for split in SPLITS:
        table = predict(read_targets(folder / f"{split}.jsonl"))
        gold = table["label"].tolist()
        n = len(table)
        systems = [
            ("target-aware tone (mention_tone)", "workbook", table["workbook"].tolist(),
             "learned from train.jsonl only; rules + logistic regression"),
            ("VADER on the whole sentence", "baseline", table["vader"].tolist(),
             "compound >= 0.05 positive, <= -0.05 negative"),
            ("always neutral", "baseline", ["neutral"] * n, ""),
            ("clause rules alone (method='clause')", "alternative", table["clause"].tolist(),
             "the rules without the learned model"),
        ]
        truth = np.array(gold, dtype=object)
        units = table["sentence_id"].tolist()  # a sentence's targets are drawn together
        for system, role, predicted, note in systems:
            said = np.array(predicted, dtype=object)
            rows.append({"data_set": DATA_SET, "split": split, "measure": MEASURE,
                         "metric": METRIC, "system": system, "role": role,
                         "value": macro_f1(gold, predicted, labels=LABELS), "n": n,
                         "draws": bootstrap(lambda ix, g=truth, p=said: macro_f1(
                             g[ix], p[ix], labels=LABELS), units),
                         "note": "; ".join(x for x in (note, "interval: sentences resampled")
                                           if x)})
        if progress:
            print(f"newsmtsc {split}: {rows[-4]['value']:.3f} (n = {n})")
    return pd.DataFrame(rows)
