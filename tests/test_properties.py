"""Property-based tests (hypothesis): any Unicode text never crashes loading, cleaning,
sentence splitting or quotation extraction; offsets always give back their text; and no
line of an article is ever lost (conservation), on generated text and on the seeds.
"""

from __future__ import annotations

import csv
import json
import os
import tempfile
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analysis import CorpusError, load_corpus, load_report, removal_report, split_sentences
from analysis.cleaning import KIND_CODES, clean_article, normalise_line, repair_mojibake

# Quick and repeatable by default (tests/conftest.py); for a long hunt on new examples:
# HYPOTHESIS_PROFILE=hunt PROPERTY_EXAMPLES=2000 pytest tests/test_properties.py
EXAMPLES = int(os.environ.get("PROPERTY_EXAMPLES", "60"))
QUICK = settings(max_examples=EXAMPLES, deadline=None, database=None,
                 suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise the cleaning and splitting rules, mixed with arbitrary Unicode.
PIECES = [
    "\n", "\r\n", "\r", "\n\n", "\u2028", "\x85", "\x0c", "\xa0", "\u200b", "\ufeff", "\t",
    " ", ". ", "! ", "? ", "…", ":", ";", "'", '"', "‘", "’", "“", "”", "«", "»", "(", ")",
    "Mr. ", "Dr. ", "U.S. ", "No. ", "St. ", "J. ", "Sir Mark said: ", "he said. ",
    "comments", "close", "share", "PREV ", "NEXT ", "... trends now", "read more from x.....",
    "date 2024-04-21 ", "published: 2024-13-45 ", "(Jane Doe/PA)", "(pictured)",
    "Police chiefs agree", "The Met apologised.", "'I'm sure,' she said.", "We've ",
    "é", "e\u0301", "ß", "İ", "ﬁ", "🙂", "👍🏽", "中文。", "مرحبا", "עברית", "\u202e",
    "forest.'We", "ROLL TIDE ", "THE BIG STORY ", 'happen?"Wheeler', "himself.Frankly", "Gov.Brown",
    "<script>alert(1)</script>", "{{ x }}", "&amp;", "\x00", "\x01", "\x7f", "\x9b",
    "FranÃ§ois ", "JesÃ\x83Âºs ", "Â£5", "â€œ",
]
newsy = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=12)), max_size=40).map(
    "".join)
any_text = st.one_of(st.text(max_size=300), newsy)


def _content_lines(raw: str, repaired: list[int] = ()) -> list[tuple[int, str]]:
    lines = [(n, normalise_line(repair_mojibake(line) if n in repaired else line))
             for n, line in enumerate(raw.splitlines(), start=1)]
    return [(n, line) for n, line in lines if line]


def assert_conserved_exactly(raw: str, text: str, line_nos: list[int],
                             removed: list[dict], run_together: list[int] = (),
                             repaired: list[int] = (), headings: list[int] = ()) -> None:
    """Every non-blank raw line is accounted for, in order: it is a paragraph of ``text``,
    or a removed line, or a removed prefix followed by the rest (kept or removed). A line
    whose paragraphs ran together (``run_together``) or whose heading was cut off
    (``headings``) is the pieces it was cut into: each is in the line, and together they
    hold all its characters. A line listed in
    ``repaired`` is held as :func:`repair_mojibake` decodes it, and only such a line: every
    other line is held as it was written."""
    for line_no, line in enumerate(raw.splitlines(), start=1):
        assert (repair_mojibake(line) != line) == (line_no in repaired), \
            f"line {line_no}: repaired without a report, or reported unchanged"
    paragraphs = text.split("\n") if text else []
    assert len(paragraphs) == len(line_nos)
    assert line_nos == sorted(line_nos)
    assert len(line_nos) - len(set(line_nos)) <= len(run_together) + len(headings)
    pieces: dict[int, list[str]] = {}
    for row in removed:
        pieces.setdefault(row["line_no"], []).append(row["text"])
    for line_no, paragraph in zip(line_nos, paragraphs, strict=True):
        pieces.setdefault(line_no, []).append(paragraph)
    content = _content_lines(raw, repaired)
    assert set(pieces) == {n for n, _ in content}, "a line number that is not a content line"
    for line_no, line in content:
        if line_no in run_together or line_no in headings:
            assert all(piece in line for piece in pieces[line_no])
            assert sum(len(piece.replace(" ", "")) for piece in pieces[line_no]) == \
                len(line.replace(" ", "")), f"line {line_no} lost or altered: {line!r}"
            continue
        assert " ".join(pieces[line_no]) == line, f"line {line_no} lost or altered: {line!r}"


