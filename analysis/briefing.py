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
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import nbformat
import pandas as pd

from analysis.errors import CorpusError

ROOT = Path(__file__).resolve().parent.parent
#: How many times a notebook's kernel is started before the page is marked failed.
KERNEL_START_ATTEMPTS = 3
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


def find_notebooks(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The notebooks of the workbook, ``NN_name.ipynb``, in number order.

    >>> [p.name for p in find_notebooks()] == sorted(p.name for p in find_notebooks())
    True
    """
    return sorted(Path(folder).glob(NOTEBOOK_GLOB))


def check_inputs(corpus: str | Path, actors: str | Path) -> str:
    """Load the corpus and the actor table once, raising :class:`CorpusError` if either fails.

    Returns a one-line description of the corpus for the index page.

    >>> check_inputs(ROOT / "seeds", ROOT / "seeds" / "actors.csv")
    '5 articles from 4 outlets'
    """
    from analysis import load_corpus
    from analysis.actors import load_actors

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = load_corpus(corpus)
    for warning in caught:
        print(f"note: {warning.message}", file=sys.stderr)
    load_actors(actors)
    n_outlets = frame["outlet"].nunique()
    return (f"{len(frame)} article{'s' if len(frame) != 1 else ''} from {n_outlets} "
            f"outlet{'s' if n_outlets != 1 else ''}")


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
    """Markdown to one line of plain text (emphasis, links, headings and tags removed)."""
    text = re.sub(r"<[^>]+>", " ", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^\s{0,3}(#+|[-*>]|\d+\.)\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*`]+|(?<!\w)_+|_+(?!\w)", "", text)
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
                 km: object = None) -> str | None:
    """Execute one notebook with papermill; return None, or the error in one line.

    ``km`` (a ``jupyter_client`` kernel manager) runs it in that kernel, already started
    or started here and left running for the next notebook (:func:`run_notebooks`);
    without it papermill starts and stops a kernel of its own.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    extra = {} if km is None else {"km": km}
    for attempt in range(KERNEL_START_ATTEMPTS):
        try:
            papermill.execute_notebook(
                str(source), str(executed), parameters=parameters, cwd=str(source.parent),
                progress_bar=False, kernel_name="python3", execution_timeout=1200, **extra,
            )
        except PapermillExecutionError as exc:
            return f"{exc.ename}: {exc.evalue}"
        except RuntimeError as exc:
            # Kernels started at the same moment can race for a free port; the loser dies
            # before it replies. Start it again, a little later.
            if "Kernel died" in str(exc) and attempt + 1 < KERNEL_START_ATTEMPTS:
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


def run_notebooks(sources: Sequence[Path], out: Path,
                  parameters: dict[str, str]) -> dict[Path, str | None]:
    """Run notebooks one after another in ONE kernel: None or the error, per notebook.

    The kernel starts once, so Python, pandas, matplotlib, the workbook's modules and
    their word lists, VADER's lexicon and the syllable dictionary load once for all the
    notebooks, and :func:`analysis.pipeline.analyze` results stay in memory between them.
    Before each notebook its namespace is emptied (``%reset -f``), open figures are closed
    and the working directory is the notebook's folder, so no notebook sees another's
    variables. After a notebook fails, the kernel is replaced by a fresh one.

    >>> run_notebooks([], Path("."), {})
    {}
    """
    import tempfile

    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    errors: dict[Path, str | None] = {}
    km = None
    with tempfile.TemporaryDirectory() as tmp:
        for source in sources:
            if km is None:
                km = AsyncKernelManager(kernel_name="python3")
            executed = out / source.name
            errors[source] = run_notebook(_with_reset_cell(source, Path(tmp)), executed,
                                          parameters, km=km)
            _drop_reset_cell(executed, source)
            if errors[source] is not None:
                km = _stop_kernel(km, run_sync)
        _stop_kernel(km, run_sync)
    return errors


def _stop_kernel(km: object, run_sync: object) -> None:
    """Shut a kernel down (if it is running); always returns None."""
    if km is None:
        return None
    with contextlib.suppress(Exception):
        if km.has_kernel:  # type: ignore[attr-defined]
            run_sync(km.shutdown_kernel)(now=True)  # type: ignore[attr-defined,operator]
    return None


def _terminal() -> TextIO:
    """A stream on the terminal's stderr that survives :func:`_kernel_noise_to`."""
    try:
        return os.fdopen(os.dup(sys.stderr.fileno()), "w", buffering=1, encoding="utf-8")
    except (AttributeError, OSError, ValueError):
        return sys.stderr


@contextlib.contextmanager
def _kernel_noise_to(log: Path) -> Iterator[None]:
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


def _failed_page(executed: Path, source: Path) -> nbformat.NotebookNode:
    if executed.exists():
        return nbformat.read(executed, as_version=4)
    return nbformat.read(source, as_version=4)


def write_index(pages: Sequence[Page], out: Path, corpus: str, description: str) -> Path:
    """Write ``index.html``: every page with its one-line finding (all text escaped).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> p = write_index([Page("00_x.ipynb", "00_x.html", "X <b>", "Finding.")], d, "c", "1")
    >>> "X &lt;b&gt;" in p.read_text()
    True
    """
    esc = html.escape
    rows = []
    for page in pages:
        if page.error:
            status = f'<p class="failed">Did not finish: {esc(page.error)}</p>'
        else:
            status = f"<p>{esc(page.summary) if page.summary else '(no summary found)'}</p>"
        rows.append(
            f'<li><a href="{esc(page.html_file)}">{esc(page.title)}</a>'
            f'<span class="nb">{esc(page.notebook)}</span>{status}</li>')
    today = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%d")
    document = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Media framing briefing</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 50em; margin: 2em auto; padding: 0 1em;
       color: #222; line-height: 1.45; }}
h1 {{ font-size: 1.6em; }}
ol {{ padding-left: 1.2em; }}
li {{ margin: 0 0 1.1em 0; }}
li a {{ font-weight: 600; font-size: 1.1em; }}
.nb {{ color: #777; font-size: 0.85em; margin-left: 0.6em; }}
li p {{ margin: 0.25em 0 0 0; }}
.failed {{ color: #a40000; }}
.meta {{ color: #555; }}
</style>
</head>
<body>
<h1>Media framing briefing</h1>
<p class="meta">Corpus: {esc(corpus)} ({esc(description)}). Rendered {today}.
{len(pages)} page{'s' if len(pages) != 1 else ''}.</p>
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


def render_page(source: Path, out: Path, error: str | None) -> Page:
    """Write the HTML page of one executed (or failed) notebook into ``out``."""
    executed = out / "notebooks" / source.name
    nb = nbformat.read(executed, as_version=4) if error is None else \
        _failed_page(executed, source)
    title = notebook_title(nb, source.stem)
    html_file = source.stem + ".html"
    (out / html_file).write_text(render_html(nb, title), encoding="utf-8")
    return Page(source.name, html_file, title, notebook_summary(nb), error)


def run_and_render(sources: Sequence[Path], out: Path,
                   parameters: dict[str, str]) -> list[Page]:
    """Run notebooks in one kernel (:func:`run_notebooks`) and render their pages."""
    errors = run_notebooks(sources, out / "notebooks", parameters)
    return [render_page(source, out, errors[source]) for source in sources]


def build_briefing(corpus: str | Path, actors: str | Path, out: str | Path,
                   notebooks: Sequence[Path] | None = None,
                   progress: bool = True) -> list[Page]:
    """Run the notebooks on a corpus and write the HTML briefing into ``out``.

    Raises :class:`CorpusError` when the corpus or the actor table does not load.
    """
    from tqdm.auto import tqdm

    corpus, actors, out = (Path(p).resolve() for p in (corpus, actors, out))
    description = check_inputs(corpus, actors)
    notebooks = list(find_notebooks() if notebooks is None else notebooks)
    out.mkdir(parents=True, exist_ok=True)
    (out / "notebooks").mkdir(exist_ok=True)
    (out / "data").mkdir(exist_ok=True)
    for old in [*out.glob("[0-9][0-9]_*.html"), out / "index.html"]:
        old.unlink(missing_ok=True)
    parameters = {"CORPUS": str(corpus), "ACTORS": str(actors), "OUTPUT_DIR": str(out / "data")}
    warm_cache(corpus, actors)
    log = out / "briefing.log"
    term = _terminal()
    bar = tqdm(total=len(notebooks), desc="briefing", unit="notebook", disable=not progress,
               file=term)

    # One kernel per core, each running its share of the notebooks one after another and
    # rendering their pages (run_and_render), each from its own process (papermill changes
    # the working directory while it starts a kernel). The notebooks are dealt out in
    # turn: 00, 02, ... to the first kernel, 01, 03, ... to the second. The libraries both
    # need are imported here first, so the forked processes start with them loaded.
    import papermill  # noqa: F401
    from nbconvert import HTMLExporter  # noqa: F401

    workers = max(1, min(os.cpu_count() or 1, len(notebooks)))
    batches = [notebooks[i::workers] for i in range(workers)]
    done: dict[str, Page] = {}
    with _kernel_noise_to(log), ProcessPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(run_and_render, batch, out, parameters): batch
                   for batch in batches}
        for future in as_completed(futures):
            done.update({page.notebook: page for page in future.result()})
            bar.set_postfix_str(", ".join(p.name for p in futures[future]))
            bar.update(len(futures[future]))
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
    parser.add_argument("--actors", default=str(ROOT / "seeds" / "actors.csv"),
                        help="actor table (CSV: actor, aliases, type)")
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


# --------------------------------------------------------------------------------------
# The one-page overview across outlets (notebook 05)
# --------------------------------------------------------------------------------------

OVERVIEW_COLUMNS = [
    "outlet", "articles", "words", "narration_tone", "quoted_tone", "grade", "uk_age",
    "quoted_words", "top_sources", "top_source_type", "top_source_type_share",
    "evaluative_verbs", "dominant_frame", "dominant_frame_share", "labels",
    "unique_quotes", "checked_quotes", "reuse_share", "reuse_with",
]
UNIQUE_STATUS = "not found in any other outlet"


def _weighted(values: pd.Series, weights: pd.Series) -> float:
    ok = values.notna() & weights.notna() & (weights > 0)
    if not ok.any():
        return float("nan")
    return float((values[ok] * weights[ok]).sum() / weights[ok].sum())


def briefing_tables(corpus: pd.DataFrame, actors: str | Path | pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None) -> dict[str, pd.DataFrame]:
    """Every measure the overview draws on, computed once with the other modules' functions
    (the per-article tables through :func:`analysis.pipeline.analyze` and its cache).

    Keys: ``quotes`` (attribution.extract_quotes), ``voice`` (sentiment.voice_sentiment),
    ``readability`` (readability.article_readability), ``speakers`` and ``speaker_types``
    (attribution.sources_table), ``verbs`` (attribution.verb_profile summary), ``matches``
    (attribution.match_quotes), ``frames`` (framing.outlet_frames of frame_sentences),
    ``labels`` (framing.label_usage), ``reuse`` (framing.text_reuse).

    >>> from analysis import load_corpus
    >>> sorted(briefing_tables(load_corpus("seeds"), "seeds/actors.csv"))[:3]
    ['frames', 'labels', 'matches']
    """
    from analysis import attribution, framing, sentiment
    from analysis.pipeline import analyze

    # The per-article tables come from the pipeline, so a second run on an unchanged corpus
    # reads them from the cache instead of analysing again.
    result = analyze(corpus, actors, progress=False)
    if quotes is None:
        quotes = result.quotes
    return {
        "quotes": quotes,
        "voice": sentiment.voice_sentiment(corpus, quotes=quotes),
        "readability": result.readability,
        "speakers": attribution.sources_table(quotes, by="speaker"),
        "speaker_types": attribution.sources_table(quotes, by="speaker_type"),
        "verbs": attribution.verb_profile(quotes, summary=True),
        "matches": attribution.match_quotes(quotes),
        "frames": framing.outlet_frames(result.frames),
        "labels": framing.label_usage(corpus),
        "reuse": framing.text_reuse(corpus),
    }


def _rows_of(table: pd.DataFrame, outlet: str) -> pd.DataFrame:
    if len(table) == 0 or "outlet" not in table.columns:
        return table.iloc[0:0]
    return table[table["outlet"] == outlet]


def outlet_overview(corpus: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per outlet: the figures a busy reader needs, from :func:`briefing_tables`.

    ``narration_tone`` / ``quoted_tone``: mean VADER compound of the outlet's own body
    sentences / of the quoted ones (weighted by sentences); ``grade``: textstat's consensus
    US school grade (mean over articles); ``top_sources``: the three speakers with most of
    the outlet's quoted words; ``top_source_type`` and its share of quoted words;
    ``evaluative_verbs``: share of attributions with a verb that judges ("claimed",
    "admitted") rather than reports ("said"); ``dominant_frame`` and the share of body
    sentences carrying it; ``labels``: the outlet's own (narration) word for the actors it
    names most; ``unique_quotes`` of ``checked_quotes``: quotations found in no other
    outlet; ``reuse_share``: the largest share of one of its articles found in another
    outlet's article (``reuse_with``).
    """
    rows = []
    for outlet, arts in corpus.groupby("outlet", sort=True):
        row: dict[str, object] = {"outlet": outlet, "articles": len(arts),
                                  "words": int(arts["word_count"].sum())}
        voice = _rows_of(tables["voice"], outlet)
        row["narration_tone"] = _weighted(voice.get("narration_mean_compound", pd.Series()),
                                          voice.get("narration_n", pd.Series()))
        row["quoted_tone"] = _weighted(voice.get("quoted_mean_compound", pd.Series()),
                                       voice.get("quoted_n", pd.Series()))
        read = _rows_of(tables["readability"], outlet)
        row["grade"] = float(read["text_standard"].mean()) if len(read) else float("nan")
        row["uk_age"] = float(read["uk_age"].mean()) if len(read) else float("nan")

        speakers = _rows_of(tables["speakers"], outlet)
        speakers = speakers[(speakers["speaker"] != "(unattributed)")
                            & (speakers["words_quoted"] > 0)] if len(speakers) else speakers
        speakers = speakers.sort_values(["share_of_voice", "speaker"], ascending=[False, True])
        row["quoted_words"] = int(_rows_of(tables["speakers"], outlet)["words_quoted"].sum()) \
            if len(tables["speakers"]) else 0
        row["top_sources"] = "; ".join(
            f"{s} ({v:.0%})" for s, v in zip(speakers["speaker"].head(3),
                                              speakers["share_of_voice"].head(3), strict=True))
        types = _rows_of(tables["speaker_types"], outlet)
        types = types[~types["speaker_type"].isin(["unknown", "(unattributed)"])
                      & (types["words_quoted"] > 0)] if len(types) else types
        types = types.sort_values(["share_of_voice", "speaker_type"], ascending=[False, True])
        row["top_source_type"] = types["speaker_type"].iloc[0] if len(types) else ""
        row["top_source_type_share"] = float(types["share_of_voice"].iloc[0]) if len(types) \
            else float("nan")
        verbs = _rows_of(tables["verbs"], outlet)
        row["evaluative_verbs"] = float(verbs["share_evaluative"].iloc[0]) if len(verbs) \
            else float("nan")

        frames = _rows_of(tables["frames"], outlet)
        frame_cols = [c for c in ("conflict", "human_interest", "responsibility", "morality",
                                  "economic") if c in tables["frames"].columns]
        if len(frames) and frame_cols:
            shares = frames[frame_cols].iloc[0].astype(float)
            row["dominant_frame"] = str(shares.idxmax()).replace("_", " ")
            row["dominant_frame_share"] = float(shares.max())
        else:
            row["dominant_frame"], row["dominant_frame_share"] = "", float("nan")

        labels = _rows_of(tables["labels"], outlet)
        labels = labels[labels["narration"] > 0] if len(labels) else labels
        picks = []
        if len(labels):
            by_family = labels.groupby("family")["narration"].sum().sort_values(
                ascending=False, kind="stable")
            for family in list(by_family.index)[:3]:
                fam = labels[labels["family"] == family].sort_values(
                    ["narration", "term"], ascending=[False, True])
                picks.append(f"{family}: \u2018{fam['term'].iloc[0]}\u2019")
        row["labels"] = "; ".join(picks)

        matches = _rows_of(tables["matches"], outlet)
        row["checked_quotes"] = len(matches)
        row["unique_quotes"] = int((matches["status"] == UNIQUE_STATUS).sum()) \
            if len(matches) else 0

        best, partner = float("nan"), ""
        reuse = tables["reuse"]
        if len(reuse):
            for a, b in (("a", "b"), ("b", "a")):
                mine = reuse[(reuse[f"outlet_{a}"] == outlet) & (reuse[f"outlet_{b}"] != outlet)]
                for share, other in zip(mine[f"share_{a}"], mine[f"outlet_{b}"], strict=True):
                    if best != best or share > best:
                        best, partner = float(share), str(other)
        row["reuse_share"], row["reuse_with"] = best, partner
        rows.append(row)
    return pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)


def _pct(x: float) -> str:
    return f"{x:.0%}"


def overview_findings(overview: pd.DataFrame, markdown: bool = False) -> list[str]:
    """Plain-language findings generated from :func:`outlet_overview` (no fixed wording
    about any outlet: every name and number comes from the table). With ``markdown=True``
    outlet names are bold and every name taken from the data is escaped for
    ``IPython.display.Markdown``.

    >>> t = pd.DataFrame({"outlet": ["A", "B"], "narration_tone": [-0.2, 0.1],
    ...     "quoted_tone": [0.0, 0.0], "grade": [10.0, 14.0], "uk_age": [15.0, 19.0],
    ...     "quoted_words": [100, 50], "top_source_type": ["police", "campaign group"],
    ...     "top_source_type_share": [0.41, 0.3], "unique_quotes": [2, 0],
    ...     "checked_quotes": [4, 3], "reuse_share": [0.1, 0.05], "reuse_with": ["B", "A"],
    ...     "dominant_frame": ["conflict", "conflict"], "dominant_frame_share": [0.5, 0.4],
    ...     "evaluative_verbs": [0.3, 0.1]})
    >>> print(overview_findings(t)[1])
    A gives 41% of its quoted words to police sources — the most one-sided voice of any outlet.
    """
    from analysis.html_safety import markdown_text

    def N(name: object) -> str:  # noqa: N802  (an outlet's name)
        return f"**{markdown_text(name)}**" if markdown else str(name)

    def T(text: object) -> str:  # noqa: N802  (other text from the data)
        return markdown_text(text) if markdown else str(text)

    def tied(series: pd.Series, value: float) -> str:
        names = [N(o) for o in series.index[series == value]]
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]

    out: list[str] = []
    t = overview.set_index("outlet")
    several = len(t) > 1

    tone = t["narration_tone"].dropna()
    if several and len(tone) > 1:
        lo, hi = tone.idxmin(), tone.idxmax()
        out.append(f"{N(lo)}'s own narration reads most negative ({tone[lo]:+.2f} on VADER's "
                   f"-1 to +1 scale), {N(hi)}'s most positive ({tone[hi]:+.2f}).")
    elif len(tone):
        out.append(f"{N(tone.index[0])}'s own narration averages {tone.iloc[0]:+.2f} on VADER's "
                   "-1 to +1 scale.")

    voiced = t[(t["quoted_words"] >= 20) & t["top_source_type_share"].notna()]
    if len(voiced):
        who = voiced["top_source_type_share"].idxmax()
        most = " — the most one-sided voice of any outlet" if several and len(voiced) > 1 \
            else ""
        out.append(f"{N(who)} gives {_pct(voiced.loc[who, 'top_source_type_share'])} of its "
                   f"quoted words to {T(voiced.loc[who, 'top_source_type'])} sources{most}.")
    elif t["quoted_words"].sum() == 0:
        out.append("No outlet quotes anyone in quotation marks.")

    grade = t["grade"].dropna()
    if several and len(grade) > 1 and grade.max() > grade.min():
        hard, easy = grade.idxmax(), grade.idxmin()
        verb = "is" if (grade == grade[hard]).sum() == 1 else "are"
        out.append(f"{tied(grade, grade[hard])} {verb} the hardest to read (US grade "
                   f"{grade[hard]:.0f}, UK reading age about {t.loc[hard, 'uk_age']:.0f}); "
                   f"{tied(grade, grade[easy])} the easiest (grade {grade[easy]:.0f}).")

    checked = t[t["checked_quotes"] > 0]
    if several and len(checked):
        share = (checked["unique_quotes"] / checked["checked_quotes"]).sort_values(
            ascending=False, kind="stable")
        who = share.index[0]
        if checked.loc[who, "unique_quotes"] > 0:
            out.append(f"{checked.loc[who, 'unique_quotes']} of {N(who)}'s "
                       f"{checked.loc[who, 'checked_quotes']} quotations appear in no other "
                       "outlet: check them against a second source.")

    reuse = t["reuse_share"].dropna()
    if len(reuse) and reuse.max() > 0:
        who = reuse.idxmax()
        out.append(f"{_pct(reuse[who])} of an article from {N(who)} is found word for word in "
                   f"{N(t.loc[who, 'reuse_with'])}'s coverage: the most recycled text between "
                   "outlets.")

    frames = t["dominant_frame"].replace("", pd.NA).dropna()
    if len(frames):
        top = frames.value_counts().sort_index().sort_values(ascending=False, kind="stable")
        out.append(f"The {T(top.index[0])} frame leads in {top.iloc[0]} of {len(t)} "
                   f"outlet{'s' if len(t) != 1 else ''}.")
    return out


def _axes(ax, height: float):  # type: ignore[no-untyped-def]
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(8, height))
    return ax


def plot_tone(overview: pd.DataFrame, ax=None):  # type: ignore[no-untyped-def]
    """Bars per outlet: mean sentiment of its own narration and of the speech it quotes.

    >>> t = pd.DataFrame({"outlet": ["A"], "narration_tone": [-0.1], "quoted_tone": [0.2]})
    >>> plot_tone(t).get_xlabel()
    'mean VADER compound per sentence (-1 negative to +1 positive)'
    """
    ax = _axes(ax, 1.2 + 0.7 * len(overview))
    data = overview.set_index("outlet")[["narration_tone", "quoted_tone"]].rename(
        columns={"narration_tone": "the outlet's own narration",
                 "quoted_tone": "quoted speech"})
    data.iloc[::-1].plot.barh(ax=ax, color=["#4e79a7", "#f28e2b"], width=0.75)
    ax.axvline(0, color="#333", linewidth=0.8)
    ax.set_xlabel("mean VADER compound per sentence (-1 negative to +1 positive)")
    ax.set_ylabel("outlet")
    ax.set_title("Tone: the outlet's words and the words it quotes")
    ax.legend(loc="best", fontsize="small")
    return ax


def plot_voice(speaker_types: pd.DataFrame, ax=None):  # type: ignore[no-untyped-def]
    """Stacked bars per outlet: share of its quoted words by kind of speaker (%).

    >>> t = pd.DataFrame({"outlet": ["A", "A"], "speaker_type": ["police", "x"],
    ...                   "share_of_voice": [0.75, 0.25]})
    >>> print(plot_voice(t).get_xlabel())
    share of the outlet's quoted words (%)
    """
    n = speaker_types["outlet"].nunique() if len(speaker_types) else 1
    ax = _axes(ax, 1.4 + 0.6 * n)
    if len(speaker_types) == 0:
        ax.text(0.5, 0.5, "no quotations found", ha="center", va="center",
                transform=ax.transAxes)
    else:
        table = speaker_types.pivot_table(index="outlet", columns="speaker_type",
                                          values="share_of_voice", aggfunc="sum", fill_value=0)
        table = (table * 100).loc[:, table.sum().sort_values(ascending=False).index]
        table.iloc[::-1].plot.barh(stacked=True, ax=ax, width=0.7, colormap="tab10")
        ax.legend(title="speaker", fontsize="small", bbox_to_anchor=(1.01, 1), loc="upper left")
    ax.set_xlabel("share of the outlet's quoted words (%)")
    ax.set_ylabel("outlet")
    ax.set_title("Who gets to speak: quoted words by kind of speaker")
    return ax


def plot_grades(overview: pd.DataFrame, ax=None):  # type: ignore[no-untyped-def]
    """Bars per outlet: textstat's consensus US school grade, with the UK reading age.

    >>> t = pd.DataFrame({"outlet": ["A"], "grade": [10.0], "uk_age": [15.0]})
    >>> plot_grades(t).get_xlabel()
    'US school grade (textstat consensus; UK reading age = grade + 5)'
    """
    ax = _axes(ax, 1.2 + 0.5 * len(overview))
    data = overview.set_index("outlet")["grade"].iloc[::-1]
    ax.barh(list(data.index), data.to_numpy(dtype=float), color="#59a14f")
    ax.set_xlabel("US school grade (textstat consensus; UK reading age = grade + 5)")
    ax.set_ylabel("outlet")
    ax.set_title("How hard each outlet's prose is to read")
    return ax


def plot_unique_quotes(overview: pd.DataFrame, ax=None):  # type: ignore[no-untyped-def]
    """Stacked bars per outlet: quotations also found elsewhere and found nowhere else.

    >>> t = pd.DataFrame({"outlet": ["A"], "unique_quotes": [2], "checked_quotes": [5]})
    >>> plot_unique_quotes(t).get_xlabel()
    'quotations of four or more words (count)'
    """
    ax = _axes(ax, 1.2 + 0.5 * len(overview))
    data = overview.set_index("outlet")[["unique_quotes", "checked_quotes"]].iloc[::-1]
    shared = data["checked_quotes"] - data["unique_quotes"]
    ax.barh(list(data.index), shared.to_numpy(dtype=float), color="#76b7b2",
            label="also carried by another outlet")
    ax.barh(list(data.index), data["unique_quotes"].to_numpy(dtype=float),
            left=shared.to_numpy(dtype=float), color="#e15759", label="found in no other outlet")
    ax.set_xlabel("quotations of four or more words (count)")
    ax.set_ylabel("outlet")
    ax.set_title("Quotations nobody else carries")
    ax.legend(loc="best", fontsize="small")
    return ax


def display_table(overview: pd.DataFrame) -> pd.DataFrame:
    """:func:`outlet_overview` as text for a reader: one row per outlet, readable headings,
    numbers rounded, "–" where there is nothing to show.

    >>> t = pd.DataFrame({c: [float("nan")] for c in OVERVIEW_COLUMNS})
    >>> t[["outlet", "top_sources", "top_source_type", "dominant_frame", "labels",
    ...    "reuse_with"]] = ["A", "", "", "", "", ""]
    >>> t[["articles", "unique_quotes", "checked_quotes"]] = [1, 0, 2]
    >>> [str(x) for x in display_table(t).iloc[0].tolist()[:5]]
    ['A', '1', '–', '–', '–']
    """
    def num(x: object, fmt: str) -> str:
        return "–" if pd.isna(x) else format(x, fmt)

    def paired(names: pd.Series, values: pd.Series, fmt: str, joint: str) -> list[str]:
        return [f"{n}{joint}{num(v, fmt)}" if isinstance(n, str) and n else "–"
                for n, v in zip(names, values, strict=True)]

    o = overview
    return pd.DataFrame({
        "outlet": o["outlet"],
        "articles": o["articles"],
        "tone: own words": [num(x, "+.2f") for x in o["narration_tone"]],
        "tone: quoted": [num(x, "+.2f") for x in o["quoted_tone"]],
        "grade (US)": [num(x, ".0f") for x in o["grade"]],
        "top sources (share of quoted words)": [s or "–" for s in o["top_sources"]],
        "main kind of source": [p if p == "–" else p + ")" for p in
                                paired(o["top_source_type"], o["top_source_type_share"], ".0%",
                                       " (")],
        "evaluative verbs": [num(x, ".0%") for x in o["evaluative_verbs"]],
        "dominant frame": [p if p == "–" else p + " of sentences)" for p in
                           paired(o["dominant_frame"], o["dominant_frame_share"], ".0%", " (")],
        "own labels": [s or "–" for s in o["labels"]],
        "quotes found nowhere else": [f"{u} of {n}" for u, n in
                                      zip(o["unique_quotes"], o["checked_quotes"], strict=True)],
        "most text shared": [f"{num(s, '.0%')} with {w}" if isinstance(w, str) and w else "–"
                             for s, w in zip(o["reuse_share"], o["reuse_with"], strict=True)],
    })


#: A picture credit as news captions print it: "Photographer/Agency" or "Agency/Photographer",
#: optionally in brackets ("(Victoria Jones/PA)", "AP Photo/Kin Cheung").
PICTURE_CREDIT = re.compile(
    r"\(?\b[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}/[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\)?")


def trust_signals(corpus: pd.DataFrame, article_id: str,
                  quotes: pd.DataFrame | None = None,
                  matches: pd.DataFrame | None = None) -> list[str]:
    """What a careful reader checks before trusting an article, as plain sentences.

    Who published it, whether it has a headline and a date (and where the date comes from),
    the picture credits its captions print (do they fit the story's place and time?), and
    how many of its quotations any other article in the corpus also carries.

    >>> from analysis import load_corpus
    >>> trust_signals(load_corpus("seeds"), "004")[0]
    'No outlet is named: nothing in the text says who published it.'
    """
    from analysis import attribution, removal_report, split_sentences

    ids = corpus["article_id"].astype(str)
    if article_id not in set(ids):
        raise KeyError(f"no article {article_id!r} in the corpus")
    article = corpus[ids == article_id]
    row = article.iloc[0]
    out = []
    outlet = row.get("outlet")
    if not isinstance(outlet, str) or outlet.strip().lower() in ("", "unknown"):
        out.append("No outlet is named: nothing in the text says who published it.")
    else:
        evidence = row.get("outlet_evidence")
        how = f" (the text's clue: {evidence})" if isinstance(evidence, str) and evidence \
            else ""
        out.append(f"Outlet: {outlet}{how}.")
    headline = row.get("headline")
    if not isinstance(headline, str) or not headline.strip():
        out.append("No headline survives in the text.")
    published = row.get("published")
    scraped = removal_report(article)
    scraped = scraped[scraped["reason"] == "scraped metadata prefix"]
    if isinstance(published, str) and published:
        source = (f"from a scraped prefix (\u201c{scraped['text'].iloc[0]}\u201d), not a "
                  "dateline in the article" if len(scraped) else "from the article")
        out.append(f"Date: {published}, {source}.")
    else:
        out.append("No publication date.")
    sentences = split_sentences(article)
    captions = sentences[sentences["kind"] == "caption"]["text"]
    credits = [m.group(0) for text in captions for m in PICTURE_CREDIT.finditer(text)]
    if credits:
        out.append("Picture credits: " + "; ".join(dict.fromkeys(credits)) + ". Do the "
                   "photographers and agencies fit the place and time of the story?")
    if quotes is None:
        quotes = attribution.extract_quotes(corpus)
    if matches is None:
        matches = attribution.match_quotes(quotes)
    mine = matches[matches["article_id"].astype(str) == article_id] if len(matches) else matches
    if len(mine):
        alone = int((mine["status"] == UNIQUE_STATUS).sum())
        if alone == len(mine):
            out.append(f"None of its {len(mine)} quotations of four or more words appears in "
                       "any other article: each has a single witness.")
        else:
            shared = len(mine) - alone
            out.append(f"{shared} of its {len(mine)} quotations of four or more words "
                       f"{'appears' if shared == 1 else 'appear'} in another article too.")
    else:
        out.append("It has no quotation of four or more words to check against other "
                   "articles.")
    return out
