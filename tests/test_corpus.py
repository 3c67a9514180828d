"""load_corpus on the seeds and on every input form it accepts."""

from __future__ import annotations

import codecs
import json
import warnings

import pandas as pd
import pytest

from analysis import CorpusError, load_corpus, load_report
from analysis.corpus import CORPUS_COLUMNS, decode_bytes

from .conftest import SEEDS


def test_seeds_load_five_articles_with_manifest_metadata(corpus):
    assert list(corpus.article_id) == ["000", "001", "002", "003", "004"]
    assert set(CORPUS_COLUMNS) <= set(corpus.columns)
    manifest = pd.read_csv(SEEDS / "manifest.csv", dtype=str, keep_default_na=False)
    assert list(corpus.outlet) == list(manifest.outlet)
    assert corpus.set_index("article_id").loc["004", "outlet"] == "unknown"
    assert corpus.set_index("article_id").loc["003", "headline"] == (
        "Police chiefs agree to work more closely with senior Jewish officers")


def test_seed_004_date_comes_from_its_text(corpus):
    row = corpus.set_index("article_id").loc["004"]
    assert row.published == "2024-04-21"
    assert not row.text.startswith("date")
    assert row.text.startswith("Pressure is mounting on Sir Mark Rowley")


def test_raw_text_is_the_file_exactly(corpus):
    for source_file, raw in zip(corpus.source_file, corpus.raw_text, strict=True):
        assert raw == open(source_file, encoding="utf-8").read()


def test_word_counts_match_a_whitespace_count_of_the_clean_text(corpus):
    # Independent check: whitespace tokens that contain a letter or digit.
    for text, count in zip(corpus.text, corpus.word_count, strict=True):
        tokens = [t for t in text.split() if any(ch.isalnum() for ch in t)]
        assert abs(len(tokens) - count) <= 0.02 * count


def test_folder_without_manifest_uses_file_stems(tmp_path):
    (tmp_path / "story-a.txt").write_text("One sentence here.\n", encoding="utf-8")
    (tmp_path / "story-b.txt").write_text("Another one.\n", encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.article_id) == ["story-a", "story-b"]
    assert set(corpus.outlet) == {"unknown"}


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Café owners said: ‘It’s fine.’".encode(), "utf-8"),
        (codecs.BOM_UTF8 + "Café owners said so.".encode(), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + "Café owners said so.".encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + "Café owners said so.".encode("utf-16-be"), "utf-16"),
        ("Café owners said: ‘It’s fine.’".encode("cp1252"), "cp1252"),
    ],
)
def test_encodings_decode_and_are_recorded(tmp_path, data, encoding):
    (tmp_path / "a.txt").write_bytes(data)
    corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "encoding"] == encoding
    assert corpus.loc[0, "text"].startswith("Café owners said")


def test_latin1_bytes_that_cp1252_cannot_decode_fall_back():
    assert decode_bytes(b"caf\xe9 \x81")[1] == "latin-1"


def test_csv_and_jsonl(tmp_path):
    frame = pd.DataFrame({"article_id": ["x1", "x2"], "outlet": ["Paper", "Wire"],
                          "headline": ["H1", "H2"], "published": ["2024-04-20", ""],
                          "url": ["https://example.org/1", ""],
                          "text": ["The mayor said so.", "The police said no."]})
    frame.to_csv(tmp_path / "c.csv", index=False)
    corpus = load_corpus(tmp_path / "c.csv")
    assert list(corpus.article_id) == ["x1", "x2"]
    assert corpus.loc[0, "published"] == "2024-04-20"
    assert corpus.loc[0, "url"] == "https://example.org/1"
    with open(tmp_path / "c.jsonl", "w", encoding="utf-8") as handle:
        for row in frame.to_dict("records"):
            handle.write(json.dumps(row) + "\n")
    assert list(load_corpus(tmp_path / "c.jsonl").outlet) == ["Paper", "Wire"]


def test_html_main_text_is_extracted_without_navigation(tmp_path):
    body = " ".join(["The commissioner said the force would review its approach."] * 4)
    html = (
        "<html><head><title>Police review</title>"
        '<meta property="og:site_name" content="The Example Paper"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a> Subscribe now</nav>"
        f"<article><h1>Police review</h1><p>{body}</p><p>{body}</p></article>"
        "<footer>Copyright footer text</footer></body></html>"
    )
    (tmp_path / "page.html").write_text(html, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "outlet"] == "The Example Paper"
    assert "The commissioner said" in corpus.loc[0, "text"]
    assert "Subscribe now" not in corpus.loc[0, "text"]
    assert "Copyright footer" not in corpus.loc[0, "text"]


# --- bad input -------------------------------------------------------------------------

def test_missing_path_names_it(tmp_path):
    with pytest.raises(CorpusError, match="nowhere.*no such file"):
        load_corpus(tmp_path / "nowhere")


