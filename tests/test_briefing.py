"""The HTML briefing: offline pages, an index with findings, clear errors on bad input."""

from __future__ import annotations

import functools
import html
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import briefing, glance

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"

SMALL_CORPUS = {
    "harbour.txt": (
        "Council delays harbour wall repairs after storm damage\n"
        "The county council has postponed repairs to the harbour wall until next spring, "
        "officials said on Tuesday.\n"
        "\"We cannot start work while the sea is this rough,\" said council engineer Ann Lowe.\n"
        "Fishermen said the delay would cost them a season. \"It is a disaster for us,\" "
        "said Tom Reed, who chairs the harbour users' group.\n"
    ),
    "harbour_second.txt": (
        "Harbour wall work put off until spring\n"
        "Repairs to the storm-damaged harbour wall will not begin before March, the council "
        "confirmed.\n"
        "Council engineer Ann Lowe said: \"We cannot start work while the sea is this rough.\"\n"
        "Local businesses claimed the council had ignored warnings for years.\n"
    ),
    "hostile.txt": (
        f"Readers test the page {HOSTILE_SCRIPT}\n"
        f"A reader wrote {HOSTILE_SCRIPT} and {HOSTILE_IMG} into a comment about the harbour.\n"
        f"\"Put {HOSTILE_IMG} in the headline,\" said the reader, Sam Hill.\n"
        "The council said it would reply next week.\n"
    ),
}


