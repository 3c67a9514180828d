"""Loaded language against BABE: sentences experts labelled biased or not, with the words.

BABE (Spinde et al. 2021) holds sentences from 11 US outlets, each labelled "Biased" or
"Non-biased" by expert annotators, with the words they marked as biased. It is released
under the AGPL: the workbook evaluates on it and ships nothing derived from it (no word
list, no weights, no threshold tuned on it).

Metrics: sentence ROC-AUC of the workbook's loaded-language score; macro-F1 of its fixed
"loaded" flag (where a sentence is more likely loaded than not by a model learned on
NewsMTSC, see :data:`analysis.framing.loaded.LOADED_THRESHOLD`; nothing fit on BABE), with
the F1 of each class and the share of sentences flagged in its note; and word recall, the
share of the annotators' biased words the workbook names as loaded.
Baselines, same sentences: VADER's absolute compound score; TextBlob's subjectivity
(Pattern's published adjective lexicon); and Recasens et al.'s (2013) bias lexicon when a
copy is given (its licence does not let the workbook carry it, so the row is absent
otherwise). The cue classes and lists were chosen while measuring on BABE, so its figures
are development figures.
"""

from __future__ import annotations

import ast
import csv
import json
import os
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.evaluation.metrics import bootstrap, macro_f1, roc_auc, word_recall

DATA_SET = "babe"
SOURCE = ("Spinde, Plank, Krieger, Ruas, Gipp & Aizawa (2021), Neural Media Bias Detection "
          "Using Distant Supervision With BABE, Findings of EMNLP; github.com/Media-Bias-Group/"
          "Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE (AGPL-3.0)")
FILE = "final_labels_SG2.csv"
SPLIT = "SG2"
MEASURE = "loaded language"
LABELS = {"Biased": True, "Non-biased": False}
#: Environment variable naming a local copy of Recasens et al.'s bias lexicon (one word a
#: line), for the published-lexicon baseline; the workbook does not carry it.
BIAS_LEXICON_ENV = "BIAS_LEXICON"


def read_sentences(path: str | Path) -> tuple[pd.DataFrame, int]:
    """The labelled sentences (sentence_id, outlet, article, text, biased, words) and how
    many were skipped.

    ``article`` is the sentence's ``news_link`` (sentences of one article hang together, so
    the intervals draw whole articles); a sentence without one is an article of its own.
    Rows whose ``label_bias`` is neither "Biased" nor "Non-biased" (e.g. "No agreement")
    are skipped and counted. A missing column, or a ``biased_words`` cell that is not a
    list, raises ``ValueError`` naming the file and line.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "b.csv"
    >>> _ = p.write_text("text;outlet;label_bias;biased_words\\n"
    ...                  "A bizarre law.;X;Biased;['bizarre']\\n"
    ...                  "A law.;X;No agreement;[]\\n", encoding="utf-8")
    >>> rows, skipped = read_sentences(p)
    >>> rows[["text", "biased", "words"]].values.tolist(), skipped
    ([['A bizarre law.', True, ['bizarre']]], 1)
    """
    path = Path(path)
    rows, skipped = [], 0
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle, delimiter=";")
        missing = [c for c in ("text", "outlet", "label_bias", "biased_words")
                   if c not in (reader.fieldnames or [])]
        if missing:
            raise ValueError(f"{path}: missing column(s) {', '.join(missing)}")
        for line_no, row in enumerate(reader, start=2):
            label = LABELS.get((row["label_bias"] or "").strip())
            if label is None:
                skipped += 1
                continue
            try:
                words = ast.literal_eval(row["biased_words"] or "[]")
            except (ValueError, SyntaxError):
                raise ValueError(f"{path}, line {line_no}: biased_words is not a list: "
                                 f"{row['biased_words']!r}") from None
            if not isinstance(words, list):
                raise ValueError(f"{path}, line {line_no}: biased_words is not a list")
            text = (row["text"] or "").strip()
            if not text:
                raise ValueError(f"{path}, line {line_no}: empty text")
            link = (row.get("news_link") or "").strip()
            rows.append({"sentence_id": str(len(rows)), "outlet": row["outlet"].strip(),
                         "article": link or f"line {line_no}", "text": text,
                         "biased": label, "words": [str(w) for w in words]})
    return pd.DataFrame(rows), skipped