def test_empty_folder(tmp_path):
    with pytest.raises(CorpusError, match="empty folder"):
        load_corpus(tmp_path)


def test_bad_files_among_good_ones_are_skipped_and_reported(tmp_path):
    (tmp_path / "good.txt").write_text("A good article.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "nul.txt").write_bytes(b"text\x00with\x00nul")
    with pytest.warns(UserWarning, match="4 input"):
        corpus = load_corpus(tmp_path)
    assert list(corpus.article_id) == ["good"]
    report = load_report(corpus).set_index("article_id")
    assert "empty file" in report.loc["empty", "problem"]
    assert "only whitespace" in report.loc["blank", "problem"]
    assert "binary" in report.loc["image", "problem"]
    assert "NUL" in report.loc["nul", "problem"]
    assert set(report.action) == {"skipped"}


def test_errors_raise_stops_at_the_first_bad_file(tmp_path):
    (tmp_path / "good.txt").write_text("A good article.\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CorpusError, match="empty.txt: empty file"):
        load_corpus(tmp_path, errors="raise")


def test_only_bad_files_raise(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with pytest.raises(CorpusError, match="no usable article"):
            load_corpus(tmp_path)


def _manifest(tmp_path, rows):
    pd.DataFrame(rows).to_csv(tmp_path / "manifest.csv", index=False)


def test_manifest_row_naming_a_missing_file(tmp_path):
    (tmp_path / "a.txt").write_text("Text A.\n", encoding="utf-8")
    _manifest(tmp_path, [{"article_id": "a", "file": "a.txt", "outlet": "Paper"},
                         {"article_id": "b", "file": "b.txt", "outlet": "Paper"}])
    with pytest.warns(UserWarning, match="manifest.csv row 3"):
        corpus = load_corpus(tmp_path)
    assert list(corpus.article_id) == ["a"]
    row = load_report(corpus).iloc[0]
    assert row.row == 3 and "does not exist: b.txt" in row.problem


def test_file_the_manifest_omits_loads_as_unknown_outlet(tmp_path):
    (tmp_path / "a.txt").write_text("Text A.\n", encoding="utf-8")
    (tmp_path / "extra.txt").write_text("Text B.\n", encoding="utf-8")
    _manifest(tmp_path, [{"article_id": "a", "file": "a.txt", "outlet": "Paper"}])
    corpus = load_corpus(tmp_path)
    assert dict(zip(corpus.article_id, corpus.outlet, strict=True)) == {
        "a": "Paper", "extra": "unknown"}
    assert "not listed in manifest.csv" in load_report(corpus).problem.iloc[0]


def test_duplicate_article_id_in_manifest(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Text.\n", encoding="utf-8")
    _manifest(tmp_path, [{"article_id": "x", "file": "a.txt"},
                         {"article_id": "x", "file": "b.txt"}])
    with pytest.raises(CorpusError, match=r"manifest.csv \(row 3\): duplicate article_id 'x'"):
        load_corpus(tmp_path)


def test_bad_date_in_manifest_is_reported_not_guessed(tmp_path):
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    _manifest(tmp_path, [{"article_id": "a", "file": "a.txt", "published": "last Tuesday"}])
    corpus = load_corpus(tmp_path)
    assert corpus.loc[0, "published"] is None
    assert "not a date" in load_report(corpus).problem.iloc[0]


def test_csv_without_text_column(tmp_path):
    pd.DataFrame({"body": ["x"]}).to_csv(tmp_path / "c.csv", index=False)
    with pytest.raises(CorpusError, match="c.csv: no 'text' column"):
        load_corpus(tmp_path / "c.csv")


def test_jsonl_with_a_broken_line_keeps_the_good_ones(tmp_path):
    lines = ['{"article_id": "a", "text": "First."}', '{"article_id": "b", "text": ',
             '{"article_id": "c", "text": "Third."}']
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="c.jsonl row 2"):
        corpus = load_corpus(tmp_path / "c.jsonl")
    assert list(corpus.article_id) == ["a", "c"]
    assert load_report(corpus).row.tolist() == [2]


def test_oversized_article_is_reported(tmp_path):
    (tmp_path / "big.txt").write_text("word " * 1000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Small.\n", encoding="utf-8")
    with pytest.warns(UserWarning, match="big.txt"):
        corpus = load_corpus(tmp_path, max_article_bytes=1000)
    assert list(corpus.article_id) == ["small"]
    assert "per-article limit" in load_report(corpus).problem.iloc[0]


def test_an_outlet_written_two_ways_is_one_outlet_and_each_change_is_reported(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"article_id": ["1", "2", "3", "4", "5"],
                  "outlet": ["BBC", "bbc", "BBC", "Red State", "redstate"],
                  "text": ["Some words here."] * 5}).to_csv(path, index=False)
    corpus = load_corpus(path)
    # the most used spelling wins; on a tie, the first met
    assert corpus["outlet"].tolist() == ["BBC", "BBC", "BBC", "Red State", "Red State"]
    report = load_report(corpus)
    assert report[["row", "article_id"]].values.tolist() == [[3, "2"], [6, "5"]]
    assert report["problem"].tolist()[0] == "outlet written 'bbc', elsewhere 'BBC' (2 article(s))"
    assert report["action"].tolist()[1] == "counted as 'Red State', one outlet"


def test_a_column_that_looks_like_published_or_headline_is_named_not_guessed(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"article_id": ["1"], "source": ["BBC"], "date": ["2024-04-20"],
                  "title": ["A headline"], "text": ["Some words here."]}).to_csv(path,
                                                                                index=False)
    corpus = load_corpus(path)
    assert corpus.loc[0, "outlet"] == "unknown" and corpus.loc[0, "published"] is None
    report = load_report(corpus)
    assert report["action"].tolist() == [
        "every outlet loaded as 'unknown': rename the column 'source' to 'outlet'",
        "no publication date read: rename the column 'date' to 'published'",
        "no headline read: rename the column 'title' to 'headline'"]
    assert report["row"].tolist() == [1, 1, 1]


def test_paragraphs_run_together_are_reported_with_their_row(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
                  "text": ["Plain text here. Nothing glued.",
                           "The plan failed.Critics said so.'It is over,' one said."]}
                 ).to_csv(path, index=False)
    corpus = load_corpus(path)
    assert corpus.loc[1, "text"].split("\n") == [
        "The plan failed.", "Critics said so.", "'It is over,' one said."]
    report = load_report(corpus)
    assert report[["row", "article_id"]].values.tolist() == [[3, "b"]]
    assert report["problem"].iloc[0] == (
        "2 paragraph(s) run into the next without a space (raw line(s) 1)")
    assert not any(c.startswith("_") for c in corpus.columns)


def test_a_heading_run_into_its_paragraph_is_reported_with_its_row(tmp_path):
    path = tmp_path / "c.csv"
    pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
                  "text": ["Morning email.\nROLL TIDE Alabama beat Clemson.\nMore soon."]}
                 ).to_csv(path, index=False)
    corpus = load_corpus(path)
    assert corpus.loc[0, "text"].split("\n") == [
        "Morning email.", "ROLL TIDE", "Alabama beat Clemson.", "More soon."]
    report = load_report(corpus)
    assert report[["row", "article_id"]].values.tolist() == [[2, "a"]]
    assert report["problem"].iloc[0] == (
        "1 heading(s) in capitals run into the paragraph they head (raw line(s) 2)")