def make_small_corpus(folder: Path) -> Path:
    """Write a three-article corpus of plain .txt files (no manifest), one of them hostile."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in SMALL_CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def run_briefing(corpus: Path, out: Path, actors: Path = ROOT / "seeds" / "actors.csv"):
    """Run the command `make briefing` runs, with the output in ``out``."""
    return subprocess.run(
        [sys.executable, "-m", "analysis.briefing", "--corpus", str(corpus),
         "--actors", str(actors), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )


@functools.cache
def _build(base: Path) -> tuple[Path, Path, subprocess.CompletedProcess]:
    corpus = make_small_corpus(base / "corpus")
    out = base / "briefing"
    return corpus, out, run_briefing(corpus, out)


@pytest.fixture(scope="session")
def small_briefing(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """The briefing of the three-article corpus: (corpus, out folder, finished command).

    Built once per test session (the browser test uses it too): every notebook runs.
    """
    return built_briefing(tmp_path_factory)


def built_briefing(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """Build (once per session) the briefing of the small corpus."""
    return _build(tmp_path_factory.getbasetemp() / "small_briefing")


@pytest.mark.slow  # a whole briefing render (every notebook runs): make test-all
def test_briefing_on_a_plain_text_corpus_is_offline_and_indexed(small_briefing):
    """The whole briefing on three generated .txt files (about a minute: every notebook runs)."""
    corpus, out, result = small_briefing
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr

    notebooks = briefing.find_notebooks()
    assert notebooks, "the workbook has notebooks"
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a href="([^"]+)">', index)
    assert links == [nb.stem + ".html" for nb in notebooks]
    assert "3 articles from 1 outlet" in index

    for nb in notebooks:
        page = (out / (nb.stem + ".html")).read_text(encoding="utf-8")
        # Nothing that runs or loads anything: no script, link, frame, object or font.
        assert not re.search(r"<(script|link|iframe|object|embed)\b", page, re.IGNORECASE), nb
        assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.IGNORECASE)
        assert not re.search(r"url\(\s*[\"']?(https?:)?//|@import", page, re.IGNORECASE)
        # Every image is embedded; the hostile one never becomes a tag.
        for src in re.findall(r"<img\b[^>]*\bsrc\s*=\s*\"?([^\"\s>]*)", page, re.IGNORECASE):
            assert src.startswith("data:image/"), (nb, src[:40])
        assert HOSTILE_IMG not in page
        assert "Content-Security-Policy" in page
        # Code is hidden: the parameters papermill injected do not show.
        assert str(corpus) not in page
        assert "injected-parameters" not in page
        executed = nbformat.read(out / "notebooks" / nb.name, as_version=4)
        assert executed.metadata.papermill.parameters["CORPUS"] == str(corpus)


def test_a_corpus_that_fails_to_load_gives_a_message_and_exit_code_2(tmp_path, capsys):
    empty = tmp_path / "empty"
    empty.mkdir()
    code = briefing.main(["--corpus", str(empty), "--out", str(tmp_path / "out"),
                          "--no-progress"])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("error: the corpus or actor table could not be loaded:")
    assert str(empty) in err and "Traceback" not in err
    assert not (tmp_path / "out" / "index.html").exists()


def test_a_missing_actor_table_gives_exit_code_2(tmp_path, capsys):
    corpus = make_small_corpus(tmp_path / "corpus")
    code = briefing.main(["--corpus", str(corpus), "--actors", str(tmp_path / "none.csv"),
                          "--out", str(tmp_path / "out"), "--no-progress"])
    assert code == 2
    assert "none.csv" in capsys.readouterr().err


def test_no_notebooks_is_an_error(tmp_path, capsys):
    code = briefing.main(["--notebooks", str(tmp_path), "--out", str(tmp_path / "out")])
    assert code == 2
    assert "no notebooks" in capsys.readouterr().err


def test_summary_is_the_first_sentence_after_in_short():
    v4 = nbformat.v4
    nb = v4.new_notebook(cells=[
        v4.new_markdown_cell("# Who speaks?\n\nThe question."),
        v4.new_code_cell("x", outputs=[v4.new_output(
            "display_data",
            data={"text/markdown": "**In short:** Outlet *A* quotes police for 41% of its "
                                   "quoted words. Outlet B quotes them least."})]),
    ])
    assert briefing.notebook_title(nb, "fallback") == "Who speaks?"
    assert briefing.notebook_summary(nb) == "Outlet A quotes police for 41% of its quoted words."
    assert briefing.notebook_summary(v4.new_notebook()) == ""


def test_rendered_page_hides_code_and_parameter_cells_and_loads_nothing():
    v4 = nbformat.v4
    nb = v4.new_notebook(cells=[
        v4.new_markdown_cell("# Title"),
        v4.new_code_cell('CORPUS = "secret-path"', metadata={"tags": ["injected-parameters"]}),
        v4.new_code_cell("print_me()", outputs=[
            v4.new_output("stream", name="stdout", text="visible output\n"),
            v4.new_output("stream", name="stderr", text="a warning\n"),
            v4.new_output("display_data", data={
                "text/plain": "interactive(children=(Dropdown()))",
                # (a model id no random hexadecimal cell id can hold)
                briefing.WIDGET_MIME: {"model_id": "model-xyz", "version_major": 2}})]),
    ])
    page = briefing.render_html(nb, "Title")
    assert "visible output" in page
    for hidden in ("secret-path", "print_me", "a warning", "interactive(", "model-xyz"):
        assert hidden not in page
    assert not re.search(r"<script\b", page)
    assert "require.js" not in page and "mathjax" not in page.lower()
    assert 'href="index.html"' in page


@pytest.fixture(scope="module")
def seed_overview(corpus):
    tables = briefing.briefing_tables(corpus, ROOT / "seeds" / "actors.csv")
    return tables, briefing.outlet_overview(corpus, tables)


def test_overview_has_one_row_per_outlet_with_the_seed_facts(corpus, seed_overview):
    _, overview = seed_overview
    o = overview.set_index("outlet")
    assert sorted(o.index) == sorted(corpus["outlet"].unique())
    assert o.loc["MailOnline", "articles"] == 2
    assert o.loc["MailOnline", "words"] == corpus.loc[corpus.outlet == "MailOnline",
                                                      "word_count"].sum()
    # The manifest: seed 004's quotations appear in no other seed.
    assert o.loc["unknown", "checked_quotes"] > 0
    assert o.loc["unknown", "unique_quotes"] == o.loc["unknown", "checked_quotes"]
    # Seed 003 prints the CST statement MailOnline's aggregator copy (001) also prints.
    assert o.loc["Jewish community paper", "reuse_with"] == "MailOnline"
    assert o.loc["Jewish community paper", "reuse_share"] > 0.05
    for column in ("narration_tone", "quoted_tone"):
        assert o[column].between(-1, 1).all()
    assert o["dominant_frame"].isin(["conflict", "human interest", "responsibility",
                                     "morality", "economic"]).all()


def test_a_quotation_an_outlet_repeats_in_its_own_articles_is_in_no_other_outlet(tmp_path):
    # written for this test: a paper that printed the same article twice had had only 13
    # of its 37 quotations counted as "found in no other outlet" (the others were in its
    # own second copy); the one another outlet prints is the only one found elsewhere
    from analysis.attribution import in_no_other_outlet

    said = ("“We will fight this ruling in every court,” Jane Doe said. "
            "“The people deserve a fair hearing today,” Tom Hale said.")
    corpus = pd.DataFrame({"article_id": ["a1", "a2", "b1"], "outlet": ["A", "A", "B"],
                           "text": [said, said, "“The people deserve a fair hearing "
                                    "today,” Tom Hale said at noon."]})
    from analysis import attribution

    tables = {"matches": attribution.match_quotes(attribution.extract_quotes(corpus))}
    m = tables["matches"].set_index(["article_id", "quote"])
    alone = in_no_other_outlet(tables["matches"]).to_numpy()
    assert dict(zip(m.index, alone, strict=True)) == {
        ("a1", "We will fight this ruling in every court"): True,
        ("a1", "The people deserve a fair hearing today"): False,
        ("a2", "We will fight this ruling in every court"): True,
        ("a2", "The people deserve a fair hearing today"): False,
        ("b1", "The people deserve a fair hearing today"): False}
    only = glance.only_here(tables["matches"])
    assert only["outlet"].tolist() == ["A"]
    # the outlet table counts over every outlet's quotations, not one outlet's alone
    from analysis import load_corpus

    corpus.to_csv(tmp_path / "corpus.csv", index=False)
    loaded = load_corpus(tmp_path / "corpus.csv")
    overview = briefing.outlet_overview(loaded, briefing.briefing_tables(loaded, None))
    counts = overview.set_index("outlet")[["unique_quotes", "checked_quotes"]]
    assert counts.to_dict("index") == {"A": {"unique_quotes": 2, "checked_quotes": 4},
                                       "B": {"unique_quotes": 0, "checked_quotes": 1}}


def test_findings_on_the_seeds_compare_nothing_resting_on_one_article(corpus, seed_overview):
    tables, overview = seed_overview
    found = briefing.overview_findings(overview, corpus=corpus, tables=tables)
    # Only MailOnline has two articles (manifest): no tone or grade comparison is possible.
    assert sorted(overview.loc[overview["articles"] >= 2, "outlet"]) == ["MailOnline"]
    tone = [f for f in found if "tone of their own words" in f]
    assert len(tone) == 1 and "too few to say" in tone[0]
    assert not any("most negative" in f or "more negative" in f for f in found)
    # Every outlet figure in the shown table carries its n; none says "1 articles".
    shown = briefing.display_table(overview).to_string()
    assert "1 articles" not in shown and "nan" not in shown.lower()
    assert "2 articles, 40 sentences" in shown  # MailOnline's narration (checked above)


def test_findings_escape_outlet_names_from_the_data():
    ids = ["1", "2", "3", "4", "5", "6", "7", "8"]
    outlets = [HOSTILE_SCRIPT] * 4 + ["B"] * 4
    corpus = pd.DataFrame({"article_id": ids, "outlet": outlets, "text": ["x"] * 8,
                           "word_count": [1] * 8})
    voice = pd.DataFrame({"article_id": ids, "outlet": outlets, "narration_n": [10] * 8,
                          "narration_mean_compound": [-0.5, -0.52, -0.51, -0.5,
                                                      0.4, 0.42, 0.41, 0.4],
                          "quoted_n": [0] * 8, "quoted_mean_compound": [float("nan")] * 8})
    empty = pd.DataFrame()
    tables = {"voice": voice, "readability": empty, "frame_sentences": None,
              "quotes": pd.DataFrame(columns=["article_id", "outlet", "kind", "n_words"]),
              "speakers": empty, "speaker_types": empty, "matches": empty, "reuse": empty}
    text = " ".join(f.text for f in glance.findings(corpus, tables, markdown=True))
    assert "<script" not in text and "&lt;script&gt;" in text
    assert "the more negative" in text


def test_findings_on_one_outlet_make_no_comparison():
    corpus = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["Solo", "Solo"],
                           "text": ["x", "y"], "word_count": [1, 1]})
    voice = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["Solo", "Solo"],
                          "narration_n": [5, 5], "narration_mean_compound": [-0.2, 0.1],
                          "quoted_n": [0, 0], "quoted_mean_compound": [float("nan")] * 2})
    empty = pd.DataFrame()
    tables = {"voice": voice, "readability": empty, "frame_sentences": None,
              "quotes": pd.DataFrame(columns=["article_id", "outlet", "kind", "n_words"]),
              "speakers": empty, "speaker_types": empty, "matches": empty, "reuse": empty}
    found = [f.text for f in glance.findings(corpus, tables)]
    assert found == ["The corpus has one outlet (Solo, 2 articles): there is nothing to "
                     "compare it with.", "No outlet quotes anyone in quotation marks."]


def test_trust_signals_list_what_a_reader_should_check(corpus):
    signals = briefing.trust_signals(corpus, "004")
    text = " ".join(signals)
    assert signals[0] == "No outlet is named: nothing in the text says who published it."
    assert "2024-04-21" in text and "scraped prefix" in text
    assert "AP Photo/Kin Cheung" in text and "AP Photo/Alberto Pezzali" in text
    assert "None of its" in text  # its quotations appear in no other seed (manifest)
    mail = " ".join(briefing.trust_signals(corpus, "000"))
    assert "Outlet: MailOnline" in mail and "told MailOnline" in mail
    with pytest.raises(KeyError):
        briefing.trust_signals(corpus, "999")


def test_picture_credits_are_found_in_the_forms_captions_use():
    found = [m.group(0) for m in briefing.PICTURE_CREDIT.finditer(
        "Sir Mark (Victoria Jones/PA) and AP Photo/Kin Cheung, but not and/or or 1/2")]
    assert found == ["(Victoria Jones/PA)", "AP Photo/Kin Cheung"]


def test_a_failing_notebook_is_rendered_and_listed_as_failed(tmp_path, capsys):
    v4 = nbformat.v4
    folder = tmp_path / "notebooks"
    folder.mkdir()
    nb = v4.new_notebook(cells=[
        v4.new_markdown_cell("# 00 · Works"),
        v4.new_code_cell('CORPUS = ""\nACTORS = ""\nOUTPUT_DIR = ""',
                         metadata={"tags": ["parameters"]}),
        v4.new_code_cell("from IPython.display import Markdown\n"
                         "Markdown(f'**In short:** {len(CORPUS) > 0} path given.')"),
    ])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, folder / "00_works.ipynb")
    nb.cells = [v4.new_markdown_cell("# 01 · Fails"),
                v4.new_code_cell("raise ValueError('boom <b>')")]
    nbformat.write(nb, folder / "01_fails.ipynb")
    out = tmp_path / "out"
    code = briefing.main(["--notebooks", str(folder), "--out", str(out), "--no-progress"])
    captured = capsys.readouterr()
    assert code == 1
    assert "01_fails.ipynb" in captured.err
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "<p>True path given.</p>" in index
    assert "Did not finish: ValueError: boom &lt;b&gt;" in index
    assert "boom" in (out / "01_fails.html").read_text(encoding="utf-8")


def test_a_kernel_that_dies_at_start_is_started_again(tmp_path, monkeypatch):
    import papermill

    calls = []

    def flaky(*args, **kwargs):
        calls.append(args)
        if len(calls) == 1:
            raise RuntimeError("Kernel died before replying to kernel_info")

    monkeypatch.setattr(papermill, "execute_notebook", flaky)
    monkeypatch.setattr(briefing.time, "sleep", lambda seconds: None)
    assert briefing.run_notebook(tmp_path / "a.ipynb", tmp_path / "b.ipynb", {}) is None
    assert len(calls) == 2


def test_an_unexpected_failure_is_reported_not_raised(tmp_path, monkeypatch):
    import papermill

    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(papermill, "execute_notebook", broken)
    error = briefing.run_notebook(tmp_path / "a.ipynb", tmp_path / "b.ipynb", {})
    assert error == "OSError: disk full"


def test_inputs_skipped_while_loading_are_named_in_a_note(tmp_path):
    """The briefing checks the inputs while its kernels start, with their output sent to a
    log: the loader's note on a skipped file still goes to the stream it is given."""
    import io

    corpus = make_small_corpus(tmp_path / "corpus")
    (corpus / "broken.txt").write_bytes(b"")
    notes = io.StringIO()
    briefing.check_inputs(corpus, ROOT / "seeds" / "actors.csv", notes=notes)
    assert notes.getvalue().startswith("note: 1 input(s) skipped: broken.txt")