@QUICK
@given(any_text)
def test_cleaning_conserves_every_line_of_generated_text(raw):
    cleaned = clean_article(raw)
    assert_conserved_exactly(raw, cleaned.text, cleaned.line_nos, cleaned.removed,
                             cleaned.run_together, cleaned.repaired, cleaned.headings)
    assert len(cleaned.kinds) == len(cleaned.line_nos)
    assert set(cleaned.kinds) <= set(KIND_CODES)
    assert "\n\n" not in cleaned.text and cleaned.text == cleaned.text.strip()


def test_cleaning_conserves_every_line_of_the_seeds(corpus):
    report = removal_report(corpus)
    for row in corpus.itertuples():
        cleaned = clean_article(row.raw_text)
        assert cleaned.text == row.text
        removed = report[report.article_id == row.article_id].to_dict("records")
        assert_conserved_exactly(row.raw_text, row.text, cleaned.line_nos, removed)


def assert_sentences_exact(text: str, sentences: pd.DataFrame) -> None:
    assert sentences.sentence_id.tolist() == list(range(len(sentences)))
    previous_end = 0
    for row in sentences.itertuples():
        assert previous_end <= row.start < row.end <= len(text)
        assert text[row.start:row.end] == row.text
        assert row.text == row.text.strip() and "\n" not in row.text
        assert row.kind in {"headline", "caption", "body"}
        previous_end = row.end


@QUICK
@given(any_text)
def test_split_sentences_offsets_on_clean_and_raw_text(raw):
    cleaned = clean_article(raw)
    corpus = pd.DataFrame({"article_id": ["clean", "raw"], "text": [cleaned.text, raw],
                           "line_kinds": [cleaned.kinds, None]})
    sentences = split_sentences(corpus)
    assert set(sentences.article_id) <= {"clean", "raw"}
    for article_id, text in (("clean", cleaned.text), ("raw", raw)):
        assert_sentences_exact(text, sentences[sentences.article_id == article_id])
    # Every non-blank paragraph of the clean text is covered by at least one sentence.
    clean = sentences[sentences.article_id == "clean"]
    assert clean.paragraph_id.nunique() == len(cleaned.kinds)


# --- load_corpus on files --------------------------------------------------------------

BINARY_STARTS = ("GIF8", "%PDF")


@QUICK
@given(any_text)
def test_load_corpus_never_crashes_on_a_text_file(text):
    data = text.encode("utf-8", errors="surrogatepass")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        body = text.removeprefix("\ufeff")
        unusable = (not body.strip() or "\x00" in body or text.startswith(BINARY_STARTS))
        try:
            corpus = load_corpus(path)
        except CorpusError as exc:
            assert unusable, exc
            assert exc.source == str(path)
            return
        assert not unusable
        row = corpus.iloc[0]
        assert row.raw_text == body and row.encoding in {"utf-8", "utf-8-sig"}
        cleaned = clean_article(row.raw_text)
        assert row.text == cleaned.text
        assert_conserved_exactly(row.raw_text, row.text, cleaned.line_nos, cleaned.removed,
                                 cleaned.run_together, cleaned.repaired, cleaned.headings)
        assert_sentences_exact(row.text, split_sentences(corpus))


rows_strategy = st.lists(st.tuples(any_text, st.text(max_size=30)), min_size=1, max_size=5)


def _stored(path: Path, text: str) -> str:
    """The text a table row should load as: a raw NUL byte in a CSV is removed (reported)."""
    return text.replace("\x00", "") if path.suffix == ".csv" else text


