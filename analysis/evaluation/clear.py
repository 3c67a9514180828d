"""Readability against CLEAR: do the workbook's grades rank passages as teachers do?

The CLEAR corpus (Crossley et al. 2023, CommonLit) holds 4,724 reading passages for grades
3–12. Each has ``BT_easiness``: a Bradley–Terry ease score fitted to teachers' pairwise
judgements ("which of these two is easier?"), higher = easier. The metric is Spearman's ρ
between that ease and a readability score, over the passages. Grade formulas rise as a
text gets *harder*, so their ρ is taken with the score's sign flipped: for every row here
**higher ρ is better** (1 = the same order as the teachers, 0 = no relation).

The workbook's figure is its headline readability number, textstat's consensus grade
(``text_standard``) of each passage's clean body sentences, computed as a user gets it:
the passages are written to a CSV file, loaded with :func:`analysis.load_corpus` (cleaned)
and scored with :func:`analysis.readability.article_readability`. The workbook's other
formulas are reported as ``role = "alternative"`` rows. Baselines, in the same run and on
the same passages: plain textstat on the raw passage (the same consensus grade, and
Flesch reading ease, the formula most people call first), and words per sentence alone.

A passage the workbook cannot score (no body sentence left after cleaning) is left out of
every row, so all figures rest on the same passages, and the note says how many.

Licence: CC BY-NC-SA 4.0. Nothing derived from CLEAR ships with the workbook; it is read
from the development-data folder at evaluation time only.
"""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.evaluation.metrics import bootstrap, spearman

DATA_SET = "clear"
SOURCE = ("CLEAR, the CommonLit Ease of Readability corpus (Crossley, Heintz, Choi, Batchelor, "
          "Karimi & Malatinszky, Behavior Research Methods 2023, "
          "doi:10.3758/s13428-022-01802-x), distributed by CommonLit, CC BY-NC-SA 4.0")
#: The file read inside the data set's folder.
FILE = "clear.csv"
#: Columns of CLEAR's CSV the reader needs.
REQUIRED = ("ID", "Excerpt", "BT_easiness")
SPLIT = "all"
MEASURE = "readability"
METRIC = "Spearman rho"

#: The workbook's headline figure: (column of article_readability, system name, sign).
HEADLINE_FORMULA = ("text_standard", "workbook: consensus grade (text_standard), clean text", -1)
#: The workbook's other formulas, reported as alternatives: column -> (name, sign).
ALTERNATIVES = {
    "flesch_reading_ease": ("workbook: Flesch reading ease, clean text", 1),
    "flesch_kincaid_grade": ("workbook: Flesch-Kincaid grade, clean text", -1),
    "dale_chall_readability_score": ("workbook: Dale-Chall score, clean text", -1),
    "gunning_fog": ("workbook: Gunning fog, clean text", -1),
    "smog_index": ("workbook: SMOG, clean text", -1),
    "coleman_liau_index": ("workbook: Coleman-Liau, clean text", -1),
    "automated_readability_index": ("workbook: ARI, clean text", -1),
    "linsear_write_formula": ("workbook: Linsear Write, clean text", -1),
    "words_per_sentence": ("workbook: words per sentence, clean text", -1),
}

_WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?]+")


