"""Charts for the framing measures (matplotlib; each returns the Axes or Figure it drew)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from analysis.framing._common import FRAMES

if TYPE_CHECKING:  # pyplot is imported when a chart is drawn, not with the package
    import matplotlib.pyplot as plt

FRAME_NAMES = {"conflict": "conflict", "human_interest": "human interest",
               "responsibility": "responsibility", "morality": "morality",
               "economic": "economic"}


def _wrap(label: str, width: int = 18) -> str:
    return "\n".join(textwrap.wrap(str(label), width)) or str(label)


def plot_outlet_frames(outlet_table: pd.DataFrame, ax: plt.Axes | None = None) -> plt.Axes:
    """Grouped bars: per outlet, the % of body sentences carrying each frame.

    ``outlet_table`` is :func:`analysis.framing.outlet_frames` output.

    >>> t = pd.DataFrame({"outlet": ["A"], "conflict": [0.5], "human_interest": [0.1],
    ...     "responsibility": [0.2], "morality": [0.0], "economic": [0.0]})
    >>> plot_outlet_frames(t).get_ylabel()
    'share of body sentences (%)'
    """
    import matplotlib.pyplot as plt
    if ax is None:
        _, ax = plt.subplots(figsize=(9, 4.5))
    outlets = outlet_table["outlet"].tolist()
    x = np.arange(len(FRAMES))
    width = 0.8 / max(1, len(outlets))
    for i, outlet in enumerate(outlets):
        values = [100 * float(outlet_table.iloc[i][f]) for f in FRAMES]
        ax.bar(x + i * width - 0.4 + width / 2, values, width, label=outlet)
    ax.set_xticks(x, [FRAME_NAMES[f] for f in FRAMES])
    ax.set_ylabel("share of body sentences (%)")
    ax.set_xlabel("generic news frame (Semetko & Valkenburg 2000)")
    ax.set_title("Which frames each outlet's sentences carry")
    ax.legend(title="outlet", fontsize=8)
    return ax


def plot_distinctive_terms(distinctive: pd.DataFrame, n: int = 8,
                           groups: list[str] | None = None) -> plt.Figure:
    """One panel per group: its ``n`` most distinctive words by z-score (Fightin' Words).

    A dashed line marks z = 1.96, the usual line for "more than chance".

    >>> d = pd.DataFrame({"group": ["A", "B"], "term": ["x", "y"], "z": [2.0, 1.0]})
    >>> len(plot_distinctive_terms(d).axes)
    2
    """
    import matplotlib.pyplot as plt
    pos = distinctive[distinctive["z"] > 0] if len(distinctive) else distinctive
    names = groups or sorted(pos["group"].unique()) if len(pos) else []
    fig, axes = plt.subplots(1, max(1, len(names)), figsize=(3.2 * max(1, len(names)), 3.8),
                             squeeze=False)
    for ax, g in zip(axes[0], names, strict=False):
        top = pos[pos["group"] == g].sort_values("z", ascending=False).head(n)[::-1]
        ax.barh(top["term"], top["z"], color="tab:blue")
        ax.axvline(1.96, color="grey", linestyle="--", linewidth=1)
        ax.set_title(_wrap(g, 22), fontsize=10)
        ax.set_xlabel("z-score (log-odds / s.e.)")
    if not names:
        axes[0][0].set_title("no groups to compare")
    fig.suptitle("Words each outlet uses more than the others (Fightin' Words)")
    fig.tight_layout()
    return fig


#: The similarity map shows at most this many articles, and writes each cell's value only
#: up to MAX_LABELLED_CELLS articles.
MAX_MATRIX_ARTICLES = 30
MAX_LABELLED_CELLS = 12


def plot_similarity_matrix(matrix: pd.DataFrame, ax: plt.Axes | None = None) -> plt.Axes:
    """Heat map of :func:`analysis.framing.similarity_matrix` (share of shared shingles, %).

    >>> m = pd.DataFrame([[1.0, 0.1], [0.1, 1.0]], index=["a", "b"], columns=["a", "b"])
    >>> plot_similarity_matrix(m).get_title()
    'Shared word sequences between articles'
    >>> big = pd.DataFrame(np.eye(40), index=range(40), columns=range(40))
    >>> plot_similarity_matrix(big).get_title()
    'Shared word sequences between articles (the 30 of 40 that share most)'
    """
    import matplotlib.pyplot as plt
    if ax is None:
        _, ax = plt.subplots(figsize=(6.5, 5.5))
    title = "Shared word sequences between articles"
    if len(matrix) > MAX_MATRIX_ARTICLES:
        # Hundreds of articles make an unreadable map (and a text label per cell took minutes
        # and gigabytes): the articles that share most with another, the rest left out.
        off = matrix.to_numpy(dtype=float).copy()
        np.fill_diagonal(off, 0)
        keep = np.argsort(-off.max(axis=1), kind="stable")[:MAX_MATRIX_ARTICLES]
        keep = np.sort(keep)
        title += f" (the {MAX_MATRIX_ARTICLES} of {len(matrix)} that share most)"
        matrix = matrix.iloc[keep, keep]
    values = 100 * matrix.to_numpy(dtype=float)
    shown = values.copy()
    np.fill_diagonal(shown, np.nan)
    top = np.nanmax(shown) if np.isfinite(shown).any() else 1.0
    image = ax.imshow(shown, cmap="Blues", vmin=0, vmax=max(top, 1.0))
    labels = [_wrap(label, 16) for label in matrix.index]
    ax.set_xticks(range(len(labels)), labels, rotation=45, ha="right", fontsize=8)
    ax.set_yticks(range(len(labels)), labels, fontsize=8)
    if len(labels) <= MAX_LABELLED_CELLS:
        for i in range(len(labels)):
            for j in range(len(labels)):
                if i != j:
                    ax.text(j, i, f"{values[i, j]:.1f}", ha="center", va="center", fontsize=8)
    ax.set_title(title)
    ax.set_xlabel("article")
    ax.set_ylabel("article")
    ax.figure.colorbar(image, ax=ax, label="shared 8-word sequences (% of the pair's)")
    return ax


def plot_loaded_rates(rates: pd.DataFrame, ax: plt.Axes | None = None) -> plt.Axes:
    """Bars: loaded words per 1,000 words of narration, per outlet, stacked by class.

    >>> r = pd.DataFrame({"outlet": ["A", "A"], "class": ["hedge", "factive"],
    ...                   "narration_per_1000": [3.0, 1.0]})
    >>> plot_loaded_rates(r).get_xlabel()
    'loaded words per 1,000 words of narration'
    """
    import matplotlib.pyplot as plt
    if ax is None:
        _, ax = plt.subplots(figsize=(8, 3.8))
    table = rates.pivot_table(index="outlet", columns="class", values="narration_per_1000",
                              aggfunc="sum", fill_value=0)
    left = np.zeros(len(table))
    for cls in table.columns:
        ax.barh([_wrap(o, 22) for o in table.index], table[cls], left=left, label=cls)
        left += table[cls].to_numpy()
    ax.set_xlabel("loaded words per 1,000 words of narration")
    ax.set_ylabel("outlet")
    ax.set_title("Loaded words in each outlet's own voice")
    ax.legend(title="class (Recasens et al. 2013)", fontsize=8, loc="upper left",
              bbox_to_anchor=(1.01, 1.0))
    return ax
