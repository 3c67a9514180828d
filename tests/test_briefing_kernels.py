"""Notebooks of the briefing share a kernel (analysis.briefing.run_notebooks): each starts
with an empty namespace, in its own folder, and a failure does not stop the next one."""

from __future__ import annotations

from pathlib import Path

import nbformat

from analysis import briefing


def _notebook(folder: Path, name: str, *sources: str) -> Path:
    v4 = nbformat.v4
    nb = v4.new_notebook(cells=[
        v4.new_code_cell('CORPUS = ""', metadata={"tags": ["parameters"]}),
        *(v4.new_code_cell(s) for s in sources)])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    path = folder / name
    nbformat.write(nb, path)
    return path


def test_notebooks_in_one_kernel_do_not_see_each_other(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    first = _notebook(src, "00_a.ipynb", "import os\nsecret = os.getpid()\nprint(secret)")
    second = _notebook(src, "01_b.ipynb", "import os\nprint(os.getpid())",
                       "assert 'secret' not in globals(), 'leaked'",
                       "raise ValueError('second fails')")
    third = _notebook(src, "02_c.ipynb", "import os\nprint(os.getcwd())\nprint(CORPUS)")
    errors = briefing.run_notebooks([first, second, third], out, {"CORPUS": "given"})
    assert errors == {first: None, second: "ValueError: second fails", third: None}
    printed = {}
    for path in (first, second, third):
        nb = nbformat.read(out / path.name, as_version=4)
        # The reset cell is gone; the notebook's own cells remain, numbered from 1.
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert code[0].source == 'CORPUS = ""'
        assert code[0].execution_count == 1
        printed[path] = [o["text"] for c in nb.cells if c.cell_type == "code"
                         for o in c.outputs if o.get("name") == "stdout"]
    assert printed[first][0] == printed[second][0]  # the same kernel process ran both
    assert printed[third][0].split("\n")[:2] == [str(src), "given"]
    third_nb = nbformat.read(out / third.name, as_version=4)
    assert third_nb.metadata.papermill.input_path == str(third)


def test_kernels_start_in_the_notebooks_folder_and_read_its_matplotlib_settings(tmp_path):
    """matplotlib reads ``matplotlibrc`` from the working directory when it is imported, and
    the kernel imports it (in the reset cell, or while starting ahead) before the notebook's
    own cells run: the kernel must start in the notebooks' folder, with or without a start
    ahead of the notebooks (which also loads the libraries and the corpus)."""
    import threading

    from .conftest import ROOT

    src = tmp_path / "src"
    src.mkdir()
    (src / "matplotlibrc").write_text("text.parse_math: False\n", encoding="utf-8")
    check = _notebook(src, "00_a.ipynb",
                      "import sys, matplotlib\n"
                      "print(matplotlib.rcParams['text.parse_math'], "
                      "'analysis.corpus' in sys.modules)")
    ready = threading.Event()
    ready.set()
    seen = {}
    for ahead in (None, (src, ready)):
        out = tmp_path / f"out{ahead is None}"
        out.mkdir()
        finished: list[tuple[Path, str | None]] = []
        errors = briefing.run_notebooks([check], out, {"CORPUS": str(ROOT / "seeds")},
                                        ahead=ahead, done=lambda s, e, into=finished:
                                        into.append((s, e)))
        assert errors == {check: None}
        assert finished == [(check, None)]
        nb = nbformat.read(out / check.name, as_version=4)
        seen[ahead is None] = [o["text"] for c in nb.cells if c.cell_type == "code"
                               for o in c.outputs if o.get("name") == "stdout"][0].split()
    assert seen[True][0] == seen[False][0] == "False"
    assert seen[False][1] == "True"  # started ahead: the corpus (and its modules) loaded


def test_a_run_that_stops_before_writing_leaves_no_old_notebook_behind(tmp_path):
    """The executed notebook is written when the run ends, not after every cell: a run that
    stops without writing it must not leave the previous build's notebook to be shown."""
    executed = tmp_path / "00_a.ipynb"
    executed.write_text("an old build's notebook", encoding="utf-8")
    error = briefing.run_notebook(tmp_path / "missing.ipynb", executed, {})
    assert error is not None and "missing.ipynb" in error
    assert not executed.exists()


def test_a_kernel_that_died_while_starting_ahead_is_replaced(tmp_path, monkeypatch):
    """Kernels started at the same moment can race for a port, and the loser dies. A kernel
    started ahead that died must not fail its first notebook (the run starts a kernel of its
    own), nor be used again for the next one."""
    import os
    import signal
    import threading
    import time

    src = tmp_path / "src"
    src.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    first = _notebook(src, "00_a.ipynb", "import os\nprint(os.getpid())")
    second = _notebook(src, "01_b.ipynb", "import os\nprint(os.getpid())")
    started = briefing._kernel_ahead
    dead: list[int] = []

    def dying(cwd: Path, corpus: str) -> object:
        km = started(cwd, corpus)
        pid = km.provisioner.process.pid
        os.kill(pid, signal.SIGKILL)
        km.provisioner.process.wait()
        dead.append(pid)
        return km

    monkeypatch.setattr(briefing, "_kernel_ahead", dying)
    ready = threading.Event()
    ready.set()
    begun = time.monotonic()
    errors = briefing.run_notebooks([first, second], out, {"CORPUS": ""}, ahead=(src, ready))
    assert errors == {first: None, second: None}
    pids = [int(nbformat.read(out / p.name, as_version=4).cells[-1].outputs[0]["text"])
            for p in (first, second)]
    assert dead and dead[0] not in pids
    assert time.monotonic() - begun < briefing.KERNEL_START_TIMEOUT