def load_set(data_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame, int, int]:
    """BABE as a corpus (one article per sentence, read by ``load_corpus``) and its gold.

    Also returns how many rows were skipped for their label and how many sentences
    ``load_corpus`` itself set aside (its report says why, e.g. a line taken for scraper
    noise); both are named in the results' notes.
    """
    import warnings

    from analysis import load_corpus

    gold, skipped = read_sentences(Path(data_dir) / DATA_SET / FILE)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sentences.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for row in gold.itertuples(index=False):
                out.write(json.dumps({"article_id": row.sentence_id, "outlet": row.outlet,
                                      "text": row.text}) + "\n")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(path, errors="report")
    dropped = len(gold) - len(corpus)
    gold = gold.set_index("sentence_id").loc[corpus["article_id"].astype(str)].reset_index()
    return corpus, gold, skipped, dropped


def vader_scores(texts: list[str]) -> np.ndarray:
    """The VADER baseline: the absolute compound score of each sentence.

    >>> [round(float(v), 2) for v in vader_scores(["A horrible lie.", "It is Tuesday."])]
    [0.54, 0.0]
    """
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    analyzer = SentimentIntensityAnalyzer()
    return np.array([abs(analyzer.polarity_scores(t)["compound"]) for t in texts])


def textblob_subjectivity(texts: list[str]) -> np.ndarray:
    """The published-lexicon baseline: TextBlob's subjectivity of each sentence (0 … 1),
    Pattern's adjective lexicon (De Smedt & Daelemans 2012) with its own rules.

    >>> [round(float(v), 2) for v in textblob_subjectivity(["A horrible lie.", "It is Tuesday."])]
    [1.0, 0.0]
    """
    from textblob import TextBlob

    return np.array([TextBlob(t).sentiment.subjectivity for t in texts], dtype=float)


def lexicon_words(texts: list[str]) -> tuple[list[list[str]], list[list[str]]]:
    """The baselines' words for word recall: per sentence, the words VADER's lexicon gives
    a valence, and Pattern's adjectives of subjectivity 0.5 or more.

    >>> vader, pattern = lexicon_words(["A horrible, huge table on Tuesday."])
    >>> vader, pattern
    ([['horrible', 'huge']], [['horrible', 'huge']])
    """
    import re

    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from analysis.framing.loaded import pattern_subjectivity

    valence = SentimentIntensityAnalyzer().lexicon
    subjective = pattern_subjectivity()
    vader, pattern = [], []
    for text in texts:
        words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
        vader.append([w for w in words if valence.get(w.lower(), 0) != 0])
        pattern.append([w for w in words if subjective.get(w.lower(), 0) >= 0.5])
    return vader, pattern


def lexicon_scores(texts: list[str], lexicon: set[str]) -> np.ndarray:
    """A published-lexicon baseline: how many of a sentence's words are in the lexicon.

    >>> lexicon_scores(["A bizarre, bizarre law."], {"bizarre"}).tolist()
    [2.0]
    """
    from analysis.framing.frame_model import tokens

    return np.array([float(sum(w in lexicon for w in tokens(t))) for t in texts])


def flag_summary(gold: np.ndarray, flag: np.ndarray) -> str:
    """The share of sentences flagged and the F1 of each class, for a macro-F1's note.

    >>> flag_summary(np.array([True, True, False, False]), np.array([True, False, False, False]))
    '25% of sentences flagged (50% biased); F1 biased 0.667, non-biased 0.800'
    """
    y, f = np.asarray(gold, dtype=bool), np.asarray(flag, dtype=bool)
    f1 = []
    for cls_y, cls_f in ((y, f), (~y, ~f)):
        tp = int((cls_y & cls_f).sum())
        f1.append(2 * tp / max(int(cls_y.sum()) + int(cls_f.sum()), 1))
    return (f"{f.mean():.0%} of sentences flagged ({y.mean():.0%} biased); "
            f"F1 biased {f1[0]:.3f}, non-biased {f1[1]:.3f}")