def read_clear(path: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """CLEAR's CSV as a workbook corpus and a gold table.

    The corpus is what :func:`analysis.load_corpus` gives for a CSV with ``article_id``
    (CLEAR's ``ID``), ``outlet`` (its category, "Lit" or "Info", "unknown" when blank) and
    ``text`` (the ``Excerpt``). The gold table has ``article_id``, ``bt_easiness``, ``se``
    and the raw ``excerpt``. A row without an ID, an excerpt or a numeric ``BT_easiness``,
    or a repeated ID, raises ``ValueError`` naming the file and row (1 = first data row).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "c.csv").write_text(
    ...     'ID,Excerpt,BT_easiness,s.e.\\n1,"The dog ran. It was fast.",0.5,0.4\\n')
    >>> corpus, gold = read_clear(folder / "c.csv")
    >>> corpus["article_id"].tolist(), gold["bt_easiness"].tolist()
    (['1'], [0.5])
    """
    from analysis import load_corpus

    path = Path(path)
    table = pd.read_csv(path, dtype={"ID": str}, keep_default_na=False)
    missing = [c for c in REQUIRED if c not in table.columns]
    if missing:
        raise ValueError(f"{path}: not CLEAR's format, missing column(s) {', '.join(missing)} "
                         f"(columns: {', '.join(map(str, table.columns))})")
    ease = pd.to_numeric(table["BT_easiness"], errors="coerce")
    seen: set[str] = set()
    for row, (aid, text, value) in enumerate(zip(table["ID"], table["Excerpt"], ease,
                                                 strict=True), start=1):
        aid = str(aid).strip()
        problem = ("no ID" if not aid else "no excerpt" if not str(text).strip()
                   else "BT_easiness is not a number" if pd.isna(value)
                   else f"ID {aid} repeated" if aid in seen else "")
        if problem:
            raise ValueError(f"{path} (row {row}): {problem}")
        seen.add(aid)
    ids = table["ID"].str.strip()
    outlet = table["Categ"] if "Categ" in table.columns else ""
    se = (pd.to_numeric(table["s.e."], errors="coerce") if "s.e." in table.columns
          else np.nan)
    gold = pd.DataFrame({"article_id": ids, "bt_easiness": ease.astype(float), "se": se,
                         "excerpt": table["Excerpt"]})
    with tempfile.TemporaryDirectory() as tmp:
        csv = Path(tmp) / "clear_corpus.csv"
        pd.DataFrame({"article_id": ids, "outlet": outlet,
                      "text": table["Excerpt"]}).to_csv(csv, index=False)
        corpus = load_corpus(csv)
    return corpus, gold


def words_per_sentence(text: str) -> float:
    """The naive length baseline: word tokens (``\\w+``) over sentences (runs of . ! ?, at
    least one), on the raw text.

    >>> words_per_sentence("One two three. Four five!")
    2.5
    """
    words = len(_WORD.findall(text))
    ends = len(_SENTENCE_END.findall(text.strip().rstrip(".!?") + "."))
    return words / max(1, ends)


def _raw_textstat(texts: list[str], progress: bool) -> pd.DataFrame:
    """Plain textstat on each raw text, as a user without the workbook would call it."""
    import textstat

    rows = []
    iterator = texts
    if progress:
        from tqdm.auto import tqdm
        iterator = tqdm(texts, desc="clear: plain textstat on raw text", unit="passage",
                        leave=False, mininterval=1.0, disable=None)
    for text in iterator:
        rows.append({"text_standard": float(textstat.text_standard(text, float_output=True)),
                     "flesch_reading_ease": float(textstat.flesch_reading_ease(text))})
    return pd.DataFrame(rows)


def score_rows(gold: pd.Series, systems: dict[str, tuple[str, pd.Series, int]],
               n_left_out: int) -> pd.DataFrame:
    """Result rows: Spearman ρ of each system's (signed) score with ``gold``.

    ``systems`` maps a system name to (role, scores, sign); sign −1 flips a grade so that
    higher ρ is better.

    >>> g = pd.Series([1.0, 0.0, -1.0])
    >>> score_rows(g, {"grade": ("workbook", pd.Series([3.0, 5.0, 9.0]), -1)}, 0)[
    ...     ["system", "value", "n"]].values.tolist()
    [['grade', 1.0, 3]]
    """
    note = ("BT easiness (higher = easier) against each score, grades sign-flipped: "
            "higher rho is better")
    if n_left_out:
        note += (f"; {n_left_out} passage(s) the workbook could not score (no body sentence "
                 "after cleaning) left out of every row")
    rows = []
    truth = gold.to_numpy(float)
    for system, (role, scores, sign) in systems.items():
        signed = sign * scores.to_numpy(float)
        rows.append({"data_set": DATA_SET, "split": SPLIT, "measure": MEASURE,
                     "metric": METRIC, "system": system, "role": role,
                     "value": spearman(truth, signed),
                     "draws": bootstrap(lambda ix, s=signed: spearman(truth[ix], s[ix]),
                                        len(truth)),
                     "n": len(gold), "note": note})
    return pd.DataFrame(rows)


def evaluate(data_dir: Path, *, progress: bool = False) -> pd.DataFrame:
    """Spearman ρ with CLEAR's BT easiness: the workbook's grades beside plain textstat.

    Every passage is used (no sample); about 30 seconds on one core. ``data_dir`` holds a
    ``clear/clear.csv`` in CLEAR's own format.

    >>> import tempfile, pathlib
    >>> data = pathlib.Path(tempfile.mkdtemp())
    >>> (data / "clear").mkdir()
    >>> _ = (data / "clear" / "clear.csv").write_text("ID,Excerpt,BT_easiness\\n"
    ...     '1,"We ran. It was fun.",1.0\\n2,"The committee deliberated interminably.",-1.0\\n')
    >>> rows = evaluate(data)
    >>> rows.loc[0, "role"], rows.loc[0, "metric"], int(rows.loc[0, "n"])
    ('workbook', 'Spearman rho', 2)
    """
    from analysis.readability import article_readability

    corpus, gold = read_clear(Path(data_dir) / DATA_SET / FILE)
    table = article_readability(corpus)
    scored = table.set_index("article_id").reindex(gold["article_id"])
    keep = scored[HEADLINE_FORMULA[0]].notna().to_numpy()
    raw = _raw_textstat(gold["excerpt"].tolist(), progress)
    raw["words_per_sentence"] = [words_per_sentence(t) for t in gold["excerpt"]]
    column, name, sign = HEADLINE_FORMULA
    systems: dict[str, tuple[str, pd.Series, int]] = {
        name: ("workbook", scored[column], sign),
        "textstat consensus grade (text_standard), raw text": (
            "baseline", raw["text_standard"], -1),
        "textstat Flesch reading ease, raw text": ("baseline", raw["flesch_reading_ease"], 1),
        "words per sentence alone, raw text": ("baseline", raw["words_per_sentence"], -1),
    }
    for column, (alt_name, alt_sign) in ALTERNATIVES.items():
        systems[alt_name] = ("alternative", scored[column], alt_sign)
    systems = {k: (role, pd.Series(np.asarray(v, float)[keep]), s)
               for k, (role, v, s) in systems.items()}
    return score_rows(gold["bt_easiness"][keep].reset_index(drop=True), systems,
                      int((~keep).sum()))
