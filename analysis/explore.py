"""Interactive exploration in JupyterLab: choose outlet, actor and measure with ipywidgets.

Every notebook shows a static default chart first (so the rendered HTML and the stored
outputs are stable); :func:`explore` adds controls for a reader running the notebook.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import pandas as pd

ALL = "(all)"
STATIC_NOTE = ("*Interactive controls (measure, outlet, actor) appear here when this notebook "
               "runs in JupyterLab; the chart above is the static default.*")


def live_frontend() -> bool:
    """True inside a JupyterLab / Jupyter Server session (which sets ``JPY_SESSION_NAME``),
    False in papermill, nbconvert, nbval and plain Python.

    >>> os.environ.pop("JPY_SESSION_NAME", None) and None
    >>> live_frontend()
    False
    """
    return bool(os.environ.get("JPY_SESSION_NAME"))


def numeric_measures(table: pd.DataFrame, exclude: Sequence[str] = ()) -> list[str]:
    """The numeric columns of a table that can be charted, in table order.

    >>> numeric_measures(pd.DataFrame({"outlet": ["a"], "n": [1], "ok": [True]}))
    ['n']
    """
    return [c for c in table.columns
            if c not in exclude and pd.api.types.is_numeric_dtype(table[c])
            and not pd.api.types.is_bool_dtype(table[c])]


def filtered(table: pd.DataFrame, choices: dict[str, str]) -> pd.DataFrame:
    """Rows of ``table`` matching every chosen value (``"(all)"`` matches everything).

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "x": [1, 2]})
    >>> filtered(t, {"outlet": "B"}).x.tolist()
    [2]
    """
    mask = pd.Series(True, index=table.index)
    for column, value in choices.items():
        if value != ALL and column in table:
            mask &= table[column].astype(str) == value
    return table[mask]


def plot_measure(table: pd.DataFrame, measure: str, by: str = "outlet", ax=None,
                 title: str | None = None, unit: str = ""):
    """A bar chart of ``measure`` averaged per ``by`` group, with its row count on each bar.

    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> ax = plot_measure(pd.DataFrame({"outlet": ["A", "A", "B"], "x": [1.0, 3.0, 2.0]}), "x")
    >>> ax.get_ylabel()
    'x (mean per outlet)'
    """
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.5))
    grouped = table.groupby(by)[measure].agg(["mean", "count"]).sort_values("mean")
    bars = ax.bar(grouped.index.astype(str), grouped["mean"], color="#4c72b0")
    for bar, count in zip(bars, grouped["count"], strict=True):
        ax.annotate(f"n={count}", (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    ha="center", va="bottom", fontsize=8)
    label = f"{measure} (mean per {by})" + (f", {unit}" if unit else "")
    ax.set_ylabel(label)
    ax.set_xlabel(by)
    ax.set_title(title or f"{measure} by {by}")
    ax.tick_params(axis="x", labelrotation=20)
    return ax


def explore(table: pd.DataFrame, by: str = "outlet", filters: Sequence[str] = ("actor",),
            measures: Sequence[str] | None = None, unit: str = "", live: bool | None = None):
    """Controls to pick a measure and filter values, redrawing the chart and the rows.

    Returns an ipywidgets box (display it in JupyterLab). A filter column absent from the
    table is skipped. Outside a live JupyterLab session (``live=None`` asks
    :func:`live_frontend`) it returns a short Markdown note instead, so executed notebooks,
    their stored outputs and the HTML briefing stay static and stable.

    >>> box = explore(pd.DataFrame({"outlet": ["A", "B"], "x": [1.0, 2.0]}))  # doctest: +SKIP
    """
    measures = list(measures or numeric_measures(table))
    if not measures:
        raise ValueError("the table has no numeric column to explore")
    if not (live_frontend() if live is None else live):
        from IPython.display import Markdown

        return Markdown(STATIC_NOTE)

    import ipywidgets as widgets
    import matplotlib.pyplot as plt
    from IPython.display import display
    measure = widgets.Dropdown(options=measures, value=measures[0], description="measure")
    selectors = {}
    for column in [by, *filters]:
        if column in table and column not in selectors:
            values = sorted(table[column].dropna().astype(str).unique())
            selectors[column] = widgets.Dropdown(options=[ALL, *values], value=ALL,
                                                 description=column)
    output = widgets.Output()

    def redraw(_=None) -> None:
        output.clear_output(wait=True)
        rows = filtered(table, {c: w.value for c, w in selectors.items()})
        with output:
            if rows.empty:
                print("No rows for this choice.")
                return
            plot_measure(rows, measure.value, by=by, unit=unit)
            plt.show()
            display(rows.head(20))

    for control in [measure, *selectors.values()]:
        control.observe(redraw, names="value")
    redraw()
    return widgets.VBox([widgets.HBox([measure, *selectors.values()]), output])
