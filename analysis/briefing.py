"""Render the workbook's notebooks as an offline HTML briefing.

``python -m analysis.briefing --corpus PATH --actors CSV --out DIR`` (what ``make briefing``
runs) checks that the corpus and the actor table load, runs every ``notebooks/NN_*.ipynb``
through papermill with the parameters ``CORPUS``, ``ACTORS`` and ``OUTPUT_DIR`` (absolute
paths; each notebook runs with ``notebooks/`` as its working directory), and writes into
``DIR``:

- one standalone HTML page per notebook: code hidden (the injected-parameters cell too),
  charts embedded as PNG, no script and no request to the network when the page is opened
  (a Content-Security-Policy forbids both, so even a mistake in a notebook cannot load
  anything or run article text as code);
- ``index.html``, linking every page with a one-line summary of its finding (taken from the
  notebook's "In short" output) or the reason the notebook did not finish;
- ``notebooks/``, the executed notebooks, and ``data/``, the notebooks' ``OUTPUT_DIR``.

A corpus or actor table that fails to load stops the run with a one-line message and exit
code 2; a notebook that fails is still rendered (with its error), listed as failed in the
index, and makes the exit code 1.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as _dt
import html
import os
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

if __name__ == "__main__":
    # The command line only reads and writes notebooks. jsonschema (which nbformat imports)
    # imports rfc3987_syntax, when it is installed, to check the IRI format that no
    # notebook schema uses, and that import builds a parser for about a second: this
    # process leaves it out (jsonschema then skips that one format).
    sys.modules.setdefault("rfc3987_syntax", None)

import nbformat

from analysis.errors import CorpusError
from analysis.html_safety import escape

ROOT = Path(__file__).resolve().parent.parent
#: How many times a notebook's kernel is started before the page is marked failed.
KERNEL_START_ATTEMPTS = 3
#: Seconds a kernel may take to start (a first start on a fresh install compiles every
#: module while other work shares the cores; papermill's default of 60 is too short there).
KERNEL_START_TIMEOUT = 180
NOTEBOOKS = ROOT / "notebooks"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
#: Tags of cells left out of the rendered pages.
HIDDEN_TAGS = ("injected-parameters", "parameters", "remove_cell", "hide")
#: Pages may show inline styles and embedded (data:) images, and nothing else: no script,
#: no font, no frame, no request to any server.
CSP = (
    "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
    "script-src 'none'; base-uri 'none'; form-action 'none'"
)

_TEMPLATE = """{%- extends 'lab/index.html.j2' -%}
{%- block html_head -%}
<meta http-equiv="Content-Security-Policy" content="__CSP__">
{{ super() }}
{%- endblock html_head -%}
{%- block html_head_js -%}{%- endblock html_head_js -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
{%- block body_header -%}
{{ super() }}
<nav class="briefing-nav" style="margin:1em 0 0 1em">
<a href="index.html">&larr; Briefing index</a></nav>
{%- endblock body_header -%}
""".replace("__CSP__", CSP)


@dataclass
class Page:
    """One rendered notebook of the briefing."""

    notebook: str
    html_file: str
    title: str
    summary: str
    error: str | None = None
    #: The question the page answers (its notebook's "**Question:**" line), '' if none.
    question: str = ""


def find_notebooks(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The notebooks of the workbook, ``NN_name.ipynb``, in number order.

    >>> [p.name for p in find_notebooks()] == sorted(p.name for p in find_notebooks())
    True
    """
    return sorted(Path(folder).glob(NOTEBOOK_GLOB))


def check_inputs(corpus: str | Path, actors: str | Path, notes: TextIO | None = None,
                 actors_note: str = "") -> str:
    """Load the corpus and the actor table once, raising :class:`CorpusError` if either fails.

    Returns a one-line description of the corpus for the index page; the loader's warnings
    are printed as notes on ``notes`` (default: standard error). What is said of the actor
    table goes there and into the description too: that the seed story's was given for
    another corpus, or ``actors_note`` (:func:`analysis.corpus_actors.actor_table_for`'s,
    for a table made from the corpus).

    >>> check_inputs(ROOT / "seeds", ROOT / "seeds" / "actors.csv")
    '5 articles from 4 outlets'
    """
    from analysis import load_corpus
    from analysis.actors import load_actors

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = load_corpus(corpus)
    for warning in caught:
        print(f"note: {warning.message}", file=notes or sys.stderr)
    load_actors(actors)
    n_outlets = frame["outlet"].nunique()
    description = (f"{len(frame)} article{'s' if len(frame) != 1 else ''} from {n_outlets} "
                   f"outlet{'s' if n_outlets != 1 else ''}")
    for said in (SEED_ACTORS_NOTE if _seed_actors_on_another_corpus(corpus, actors) else "",
                 actors_note):
        if said:
            print(f"note: {said}", file=notes or sys.stderr)
            description += f"; {said}"
    return description


#: Said when the seed story's actor table is given for another corpus.
SEED_ACTORS_NOTE = ("the actor table is the seed story's example (seeds/actors.csv), not one "
                    "for this corpus: give ACTORS=your_actors.csv to follow your story's people")


def _seed_actors_on_another_corpus(corpus: str | Path, actors: str | Path) -> bool:
    """Whether ``actors`` is the seed story's table and ``corpus`` is not the seeds.

    >>> _seed_actors_on_another_corpus("my_news", ROOT / "seeds" / "actors.csv")
    True
    >>> _seed_actors_on_another_corpus(ROOT / "seeds", ROOT / "seeds" / "actors.csv")
    False
    """
    seeds = (ROOT / "seeds").resolve()
    try:
        same_table = Path(actors).resolve() == seeds / "actors.csv"
        return same_table and Path(corpus).resolve() != seeds
    except (OSError, RuntimeError, ValueError):
        return False


def notebook_title(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The notebook's first level-one heading, or ``fallback``.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Who speaks?")])
    >>> notebook_title(nb, "x")
    'Who speaks?'
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"^#\s+(.+?)\s*$", cell.source, flags=re.MULTILINE)
            if match:
                return _plain(match.group(1))
    return fallback


def _blocks(nb: nbformat.NotebookNode) -> list[str]:
    """Markdown sources and text outputs of a notebook, in reading order."""
    blocks: list[str] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            blocks.append(cell.source)
        elif cell.cell_type == "code":
            for out in cell.get("outputs", []):
                data = out.get("data", {})
                if "text/markdown" in data:
                    blocks.append(data["text/markdown"])
                elif out.get("output_type") == "stream" and out.get("name") == "stdout":
                    blocks.append(out.get("text", ""))
    return blocks


def _plain(markdown: str) -> str:
    """Markdown to one line of plain text (emphasis, links, headings and tags removed; a
    backslashed character, "usa\\-today", is that character).

    >>> _plain("**usa\\\\-today** is *lower* \\\\(n = 3\\\\)")
    'usa-today is lower (n = 3)'
    """
    escaped: list[str] = []

    def keep(match: re.Match[str]) -> str:
        escaped.append(match.group(1))
        return f"\ue000{len(escaped) - 1}\ue001"

    text = re.sub(r"\\([!-/:-@\[-`{-~])", keep, markdown)
    text = re.sub(r"<[^>]+>", " ", text)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#+|[-*>]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*`]+|(?<!\w)_+|_+(?!\w)", "", text)
    text = re.sub("\ue000(\\d+)\ue001", lambda m: escaped[int(m.group(1))], text)
    return html.unescape(re.sub(r"\s+", " ", text)).strip()


def notebook_summary(nb: nbformat.NotebookNode, max_chars: int = 300) -> str:
    """First sentence of the notebook's "In short" finding, as plain text ('' if none).

    The finding is the text after an "In short" heading or label: the rest of that block if
    it has any, else the next markdown cell or markdown/text output.

    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_markdown_cell("## In short"),
    ...     nbformat.v4.new_markdown_cell("**Outlet A** quotes police most. Others less.")])
    >>> notebook_summary(nb)
    'Outlet A quotes police most.'
    >>> _plain("**harbour_second** is _easy_")
    'harbour_second is easy'
    """
    blocks = _blocks(nb)
    for i, block in enumerate(blocks):
        match = re.search(r"in short\W*", block, flags=re.IGNORECASE)
        if not match:
            continue
        rest = _plain(block[match.end():])
        candidates = [rest] if len(rest) >= 3 else []
        candidates += [_plain(b) for b in blocks[i + 1:i + 3]]
        for text in candidates:
            if text:
                first = re.split(r"(?<=[.!?])\s+(?=[\"'‘“A-Z0-9])", text, maxsplit=1)[0]
                if len(first) > max_chars:
                    first = first[: max_chars - 1].rsplit(" ", 1)[0] + "…"
                return first
    return ""


WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _hidden_output(output: dict) -> bool:
    """Outputs a static page leaves out: stderr (warnings, progress bars) and live widgets
    (they need a kernel; a notebook shows a static default next to them)."""
    if output.get("output_type") == "stream":
        return output.get("name") == "stderr"
    return WIDGET_MIME in output.get("data", {})


def _strip_for_reader(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop hidden cells, stderr streams, widget outputs and widget state."""
    nb = nbformat.from_dict(nb)
    kept = []
    for cell in nb.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        if tags & set(HIDDEN_TAGS):
            continue
        if cell.cell_type == "code":
            cell.outputs = [o for o in cell.get("outputs", []) if not _hidden_output(o)]
        kept.append(cell)
    nb.cells = kept
    nb.metadata.pop("widgets", None)
    return nb


def render_html(nb: nbformat.NotebookNode, title: str) -> str:
    """Standalone HTML of an executed notebook: outputs only, no script, no network.

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
    >>> page = render_html(nb, "Test")
    >>> "<script src" in page, "1 + 1" in page, "Content-Security-Policy" in page
    (False, False, True)
    """
    from jinja2 import DictLoader
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        template_name="lab",
        extra_loaders=[DictLoader({"briefing.html.j2": _TEMPLATE})],
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )
    exporter.template_file = "briefing.html.j2"
    nb = _strip_for_reader(nb)
    nb.metadata["title"] = title
    body, _ = exporter.from_notebook_node(nb)
    return body


def run_notebook(source: Path, executed: Path, parameters: dict[str, str],
                 km: object = None, cwd: Path | None = None) -> str | None:
    """Execute one notebook with papermill; return None, or the error in one line.

    ``km`` (a ``jupyter_client`` kernel manager) runs it in that kernel, already started
    or started here and left running for the next notebook (:func:`run_notebooks`);
    without it papermill starts and stops a kernel of its own. A kernel started here
    starts in ``cwd`` (default: the notebook's folder), where matplotlib reads its
    settings file.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    extra = {} if km is None else {"km": km}
    # The notebook is written once, when it finishes or fails in a cell, not after every
    # cell (papermill's default, which serialises the whole notebook twice per cell and
    # cost as much CPU as some notebooks' own cells). A run that stops in another way
    # leaves no executed notebook, so an old one must not stand in for it.
    executed.unlink(missing_ok=True)
    for attempt in range(KERNEL_START_ATTEMPTS):
        try:
            papermill.execute_notebook(
                str(source), str(executed), parameters=parameters,
                cwd=str(cwd or source.parent), request_save_on_cell_execute=False,
                progress_bar=False, kernel_name="python3", execution_timeout=1200,
                start_timeout=KERNEL_START_TIMEOUT, **extra,
            )
        except PapermillExecutionError as exc:
            return f"{exc.ename}: {exc.evalue}"
        except RuntimeError as exc:
            # Kernels started at the same moment can race for a free port; the loser dies
            # before it replies. Start it again, a little later. A kernel given here (one
            # started ahead) that died is shut down, and papermill starts one of its own
            # (the caller sees that the given one is no longer alive: run_notebooks).
            if "Kernel died" in str(exc) and attempt + 1 < KERNEL_START_ATTEMPTS:
                if km is not None:
                    from jupyter_core.utils import run_sync

                    km = _stop_kernel(km, run_sync)
                    extra = {}
                time.sleep(1 + attempt)
                continue
            return f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # noqa: BLE001 - one notebook's failure is reported, not fatal
            return f"{type(exc).__name__}: {exc}"
        return None
    return None


#: Tag of the cell :func:`run_notebooks` puts first in each notebook (removed afterwards).
RESET_TAG = "briefing-reset"
#: What that cell runs: a clean namespace, no figure left open, the notebook's folder.
_RESET = (
    "%reset -f\n"
    "import os as _briefing_os, matplotlib.pyplot as _briefing_plt\n"
    "_briefing_plt.close('all')\n"
    "_briefing_os.chdir({cwd!r})\n"
    "del _briefing_os, _briefing_plt\n"
    "get_ipython().execution_count = 1  # the notebook's own cells count from 1"
)


def _with_reset_cell(source: Path, folder: Path) -> Path:
    """A copy of ``source`` in ``folder`` whose first cell resets the kernel's namespace."""
    nb = nbformat.read(source, as_version=4)
    cell = nbformat.v4.new_code_cell(_RESET.format(cwd=str(source.parent)),
                                     metadata={"tags": [RESET_TAG, "remove_cell"]})
    nb.cells.insert(0, cell)
    copy = folder / source.name
    nbformat.write(nb, copy)
    return copy


def _drop_reset_cell(executed: Path, source: Path) -> None:
    """Remove the reset cell from an executed notebook and name the real source in it."""
    if not executed.exists():
        return
    nb = nbformat.read(executed, as_version=4)
    nb.cells = [c for c in nb.cells
                if RESET_TAG not in c.get("metadata", {}).get("tags", [])]
    if "papermill" in nb.metadata:
        nb.metadata.papermill["input_path"] = str(source)
    nbformat.write(nb, executed)


#: What a kernel started ahead of its notebooks (:func:`run_notebooks`) runs as it starts:
#: the libraries every notebook imports, then the corpus is read once (which loads the
#: language detector's model), so that the first notebook does not wait for them.
_PRELOAD = "import matplotlib.pyplot, pandas, analysis.pipeline; analysis.load_corpus({corpus!r})"


def _kernel_ahead(cwd: Path, corpus: str) -> object:
    """A kernel manager whose kernel is starting in ``cwd`` (importing the libraries and
    reading ``corpus`` as it starts: :data:`_PRELOAD`), or None when it cannot start (the
    notebook run then starts one as usual)."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    km = AsyncKernelManager(kernel_name="python3")
    preload = _PRELOAD.format(corpus=corpus)
    try:
        # No input history: the notebooks' cells are numbered from 1 again in each (see
        # _RESET), which IPython's history database would report as a clash.
        run_sync(km.start_kernel)(cwd=str(cwd), extra_arguments=[
            f"--IPKernelApp.exec_lines={preload}", "--HistoryManager.enabled=False"])
    except Exception:  # noqa: BLE001 - papermill starts a kernel (and reports why it cannot)
        return _stop_kernel(km, run_sync)
    return km


def run_notebooks(sources: Iterable[Path], out: Path, parameters: dict[str, str],
                  ahead: tuple[Path, object] | None = None,
                  done: Callable[[Path, str | None], object] | None = None,
                  ) -> dict[Path, str | None]:
    """Run notebooks one after another in ONE kernel: None or the error, per notebook.

    The kernel starts once, so Python, pandas, matplotlib, the workbook's modules and
    their word lists, VADER's lexicon and the syllable dictionary load once for all the
    notebooks, and :func:`analysis.pipeline.analyze` results stay in memory between them.
    It starts in the notebooks' folder (where matplotlib reads its settings file). Before
    each notebook its namespace is emptied (``%reset -f``), open figures are closed and
    the working directory is the notebook's folder, so no notebook sees another's
    variables. After a notebook fails, the kernel is replaced by a fresh one.

    ``ahead`` (a folder and an event) starts the kernel at once, in that folder, loading
    the libraries and the corpus while something else runs, and waits for the event
    before the first notebook (:func:`build_briefing` sets it once the corpus is analysed).
    ``done(source, error)`` is called as each notebook finishes.

    >>> run_notebooks([], Path("."), {})
    {}
    """
    import tempfile

    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    errors: dict[Path, str | None] = {}
    km = None
    if ahead is not None:
        folder, event = ahead
        km = _kernel_ahead(folder, parameters.get("CORPUS", ""))
        event.wait()  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            if km is None:
                km = AsyncKernelManager(kernel_name="python3")
            executed = out / source.name
            errors[source] = run_notebook(_with_reset_cell(source, Path(tmp)), executed,
                                          parameters, km=km, cwd=source.parent)
            _drop_reset_cell(executed, source)
            if errors[source] is not None or not _alive(km, run_sync):
                km = _stop_kernel(km, run_sync)
            if done is not None:
                done(source, errors[source])
        _stop_kernel(km, run_sync)
    return errors


def _alive(km: object, run_sync: object) -> bool:
    """Whether the kernel of ``km`` is running (False if it died or was shut down)."""
    try:
        return bool(run_sync(km.is_alive)())  # type: ignore[attr-defined,operator]
    except Exception:  # noqa: BLE001 - a manager that cannot tell is not trusted again
        return False


def _stop_kernel(km: object, run_sync: object) -> None:
    """Shut a kernel down (if it is running); always returns None."""
    if km is None:
        return None
    with contextlib.suppress(Exception):
        if km.has_kernel:  # type: ignore[attr-defined]
            run_sync(km.shutdown_kernel)(now=True)  # type: ignore[attr-defined,operator]
    return None


def _terminal() -> TextIO:
    """A stream on the terminal's stderr that survives :func:`kernel_noise_to`."""
    try:
        return os.fdopen(os.dup(sys.stderr.fileno()), "w", buffering=1, encoding="utf-8")
    except (AttributeError, OSError, ValueError):
        return sys.stderr


@contextlib.contextmanager
def kernel_noise_to(log: Path) -> Iterator[None]:
    """Send what the kernels print on the terminal (warnings, shutdown notes) to ``log``.

    Kernels inherit the process's stderr (file descriptor 2); the progress bar keeps a
    duplicate of it.
    """
    sys.stderr.flush()
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (e.g. under pytest)
        yield
        return
    saved = os.dup(fd)
    with open(log, "ab") as sink:
        os.dup2(sink.fileno(), fd)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, fd)
            os.close(saved)


def hide_paths(text: str, corpus: str | Path | None = None) -> str:
    """``text`` with the local folders a reader of the briefing has no business seeing
    replaced: the corpus folder by its own name, the repository by ``.``, the home folder
    by ``~`` (an error message in a briefing someone sends out must not name their folders).

    >>> hide_paths("No such file: /home/ana/news/x.txt", "/home/ana/news")
    'No such file: news/x.txt'
    """
    corpus_dir = Path(corpus) if corpus else None
    if corpus_dir is not None and corpus_dir.suffix:  # a CSV/JSONL corpus: its folder
        corpus_dir = corpus_dir.parent
    swaps = []
    if corpus_dir is not None and corpus_dir.is_absolute() and corpus_dir.parent != corpus_dir:
        swaps.append((str(corpus_dir.parent).rstrip("/") + "/", ""))
    swaps += [(str(NOTEBOOKS.parent.resolve()), "."), (str(Path.home()), "~")]
    for old, new in swaps:
        if old and old not in {"/", "."}:
            text = text.replace(old, new)
    return text


def _failed_page(executed: Path, source: Path, corpus: str | None = None
                 ) -> nbformat.NotebookNode:
    """The executed notebook of a failed run, with local paths hidden; when the run left
    none, the source notebook with its stored outputs removed (they are another corpus's
    results: the committed notebooks hold the seeds') and a note that nothing ran."""
    if executed.exists():
        nb = nbformat.read(executed, as_version=4)
    else:
        nb = nbformat.read(source, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs, cell.execution_count = [], None
        nb.cells.insert(0, nbformat.v4.new_markdown_cell(
            "**This page did not run on this corpus**: its notebook stopped before any "
            "result was written (the reason is on the briefing's first page). It shows "
            "the notebook's text only, no result."))
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if "traceback" in output:
                output["traceback"] = [hide_paths(line, corpus) for line in output["traceback"]]
            for key in ("evalue", "text"):
                if isinstance(output.get(key), str):
                    output[key] = hide_paths(output[key], corpus)
    return nb


def page_question(nb: nbformat.NotebookNode) -> str:
    """The question a notebook answers: its "**Question:**" line as plain text ('' if none).

    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(
    ...     "# 03 · Sources. **Question:** who gets to speak?")])
    >>> page_question(nb)
    'who gets to speak?'
    """
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            match = re.search(r"\*\*Question:?\*\*:?\s*(.+)", cell.source)
            if match:
                return _plain(match.group(1))
    return ""


def _glance_html(glance: dict | None) -> str:
    """The start-here block: "In short", the story design, the at-a-glance table."""
    esc = escape
    if not glance:
        return ("<p>The at-a-glance page did not leave a summary; open it from the list "
                "below.</p>")
    parts = [f'<p class="short">{esc(glance.get("in_short", ""))}</p>']
    if glance.get("story"):
        parts.append(f"<p>{esc(glance['story'])}</p>")
    found = glance.get("findings", [])
    if found:
        items = "".join(
            f"<li>{'' if f.get('validated') else '<em>Experimental:</em> '}{esc(f['text'])}"
            "</li>" for f in found)
        parts.append(f"<h3>Findings</h3><ul>{items}</ul>")
    columns, rows = glance.get("columns", []), glance.get("rows", [])
    if columns and rows:
        head = "".join(f"<th>{esc(c)}</th>" for c in columns)
        body = "".join("<tr>" + "".join(f"<td>{esc(v)}</td>" for v in row) + "</tr>"
                       for row in rows)
        parts.append(f'<h3>The outlets at a glance</h3><div class="scroll"><table>'
                     f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")
    return "\n".join(parts)


def write_index(pages: Sequence[Page], out: Path, corpus: str, description: str) -> Path:
    """Write ``index.html``, the start-here page: the at-a-glance summary (from what the
    at-a-glance notebook saved in ``out/data``), then every page with the question it
    answers and its one-line finding (all text escaped).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> p = write_index([Page("00_x.ipynb", "00_x.html", "X <b>", "Finding.")], d, "c", "1")
    >>> "X &lt;b&gt;" in p.read_text()
    True
    """
    from analysis.glance import load_glance

    esc = escape
    glance = load_glance(out / "data")
    if glance and glance.get("corpus") and glance["corpus"] != Path(corpus).name:
        glance = None  # left by a run on another corpus
    rows = []
    for page in pages:
        if page.error:
            status = f'<p class="failed">Did not finish: {esc(page.error)}</p>'
        else:
            status = f"<p>{esc(page.summary) if page.summary else 'No summary found.'}</p>"
        question = page.question
        executed = out / "notebooks" / page.notebook
        if not question and executed.is_file():
            try:
                question = page_question(nbformat.read(executed, as_version=4))
            except (OSError, ValueError):
                question = ""
        asks = f'<p class="asks">Answers: {esc(question)}</p>' if question else ""
        rows.append(
            f'<li><a href="{esc(page.html_file)}">{esc(page.title)}</a>'
            f'<span class="nb">{esc(page.notebook)}</span>{asks}{status}</li>')
    today = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d")
    document = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Media framing briefing</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.45; }}
h1 {{ font-size: 1.6em; }}
ol {{ padding-left: 1.2em; }}
li {{ margin: 0 0 1.1em 0; }}
li a {{ font-weight: 600; font-size: 1.1em; }}
.nb {{ color: #777; font-size: 0.85em; margin-left: 0.6em; }}
li p {{ margin: 0.25em 0 0 0; }}
.asks {{ color: #444; font-style: italic; }}
.short {{ font-size: 1.1em; }}
.failed {{ color: #a40000; }}
.meta {{ color: #555; }}
.scroll {{ overflow-x: auto; }}
table {{ border-collapse: collapse; font-size: 0.85em; }}
th, td {{ border: 1px solid #ccc; padding: 0.3em 0.5em; vertical-align: top; text-align: left; }}
</style>
</head>
<body>
<h1>Media framing briefing</h1>
<p class="meta">Corpus: {esc(corpus)} ({esc(description)}). Rendered {today}.
{len(pages)} page{'s' if len(pages) != 1 else ''}.</p>
<h2>Start here</h2>
{_glance_html(glance)}
<h2>The pages, and the question each answers</h2>
<ol>
{chr(10).join(rows)}
</ol>
</body>
</html>
"""
    path = out / "index.html"
    path.write_text(document, encoding="utf-8")
    return path


def warm_cache(corpus: str | Path, actors: str | Path) -> str:
    """Analyse the corpus once, before any notebook runs, so that every notebook calling
    ``analysis.pipeline.analyze(load_corpus(CORPUS), actors=ACTORS)`` reads the cached
    tables (about 0.5 s in a fresh kernel, 0.05 s in one that has read them once) instead
    of analysing again. Returns the cache status (``"hit"``, ``"miss"``, ...); a failure
    here is left for the notebooks to report.

    >>> warm_cache(ROOT / "seeds", ROOT / "seeds" / "actors.csv") in {"hit", "miss"}
    True
    """
    from analysis import load_corpus
    from analysis.pipeline import analyze

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return analyze(load_corpus(corpus), actors=actors, progress=False).cache
    except Exception as exc:  # noqa: BLE001 - the notebooks show the error on their pages
        return f"not cached: {type(exc).__name__}: {exc}"


def render_page(source: Path, out: Path, error: str | None,
                corpus: str | None = None) -> Page:
    """Write the HTML page of one executed (or failed) notebook into ``out``; a failed
    page's error and traceback name no local folder (:func:`hide_paths`)."""
    executed = out / "notebooks" / source.name
    if error is not None:
        error = hide_paths(error, corpus)
    nb = nbformat.read(executed, as_version=4) if error is None else \
        _failed_page(executed, source, corpus)
    title = notebook_title(nb, source.stem)
    html_file = source.stem + ".html"
    (out / html_file).write_text(render_html(nb, title), encoding="utf-8")
    return Page(source.name, html_file, title, notebook_summary(nb), error,
                page_question(nb))


#: Shared by the processes of :func:`build_briefing`: the index of the next notebook to run,
#: the event set once the corpus is analysed, and the queue of finished notebooks.
_NEXT = None
_READY = None
_FINISHED = None


def _share(counter, ready, finished) -> None:  # type: ignore[no-untyped-def]
    global _NEXT, _READY, _FINISHED
    _NEXT, _READY, _FINISHED = counter, ready, finished


def _next_waiting(notebooks: Sequence[Path]) -> Iterator[Path]:
    """The notebooks no other process has taken yet, one at a time, in order."""
    while True:
        with _NEXT.get_lock():  # type: ignore[union-attr]
            number = _NEXT.value  # type: ignore[union-attr]
            _NEXT.value = number + 1  # type: ignore[union-attr]
        if number >= len(notebooks):
            return
        yield notebooks[number]


def _run_waiting(notebooks: Sequence[Path], out: Path, parameters: dict[str, str]) -> int:
    """Run the notebooks still waiting in one kernel, reporting each as it finishes."""
    errors = run_notebooks(
        _next_waiting(notebooks), out / "notebooks", parameters,
        ahead=(notebooks[0].parent, _READY),
        done=lambda source, error: _FINISHED.put((source.name, error)))  # type: ignore[union-attr]
    return len(errors)


def _finished(queue, futures: Sequence) -> Iterator[tuple[str, str | None]]:  # type: ignore[no-untyped-def]
    """Each (notebook, error) from ``queue`` as the processes report it, until they are
    all done (a process that stopped with an exception raises it here)."""
    import queue as queues

    while True:
        try:
            yield queue.get(timeout=0.1)
            continue
        except queues.Empty:
            pass
        if all(f.done() for f in futures):
            for future in futures:
                future.result()
            while True:
                try:
                    yield queue.get_nowait()
                except queues.Empty:
                    return


def build_briefing(corpus: str | Path, actors: str | Path | None, out: str | Path,
                   notebooks: Sequence[Path] | None = None,
                   progress: bool = True) -> list[Page]:
    """Run the notebooks on a corpus and write the HTML briefing into ``out``.

    Without an actor table (``actors`` None), the seeds use their own and any other corpus
    one made from its articles (:func:`analysis.corpus_actors.actor_table_for`, written to
    ``out/data``). Raises :class:`CorpusError` when the corpus or the actor table does not
    load.
    """
    from tqdm.auto import tqdm

    from analysis.corpus_actors import actor_table_for

    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    notebooks = list(find_notebooks() if notebooks is None else notebooks)
    out.mkdir(parents=True, exist_ok=True)
    (out / "notebooks").mkdir(exist_ok=True)
    (out / "data").mkdir(exist_ok=True)
    actors, actors_note = actor_table_for(corpus, actors, out / "data")
    actors = actors.resolve()
    parameters = {"CORPUS": str(corpus), "ACTORS": str(actors), "OUTPUT_DIR": str(out / "data")}
    log = out / "briefing.log"
    term = _terminal()
    bar = tqdm(total=len(notebooks), desc="briefing", unit="notebook", disable=not progress,
               file=term)

    # One kernel per core, each running notebooks one after another from its own process
    # (papermill changes the working directory while it starts a kernel). A kernel that
    # finishes a notebook takes the next one waiting (in file order), so a long notebook
    # does not leave the other kernel idle at the end. The kernels start (and load the
    # libraries and the corpus) while this process checks the inputs and analyses the
    # corpus once (warm_cache); they run their first notebook once it is done, so every
    # notebook reads the cached tables (or none runs, if the inputs do not load). This
    # process then renders each page as its notebook finishes. The libraries the
    # processes need are imported here first, so they start with them loaded.
    import multiprocessing

    import papermill  # noqa: F401
    from nbconvert import HTMLExporter  # noqa: F401

    workers = max(1, min(os.cpu_count() or 1, len(notebooks)))
    counter = multiprocessing.Value("i", 0)
    ready = multiprocessing.Event()
    finished = multiprocessing.Queue()
    by_name = {source.name: source for source in notebooks}
    done: dict[str, Page] = {}
    with kernel_noise_to(log), ProcessPoolExecutor(
            max_workers=workers, initializer=_share,
            initargs=(counter, ready, finished)) as pool:
        futures = [pool.submit(_run_waiting, notebooks, out, parameters)
                   for _ in range(workers)]
        try:
            description = check_inputs(corpus, actors, notes=term, actors_note=actors_note)
            for old in [*out.glob("[0-9][0-9]_*.html"), out / "index.html"]:
                old.unlink(missing_ok=True)
            warm_cache(corpus, actors)
        except BaseException:
            with counter.get_lock():
                counter.value = len(notebooks)  # no kernel takes a notebook
            raise
        finally:
            ready.set()
        for name, error in _finished(finished, futures):
            done[name] = render_page(by_name[name], out, error, parameters["CORPUS"])
            bar.set_postfix_str(name)
            bar.update(1)
    bar.close()
    if term is not sys.stderr:
        term.close()
    pages = [done[source.name] for source in notebooks]
    write_index(pages, out, corpus.name or str(corpus), description)
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m analysis.briefing --corpus PATH --actors CSV --out DIR``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.briefing",
        description="Run the workbook's notebooks on a corpus and render an offline HTML "
                    "briefing.")
    parser.add_argument("--corpus", default=str(ROOT / "seeds"),
                        help="folder of .txt/.html files, or a CSV/JSONL file")
    parser.add_argument("--actors", default=None,
                        help="actor table (CSV: actor, aliases, type); without one, the "
                             "seeds use theirs and another corpus one made from its "
                             "articles (written to OUT/data/actors_from_corpus.csv)")
    parser.add_argument("--out", default=str(ROOT / "build" / "briefing"),
                        help="folder for the HTML pages")
    parser.add_argument("--notebooks", default=str(NOTEBOOKS),
                        help="folder of NN_name.ipynb notebooks to run")
    parser.add_argument("--no-progress", action="store_true", help="no progress bar")
    args = parser.parse_args(argv)
    notebooks = find_notebooks(args.notebooks)
    if not notebooks:
        print(f"error: no notebooks (NN_name.ipynb) in {args.notebooks}", file=sys.stderr)
        return 2
    try:
        pages = build_briefing(args.corpus, args.actors, args.out, notebooks,
                               progress=not args.no_progress)
    except CorpusError as exc:
        print(f"error: the corpus or actor table could not be loaded: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    for page in pages:
        state = f"FAILED ({page.error})" if page.error else "ok"
        print(f"{page.html_file:<28} {state}")
    print(f"briefing written to {out / 'index.html'}")
    failed = [p for p in pages if p.error]
    if failed:
        print(f"error: {len(failed)} notebook(s) did not finish: "
              + ", ".join(p.notebook for p in failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())


# The at-a-glance analysis (outlet table, findings, charts, trust signals) lives in
# analysis.glance; these names stay importable from here.
from analysis.glance import (  # noqa: E402, F401
    OVERVIEW_COLUMNS,
    PICTURE_CREDIT,
    UNIQUE_STATUS,
    briefing_tables,
    display_table,
    outlet_overview,
    overview_findings,
    plot_grades,
    plot_tone,
    plot_unique_quotes,
    plot_voice,
    trust_signals,
)