def test_quotations_found_nowhere_else_are_one_finding_when_many_outlets_have_them():
    outlets = ["A", "B", "C", "D", "E"]
    corpus = pd.DataFrame({"article_id": outlets, "outlet": outlets, "text": ["x"] * 5,
                           "word_count": [1] * 5})
    overview = pd.DataFrame({"outlet": outlets, "quotations": [10] * 5,
                             "checked_quotes": [10, 8, 5, 4, 2],
                             "unique_quotes": [10, 2, 5, 1, 0],
                             "top_source_type_share_lo": [float("nan")] * 5,
                             "reuse_share": [float("nan")] * 5, "reuse_with": [""] * 5})
    empty = pd.DataFrame()
    tables = {"voice": empty, "readability": empty, "frame_sentences": None,
              "quotes": pd.DataFrame(columns=["article_id", "outlet", "kind", "n_words"]),
              "speakers": empty, "speaker_types": empty, "matches": empty, "reuse": empty}
    found = [f.text for f in glance.findings(corpus, tables, overview=overview)
             if f.measure == "quotation matching"]
    # 18 of the 29 checked quotations, in the 4 outlets (of 5) that have any; shares by
    # outlet 100%, 25%, 100%, 25%: the lowest (alphabetically first) is B, the highest A.
    assert found == ["18 of the 29 quotations of four or more words appear in no other "
                     "outlet, in 4 of the 5 outlets that quote (from 25% of B's to 100% of "
                     "A's): check those a point rests on against a second source."]
    few = overview[overview["outlet"].isin(["A", "B", "C"])]
    listed = [f.text for f in glance.findings(corpus[corpus.outlet.isin(["A", "B", "C"])],
                                              tables, overview=few)
              if f.measure == "quotation matching"]
    assert len(listed) == 3 and listed[1].startswith("2 of B's 8 quotations")
    # every outlet's quotations all found nowhere else: one share, not "from 100% of A's to
    # 100% of A's"
    alone = overview.assign(unique_quotes=overview["checked_quotes"])
    same = [f.text for f in glance.findings(corpus, tables, overview=alone)
            if f.measure == "quotation matching"]
    assert same == ["29 of the 29 quotations of four or more words appear in no other "
                    "outlet, in 5 of the 5 outlets that quote (100% of each one's): check "
                    "those a point rests on against a second source."]


