"""Every bad input we could think of: a clear CorpusError naming the file (and row) and the
reason, or the good articles load and the bad ones are listed in load_report — never a raw
traceback, never a silent drop, never a good article lost because a neighbour was bad.

Each case here is a row of the README table "What happens when…".
"""

from __future__ import annotations

import codecs
import json
import os
import warnings
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus, load_report, removal_report, split_sentences
from analysis import corpus as corpus_module
from analysis.html_safety import (
    escape,
    escape_frame,
    frame_to_html,
    markdown_text,
    safe_link,
)

GOOD = "The commissioner said the force would review its approach.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06"


def _load(path, **kwargs):
    """load_corpus with its 'inputs skipped' warning captured (asserted where it matters)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(path, **kwargs)


def _report(corpus) -> dict[str, str]:
    """Report rows by file name (or file#row): 'problem | action'."""
    return {Path(r.source_file).name + (f"#{r.row}" if pd.notna(r.row) else ""):
            f"{r.problem} | {r.action}" for r in load_report(corpus).itertuples()}


def _single(tmp_path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- one bad file alone: CorpusError naming it; among good files: reported ------------

BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\t\n\xc2\xa0\n", "only whitespace"),
    "image.txt": (PNG, "binary file"),
    "image.html": (PNG, "binary file"),
    "nul.txt": (b"Some text\x00\x00with NUL bytes", "NUL bytes"),
    "utf16-no-bom.txt": ("Plain words".encode("utf-16-le"), "byte-order mark"),
    "bad-bom.txt": (codecs.BOM_UTF8 + b"caf\xe9", "invalid UTF-8"),
    # a UTF-8 byte-order mark does not make NUL bytes text (found by the property tests)
    "bom-nul.txt": (codecs.BOM_UTF8 + b"\x00", "NUL bytes"),
    "big.txt": (b"x" * 2_000, "per-article limit"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_alone_raises_corpus_error_naming_it(tmp_path, name):
    data, reason = BAD_FILES[name]
    path = _single(tmp_path, name, data)
    with pytest.raises(CorpusError, match=reason) as caught:
        load_corpus(path, max_article_bytes=1_000)
    assert str(path) in str(caught.value)
    assert caught.value.source == str(path)


def test_bad_files_among_good_ones_nothing_lost_nothing_silent(tmp_path):
    for name, (data, _) in BAD_FILES.items():
        _single(tmp_path, name, data)
    (tmp_path / "good-1.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good-2.txt").write_text("Second good article.\n", encoding="cp1252")
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 not an article")
    (tmp_path / "sub").mkdir()
    with pytest.warns(UserWarning, match=f"{len(BAD_FILES)} input"):
        corpus = load_corpus(tmp_path, max_article_bytes=1_000)
    assert corpus.article_id.tolist() == ["good-1", "good-2"]
    assert corpus.raw_text.tolist() == [GOOD, "Second good article.\n"]
    report = _report(corpus)
    for name, (_, reason) in BAD_FILES.items():
        assert reason in report[name] and report[name].endswith("skipped"), name
    assert "not an article file" in report["notes.docx"]
    assert "subfolder" in report["sub"]
    # No silent drop: every entry of the folder is either an article or a report row.
    loaded = {Path(f).name for f in corpus.source_file}
    assert loaded | set(report) == {p.name for p in tmp_path.iterdir()}


def test_errors_raise_names_the_file_and_row(tmp_path):
    lines = ['{"article_id": "a", "text": "First."}', "{broken", '{"text": "Third."}']
    (tmp_path / "c.jsonl").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"c\.jsonl \(row 2\): not valid JSON") as caught:
        load_corpus(tmp_path / "c.jsonl", errors="raise")
    assert caught.value.row == 2


def test_missing_path_and_unknown_suffix(tmp_path):
    with pytest.raises(CorpusError, match="no such file"):
        load_corpus(tmp_path / "nope.txt")
    (tmp_path / "article.pdf").write_bytes(b"%PDF-1.4")
    with pytest.raises(CorpusError, match=r"article\.pdf: not a corpus"):
        load_corpus(tmp_path / "article.pdf")


def test_broken_link_is_reported(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    corpus = _load(tmp_path)
    assert corpus.article_id.tolist() == ["good"]
    assert "broken link" in _report(corpus)["link.txt"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="file permissions do not stop root")
def test_unreadable_file_is_reported(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    locked = tmp_path / "locked.txt"
    locked.write_text(GOOD, encoding="utf-8")
    locked.chmod(0)
    try:
        corpus = _load(tmp_path)
    finally:
        locked.chmod(0o600)
    assert "cannot read" in _report(corpus)["locked.txt"]


def test_an_article_of_nothing_but_noise_loads_empty_and_says_so(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "noise.txt").write_text("comments\nshare\nread more from example.....\n",
                                        encoding="utf-8")
    corpus = _load(tmp_path)
    assert corpus.set_index("article_id").loc["noise", "text"] == ""
    assert "every line was removed" in _report(corpus)["noise.txt"]
    assert len(removal_report(corpus).query("article_id == 'noise'")) == 3
    assert "noise" not in set(split_sentences(corpus).article_id)


# --- encodings -------------------------------------------------------------------------

SAMPLE = "Café owners said: ‘It’s “fine” – no €100 fee.’"


@pytest.mark.parametrize(
    ("data", "encoding", "expected"),
    [
        (SAMPLE.encode("cp1252"), "cp1252", SAMPLE),
        # Latin-1 bytes cp1252 cannot decode (0x81, 0x8d are unassigned there).
        ("Zoë \x81 Ångström".encode("latin-1"), "latin-1", "Zoë Ångström"),
        (codecs.BOM_UTF16_LE + SAMPLE.encode("utf-16-le"), "utf-16", SAMPLE),
        (codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"), "utf-16", SAMPLE),
        (codecs.BOM_UTF8 + SAMPLE.encode(), "utf-8-sig", SAMPLE),
    ],
)
def test_encodings(tmp_path, data, encoding, expected):
    (tmp_path / "a.txt").write_bytes(data)
    corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "encoding"] == encoding
    assert corpus.loc[0, "text"] == expected


def test_one_cp1252_line_does_not_turn_a_utf8_jsonl_into_mojibake(tmp_path):
    lines = [json.dumps({"article_id": "a", "text": "It’s a ‘quote’."}, ensure_ascii=False)
             .encode(),
             json.dumps({"article_id": "b", "text": "Café – fine."}, ensure_ascii=False)
             .encode("cp1252"),
             json.dumps({"article_id": "c", "text": "Naïve ‘again’."}, ensure_ascii=False)
             .encode()]
    (tmp_path / "c.jsonl").write_bytes(b"\n".join(lines))
    corpus = load_corpus(tmp_path / "c.jsonl")
    assert corpus.text.tolist() == ["It’s a ‘quote’.", "Café – fine.", "Naïve ‘again’."]
    assert corpus.encoding.tolist() == ["utf-8", "cp1252", "utf-8"]


def test_utf16_jsonl_and_csv_with_bom(tmp_path):
    (tmp_path / "c.jsonl").write_bytes(codecs.BOM_UTF16_LE + (json.dumps(
        {"article_id": "a", "text": SAMPLE}, ensure_ascii=False) + "\n").encode("utf-16-le"))
    assert load_corpus(tmp_path / "c.jsonl").text.tolist() == [SAMPLE]
    (tmp_path / "c.csv").write_bytes(codecs.BOM_UTF8 + f'article_id,text\nx,"{SAMPLE}"\n'
                                     .encode())
    corpus = load_corpus(tmp_path / "c.csv")
    assert corpus.article_id.tolist() == ["x"] and corpus.text.tolist() == [SAMPLE]


# --- size ------------------------------------------------------------------------------

def test_a_20_mb_single_line_file_is_refused_with_the_per_article_limit(tmp_path):
    with open(tmp_path / "huge.txt", "wb") as handle:
        handle.write(b"word " * 4_000_000)  # 20 MB, no newline
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with pytest.warns(UserWarning, match="huge.txt"):
        corpus = load_corpus(tmp_path)
    assert corpus.article_id.tolist() == ["good"]
    problem = _report(corpus)["huge.txt"]
    assert "20.0 MB, over the 5.0 MB per-article limit" in problem
    assert "max_article_bytes" in problem
    with pytest.raises(CorpusError, match="huge.txt: file is 20.0 MB"):
        load_corpus(tmp_path / "huge.txt")


def test_a_20_mb_row_of_a_csv_or_jsonl_is_reported_and_its_neighbours_load(tmp_path):
    huge = "word " * 4_000_000
    pd.DataFrame({"article_id": ["a", "huge", "c"], "text": ["First.", huge, "Third."]}
                 ).to_csv(tmp_path / "c.csv", index=False)
    with (tmp_path / "c.jsonl").open("w", encoding="utf-8") as handle:
        for article_id, text in (("a", "First."), ("huge", huge), ("c", "Third.")):
            handle.write(json.dumps({"article_id": article_id, "text": text}) + "\n")
    for name, row in (("c.csv", 3), ("c.jsonl", 2)):
        corpus = _load(tmp_path / name)
        assert corpus.article_id.tolist() == ["a", "c"], name
        assert "per-article limit" in _report(corpus)[f"{name}#{row}"]


def test_the_corpus_size_limit_names_the_size_and_how_to_raise_it(tmp_path):
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text(GOOD * 10, encoding="utf-8")
    size = sum(p.stat().st_size for p in tmp_path.iterdir())
    with pytest.raises(CorpusError, match=r"over the 0\.0 MB .*max_corpus_bytes") as caught:
        load_corpus(tmp_path, max_corpus_bytes=size - 1)
    assert str(tmp_path) in str(caught.value)
    assert len(load_corpus(tmp_path, max_corpus_bytes=size)) == 3


def test_the_table_size_limit(tmp_path):
    pd.DataFrame({"text": [GOOD] * 50}).to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(CorpusError, match=r"c\.csv: the file is .*max_corpus_bytes"):
        load_corpus(tmp_path / "c.csv", max_corpus_bytes=1_000)


def test_a_corpus_bigger_than_free_memory_fails_with_a_memory_message(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(GOOD * 100, encoding="utf-8")
    monkeypatch.setattr(corpus_module, "available_memory", lambda: 10_000)
    with pytest.raises(CorpusError, match=r"needs about .* of memory but only .* is free"):
        load_corpus(tmp_path)
    monkeypatch.setattr(corpus_module, "available_memory", lambda: None)
    assert len(load_corpus(tmp_path)) == 1


def test_ten_thousand_tiny_files_each_read_and_cleaned_once(tmp_path, monkeypatch):
    n = 10_000
    for i in range(n):
        fd = os.open(tmp_path / f"a{i:05d}.txt", os.O_WRONLY | os.O_CREAT, 0o644)
        os.write(fd, f"Article number {i} says hello.\n".encode())
        os.close(fd)
    calls = []
    real = corpus_module.clean_article
    monkeypatch.setattr(corpus_module, "clean_article",
                        lambda raw, headline=None: calls.append(1) or real(raw, headline))
    corpus = load_corpus(tmp_path)
    assert len(corpus) == n and corpus.article_id.is_unique
    assert corpus.loc[n - 1, "text"] == f"Article number {n - 1} says hello."
    assert len(calls) == n  # linear work: no file is cleaned twice


def test_a_long_load_report_is_not_copied_by_every_pandas_operation(tmp_path):
    # pandas deep-copies DataFrame.attrs on each operation; the report is shared instead,
    # so filtering a corpus with a 10,000-row report stays cheap.
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    corpus.attrs["load_report"] = type(corpus.attrs["load_report"])(
        [{"source_file": "x", "row": None, "article_id": None, "problem": "p", "action": "a"}]
        * 10_000)
    subset = corpus[corpus.word_count > 0].set_index("article_id").reset_index()
    assert subset.attrs["load_report"] is corpus.attrs["load_report"]
    assert len(load_report(subset)) == 10_000


# --- HTML pages ------------------------------------------------------------------------

ARTICLE_HTML = ("<html><head><title>Police review</title></head><body><article><h1>Police "
                "review</h1>" + "<p>" + " ".join([GOOD.strip()] * 4) + "</p>" * 1
                + "</article></body></html>")


def test_a_deeply_nested_page_is_reported_with_the_reason(tmp_path):
    depth = 5_000
    nested = ("<html><body>" + "<div>" * depth + "<p>" + GOOD * 5 + "</p>" + "</div>" * depth
              + "</body></html>")
    (tmp_path / "nested.html").write_text(nested, encoding="utf-8")
    (tmp_path / "page.html").write_text(ARTICLE_HTML, encoding="utf-8")
    corpus = _load(tmp_path)
    assert corpus.article_id.tolist() == ["page"]
    assert "nested" in _report(corpus)["nested.html"]
    with pytest.raises(CorpusError, match=r"nested\.html: HTML nested \d+\+ levels deep"):
        load_corpus(tmp_path / "nested.html")


def test_a_script_laden_page_gives_its_text_and_none_of_its_scripts(tmp_path):
    page = ("<html><head><title>Police review</title><script>var stolen = document.cookie;"
            "</script><style>p {color: red}</style></head><body>"
            "<script>document.write('INJECTED')</script><article>"
            "<p>" + GOOD.strip() + " " + GOOD.strip() + "</p>"
            "<img src=x onerror=\"alert('IMG')\"><script>alert('INLINE')</script>"
            "<p>A second paragraph of reporting follows here, with more detail.</p>"
            "<noscript>NOSCRIPT</noscript><iframe src='javascript:alert(1)'></iframe>"
            "</article><script>alert('TAIL')</script></body></html>")
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    text = load_corpus(tmp_path).loc[0, "text"]
    assert GOOD.strip() in text and "second paragraph" in text
    # (<noscript> content is text meant for readers, so the extractor may keep it.)
    for leaked in ("stolen", "INJECTED", "IMG", "INLINE", "TAIL", "color: red", "javascript"):
        assert leaked not in text


# --- manifests -------------------------------------------------------------------------

def _manifest(tmp_path, rows):
    pd.DataFrame(rows).to_csv(tmp_path / "manifest.csv", index=False)


def test_manifest_pointing_outside_the_folder_is_refused(tmp_path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (tmp_path / "secret.txt").write_text("Private notes.\n", encoding="utf-8")
    (corpus_dir / "a.txt").write_text(GOOD, encoding="utf-8")
    _manifest(corpus_dir, [{"article_id": "a", "file": "a.txt"},
                           {"article_id": "s", "file": "../secret.txt"},
                           {"article_id": "p", "file": "/etc/hostname"}])
    corpus = _load(corpus_dir)
    assert corpus.article_id.tolist() == ["a"]
    problems = load_report(corpus).set_index("article_id").problem
    assert "outside the corpus folder" in problems["s"]
    assert "outside the corpus folder" in problems["p"]


def test_manifest_id_that_collides_with_an_unlisted_file_keeps_both_good_articles(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Unlisted article.\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third article.\n", encoding="utf-8")
    _manifest(tmp_path, [{"article_id": "b", "file": "a.txt"},
                         {"article_id": "c", "file": "c.txt"}])
    corpus = _load(tmp_path)
    assert corpus.article_id.tolist() == ["b", "c"]
    assert "already used by" in _report(corpus)["b.txt"]


def test_manifest_listing_a_file_twice_and_computed_columns(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    _manifest(tmp_path, [{"article_id": "x", "file": "a.txt", "text": "not the text"},
                         {"article_id": "y", "file": "./a.txt", "text": ""}])
    corpus = load_corpus(tmp_path)
    assert corpus.article_id.tolist() == ["x", "y"]
    assert corpus.text.tolist() == [GOOD.strip()] * 2
    report = load_report(corpus)
    assert "also listed on row 2" in report.problem.iloc[1]
    assert "text are computed by load_corpus" in report.problem.iloc[0]


def test_manifest_headers_in_another_case_or_with_spaces(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text("Article_ID, File ,Outlet\nx,a.txt,Paper\n",
                                           encoding="utf-8-sig")
    corpus = load_corpus(tmp_path)
    assert corpus[["article_id", "outlet"]].values.tolist() == [["x", "Paper"]]


def test_manifest_that_is_binary(tmp_path):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "manifest.csv").write_bytes(PNG)
    with pytest.raises(CorpusError, match=r"manifest\.csv: binary file"):
        load_corpus(tmp_path)


# --- tables ----------------------------------------------------------------------------

@pytest.mark.parametrize(("delimiter", "suffix"),
                         [(",", ".csv"), (";", ".csv"), ("\t", ".csv"), ("|", ".csv"),
                          ("\t", ".tsv")])
def test_csv_delimiters(tmp_path, delimiter, suffix):
    frame = pd.DataFrame({"article_id": ["a", "b"], "outlet": ["Paper", "Wire"],
                          "text": ["One, two; three.", "Tab\tand | bar."]})
    frame.to_csv(tmp_path / f"c{suffix}", index=False, sep=delimiter)
    corpus = load_corpus(tmp_path / f"c{suffix}")
    assert corpus.raw_text.tolist() == frame.text.tolist()
    assert corpus.outlet.tolist() == ["Paper", "Wire"]


def test_csv_column_names_in_another_case_or_with_spaces(tmp_path):
    (tmp_path / "c.csv").write_text("Article_ID , Text ,Outlet\nq1,Body text.,Paper\n",
                                    encoding="utf-8")
    corpus = load_corpus(tmp_path / "c.csv")
    assert corpus.loc[0, "article_id"] == "q1" and corpus.loc[0, "outlet"] == "Paper"


@pytest.mark.parametrize(
    ("content", "match"),
    [
        ("", "empty file"),
        ("\n\n", "empty file"),
        ("article_id,body\na,x\n", r"no 'text' column \(columns: article_id, body\)"),
        ("article_id,text\n", "empty file"),
    ],
)
def test_unusable_csv(tmp_path, content, match):
    (tmp_path / "c.csv").write_text(content, encoding="utf-8")
    with pytest.raises(CorpusError, match=rf"c\.csv: {match}"):
        load_corpus(tmp_path / "c.csv")


def test_csv_rows_with_too_many_or_too_few_fields_are_reported(tmp_path):
    (tmp_path / "c.csv").write_text(
        "article_id,text,outlet\na,Good one.,Paper\nb,Unquoted, comma,Paper\nc\n"
        "d,Good two.,Wire,\n", encoding="utf-8")
    corpus = _load(tmp_path / "c.csv")
    assert corpus.article_id.tolist() == ["a", "d"]
    report = _report(corpus)
    assert "1 more field(s) than the header (an unquoted comma" in report["c.csv#3"]
    assert "fewer fields than the header" in report["c.csv#4"]
    assert None not in corpus.columns


def test_stray_nul_bytes_in_a_table_are_removed_and_reported(tmp_path):
    (tmp_path / "c.csv").write_bytes(b"article_id,text\na,Fine.\nb,Stray\x00 NUL in a long row.\n")
    corpus = load_corpus(tmp_path / "c.csv")
    assert corpus.raw_text.tolist() == ["Fine.", "Stray NUL in a long row."]
    assert "stray NUL bytes on line 3" in _report(corpus)["c.csv#3"]


def test_a_table_in_utf16_without_bom_is_refused_with_a_hint(tmp_path):
    (tmp_path / "c.csv").write_bytes("article_id,text\na,Fine.\n".encode("utf-16-le"))
    with pytest.raises(CorpusError, match=r"c\.csv: binary data \(NUL bytes\).*byte-order"):
        load_corpus(tmp_path / "c.csv")


def test_jsonl_oddities_are_each_reported_and_the_good_rows_load(tmp_path):
    lines = [
        json.dumps({"article_id": "ok", "text": "One\u2028two\u2029three."},
                   ensure_ascii=False),                                  # 1: U+2028 inside
        '{"article_id": "num", "text": 42}',                             # 2: text a number
        '[1, 2, 3]',                                                     # 3: not an object
        '{"article_id": "none"}',                                        # 4: no text
        "[" * 100_000,                                                   # 5: nested too deep
        '{"article_id": 0, "text": "Zero is an id."}',                   # 6: id 0 kept
        '{"article_id": "ok", "text": "Duplicate."}',                    # 7: duplicate id
        '{"article_id": "sur", "text": "Lone \\ud800 surrogate."}',      # 8: lone surrogate
        '{"article_id": "raw", "text": "Own text.", "raw_text": "x", "line_kinds": "zz"}',
        '{"article_id": "blank", "text": "  "}',                         # 10: blank text
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = _load(tmp_path / "c.jsonl")
    assert corpus.article_id.tolist() == ["ok", "0", "sur", "raw"]
    raw = corpus.set_index("article_id").raw_text
    assert raw["ok"] == "One\u2028two\u2029three."  # (cleaning treats them as line breaks)
    assert raw["sur"] == "Lone \ufffd surrogate."
    assert corpus.set_index("article_id").loc["raw", "raw_text"] == "Own text."
    report = _report(corpus)
    assert "not a string (int)" in report["c.jsonl#2"]
    assert "not a JSON object" in report["c.jsonl#3"]
    assert "no 'text' field" in report["c.jsonl#4"]
    assert "nested too deeply" in report["c.jsonl#5"]
    assert "duplicate article_id 'ok' (first on row 1)" in report["c.jsonl#7"]
    assert "surrogate" in report["c.jsonl#8"]
    assert "empty text" in report["c.jsonl#10"]
    assert "line_kinds, raw_text are computed by load_corpus" in report["c.jsonl"]
    sentences = split_sentences(corpus)  # nothing above trips the splitter
    assert set(sentences.article_id) == {"ok", "0", "sur", "raw"}


# --- untrusted text stays text ---------------------------------------------------------

HOSTILE = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click here</a>',
    "{{ constructor.constructor('alert(1)')() }}",
    "${7*7} <!-- comment --> &amp; </td></tr></table><b>",
]


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.data: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)

    def handle_data(self, data):
        self.data.append(data)


def _parse(html: str) -> _TagCollector:
    parser = _TagCollector()
    parser.feed(html)
    parser.close()
    return parser


TABLE_TAGS = {"table", "thead", "tbody", "tr", "th", "td"}


@pytest.fixture
def hostile_corpus(tmp_path):
    lines = [f"Headline with {HOSTILE[0]}"] + [f"The reader wrote {h} in a comment."
                                             for h in HOSTILE]
    (tmp_path / "h.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _manifest(tmp_path, [{"article_id": "h<1>", "file": "h.txt",
                          "outlet": '<img src=x onerror="alert(2)">'}])
    return load_corpus(tmp_path)


def test_hostile_text_loads_as_text(hostile_corpus):
    text = hostile_corpus.loc[0, "text"]
    for hostile in HOSTILE:
        assert hostile in text  # kept literally: neither stripped nor interpreted


def test_hostile_text_is_escaped_in_dataframe_html(hostile_corpus):
    sentences = split_sentences(hostile_corpus)
    for hostile in HOSTILE:
        assert sentences.text.str.contains(hostile, regex=False).any()
    frame = sentences.assign(outlet=hostile_corpus.loc[0, "outlet"])
    html = frame_to_html(frame)
    parsed = _parse(html)
    assert parsed.tags <= TABLE_TAGS
    assert not any(value and "javascript" in value for _, value in parsed.attrs)
    assert "{{" not in html and "}}" not in html
    shown = "".join(parsed.data)
    for hostile in HOSTILE:
        assert hostile in shown  # the reader sees the text as written


def test_pandas_repr_escapes_but_styler_does_not_and_escape_frame_fixes_it(hostile_corpus):
    sentences = split_sentences(hostile_corpus)
    assert _parse(sentences._repr_html_()).tags <= TABLE_TAGS | {"div", "style"}
    # The hazard this module exists for: a Styler renders cells as raw HTML.
    assert {"script", "img", "a"} <= _parse(sentences.style.to_html()).tags
    styled = escape_frame(sentences).style.format(precision=1).to_html()
    assert _parse(styled).tags <= TABLE_TAGS | {"style"}
    assert "{{" not in styled


def test_load_report_with_a_hostile_file_name_renders_safely(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "<img src=x onerror=alert(1)>.txt").write_bytes(b"")
    report = load_report(_load(tmp_path))
    assert "<img" in report.source_file.iloc[0]
    assert _parse(frame_to_html(report)).tags <= TABLE_TAGS


def test_markdown_and_links():
    for hostile in HOSTILE:
        assert not _parse(markdown_text(hostile)).tags
    assert "\\[" in markdown_text("[x](javascript:alert(1))")
    assert safe_link("javascript:alert(1)", "<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"
    assert safe_link(" JavaScript:alert(1)") == "JavaScript:alert(1)"
    assert safe_link("data:text/html,<script>") == "data:text/html,&lt;script&gt;"
    assert safe_link("https://example.org/?q=<x>").startswith(
        '<a href="https://example.org/?q=&lt;x&gt;"')
    assert escape(None) == "" and escape("{{x}}") == "&#123;&#123;x&#125;&#125;"


def test_missing_values_never_render_as_a_raw_na_tag():
    frame = pd.DataFrame({"n": pd.array([1, None], dtype="Int64"),
                          "s": pd.array(["<b>x</b>", None], dtype="string"),
                          "o": pd.Series(["{{y}}", None], dtype=object),
                          "f": [0.5, float("nan")]})
    assert _parse(frame_to_html(frame)).tags <= TABLE_TAGS
    styled = escape_frame(frame).style.format(precision=2).to_html()
    assert _parse(styled).tags <= TABLE_TAGS | {"style"}
    assert "{{" not in styled and "&lt;b&gt;x&lt;/b&gt;" in styled


# === Round two: hostile corpora, as an attacker would try them ============================
# Each test below failed on the code before the fix it names.

FIVE_ROWS = ("article_id,outlet,text\n1,A,First good article.\n2,B,\"An unclosed quote.\n"
             "3,C,Third good article.\n4,D,\"Fourth, quoted properly.\"\n5,E,Fifth article.\n")


def test_csv_with_one_unbalanced_quote_loses_no_row_and_reports_it(tmp_path):
    (tmp_path / "c.csv").write_text(FIVE_ROWS, encoding="utf-8")
    corpus = _load(tmp_path / "c.csv")
    assert corpus.article_id.tolist() == ["1", "2", "3", "4", "5"]
    assert corpus.raw_text.tolist() == [
        "First good article.", '"An unclosed quote.', "Third good article.",
        "Fourth, quoted properly.", "Fifth article."]
    report = _report(corpus)
    assert "unbalanced" in report["c.csv#3"] and "line 3" in report["c.csv#3"]
    with pytest.raises(CorpusError, match=r"c\.csv \(row 3\): .*unbalanced"):
        load_corpus(tmp_path / "c.csv", errors="raise")


def test_tsv_whose_text_starts_with_a_quotation_keeps_its_quote_marks(tmp_path):
    (tmp_path / "t.tsv").write_text(
        'article_id\ttext\na\t"We will not resign," the minister said.\nb\tPlain text.\n',
        encoding="utf-8")
    corpus = _load(tmp_path / "t.tsv")
    assert corpus.raw_text.tolist() == ['"We will not resign," the minister said.',
                                        "Plain text."]
    assert "quotation mark kept as text" in _report(corpus)["t.tsv#2"]


def test_manifest_with_an_unbalanced_quote_keeps_the_other_rows(tmp_path):
    for name in "abc":
        (tmp_path / f"{name}.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "manifest.csv").write_text(
        'file,outlet,headline\na.txt,Paper,"Unclosed headline\nb.txt,Wire,Fine\nc.txt,Post,Ok\n',
        encoding="utf-8")
    corpus = _load(tmp_path)
    assert corpus.set_index("article_id").outlet.to_dict() == {
        "a": "Paper", "b": "Wire", "c": "Post"}
    assert "unbalanced" in _report(corpus)["manifest.csv#2"]


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX matter")
def test_a_file_name_that_is_not_utf8_loads_and_is_reported(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt"), "wb") as handle:
        handle.write(b"The caf\xc3\xa9 owner said the lane was a disaster.\n")
    corpus = _load(tmp_path)
    assert sorted(corpus.article_id) == ["café", "good"]
    report = load_report(corpus)
    assert "not valid UTF-8" in report.set_index("article_id").loc["café", "problem"]
    # Every string can now be written where the cache writes it (it used to stop the load).
    corpus.drop(columns=["line_kinds"]).to_parquet(tmp_path / "c.parquet")
    report.to_parquet(tmp_path / "r.parquet")


def test_an_article_with_no_body_sentences_gives_defined_readability(tmp_path):
    """At the level of the functions notebook 02 calls: an article that is only a
    headline (or text the sentence rules find no body in) gets a row with no sentences and
    no grade — not a made-up number — and no sentence lengths, so a notebook must handle
    an empty set of sentences for it (it took the argmax of one)."""
    from analysis import readability as R
    from analysis import split_sentences as split

    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "headline.txt").write_text("Police chiefs agree to talks\n", encoding="utf-8")
    corpus = _load(tmp_path)
    sentences = split(corpus)
    clean = R.article_readability(corpus, sentences).set_index("article_id")
    assert clean.loc["headline", "n_sentences"] == 0
    assert pd.isna(clean.loc["headline", "flesch_kincaid_grade"])
    assert clean.loc["good", "n_sentences"] == 1
    lengths = R.sentence_lengths(corpus, sentences)
    assert "headline" not in set(lengths.article_id)


MATH_NAMES = [r"Money$\frac$Times", "Save $$", "Wall $treet $ense"]
_PLOT = """
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
names = {names!r}
fig, ax = plt.subplots()
ax.bar(range(len(names)), [1, 2, 3])
ax.set_xticks(range(len(names)), names)
ax.set_title(names[0])
fig.savefig({out!r})
print(ax.get_title() == names[0] and plt.rcParams["text.parse_math"] is False)
"""


@pytest.mark.parametrize("where", [".", "notebooks"])
def test_dollar_signs_in_names_are_not_mathtext_where_notebooks_run(tmp_path, where):
    import subprocess
    import sys

    from .conftest import ROOT

    code = _PLOT.format(names=MATH_NAMES, out=str(tmp_path / "p.png"))
    env = {k: v for k, v in os.environ.items() if k != "MATPLOTLIBRC"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT / where, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-500:]
    assert done.stdout.strip() == "True"


def test_dollar_signs_under_papermill_from_notebooks(tmp_path):
    """The briefing runs each notebook with papermill from notebooks/: the setting applies."""
    import nbformat
    import papermill

    from .conftest import ROOT

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(
        _PLOT.format(names=MATH_NAMES, out=str(tmp_path / "p.png")))]
    source, executed = tmp_path / "m.ipynb", tmp_path / "m.out.ipynb"
    nbformat.write(nb, source)
    papermill.execute_notebook(str(source), str(executed), cwd=str(ROOT / "notebooks"),
                               progress_bar=False, kernel_name="python3")
    out = nbformat.read(executed, as_version=4).cells[0].outputs
    assert any("True" in o.get("text", "") for o in out), out


# --- actor tables -----------------------------------------------------------------------

def _actors(tmp_path, content: bytes | str, name: str = "actors.csv"):
    from analysis.actors import load_actors

    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = load_actors(path)
    report = {int(r.row): f"{r.problem} | {r.action}" for r in load_report(table).itertuples()}
    return table.set_index("actor"), report, [str(w.message) for w in caught]


@pytest.mark.parametrize(("content", "match"), [
    (b"", "empty file"),
    (b"actor,aliases,type\n", "empty actor table"),
    (b"name,forms\nX,Y\n", "no 'actor' column"),
    (PNG, "binary file"),
])
def test_an_unusable_actor_table_is_one_corpus_error(tmp_path, content, match):
    from analysis.actors import load_actors

    (tmp_path / "actors.csv").write_bytes(content)
    with pytest.raises(CorpusError, match=rf"actors\.csv: {match}"):
        load_actors(tmp_path / "actors.csv")


def test_actor_table_in_cp1252_with_capitalised_headers(tmp_path):
    table, report, caught = _actors(
        tmp_path, "Actor,Aliases,Type\nCafé Owner,Café Owner;the owner,person\n"
        .encode("cp1252"))
    assert table.loc["Café Owner", "aliases"] == ["Café Owner", "the owner"]
    assert table.loc["Café Owner", "type"] == "person"
    assert not report and not caught


def test_actor_table_with_an_unbalanced_quote_keeps_the_next_actors(tmp_path):
    table, report, caught = _actors(
        tmp_path, 'actor,aliases,type\nX,"X;Ex,person\nZed,Zed;Mr Zed,person\n')
    assert table.loc["Zed", "aliases"] == ["Zed", "Mr Zed"]
    assert "unbalanced" in report[2] and caught


def test_actor_input_mistakes_are_reported_with_row_and_fix(tmp_path):
    table, report, caught = _actors(tmp_path, (
        "actor,aliases,type\n"
        "Met Police,Met Police;the Met,police\n"
        "Jane Doe,Jane Doe,Ms Doe,person\n"        # ',' where ';' belonged
        "John Roe,John Roe;Mr Roe,polcie\n"        # unknown type
        "Jane Doe,Doe,person\n"                    # the same actor again
        "Bob Smith,Bob Smith;the Met,person\n"))   # an alias of another actor
    assert table.loc["Jane Doe", "aliases"] == ["Jane Doe", "Ms Doe", "Doe"]
    assert table.loc["Jane Doe", "type"] == "person"
    assert "instead of ';'" in report[3] and "separate aliases with ';'" in report[3]
    assert "unknown type 'polcie'" in report[4] and "did you mean 'police'" in report[4]
    assert "listed twice (first on row 3)" in report[5] and "keep one row" in report[5]
    assert "'the Met' belongs to both 'Met Police' (row 2)" in report[6]
    assert "keep the alias on one actor" in report[6]
    assert len(caught) == 1 and "actors.csv" in caught[0] and "row 3" in caught[0]
    assert set(load_report(table.reset_index()).source_file) == {"actors.csv"}


@pytest.mark.parametrize("column", ["outlet_name", "source", "publication", "site"])
def test_a_near_name_for_the_outlet_column_is_reported(tmp_path, column):
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    _manifest(tmp_path, [{"file": "a.txt", column: "Daily Paper"}])
    report = _report(_load(tmp_path))
    assert f"no 'outlet' column, but a column '{column}'" in report["manifest.csv#1"]
    assert f"rename the column '{column}' to 'outlet'" in report["manifest.csv#1"]
    (tmp_path / "c.csv").write_text(f"{column},text\nDaily Paper,{GOOD}", encoding="utf-8")
    assert f"'{column}'" in _report(_load(tmp_path / "c.csv"))["c.csv#1"]


# --- cache -------------------------------------------------------------------------------

def test_a_cache_folder_that_cannot_be_written_warns_and_stores_nothing(tmp_path):
    from analysis.cache import ResultCache

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = ResultCache(blocker)
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["Hi."]})
    key = store.key(corpus, ["sentences"])
    assert store.load(key) == (None, "miss")
    with pytest.warns(UserWarning, match="not cached"):
        store.save(key, {"sentences": pd.DataFrame({"n": [1]})}, {})
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_runs_with_and_without_actors_do_not_evict_each_other(tmp_path):
    from analysis.cache import ResultCache

    store = ResultCache(tmp_path)
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"], "text": ["Hi."]})
    actors = pd.DataFrame({"actor": ["X"], "aliases": [["X"]], "type": ["person"]})
    plain, with_actors = store.key(corpus, ["sentences"]), store.key(corpus, ["s"], actors)
    store.save(plain, {"t": pd.DataFrame({"n": [1]})}, {})
    store.save(with_actors, {"t": pd.DataFrame({"n": [2]})}, {})
    assert store.load(plain)[0]["t"].n.tolist() == [1]
    assert store.load(with_actors)[0]["t"].n.tolist() == [2]
    # An entry of older code for the same corpus is still removed.
    stale = store.entry(plain.split("-")[0] + "-" + "0" * 16 + "-" + "0" * 16)
    stale.mkdir()
    store.save(plain, {"t": pd.DataFrame({"n": [1]})}, {})
    assert not stale.exists() and store.entry(with_actors).exists()


# --- ids, links, paths ------------------------------------------------------------------

def test_an_empty_id_does_not_take_the_id_of_a_later_row(tmp_path):
    (tmp_path / "c.csv").write_text(
        "article_id,text\n,First and unnamed.\n2,Second and named two.\n", encoding="utf-8")
    corpus = _load(tmp_path / "c.csv")
    assert corpus.raw_text.tolist() == ["First and unnamed.", "Second and named two."]
    assert corpus.article_id.tolist() == ["row-2", "2"]
    assert "loaded as article_id 'row-2'" in _report(corpus)["c.csv#2"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_to_a_file_outside_the_corpus_is_never_read(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "passwd.txt").write_text("root:x:0:0:secret line.\n", encoding="utf-8")
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink(outside / "passwd.txt", corpus_dir / "passwd.txt")
    os.symlink(outside, corpus_dir / "sym")
    (corpus_dir / "inside.txt").symlink_to(corpus_dir / "good.txt")
    corpus = _load(corpus_dir)
    assert sorted(corpus.article_id) == ["good", "inside"]
    assert not corpus.raw_text.str.contains("secret").any()
    report = _report(corpus)
    assert "outside the corpus folder" in report["passwd.txt"]
    assert "outside the corpus folder" in report["sym"]
    # Named in the manifest: refused there, and not loaded as "not listed" either.
    _manifest(corpus_dir, [{"file": "passwd.txt", "outlet": "X"},
                           {"file": "good.txt", "outlet": "Y"}])
    corpus = _load(corpus_dir)
    assert "passwd" not in set(corpus.article_id)
    assert not corpus.raw_text.str.contains("secret").any()


def test_load_report_paths_are_relative_to_the_corpus(tmp_path):
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    report = load_report(_load(tmp_path))
    assert sorted(report.source_file) == ["empty.txt", "sub"]
    (tmp_path / "c.jsonl").write_text('{"text": "Fine."}\n{broken\n', encoding="utf-8")
    report = load_report(_load(tmp_path / "c.jsonl"))
    assert report.source_file.tolist() == ["c.jsonl"]
    assert not any(str(tmp_path) in str(v) for v in report.to_numpy().ravel())


# --- what reaches the HTML ----------------------------------------------------------------

ATTACKS = [
    '<a href="javascript:alert(1)">x</a>', "<img src=x onerror=alert(1)>",
    "<style>body{background:red}</style>",
    '<meta http-equiv="refresh" content="1;url=https://evil.example/">',
    "[click](javascript:alert(1))", "![i](https://evil.example/i.png)",
    "https://evil.example/path", "www.evil.example", "mail me: a@evil.example",
    "<https://evil.example>", "Times\u202eseY",
    "\n=\n", "Name\n---\n", "x\n> quoted\n- item\n# Heading",
]


@pytest.mark.parametrize("attack", ATTACKS)
def test_markdown_text_neutralises_every_attack_in_the_rendered_markdown(attack):
    from nbconvert.filters.markdown_mistune import markdown2html_mistune

    rendered = markdown2html_mistune(f"Outlet **{markdown_text(attack)}** reads most negative.")
    parsed = _parse(rendered)
    assert parsed.tags <= {"p", "strong"}, rendered
    assert not parsed.attrs, rendered
    assert "\u202e" not in rendered


def test_a_direction_override_is_dropped_from_outlets_and_html(tmp_path):
    _manifest(tmp_path, [{"file": "a.txt", "outlet": " The \u202eTimes  "}])
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    corpus = _load(tmp_path)
    assert corpus.outlet.tolist() == ["The Times"]
    assert "\u202e" not in escape("A\u202eB") + frame_to_html(pd.DataFrame({"o": ["\u202ex"]}))


# --- languages, encodings, outlets --------------------------------------------------------

GERMAN = ("Der Stadtrat hat am Dienstag beschlossen, die Straße für sechs Monate für Autos zu "
          "sperren. Die Polizei teilte mit, dass zwei Männer festgenommen wurden.\n")
CHINESE = "市议会周二投票决定在六个月内禁止汽车通行这条街道。警方说，游行结束后有两名男子被捕。\n"


def test_articles_not_in_english_are_detected_reported_and_left_out(tmp_path):
    from analysis.language import english_only

    (tmp_path / "en.txt").write_text(
        "The council voted on Tuesday to close the road to cars for six months. Police said "
        "two men were arrested.\n", encoding="utf-8")
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "zh.txt").write_text(CHINESE, encoding="utf-8")
    (tmp_path / "short.txt").write_text("Body line.\n", encoding="utf-8")
    corpus = _load(tmp_path)
    assert corpus.set_index("article_id").language.to_dict() == {
        "de": "de", "en": "en", "short": "und", "zh": "zh"}
    report = _report(corpus)
    assert "not in English (detected language: de)" in report["de.txt"]
    assert "left out of the English-only measures" in report["zh.txt"]
    english, excluded = english_only(corpus)
    assert english.article_id.tolist() == ["en", "short"]
    assert excluded.article_id.tolist() == ["de", "zh"]


def test_analyze_leaves_non_english_articles_out_with_a_note(tmp_path):
    from analysis.pipeline import analyze

    (tmp_path / "en.txt").write_text("The minister said he would not resign. He was sad.\n",
                                     encoding="utf-8")
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    result = analyze(_load(tmp_path), cache=False, progress=False)
    assert set(result.sentences.article_id) == {"en"}
    assert set(result.article_sentiment.article_id) == {"en"}
    assert "1 article not in English" in result.notes["language"]
    assert "de (de)" in result.notes["language"]


def test_declared_and_guessed_encodings(tmp_path):
    page = ('<html><head><meta charset="windows-1251"><title>Новости</title></head><body>'
            "<article><p>Городской совет во вторник проголосовал за закрытие улицы для машин "
            "на полгода. Полиция сообщила, что двое мужчин были задержаны.</p></article>"
            "</body></html>")
    (tmp_path / "ru.html").write_bytes(page.encode("cp1251"))
    japanese = ("市議会は火曜日、この通りを六か月間車両通行止めにすることを決めた。"
                "警察によると男性二人が逮捕された。")
    (tmp_path / "ja.txt").write_bytes(japanese.encode("shift_jis"))
    (tmp_path / "en.txt").write_bytes("Café owners said: ‘It’s “fine”.’\n".encode("cp1252"))
    corpus = _load(tmp_path).set_index("article_id")
    assert "Городской совет" in corpus.loc["ru", "text"]
    assert corpus.loc["ru", "encoding"] == "cp1251"
    assert corpus.loc["ja", "text"] == japanese
    assert corpus.loc["ja", "encoding"].endswith("(guessed)")
    assert corpus.loc["en", "encoding"] == "cp1252"
    report = _report(corpus.reset_index())
    assert "read as" in load_report(corpus).set_index("source_file").loc["ja.txt"].problem.iloc[0]
    assert "en.txt" not in report


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_outlet_names_are_normalised_in_tables(tmp_path, suffix):
    outlets = ["BBC", "BBC ", " BBC", "BBC\u00a0", "B\u0301BC"]
    frame = pd.DataFrame({"text": [f"Article {i} text." for i in range(5)], "outlet": outlets})
    path = tmp_path / f"c{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    else:
        frame.to_json(path, orient="records", lines=True, force_ascii=False)
    corpus = _load(path)
    assert corpus.outlet.tolist()[:4] == ["BBC"] * 4
    assert corpus.outlet.nunique() == 2  # "B́BC" is another name, in NFC


# --- findings on ties and tiny corpora ---------------------------------------------------

def test_findings_on_ties_and_tiny_corpora_say_nothing_false(tmp_path):
    import inspect

    from analysis import briefing

    text = ("The minister said the new lane was a terrible failure. Residents were angry. "
            '"It is a disaster," said Ann Lee.')
    rows = [{"article_id": f"a{i}", "outlet": f"O{i}", "text": text} for i in range(2)]
    pd.DataFrame(rows).to_json(tmp_path / "c.jsonl", orient="records", lines=True)
    corpus = _load(tmp_path / "c.jsonl")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tables = briefing.briefing_tables(corpus)
        overview = briefing.outlet_overview(corpus, tables)
        wanted = inspect.signature(briefing.overview_findings).parameters
        extra = {k: v for k, v in {"corpus": corpus, "tables": tables}.items() if k in wanted}
        text_out = " ".join(briefing.overview_findings(overview, **extra))
    # Two outlets with the same text: neither reads "most" anything, and nothing is nan.
    assert not ("most negative" in text_out and "most positive" in text_out), text_out
    assert "nan" not in text_out.lower(), text_out
    assert "1 articles" not in text_out, text_out


def test_a_shift_jis_csv_is_read_by_a_reported_guess(tmp_path):
    texts = ["市議会は火曜日、この通りを六か月間車両通行止めにすることを決めた。",
             "警察によると、デモの後に男性二人が逮捕された。", "Plain English text here."]
    pd.DataFrame({"article_id": ["a", "b", "c"], "text": texts}).to_csv(
        tmp_path / "c.csv", index=False, encoding="shift_jis")
    corpus = _load(tmp_path / "c.csv")
    assert corpus.raw_text.tolist() == texts
    assert corpus.encoding.tolist()[2] == "utf-8"
    assert all(e.endswith("(guessed)") for e in corpus.encoding.tolist()[:2])
    assert "2 row(s) read as" in _report(corpus)["c.csv"]


# --- a failed page names no local folder (item 10) -----------------------------------------

def test_a_failed_page_names_no_local_folder(tmp_path):
    import nbformat

    from analysis.briefing import render_page

    corpus = tmp_path / "private-user" / "news"
    corpus.mkdir(parents=True)
    missing = corpus / "bbc" / "1.txt"
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("open(PATH)")])
    nb.cells[0].outputs = [nbformat.v4.new_output(
        "error", ename="FileNotFoundError", evalue=f"No such file: '{missing}'",
        traceback=[f"FileNotFoundError: No such file: '{missing}'",
                   f"  File {Path.home()}/lib/x.py, line 3"])]
    out = tmp_path / "out"
    (out / "notebooks").mkdir(parents=True)
    source = tmp_path / "09_fail.ipynb"
    nbformat.write(nb, source)
    nbformat.write(nb, out / "notebooks" / source.name)
    page = render_page(source, out, f"FileNotFoundError: No such file: '{missing}'",
                       str(corpus))
    html = (out / page.html_file).read_text(encoding="utf-8")
    assert "private-user" not in html and "private-user" not in page.error
    assert "news/bbc/1.txt" in page.error
    assert str(Path.home()) + "/" not in html


# --- a whole briefing rendered from hostile names ---------------------------------------------

HOSTILE_NAMES = {
    "img": '<img src=x onerror="alert(1)">',
    "style": "<style>body{background:red}</style>",
    "refresh": '<meta http-equiv="refresh" content="1;url=https://evil.example/">',
    "link": '<a href="javascript:alert(1)">click</a>',
    "url": "https://evil.example/x",
    "bidi": "The \u202eTimes",
    "math": "Money$\\frac$Times",
}


@pytest.mark.slow
def test_a_briefing_of_hostile_names_carries_no_markup_from_them(tmp_path):
    import subprocess
    import sys

    from .conftest import ROOT

    names = list(HOSTILE_NAMES.values())
    body = ("The council voted on Monday to close the library. \"This is a sad day for "
            "readers,\" said Ann Lee, who chairs the friends of the library. Residents said "
            "they would fight the decision. The council said the building cost too much.")
    rows = [{"article_id": names[i % len(names)] + f" {i}", "outlet": names[i % 4],
             "headline": names[(i + 2) % len(names)], "text": body + f" Update {i}."}
            for i in range(6)]
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    actors = tmp_path / "actors.csv"
    actors.write_text("actor,aliases,type\n"
                      f"\"{HOSTILE_NAMES['img'].replace(chr(34), chr(39))}\",Ann Lee,campaigner\n"
                      f"\"{HOSTILE_NAMES['style']}\",the council,politician\n", encoding="utf-8")
    out = tmp_path / "briefing"
    done = subprocess.run([sys.executable, "-m", "analysis.briefing", "--corpus", str(corpus),
                           "--actors", str(actors), "--out", str(out)],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    pages = sorted(out.glob("*.html"))
    assert len(pages) >= 7
    for page in pages:
        html = page.read_text(encoding="utf-8")
        tags = _tags_of(html)
        assert not [a for _, attrs in tags for a, _ in attrs if a.startswith("on")], page.name
        assert not [t for t, attrs in tags if t == "img" and ("src", "x") in attrs], page.name
        assert not [t for t, attrs in tags if t == "meta" and ("http-equiv", "refresh") in attrs]
        hrefs = [v or "" for _, attrs in tags for a, v in attrs if a == "href"]
        assert not [h for h in hrefs if h.lower().startswith(("javascript:", "https://evil"))]
        assert "background:red" not in "".join(_style_blocks(html)), page.name
        assert "\u202e" not in html, page.name


def _tags_of(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag of a page with its attributes, as a browser's parser reads them."""
    from html.parser import HTMLParser

    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag, attrs):  # noqa: ANN001
            found.append((tag, attrs))

    Collect().feed(html)
    return found


def _style_blocks(html: str) -> list[str]:
    import re

    return re.findall(r"<style\b[^>]*>(.*?)</style>", html, flags=re.DOTALL | re.IGNORECASE)


def test_a_page_whose_run_wrote_nothing_shows_none_of_the_stored_outputs(tmp_path):
    """A notebook that stopped before papermill wrote it (its kernel did not start) is
    rendered from its source: the outputs stored there are another corpus's results (the
    committed notebooks hold the seeds') and must not appear as this corpus's."""
    import nbformat

    from analysis.briefing import render_page, write_index

    v4 = nbformat.v4
    nb = v4.new_notebook(cells=[
        v4.new_markdown_cell("# 09 · Fail\n\n**Question:** who is quoted?"),
        v4.new_code_cell("show()", outputs=[v4.new_output(
            "display_data", data={"text/markdown": "## In short\nStored Outlet quotes most."})],
            execution_count=4)])
    source = tmp_path / "09_fail.ipynb"
    nbformat.write(nb, source)
    out = tmp_path / "out"
    (out / "notebooks").mkdir(parents=True)
    page = render_page(source, out, "RuntimeError: Kernel died before replying to kernel_info")
    html = (out / page.html_file).read_text(encoding="utf-8")
    assert "Stored Outlet" not in html and "Stored Outlet" not in page.summary
    assert "did not run on this corpus" in html
    assert page.question == "who is quoted?"
    index = write_index([page], out, "c", "1 article").read_text(encoding="utf-8")
    assert "Answers: who is quoted?" in index and "Did not finish: RuntimeError" in index
