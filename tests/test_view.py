"""The annotated article view: layers in the right places, every piece of text escaped."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest

from analysis import load_corpus, removal_report, view

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"
ALLOWED_TAGS = {"style", "div", "p", "span", "strong", "em"}


class _Page(HTMLParser):
    """Tags used, and the text of the article's paragraphs (legend and notes left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attrs: list[tuple[str, str | None]] = []
        self.paragraphs: list[tuple[str, str]] = []  # (class, text)
        self._p: list[str] | None = None
        self._cls = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs.extend(attrs)
        if tag == "style":
            self._in_style = True
        if tag == "p":
            self._p, self._cls = [], dict(attrs).get("class") or ""

    def handle_endtag(self, tag):
        if tag == "style":
            self._in_style = False
        if tag == "p" and self._p is not None:
            self.paragraphs.append((self._cls, "".join(self._p)))
            self._p = None

    def handle_data(self, data):
        if self._p is not None and not self._in_style:
            self._p.append(data)


def parse(markup: str) -> _Page:
    page = _Page()
    page.feed(markup)
    page.close()
    return page


def body_text(page: _Page) -> str:
    """The article's paragraphs (not the legend, notes or removed lines), one per line."""
    return "\n".join(
        text for cls, text in page.paragraphs if cls in ("", "mfv-headline", "mfv-caption"))


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "h.txt").write_text(
        f"Readers test the page {HOSTILE_SCRIPT}\n"
        f"A reader wrote {HOSTILE_SCRIPT} and {HOSTILE_IMG} into a comment.\n"
        f"\"Put {HOSTILE_IMG} in the headline,\" said the reader, Sam Hill.\n"
        "This is a terrible, horrible disaster.\n", encoding="utf-8")
    return load_corpus(folder)


def test_hostile_text_is_escaped_in_every_layer(hostile):
    text = hostile["text"].iloc[0]
    start = text.index('"Put')
    end = text.index('," said') + 2
    quotes = pd.DataFrame({"article_id": ["h"], "kind": ["direct"], "start": [start],
                           "end": [end], "speaker": [HOSTILE_SCRIPT]})
    word = text.index("onerror")
    loaded = pd.DataFrame({"article_id": ["h"], "start": [word], "end": [word + 7],
                           "class": [HOSTILE_IMG], "term": ["onerror"]})
    markup = view.annotate(hostile, "h", quotes=quotes, loaded=loaded,
                           show_removed=True)._repr_html_()
    page = parse(markup)
    assert page.tags <= ALLOWED_TAGS
    assert "<script" not in markup and "<img" not in markup
    assert not any(name.startswith("on") for name, _ in page.attrs)
    # The hostile strings show as text: the article reads exactly as its clean text.
    assert body_text(page) == text
    assert HOSTILE_SCRIPT in "".join(t for _, t in page.paragraphs)  # the speaker legend


def test_quotations_are_coloured_by_speaker_with_a_legend(corpus):
    text = corpus.set_index("article_id").loc["003", "text"]
    first = text.index("Sir")
    quotes = pd.DataFrame({
        "article_id": ["003", "003", "003"], "kind": ["direct", "indirect", "scare"],
        "start": [first, first + 20, first + 40], "end": [first + 10, first + 30, first + 45],
        "speaker": ["Sir Mark Rowley", None, "Ignored"],
        "speaker_mention": ["Sir Mark", "the board", None],
    })
    v = view.annotate(corpus, "003", quotes=quotes, loaded=False)
    assert list(v.speakers) == ["Sir Mark Rowley", "the board"]
    assert v.speakers["Sir Mark Rowley"] == view.PALETTE[0]
    markup = v._repr_html_()
    assert (f'style="border-color:{view.PALETTE[0]}" title="quotation: Sir Mark Rowley">'
            f'{text[first:first + 10]}</span>') in markup
    assert 'class="mfv-q mfv-indirect"' in markup
    assert "Ignored" not in markup  # scare quotes are the outlet's words, not a speaker's
    assert body_text(parse(markup)) == text


def test_loaded_words_are_marked_exactly(corpus):
    text = corpus.set_index("article_id").loc["000", "text"]
    at = text.index("police")
    loaded = pd.DataFrame({"article_id": ["000"], "start": [at], "end": [at + 6],
                           "class": ["evaluative"], "term": ["police"]})
    markup = view.annotate(corpus, "000", quotes=False, loaded=loaded, sentiment=False).html
    assert markup.count('class="mfv-loaded"') == 1 + 1  # the word and its legend key
    assert ('<span class="mfv-loaded" title="loaded word (evaluative: police)">police</span>'
            in markup)


def test_sentences_are_shaded_by_sentiment(hostile):
    markup = view.annotate(hostile, "h", quotes=False, loaded=False).html
    negative = [p for p in markup.split("<p") if "horrible disaster" in p]
    assert len(negative) == 1 and "rgba(215,58,73" in negative[0]
    plain = view.annotate(hostile, "h", quotes=False, loaded=False, sentiment=False).html
    assert "rgba(215,58,73" not in plain.split("</div>", 1)[1]


def test_removed_lines_are_struck_through_where_they_stood(corpus):
    removed = removal_report(corpus)
    removed = removed[removed["article_id"] == "001"]
    markup = view.annotate(corpus, "001", quotes=False, loaded=False, sentiment=False,
                           show_removed=True).html
    assert markup.count('<p class="mfv-removed-line"') == len(removed) > 0
    # Seed 001 opens with aggregator links, removed before the first kept paragraph.
    first_kept = corpus.set_index("article_id").loc["001", "text"].split("\n")[0]
    assert markup.index('<p class="mfv-removed-line"') < markup.index(first_kept[:30])
    hidden = view.annotate(corpus, "001", quotes=False, loaded=False, sentiment=False).html
    assert 'mfv-removed-line' not in hidden


def test_every_seed_reads_as_its_clean_text_with_all_layers(corpus):
    for aid, text in zip(corpus["article_id"], corpus["text"], strict=True):
        v = view.annotate(corpus, aid)
        assert body_text(parse(v.html)) == text, aid
        assert v.notes == [] or all("not available" in n for n in v.notes)


def test_missing_measures_degrade_to_a_note(corpus, monkeypatch):
    monkeypatch.setattr(view, "_optional", lambda module, name: None)
    v = view.annotate(corpus, "002")
    assert len(v.notes) == 3
    assert all("not available yet" in n for n in v.notes)
    assert body_text(parse(v.html)) == corpus.set_index("article_id").loc["002", "text"]


def test_unknown_article_and_empty_text():
    c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "headline": [None],
                      "text": [""], "raw_text": [""]})
    with pytest.raises(KeyError, match="no article '9'"):
        view.annotate(c, "9")
    v = view.annotate(c, 1, quotes=False, loaded=False)
    assert "no text after cleaning" in v.html


def test_answer_is_a_collapsed_block_with_every_text_escaped():
    block = view.answer(HOSTILE_SCRIPT, [HOSTILE_IMG, "plain"],
                        pd.DataFrame({"quote": [HOSTILE_SCRIPT]}), summary=HOSTILE_IMG)
    markup = block._repr_html_()
    assert markup.startswith("<details><summary>&lt;img") and markup.endswith("</details>")
    assert "<script" not in markup and "<img" not in markup
    page = parse(markup)
    assert page.tags <= {"details", "summary", "p", "ul", "li", "table", "thead", "tbody",
                         "tr", "th", "td"}