def _check_table(path: Path, rows: list[tuple[str, str]]) -> None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            corpus = load_corpus(path)
    except CorpusError as exc:
        assert str(path) in str(exc)
        # Only a corpus with nothing usable, or a file that starts mostly with NUL bytes
        # (what UTF-16 without a byte-order mark looks like), may fail whole.
        head = path.read_bytes()[:4096]
        mostly_nul = head.count(b"\x00") * 10 > len(head) * 3
        assert (all(not _stored(path, text).strip() for text, _ in rows)
                or (mostly_nul and "NUL" in str(exc))), exc
        return
    report = load_report(corpus)
    loaded = dict(zip(corpus.article_id, corpus.raw_text, strict=True))
    reported = set(report.article_id.dropna())
    for i, (raw, _) in enumerate(rows):
        article_id = f"r{i}"
        text = _stored(path, raw)
        if text.strip():
            assert loaded[article_id] == text
        else:
            assert article_id in reported and article_id not in loaded
    for row in corpus.itertuples():
        cleaned = clean_article(row.raw_text)
        assert_conserved_exactly(row.raw_text, row.text, cleaned.line_nos, cleaned.removed,
                                 cleaned.run_together, cleaned.repaired, cleaned.headings)


@QUICK
@given(rows_strategy)
def test_load_corpus_csv_keeps_every_row_or_reports_it(rows):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.csv"
        with path.open("w", encoding="utf-8", newline="", errors="surrogatepass") as handle:
            writer = csv.writer(handle)
            writer.writerow(["article_id", "text", "headline"])
            for i, (text, headline) in enumerate(rows):
                writer.writerow([f"r{i}", text, headline])
        _check_table(path, rows)


@QUICK
@given(rows_strategy, st.booleans())
def test_load_corpus_jsonl_keeps_every_row_or_reports_it(rows, ascii_only):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "table.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for i, (text, headline) in enumerate(rows):
                handle.write(json.dumps({"article_id": f"r{i}", "text": text,
                                         "headline": headline, "outlet": headline},
                                        ensure_ascii=ascii_only) + "\n")
        _check_table(path, rows)


# --- quotations (analysis.attribution, owned by the attribution engineer) ---------------

def _extract_quotes():
    attribution = pytest.importorskip("analysis.attribution")
    if not hasattr(attribution, "extract_quotes"):
        pytest.skip("analysis.attribution.extract_quotes has not landed yet")
    return attribution.extract_quotes


QUOTE_PIECES = PIECES + [
    "'We will not back down,' said Senator Jane Doe. ", '"Never," the senator added. ',
    "He said the force was 'professional'. ", "‘It’s a disgrace,’ Mr Falter told the BBC. ",
    "A spokesman said: “We apologise.” ", "“Open\n", "“continued.” ", "The Met claimed ",
    "that it was wrong. ", "according to police, ",
]
quote_text = st.lists(st.one_of(st.sampled_from(QUOTE_PIECES), st.text(max_size=8)),
                      max_size=30).map("".join)


@settings(max_examples=max(10, EXAMPLES * 2 // 3), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(quote_text)
def test_extract_quotes_offsets_give_back_their_text(raw):
    extract_quotes = _extract_quotes()
    cleaned = clean_article(raw)
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["Example"], "text": [cleaned.text],
                           "line_kinds": [cleaned.kinds]})
    quotes = extract_quotes(corpus)
    text = cleaned.text
    for row in quotes.itertuples():
        assert 0 <= row.start <= row.end <= len(text)
        parts = getattr(row, "parts", None)
        if isinstance(parts, list | tuple) and len(parts) > 1:
            assert "\n".join(text[a:b] for a, b in parts) == row.quote
            assert all(row.start <= a <= b <= row.end for a, b in parts)
        else:
            assert text[row.start:row.end] == row.quote
        if pd.notna(row.speaker_start) and pd.notna(row.speaker_end):
            start, end = int(row.speaker_start), int(row.speaker_end)
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == row.speaker_mention