def _rows(system: str, role: str, gold: pd.DataFrame, score: np.ndarray,
          flag: np.ndarray | None, flagged_words: list[list[str]] | None, note: str,
          ) -> list[dict]:
    y = gold["biased"].to_numpy(dtype=bool)
    units = gold["article"].tolist()  # whole articles are drawn
    base = {"data_set": DATA_SET, "split": SPLIT, "measure": MEASURE, "system": system,
            "role": role}
    score = np.asarray(score, dtype=float)
    rows = [{**base, "metric": "sentence ROC-AUC", "value": roc_auc(y, score), "n": len(y),
             "draws": bootstrap(lambda ix: roc_auc(y[ix], score[ix]), units),
             "note": note + "; interval: articles resampled"}]
    if flag is not None:
        flag = np.asarray(flag, dtype=bool)
        rows.append({**base, "metric": "macro-F1", "value": macro_f1(y.tolist(),
                                                                     flag.tolist(),
                                                                     labels=[True, False]),
                     "draws": bootstrap(lambda ix: macro_f1(y[ix], flag[ix],
                                                            labels=[True, False]), units),
                     "n": len(y), "note": note + "; " + flag_summary(y, flag)
                     + "; interval: articles resampled"})
    if flagged_words is not None:
        biased = gold["biased"].to_numpy(dtype=bool)
        gold_words = [w if b else [] for w, b in zip(gold["words"], biased, strict=True)]
        wanted = [{x.lower() for x in w} for w in gold_words]
        total = np.array([len(w) for w in wanted], dtype=float)
        n_words = int(total.sum())
        shown = sum(len({x.lower() for x in f}) for f, b in zip(flagged_words, biased,
                                                                  strict=True) if b)
        hit = np.array([len(w & {x.lower() for x in f})
                        for w, f in zip(wanted, flagged_words, strict=True)], dtype=float)
        rows.append({**base, "metric": "word recall",
                     "value": word_recall(gold_words, flagged_words), "n": n_words,
                     "draws": bootstrap(lambda ix: hit[ix].sum() / total[ix].sum()
                                        if total[ix].sum() else float("nan"), units),
                     "note": note + "; the annotators' words in biased sentences; "
                     f"{shown / max(int(biased.sum()), 1):.1f} words named per biased "
                     "sentence; interval: articles resampled"})
    return rows


def evaluate(data_dir: Path, *, progress: bool = False) -> pd.DataFrame:
    """Loaded language on BABE: the workbook, VADER and (if given) a published lexicon."""
    from analysis.framing.loaded import LOADED_THRESHOLD, sentence_loading

    corpus, gold, skipped, dropped = load_set(data_dir)
    if progress:
        print(f"{DATA_SET}: {len(corpus)} sentences ({skipped} skipped, {dropped} set aside)")
    skip_note = (f"{skipped} sentence(s) without a Biased/Non-biased label skipped; "
                 f"{dropped} set aside by load_corpus as scraper noise")
    # A BABE item is one sentence; where the splitter breaks it in two, the item scores as
    # its most loaded part and its cue words are those of all parts.
    per = sentence_loading(corpus)
    per = per.assign(words=per["words"].where(per["words"] != "", None))
    scored = per.groupby("article_id").agg(score=("score", "max"),
                                           words=("words", lambda w: "; ".join(w.dropna())))
    scored = scored.reindex(corpus["article_id"].astype(str))
    score = scored["score"].fillna(0.0).to_numpy(dtype=float)
    words = [w.split("; ") if isinstance(w, str) and w else [] for w in scored["words"]]
    rows = _rows("loaded-language score (cue densities, weights learned on NewsMTSC)",
                 "workbook", gold, score, score >= LOADED_THRESHOLD,
                 [[t for w in ws for t in w.split()] for ws in words],
                 f"flag at score {LOADED_THRESHOLD:g}, where a sentence is more likely loaded "
                 f"than not by the model learned on NewsMTSC (no threshold or weight fit on "
                 f"BABE); {skip_note}")
    texts = corpus["text"].tolist()
    vader = vader_scores(texts)
    vader_words, pattern_words = lexicon_words(texts)
    rows += _rows("VADER absolute compound", "baseline", gold, vader, vader >= 0.5,
                  vader_words, f"flag at |compound| >= 0.5 (VADER's own strong-sentiment "
                  f"cut); words: every word with a valence in its lexicon; {skip_note}")
    subjectivity = textblob_subjectivity(texts)
    rows += _rows("TextBlob subjectivity (Pattern's adjective lexicon)", "baseline", gold,
                  subjectivity, subjectivity >= 0.5, pattern_words,
                  f"flag at subjectivity >= 0.5 (the middle of its 0-1 scale); words: its "
                  f"adjectives of subjectivity >= 0.5; {skip_note}")
    lexicon_path = os.environ.get(BIAS_LEXICON_ENV)
    if lexicon_path and Path(lexicon_path).exists():
        lexicon = {line.strip().casefold() for line in
                   Path(lexicon_path).read_text(encoding="utf-8", errors="replace").splitlines()
                   if line.strip() and not line.startswith("#")}
        lex = lexicon_scores(texts, lexicon)
        rows += _rows("Recasens et al. (2013) bias lexicon", "baseline", gold, lex, lex >= 1,
                      None, f"flag at one lexicon word; {skip_note}")
    return pd.DataFrame(rows)