def test_sums_of_money_in_article_text_render_as_written():
    # Two "$" in one value once opened and closed a formula: the text between them was shown
    # raw, with Markdown's backslashes ("$7\.06 … taxes\.").
    import nbformat

    from analysis.html_safety import markdown_text

    text = "Drivers pay $7.06 a gallon, half of it in taxes. A $0.25 rise set Paris alight."
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x", outputs=[
        nbformat.v4.new_output("display_data", data={"text/markdown": markdown_text(text),
                                                     "text/plain": "x"})])])
    page = briefing.render_html(nb, "t")
    shown = html.unescape(re.sub(r"<[^>]+>", "", page))
    assert text in shown


def test_the_index_summary_shows_an_escaped_outlet_name_as_written():
    # The "In short" Markdown backslashes punctuation in names from the data ("usa\-today");
    # the one-line summary on the index is plain text and must not show the backslash.
    from analysis.html_safety import markdown_text

    name = "usa-today (print)"
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_markdown_cell("## In short"),
        nbformat.v4.new_markdown_cell(f"**{markdown_text(name)}** quotes most. Others less.")])
    assert briefing.notebook_summary(nb) == "usa-today (print) quotes most."


def test_the_seed_actor_table_on_another_corpus_is_named_as_such(tmp_path):
    import io

    (tmp_path / "a.txt").write_text("The council voted to close the library on Monday.\n",
                                    encoding="utf-8")
    notes = io.StringIO()
    seeds_actors = Path(briefing.ROOT) / "seeds" / "actors.csv"
    description = briefing.check_inputs(tmp_path, seeds_actors, notes=notes)
    assert description == f"1 article from 1 outlet; {briefing.SEED_ACTORS_NOTE}"
    assert briefing.SEED_ACTORS_NOTE in notes.getvalue()
    own = tmp_path / "actors.csv"
    own.write_text("actor,aliases,type\nCouncil,the council,government\n", encoding="utf-8")
    assert briefing.check_inputs(tmp_path, own, notes=io.StringIO()) == "1 article from 1 outlet"
    said = io.StringIO()
    assert briefing.check_inputs(tmp_path, own, notes=said, actors_note="a table made here") \
        == "1 article from 1 outlet; a table made here"
    assert said.getvalue() == "note: a table made here\n"