@QUICK
@given(st.lists(quote_text, min_size=1, max_size=4))
def test_an_actor_table_made_from_any_corpus_loads_and_names_only_what_it_read(texts):
    from analysis.actors import load_actors
    from analysis.corpus_actors import actors_from_corpus

    corpus = pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))],
                           "outlet": "Example", "text": [clean_article(t).text for t in texts]})
    found = actors_from_corpus(corpus)
    assert len(found) <= 15 and found["actor"].is_unique
    for row in found.itertuples():
        # every row rests on articles of this corpus, and its full name was read in them
        assert 1 <= row.n_articles <= len(texts) and row.mentions >= row.n_articles
        assert any(row.actor in text for text in corpus["text"])
    if len(found):
        with warnings.catch_warnings():
            warnings.simplefilter("error")    # no alias shared by two actors, no bad type
            assert load_actors(found)["actor"].tolist() == found["actor"].tolist()


# --- hostile names through every briefing helper -----------------------------------------
# Ids, outlets, actors and headlines are untrusted. Whatever they hold, the HTML the
# briefing helpers write contains no tag or attribute that came from them.

ATTACK_PIECES = [
    "forest.'We", 'happen?"Wheeler', "himself.Frankly", "Gov.Brown",
    "<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "<style>*{color:red}</style>",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    '<a href="javascript:alert(1)">', "javascript:alert(1)", "[x](javascript:alert(1))",
    "![i](https://evil.example/i.png)", "https://evil.example/p", "www.evil.example",
    "a@evil.example", "<https://evil.example>", "\u202e", "\u2066", "$\\frac$", "$$", "{{ x }}",
    "</td></tr></table>", "<!--", "-->", "<![CDATA[", "&lt;", "&amp;", "*", "_", "`", "#", "|",
    "\\", '"', "'", "<", ">", "=", " ", "\n",
]
hostile_name = st.lists(st.one_of(st.sampled_from(ATTACK_PIECES), st.text(max_size=6)),
                        min_size=1, max_size=6).map("".join).filter(lambda s: s.strip() != "")


def _html_parts(html: str) -> tuple[set[str], list[tuple[str, str | None]]]:
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: set[str] = set()
            self.attrs: list[tuple[str, str | None]] = []

        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            self.tags.add(tag)
            self.attrs.extend(attrs)

        handle_startendtag = handle_starttag

    parser = Collect()
    parser.feed(html)
    parser.close()
    return parser.tags, parser.attrs


#: Attributes whose value a browser follows or applies (text in ``title`` is only text).
ACTIVE_ATTRIBUTES = {"href", "src", "action", "formaction", "content", "style", "data",
                     "srcset", "background", "poster"}


def _assert_no_markup_from(html: str, names: list[str], tags: set[str],
                           attrs: set[str], braces: bool = True, bidi: bool = True) -> None:
    found_tags, found_attrs = _html_parts(html)
    assert found_tags <= tags, (found_tags - tags, names)
    assert {a for a, _ in found_attrs} <= attrs, (found_attrs, names)
    for name, value in found_attrs:
        if name in ACTIVE_ATTRIBUTES:
            assert "javascript" not in (value or "").lower(), (value, names)
            assert "evil.example" not in (value or ""), (value, names)
    assert not bidi or ("\u202e" not in html and "\u2066" not in html)
    # Braces are entities in the HTML helpers' output; a Markdown renderer decodes them.
    assert not braces or "{{" not in html


@QUICK
@given(st.lists(hostile_name, min_size=2, max_size=3, unique=True), hostile_name)
def test_html_safety_helpers_keep_hostile_names_as_text(names, headline):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    from analysis.html_safety import escape, escape_frame, frame_to_html, markdown_text

    frame = pd.DataFrame({"article_id": names, "outlet": names[::-1],
                          "headline": [headline] * len(names), "n": range(len(names))})
    table_tags = {"table", "thead", "tbody", "tr", "th", "td"}
    _assert_no_markup_from(frame_to_html(frame), names, table_tags, {"border", "class",
                                                                       "style"})
    styled = escape_frame(frame).style.to_html()
    _assert_no_markup_from(styled, names, table_tags | {"style"}, {"id", "class", "type"})
    _assert_no_markup_from(f"<p>{escape(headline)}</p>", [headline], {"p"}, set())
    for name in [*names, headline]:
        rendered = markdown2html_mistune(f"**{markdown_text(name)}** reads most negative.")
        _assert_no_markup_from(rendered, [name], {"p", "strong"}, set(), braces=False)


