"""Accuracy on text nobody here wrote: public, human-labelled news sets and their scorers.

Each data set has a module of its own that reads the set's own format into a corpus the
workbook loads plus gold tables, and an ``evaluate(data_dir, progress=False)`` function
that scores the workbook's measure *and* at least one naive baseline in the same run.
:mod:`analysis.evaluation.run` finds every such module, writes ``results.csv`` and
``results.md`` beside this file, and ``python -m analysis.evaluation`` (``make
evaluate``) runs it. :mod:`analysis.evaluation.metrics` holds the metrics, one function
each. Notebooks read the committed figures with :func:`load_results`, so they show them
on any corpus.

>>> from analysis.evaluation import RESULT_COLUMNS
>>> RESULT_COLUMNS[:4]
('measured', 'data_set', 'split', 'measure')
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
RESULTS_CSV = HERE / "results.csv"
RESULTS_MD = HERE / "results.md"

#: The columns of ``results.csv``: one row per (data set, measure, metric, system).
#: ``role`` is "workbook" for the workbook's own (headline) method, "baseline" for a naive
#: one, and "alternative" for another setting of the workbook shown for comparison only;
#: ``n`` is the number of items the figure rests on (articles, sentences, quotations …);
#: ``low`` and ``high`` bound the 95% bootstrap interval of ``value``, and on a baseline's
#: (or an alternative's) row ``difference_low`` and ``difference_high`` bound the workbook's
#: figure minus this one, on the same draws (empty where a figure has no interval).
RESULT_COLUMNS = ("measured", "data_set", "split", "measure", "metric", "system", "role",
                  "value", "low", "high", "difference_low", "difference_high", "n", "note")
#: The interval columns, filled by the runner from each row's bootstrap draws.
INTERVAL_COLUMNS = ("low", "high", "difference_low", "difference_high")


def load_results(path: str | Path | None = None) -> pd.DataFrame:
    """The committed evaluation figures (``results.csv``), one row per figure.

    Returns an empty table with :data:`RESULT_COLUMNS` when no results were written yet.

    >>> load_results().columns.tolist()[:3]
    ['measured', 'data_set', 'split']
    """
    path = Path(path) if path else RESULTS_CSV
    if not path.exists():
        return pd.DataFrame(columns=list(RESULT_COLUMNS))
    table = pd.read_csv(path, dtype={"note": str}, keep_default_na=False,
                        converters={"value": float, "n": int})
    for column in INTERVAL_COLUMNS:
        table[column] = (pd.to_numeric(table[column], errors="coerce") if column in table
                         else float("nan"))
    return table


__all__ = ["INTERVAL_COLUMNS", "RESULT_COLUMNS", "RESULTS_CSV", "RESULTS_MD", "load_results"]