def test_a_figure_counts_the_articles_that_hold_its_items(tmp_path):
    # Outlet A: three articles quote someone, one quotes nobody (written for this test). The
    # judging-verb share rests on the three; the outlet has four articles.
    quoting = ['"We will fight the closure," Jane Doe said on {d}. "It is wrong," she added.',
               '"The plan is sound," Bill Roe claimed on {d}. "Trust us," he said.',
               '"Nobody asked us," Jane Doe said on {d}, and the council met.']
    texts = [q.format(d=d) for q, d in zip(quoting, ("Monday", "Tuesday", "Friday"),
                                          strict=True)]
    texts.append("The library closes in May. The council voted on Monday evening.")
    corpus = pd.DataFrame({"article_id": [f"a{i}" for i in range(4)], "outlet": ["A"] * 4,
                           "text": texts})
    corpus["word_count"] = corpus["text"].str.split().str.len()
    actors = tmp_path / "actors.csv"
    actors.write_text("actor,aliases,type\nJane Doe,Doe,person\nBill Roe,Roe,person\n",
                      encoding="utf-8")
    row = glance.outlet_overview(corpus, glance.briefing_tables(corpus, actors)).iloc[0]
    assert int(row["articles"]) == 4
    assert int(row["evaluative_verbs_articles"]) == 3
    assert int(row["top_source_type_share_articles"]) == 3
    assert int(row["narration_tone_articles"]) == 4
    assert "3 articles" in glance.figure_text(row, "evaluative_verbs")


