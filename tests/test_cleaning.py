"""Cleaning: scraper noise removed, every removed line reported, nothing lost."""

from __future__ import annotations

from analysis import removal_report
from analysis.cleaning import clean_article, normalise_line


def _content_lines(raw: str) -> list[tuple[int, str]]:
    return [(i, normalise_line(line)) for i, line in enumerate(raw.splitlines(), start=1)
            if normalise_line(line)]


def assert_conserved(raw: str, text: str, removed: list[dict]) -> None:
    """Every non-blank raw line is a paragraph of the text, a removed line, or a removed
    prefix followed by a paragraph."""
    kept = set(text.split("\n"))
    by_line = {}
    for row in removed:
        by_line.setdefault(row["line_no"], []).append(row["text"])
    for line_no, line in _content_lines(raw):
        if line in kept or line in by_line.get(line_no, []):
            continue
        prefixes = by_line.get(line_no, [])
        assert any(line.startswith(p) and line[len(p):].strip() in kept for p in prefixes), (
            f"line {line_no} lost: {line!r}")


def test_every_seed_line_is_in_text_or_report(corpus):
    report = removal_report(corpus)
    for row in corpus.itertuples():
        rows = report[report.article_id == row.article_id].to_dict("records")
        assert_conserved(row.raw_text, row.text, rows)


def test_seed_001_captions_appear_once(corpus):
    row = corpus.set_index("article_id").loc["001"]
    caption = "Metropolitan Police Commissioner Sir Mark Rowley is facing battle to keep his job"
    assert row.raw_text.count(caption) == 2
    assert row.text.count(caption) == 1
    # Every repeated line of the raw text is kept once (count independently).
    lines = [normalise_line(x) for x in row.raw_text.splitlines() if normalise_line(x)]
    repeated = {x for x in lines if lines.count(x) > 1 and "trends now" not in x}
    assert repeated and all(row.text.split("\n").count(x) == 1 for x in repeated)


def test_seed_001_aggregator_boilerplate_is_reported(corpus):
    report = removal_report(corpus)
    removed = report[report.article_id == "001"]
    assert "read more from dailymail....." in set(removed.text)
    assert sum(removed.text.str.startswith("PREV ")) == 1
    assert sum(removed.text.str.startswith("NEXT ")) == 1
    assert sum(removed.text.str.endswith("trends now")) == 6
    text = corpus.set_index("article_id").loc["001", "text"]
    assert "trends now" not in text and "dailymail" not in text


def test_stray_interface_words_are_removed(corpus):
    report = removal_report(corpus)
    assert ("003", "comments") in set(zip(report.article_id, report.text, strict=True))
    assert report[(report.article_id == "002") & (report.text == "close")].shape[0] == 2
    assert not corpus.set_index("article_id").loc["003", "text"].endswith("comments")


def test_a_line_that_merely_contains_a_furniture_word_stays():
    raw = "The Met said it would close the road.\nclose\nPrint the statement, he said."
    cleaned = clean_article(raw)
    assert cleaned.text == "The Met said it would close the road.\nPrint the statement, he said."
    assert [r["line_no"] for r in cleaned.removed] == [2]


def test_line_kinds_on_a_synthetic_article():
    raw = ("Police chiefs agree to talks\n\nA delegation met the commissioner on Monday.\n"
           "Mr Falter (pictured) at the march\nHe said: 'We will talk.'\n(Jane Doe/PA)")
    assert clean_article(raw).kinds == "hbcbc"


def test_generated_text_is_conserved():
    raw = "\n".join(["Headline without stop", "", "Body one.", "Body one.", "share",
                     "date 2024-01-01 not a prefix here.", "\xa0\xa0", "Last line"])
    cleaned = clean_article(raw)
    assert_conserved(raw, cleaned.text, cleaned.removed)
    assert cleaned.published is None


def test_a_whole_article_on_one_line_is_body_text():
    # A CSV cell or a scraped page often holds a whole article as one paragraph, and it may
    # be cut off before its last full stop or mention a photo credit: still prose.
    sentence = "The council said the new bus lane would open in June, and traders objected. "
    one_line = (sentence * 8).strip().rstrip(".") + " and then the text was cut off"
    assert clean_article(one_line).kinds == "b"
    with_credit = (sentence * 8) + "Photo: Getty Images shows the street."
    assert clean_article(with_credit).kinds == "b"
    # Short unpunctuated lines are still a headline first and captions after.
    assert clean_article("Bus lane opens\n\n" + sentence + "\nThe lane (pictured) on Monday"
                         ).kinds == "hbc"


def test_prose_starting_with_next_is_not_navigation():
    prose = ("Next, the committee turned to the budget, which had grown by a third since the "
             "last election, and asked the treasurer to explain where the money had gone.")
    assert clean_article(prose).text == prose
    assert clean_article("NEXT: Council votes on library").removed[0]["reason"].startswith(
        "aggregator navigation")


def test_paragraphs_run_together_are_split_where_a_sentence_meets_a_capital():
    # Some data sets join an article's paragraphs with no space between them.
    raw = ("They need the forest.'We need it for our children,' she said."
           "Will the rain come?Nobody knows.\n"
           'He asked: "will it happen?"Officials said no. Ask Gov.Brown or see bbc.co.uk.')
    cleaned = clean_article(raw)
    assert cleaned.text.split("\n") == [
        "They need the forest.",
        "'We need it for our children,' she said.",
        "Will the rain come?",
        "Nobody knows.",
        'He asked: "will it happen?"',
        "Officials said no. Ask Gov.Brown or see bbc.co.uk.",
    ]
    assert cleaned.line_nos == [1, 1, 1, 1, 2, 2]
    assert cleaned.run_together == [1, 1, 1, 2]
    # nothing is lost: each raw line is its pieces put back together
    pieces = dict.fromkeys(cleaned.line_nos, "")
    for line_no, paragraph in zip(cleaned.line_nos, cleaned.text.split("\n"), strict=True):
        pieces[line_no] += paragraph
    assert list(pieces.values()) == raw.split("\n")


def test_a_heading_in_capitals_run_into_its_paragraph_is_a_line_of_its_own():
    # a digest's items: a heading in capitals, then the item on the same line
    raw = ("TOP STORIES.\n"
           "ROLL TIDE Alabama beat Clemson 45-40 to take the title.\n"
           "OBAMA’S LAST STATE OF THE UNION “It will frame the choice,” aides said.\n"
           "JAKE TAPPER: Donald Trump released a video on Friday.\n"
           "LOS ANGELES — Actress Jane Doe took the stage.\n"
           "UK PM Theresa May spoke.\n"
           "NASA FUNDING CUT Is it over?")
    cleaned = clean_article(raw)
    assert cleaned.text.split("\n") == [
        "TOP STORIES.",
        "ROLL TIDE", "Alabama beat Clemson 45-40 to take the title.",
        "OBAMA’S LAST STATE OF THE UNION", "“It will frame the choice,” aides said.",
        # a transcript's speaker, a dateline and two acronyms are no headings
        "JAKE TAPPER: Donald Trump released a video on Friday.",
        "LOS ANGELES — Actress Jane Doe took the stage.",
        "UK PM Theresa May spoke.",
        "NASA FUNDING CUT", "Is it over?"]
    assert cleaned.headings == [2, 3, 7]
    assert cleaned.kinds == "bcbcbbbbcb"


def test_a_line_without_run_together_paragraphs_is_left_as_it_is():
    line = "U.S. officials met on Monday. The i.e.Test stays, and so does Yahoo.com's page."
    cleaned = clean_article(line)
    assert cleaned.text == line and cleaned.run_together == []