def _annotated(names: list[str], text_piece: str) -> str:
    from analysis.view import annotate

    text = f"{text_piece} said: \"It was {names[0]}\" in the end."
    corpus = pd.DataFrame({"article_id": names, "outlet": names[::-1],
                           "headline": names, "text": [text] * len(names),
                           "raw_text": [text] * len(names)})
    start = text.index('"')
    quotes = pd.DataFrame({"article_id": [names[0]], "kind": ["direct"], "start": [start],
                           "end": [text.index('"', start + 1) + 1],
                           "speaker": [names[-1]]})
    return annotate(corpus, names[0], quotes=quotes, loaded=False, sentiment=False
                    )._repr_html_()


@QUICK
@given(st.lists(hostile_name.filter(lambda s: '"' not in s), min_size=1, max_size=3,
                unique=True), hostile_name.filter(lambda s: '"' not in s))
def test_annotate_keeps_hostile_ids_outlets_and_speakers_as_text(names, text_piece):
    benign = _annotated(["Alpha", "Beta", "Gamma"][:len(names)], "Police")
    tags, attrs = _html_parts(benign)
    html = _annotated(names, text_piece)
    # Tags and attributes only: view.py escapes with html.escape, which keeps braces and
    # direction controls (see the strict xfail below).
    _assert_no_markup_from(html, names, tags, {a for a, _ in attrs}, braces=False, bidi=False)
    for tag in ("<style", "<script", "<meta", "<a "):
        assert html.count(tag) == benign.count(tag), tag


def test_annotate_escapes_like_html_safety():
    html = _annotated(["The \u202eTimes"], "{{ 7*7 }}")
    assert "\u202e" not in html and "{{" not in html


#: At-a-glance columns that hold names (from the data); the others hold numbers.
NAME_COLUMNS = {"outlet", "top_sources", "top_source_type", "dominant_frame", "labels",
                "reuse_with"}
COUNT_COLUMNS = {"articles", "words", "stories", "quoted_words", "quotations",
                 "unique_quotes", "checked_quotes"}


def overview_table(names: list[str], values: list[float] | None = None) -> pd.DataFrame:
    """An at-a-glance table (``briefing.OVERVIEW_COLUMNS``, whatever they are) with the
    given outlet names, every name column filled with names from the data and every
    measure with ``values`` (one per outlet; distinct by default), intervals around it."""
    from analysis.briefing import OVERVIEW_COLUMNS

    n = len(names)
    base = values if values is not None else [0.1 + 0.2 * i for i in range(n)]
    table: dict[str, list] = {}
    for column in OVERVIEW_COLUMNS:
        if column in NAME_COLUMNS:
            table[column] = names if column == "outlet" else names[::-1]
        elif column in COUNT_COLUMNS or column.endswith("_n"):
            table[column] = [40] * n if column != "unique_quotes" else [1] * n
        elif column.endswith("_lo"):
            table[column] = [v - 0.05 for v in base]
        elif column.endswith("_hi"):
            table[column] = [v + 0.05 for v in base]
        elif column in {"grade", "uk_age"}:
            table[column] = [v * 10 + (5 if column == "uk_age" else 0) for v in base]
        else:
            table[column] = list(base)
    return pd.DataFrame(table, columns=OVERVIEW_COLUMNS)