def test_the_main_kind_of_source_says_what_it_leaves_out(tmp_path):
    # Sam Poe (not in the actor table) is quoted at length, Jane Doe (listed) briefly
    texts = ['"We will fight the closure of the library with every means we have," Sam Poe '
             'said. "Fine," Jane Doe said.',
             '"The plan is wrong and the council knows it is wrong," Sam Poe said on Monday.',
             '"No," Jane Doe said. "The vote was fair and the count was open," Sam Poe said.']
    corpus = pd.DataFrame({"article_id": ["a1", "a2", "a3"], "outlet": ["A"] * 3,
                           "text": texts})
    corpus["word_count"] = corpus["text"].str.split().str.len()
    actors = tmp_path / "actors.csv"
    actors.write_text("actor,aliases,type\nJane Doe,Doe,campaigner\n", encoding="utf-8")
    tables = glance.briefing_tables(corpus, actors)
    quotes = tables["quotes"]
    words = quotes["quote"].str.split().str.len()
    listed = words[quotes["speaker_type"] == "campaigner"].sum()
    row = glance.outlet_overview(corpus, tables).iloc[0]
    assert row["unlisted_share"] == pytest.approx(1 - listed / words.sum())
    assert row["unlisted_share"] > glance.UNLISTED_SHOWN
    shown = glance.display_table(glance.outlet_overview(corpus, tables)).iloc[0]
    assert (f"{row['unlisted_share']:.0%} from speakers the actor table does not list"
            in shown["main kind of source (share of quoted words)"])


def test_the_findings_compare_the_share_of_passives_that_hide_the_doer():
    # outlet A writes passives with no doer, outlet B names the doer of each; five articles
    # each with three passives in narration
    hidden = "The road was closed. The school was shut. The mayor was criticised."
    named = ("The road was closed by the council. The school was shut by its head. "
             "The mayor was criticised by the unions.")
    corpus = pd.DataFrame({"article_id": [f"a{i}" for i in range(10)],
                           "outlet": ["A"] * 5 + ["B"] * 5,
                           "text": [hidden] * 5 + [named] * 5})
    corpus["word_count"] = corpus["text"].str.split().str.len()
    tables = glance.briefing_tables(corpus)
    assert int((~tables["passives"]["in_quote"]).sum()) == 30
    found = [f for f in glance.findings(corpus, tables) if f.measure == "agentless passives"]
    assert len(found) == 1
    # A: 15 of 15 hidden (100%); B: 0 of 15 (0%)
    assert found[0].text.startswith("B is the lower and A the higher on the share of "
                                    "passives in their own words that name no doer")
    assert "A 100% (5 articles, 15 passives)" in found[0].text
    assert found[0].validated == (glance._status("agentless passives") == "validated")
