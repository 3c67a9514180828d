"""The interactive explorer: controls for every filter column, redraw on change."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pytest

from analysis.explore import ALL, explore, filtered, numeric_measures

matplotlib.use("Agg")


@pytest.fixture()
def table():
    return pd.DataFrame({"outlet": ["A", "A", "B"], "actor": ["X", "Y", "X"],
                         "score": [0.5, -0.5, 0.25], "n": [1, 2, 3], "flag": [True, False, True]})


def test_measures_are_numeric_non_boolean_columns(table):
    assert numeric_measures(table) == ["score", "n"]


def test_filters_combine(table):
    assert filtered(table, {"outlet": "A", "actor": "X"}).score.tolist() == [0.5]
    assert len(filtered(table, {"outlet": ALL, "actor": ALL})) == 3


def test_explore_builds_controls_and_redraws(table, capsys):
    box = explore(table, filters=("actor", "missing"), live=True)
    controls, output = box.children
    names = [c.description for c in controls.children]
    assert names == ["measure", "outlet", "actor"]
    controls.children[2].value = "Y"  # choose actor Y: one row, from outlet A
    assert "Y" in capsys.readouterr().out


def test_explore_is_a_static_note_outside_jupyterlab(table, monkeypatch):
    monkeypatch.delenv("JPY_SESSION_NAME", raising=False)
    assert "JupyterLab" in explore(table).data
    monkeypatch.setenv("JPY_SESSION_NAME", "lesson.ipynb")
    assert type(explore(table)).__name__ == "VBox"


def test_explore_refuses_a_table_without_numbers():
    with pytest.raises(ValueError, match="no numeric column"):
        explore(pd.DataFrame({"outlet": ["A"]}))