@settings(max_examples=max(10, EXAMPLES // 3), deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_name, min_size=2, max_size=3, unique=True))
def test_at_a_glance_table_and_plots_keep_hostile_outlets_as_text(names):
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from analysis import briefing
    from analysis.html_safety import escape_frame, frame_to_html

    overview = overview_table(names)
    table = briefing.display_table(overview)
    _assert_no_markup_from(frame_to_html(table), names,
                           {"table", "thead", "tbody", "tr", "th", "td"}, {"border", "class",
                                                                           "style"})
    _assert_no_markup_from(escape_frame(table).style.to_html(), names,
                           {"table", "thead", "tbody", "tr", "th", "td", "style"},
                           {"id", "class", "type"})
    # Charts: "$" is no mathtext (the figure is drawn at all) and names stay SVG text.
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        for plot in (briefing.plot_tone, briefing.plot_grades):
            ax = plot(overview)
            buffer = io.StringIO()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", UserWarning)  # glyphs the font lacks
                ax.figure.savefig(buffer, format="svg")
            plt.close(ax.figure)
            svg_tags, svg_attrs = _html_parts(buffer.getvalue())
            assert not svg_tags & {"script", "a", "foreignobject", "img", "meta", "iframe"}
            assert not any(a.startswith("on") for a, _ in svg_attrs)


@QUICK
@given(st.lists(hostile_name, min_size=1, max_size=3), hostile_name, hostile_name)
def test_the_index_keeps_hostile_titles_findings_and_corpus_names_as_text(texts, corpus,
                                                                          error):
    from analysis.briefing import Page, write_index

    def render(texts: list[str], corpus: str, error: str) -> str:
        pages = [Page(f"0{i}_x.ipynb", f"0{i}_x.html", t, t[::-1])
                 for i, t in enumerate(texts)]
        pages.append(Page("09_y.ipynb", "09_y.html", "Y", "", error=error))
        with tempfile.TemporaryDirectory() as folder:
            return write_index(pages, Path(folder), corpus, corpus).read_text(encoding="utf-8")

    benign = render(["Alpha", "Beta", "Gamma"][:len(texts)], "corpus", "failed")
    html = render(texts, corpus, error)
    allowed_tags, benign_attrs = _html_parts(benign)
    _assert_no_markup_from(html, [*texts, corpus, error], allowed_tags,
                           {a for a, _ in benign_attrs}, braces=False, bidi=False)
    tags, attrs = _html_parts(html)
    for name, value in attrs:
        assert name != "href" or value in {v for a, v in benign_attrs if a == "href"}, value
    for tag in ("<script", "<meta", "<style", "<a ", "<img", "<iframe"):
        assert html.count(tag) == benign.count(tag), tag


def test_the_index_escapes_like_html_safety():
    from analysis.briefing import Page, write_index

    with tempfile.TemporaryDirectory() as folder:
        html = write_index([Page("0.ipynb", "0.html", "The \u202eTimes", "{{ 7*7 }}")],
                           Path(folder), "c", "d").read_text(encoding="utf-8")
    assert "\u202e" not in html and "{{" not in html


HOSTILE_OUTLETS = ['<img src=x onerror="alert(1)">', "https://evil.example/x",
                   "Money$\\frac$Times", "The \u202eTimes [x](javascript:alert(1))"]


def test_findings_from_a_corpus_of_hostile_names_carry_no_markup(tmp_path):
    """The findings ("In short") of the briefing, from a real (tiny) corpus whose outlets,
    ids and headlines are attacks, rendered as Markdown: no tag or attribute from them."""
    import inspect

    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    from analysis import briefing

    rows = []
    for i, outlet in enumerate(HOSTILE_OUTLETS):
        for j in range(2):
            rows.append({"article_id": f"<b>{i}{j}</b>", "outlet": outlet,
                         "headline": f"<script>h{i}</script>",
                         "text": f"The minister said the plan was {'bad' if i else 'good'}. "
                                 f'"It is a disaster," said {outlet}. Police met {i} times.'})
    path = tmp_path / "c.jsonl"
    pd.DataFrame(rows).to_json(path, orient="records", lines=True, force_ascii=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        corpus = load_corpus(path)
        tables = briefing.briefing_tables(corpus)
        overview = briefing.outlet_overview(corpus, tables)
        wanted = inspect.signature(briefing.overview_findings).parameters
        extra = {k: v for k, v in {"corpus": corpus, "tables": tables}.items() if k in wanted}
        findings = briefing.overview_findings(overview, markdown=True, **extra)
    assert findings
    for finding in findings:
        rendered = markdown2html_mistune(finding)
        _assert_no_markup_from(rendered, HOSTILE_OUTLETS, {"p", "strong", "em"}, set(),
                               braces=False)