def test_load_report_summary_groups_every_row_by_kind(tmp_path):
    from analysis.corpus import load_report_summary

    # twelve articles whose paragraphs run together (one or two joins each) and one empty
    for i in range(12):
        joins = "It rained.The council met." + ("" if i % 2 else "Then it ended.")
        (tmp_path / f"a{i:02d}.txt").write_text(f"Story {i} starts here. {joins}\n",
                                                encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    with pytest.warns(UserWarning):
        corpus = load_corpus(tmp_path)
    report = load_report(corpus)
    summary = load_report_summary(report)
    assert summary["inputs"].sum() == len(report) == 13
    # the two counts of joins are one kind of problem; the empty file is another
    assert summary["inputs"].tolist() == [12, 1]
    assert summary.loc[0, "problem"].startswith("N paragraph(s) run into the next")
    assert summary.loc[0, "examples"] == "a00.txt, a01.txt, a02.txt and 9 more"
    assert summary.loc[1, "examples"] == "empty.txt"


def test_mojibake_is_repaired_and_reported_with_its_row(tmp_path):
    # UTF-8 bytes once read as Windows-1252, once ("FranÃ§ois") and twice over, with the C1
    # byte the second reading leaves ("JesÃ\x83Âºs"); São Paulo is left as it is
    once = "Fran\u00e7ois".encode("utf-8").decode("cp1252")
    twice = "Jes\u00fas".encode("utf-8").decode("latin-1").encode("utf-8").decode("latin-1")
    path = tmp_path / "c.jsonl"
    pd.DataFrame({"article_id": ["a", "b"], "outlet": ["X", "Y"],
                  "text": ["Plain text in S\u00e3o Paulo.",
                           f"Head line.\n{once} Hollande spoke.\nAnd {twice} replied."]}
                 ).to_json(path, orient="records", lines=True)
    corpus = load_corpus(path)
    assert corpus.loc[0, "text"] == "Plain text in S\u00e3o Paulo."
    assert corpus.loc[1, "text"].split("\n")[1:] == [
        "Fran\u00e7ois Hollande spoke.", "And Jes\u00fas replied."]
    assert once in corpus.loc[1, "raw_text"]
    report = load_report(corpus)
    assert report[["row", "article_id"]].values.tolist() == [[2, "b"]]
    assert "2 line(s) hold text once decoded with the wrong encoding" in report["problem"][0]
    assert "raw line(s) 2, 3" in report["problem"][0]
