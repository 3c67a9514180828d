"""An annotated view of one article, for JupyterLab and the HTML briefing.

:func:`annotate` shows an article's clean text with the workbook's measures laid on it:

- quotations underlined in one colour per speaker, with a legend (solid: the source's own
  words in quotation marks; dashed: reported speech, the outlet's paraphrase);
- loaded words (evaluative words, intensifiers, hedges …) in bold with a wavy underline;
- each sentence shaded by its VADER sentiment (green positive, red negative, the stronger
  the darker);
- on request, the lines cleaning removed (scraper noise, repeats), struck through where
  they stood.

The measures come from :mod:`analysis.attribution` (``extract_quotes``),
:mod:`analysis.sentiment` (``sentence_sentiment``) and :mod:`analysis.framing`
(``loaded_language``); a measure that is not available is left out with a note. Every piece
of article text is HTML-escaped: articles are untrusted input.

>>> from analysis import load_corpus
>>> view = annotate(load_corpus("seeds"), "003", quotes=False, loaded=False)  # doctest: +SKIP
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analysis.html_safety import escape

#: One colour per speaker, in order of first quotation (colour-blind-safe Tableau 10).
PALETTE = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#e15759", "#76b7b2", "#edc948",
           "#9c755f", "#ff9da7", "#bab0ac"]
UNATTRIBUTED = "unattributed"
UNATTRIBUTED_COLOUR = "#7f7f7f"

_STYLE = """<style>
.mfv-article { font-family: Georgia, serif; line-height: 1.7; max-width: 48em; }
.mfv-article p { margin: 0 0 0.8em 0; }
.mfv-q { border-bottom: 3px solid; padding-bottom: 1px; }
.mfv-q.mfv-indirect { border-bottom-style: dashed; }
.mfv-loaded { font-weight: bold; text-decoration: underline wavy #8b0000; }
.mfv-headline { font-weight: bold; font-size: 1.15em; }
.mfv-caption { font-style: italic; color: #555; }
.mfv-removed { text-decoration: line-through; color: #888; font-family: sans-serif;
               font-size: 0.9em; }
.mfv-reason { font-family: sans-serif; font-size: 0.8em; color: #888; }
.mfv-legend { font-family: sans-serif; font-size: 0.9em; margin: 0 0 1em 0; }
.mfv-legend span.mfv-key { display: inline-block; margin: 0 1em 0.3em 0; }
.mfv-swatch { display: inline-block; width: 1.6em; height: 0.9em; vertical-align: middle;
              margin-right: 0.3em; }
.mfv-note { font-family: sans-serif; font-size: 0.85em; color: #8a6d00; }
</style>"""


@dataclass
class AnnotatedArticle:
    """An article with its annotations; displays as HTML in JupyterLab and nbconvert."""

    article_id: str
    outlet: str
    html: str
    speakers: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return (f"AnnotatedArticle(article_id={self.article_id!r}, outlet={self.outlet!r}, "
                f"speakers={list(self.speakers)!r})")


def _optional(module: str, name: str) -> Callable[..., Any] | None:
    """``module.name`` if it can be imported, else None (a measure still being written)."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def _esc(text: object) -> str:
    return escape(text)


def _speaker_of(row: pd.Series) -> str:
    for col in ("speaker", "speaker_mention"):
        value = row.get(col)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return UNATTRIBUTED


def _quote_pieces(row: pd.Series) -> list[tuple[int, int]]:
    parts = row.get("parts")
    if isinstance(parts, (list, tuple)) and parts:
        pieces = parts
    else:
        pieces = [(row.get("start"), row.get("end"))]
    out = []
    for s, e in pieces:
        if s is None or e is None or pd.isna(s) or pd.isna(e) or int(e) <= int(s):
            continue
        out.append((int(s), int(e)))
    return out


def _get_quotes(article: pd.DataFrame, quotes: pd.DataFrame | None | bool,
                notes: list[str]) -> pd.DataFrame | None:
    """The quotation table to show: as given, computed, or None (layer left out)."""
    if quotes is False:
        return None
    if quotes is None or quotes is True:
        extract = _optional("analysis.attribution", "extract_quotes")
        if extract is None:
            notes.append("Quotations are not shown: analysis.attribution.extract_quotes is "
                         "not available yet.")
            return None
        return extract(article)
    return quotes


def _layer_quotes(aid: str, quotes: pd.DataFrame | None) -> list[tuple[int, int, str, str]]:
    """(start, end, speaker, kind) of the article's direct, mixed and indirect quotations."""
    if quotes is None or len(quotes) == 0 or "article_id" not in quotes.columns:
        return []
    rows = quotes[quotes["article_id"].astype(str) == aid]
    spans = []
    for _, row in rows.iterrows():
        kind = str(row.get("kind", "direct"))
        if kind not in ("direct", "mixed", "indirect"):
            continue
        for s, e in _quote_pieces(row):
            spans.append((s, e, _speaker_of(row), kind))
    return sorted(spans)


def _layer_loaded(article: pd.DataFrame, aid: str, loaded: pd.DataFrame | None | bool,
                  quotes: pd.DataFrame | None,
                  notes: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, description) of the article's loaded words."""
    if loaded is False:
        return []
    if loaded is None or loaded is True:
        find = _optional("analysis.framing", "loaded_language")
        if find is None:
            notes.append("Loaded words are not shown: analysis.framing.loaded_language is not "
                         "available yet.")
            return []
        loaded = find(article, quotes=quotes)
    if loaded is None or len(loaded) == 0 or not {"start", "end"} <= set(loaded.columns):
        return []
    rows = loaded[loaded["article_id"].astype(str) == aid]
    out = []
    for _, row in rows.iterrows():
        if pd.isna(row["start"]) or pd.isna(row["end"]):
            continue
        what = f"loaded word ({row.get('class', '')}: {row.get('term', '')})"
        out.append((int(row["start"]), int(row["end"]), what))
    return sorted(out)


def _layer_sentences(article: pd.DataFrame, sentiment: bool,
                     notes: list[str]) -> list[tuple[int, int, str, float, str]]:
    """(start, end, kind, compound, label) of every sentence."""
    from analysis import split_sentences

    sentences = split_sentences(article)
    if sentiment:
        score = _optional("analysis.sentiment", "sentence_sentiment")
        if score is None:
            notes.append("Sentiment shading is not shown: analysis.sentiment.sentence_sentiment "
                         "is not available yet.")
        else:
            sentences = score(sentences)
    out = []
    for _, row in sentences.iterrows():
        compound = float(row["compound"]) if "compound" in row and pd.notna(row["compound"]) \
            else float("nan")
        label = row.get("label") if isinstance(row.get("label"), str) else ""
        out.append((int(row["start"]), int(row["end"]), str(row["kind"]), compound, label))
    return out


def _shade(compound: float, label: str) -> str:
    """Background for a sentence: green positive, red negative, alpha by strength."""
    if compound != compound or label not in ("positive", "negative"):  # NaN or neutral
        return ""
    alpha = round(0.08 + 0.32 * min(abs(compound), 1.0), 2)
    rgb = "46,160,67" if label == "positive" else "215,58,73"
    return f"background-color: rgba({rgb},{alpha});"


def _covering(spans: list, pos: int) -> Any:
    for span in spans:
        if span[0] <= pos < span[1]:
            return span
    return None


def _render_paragraph(text: str, p_start: int, p_end: int, sentences: list, quotes: list,
                      loaded: list, colours: dict[str, str]) -> str:
    """One paragraph as HTML: segments between annotation boundaries, each escaped."""
    cuts = {p_start, p_end}
    for layer in (sentences, quotes, loaded):
        for span in layer:
            for pos in span[:2]:
                if p_start < pos < p_end:
                    cuts.add(pos)
    cuts_sorted = sorted(cuts)
    pieces = []
    kinds = set()
    for a, b in zip(cuts_sorted, cuts_sorted[1:], strict=False):
        piece = _esc(text[a:b])
        word = _covering(loaded, a)
        if word:
            piece = f'<span class="mfv-loaded" title="{_esc(word[2])}">{piece}</span>'
        quote = _covering(quotes, a)
        if quote:
            _, _, speaker, kind = quote
            cls = "mfv-q mfv-indirect" if kind == "indirect" else "mfv-q"
            what = "reported speech" if kind == "indirect" else "quotation"
            piece = (f'<span class="{cls}" style="border-color:{colours[speaker]}" '
                     f'title="{_esc(what)}: {_esc(speaker)}">{piece}</span>')
        sentence = _covering(sentences, a)
        if sentence:
            _, _, kind, compound, label = sentence
            kinds.add(kind)
            shade = _shade(compound, label)
            if shade:
                tip = f"sentiment {compound:+.2f} ({label})"
                piece = f'<span style="{shade}" title="{_esc(tip)}">{piece}</span>'
        pieces.append(piece)
    cls = ""
    if kinds == {"headline"}:
        cls = ' class="mfv-headline"'
    elif kinds == {"caption"}:
        cls = ' class="mfv-caption"'
    return f"<p{cls}>{''.join(pieces)}</p>"


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for line in text.split("\n"):
        spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def _interleave_removed(article: pd.Series, paragraphs: list[str],
                        removed: pd.DataFrame) -> list[tuple[str, str]]:
    """Paragraph HTML and struck-through removed lines in raw-text order.

    Returns ("kept", html) and ("removed", html) items. When the raw lines cannot be matched
    to the clean paragraphs, the removed lines follow the article.
    """
    from analysis.cleaning import normalise_line

    def strike(row: pd.Series) -> tuple[str, str]:
        return ("removed", f'<p class="mfv-removed-line" title="removed: {_esc(row["reason"])}">'
                           f'<span class="mfv-removed">{_esc(row["text"])}</span> '
                           f'<em class="mfv-reason">(removed: {_esc(row["reason"])})</em></p>')

    by_line: dict[int, list[pd.Series]] = {}
    for _, row in removed.sort_values("line_no").iterrows():
        by_line.setdefault(int(row["line_no"]), []).append(row)
    plain = str(article["text"]).split("\n") if article["text"] else []
    items: list[tuple[str, str]] = []
    next_para = 0
    for line_no, raw_line in enumerate(str(article.get("raw_text") or "").splitlines(), 1):
        items.extend(strike(r) for r in by_line.pop(line_no, []))
        line = normalise_line(raw_line)
        if next_para < len(plain) and line and plain[next_para] and plain[next_para] in line:
            items.append(("kept", paragraphs[next_para]))
            next_para += 1
    if next_para != len(paragraphs) or by_line:
        return ([("kept", p) for p in paragraphs]
                + [strike(r) for _, r in removed.sort_values("line_no").iterrows()])
    return items


def _legend(colours: dict[str, str], has_indirect: bool, has_loaded: bool,
            has_sentiment: bool, show_removed: bool) -> str:
    keys = []
    for speaker, colour in colours.items():
        keys.append(f'<span class="mfv-key"><span class="mfv-swatch" '
                    f'style="border-bottom:3px solid {colour}"></span>{_esc(speaker)}</span>')
    if has_indirect:
        keys.append('<span class="mfv-key"><span class="mfv-swatch" style="border-bottom:3px '
                    'dashed #555"></span>dashed: reported speech (paraphrase)</span>')
    if has_loaded:
        keys.append('<span class="mfv-key"><span class="mfv-loaded">loaded word</span></span>')
    if has_sentiment:
        keys.append('<span class="mfv-key"><span class="mfv-swatch" style="background:'
                    'rgba(46,160,67,0.35)"></span>positive sentence</span>')
        keys.append('<span class="mfv-key"><span class="mfv-swatch" style="background:'
                    'rgba(215,58,73,0.35)"></span>negative sentence</span>')
    if show_removed:
        keys.append('<span class="mfv-key"><span class="mfv-removed">removed by cleaning'
                    '</span></span>')
    if not keys:
        return ""
    return ('<div class="mfv-legend"><strong>Speakers and marks:</strong> '
            + " ".join(keys) + "</div>")


def annotate(corpus: pd.DataFrame, article_id: str | int,
             quotes: pd.DataFrame | None | bool = None,
             loaded: pd.DataFrame | None | bool = None,
             show_removed: bool = False, sentiment: bool = True) -> AnnotatedArticle:
    """Show one article with quotations, loaded words, sentiment and (optionally) removals.

    ``quotes`` and ``loaded`` take a ready table (``extract_quotes`` / ``loaded_language``
    output), None to compute it, or False to leave that layer out. Raises ``KeyError`` for
    an article id the corpus does not have.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "headline": [None],
    ...     "text": ['Police said <b>"It was fine"</b>.'], "raw_text": ["-"]})
    >>> q = pd.DataFrame({"article_id": ["1"], "kind": ["direct"], "start": [15],
    ...     "end": [28], "speaker": ["Police"]})
    >>> v = annotate(c, "1", quotes=q, loaded=False, sentiment=False)
    >>> "&lt;b&gt;" in v._repr_html_(), "<b>" in v._repr_html_(), list(v.speakers)
    (True, False, ['Police'])
    """
    aid = str(article_id)
    ids = corpus["article_id"].astype(str)
    if aid not in set(ids):
        known = ", ".join(sorted(set(ids))[:20])
        raise KeyError(f"no article {aid!r} in the corpus (it has: {known})")
    article = corpus[ids == aid].copy()
    article["article_id"] = aid
    row = article.iloc[0]
    text = str(row["text"]) if isinstance(row["text"], str) else ""
    notes: list[str] = []

    quote_table = _get_quotes(article, quotes, notes)
    quote_spans = _layer_quotes(aid, quote_table)
    loaded_spans = _layer_loaded(article, aid, loaded, quote_table, notes)
    sentence_spans = _layer_sentences(article, sentiment, notes) if text.strip() else []

    colours: dict[str, str] = {}
    for _, _, speaker, _ in quote_spans:
        if speaker not in colours:
            named = [s for s in colours if s != UNATTRIBUTED]
            colours[speaker] = (UNATTRIBUTED_COLOUR if speaker == UNATTRIBUTED
                                else PALETTE[len(named) % len(PALETTE)])

    paragraphs = [
        _render_paragraph(text, s, e, sentence_spans, quote_spans, loaded_spans, colours)
        for s, e in _paragraph_spans(text)
    ] if text else []
    if not text.strip():
        paragraphs = ['<p class="mfv-note">(This article has no text after cleaning.)</p>']

    if show_removed:
        from analysis import removal_report

        removed = removal_report(article)
        items = _interleave_removed(row, paragraphs, removed)
        body = "\n".join(h for _, h in items)
        if len(removed) == 0:
            notes.append("Cleaning removed no lines from this article.")
    else:
        body = "\n".join(paragraphs)

    has_sentiment = any(s[4] in ("positive", "negative") for s in sentence_spans)
    legend = _legend(colours, any(q[3] == "indirect" for q in quote_spans), bool(loaded_spans),
                     has_sentiment, show_removed)
    outlet = str(row.get("outlet", "unknown"))
    note_html = "".join(f'<p class="mfv-note">{_esc(n)}</p>' for n in notes)
    document = (f'{_STYLE}<div class="mfv-article"><p class="mfv-legend">Article '
                f'<strong>{_esc(aid)}</strong> — outlet: <strong>{_esc(outlet)}</strong></p>'
                f'{legend}{note_html}{body}</div>')
    return AnnotatedArticle(aid, outlet, document, colours, notes)


@dataclass
class HTMLBlock:
    """A piece of HTML (already escaped) that displays in JupyterLab and nbconvert."""

    html: str

    def _repr_html_(self) -> str:
        return self.html


def answer(*blocks: object, summary: str = "Show the answer") -> HTMLBlock:
    """A collapsible ``<details>`` block: click the summary to see the answer.

    Each block is a string (a paragraph), a list of strings (a bulleted list) or a
    DataFrame (a table); every piece of text is HTML-escaped.

    >>> answer("Seed <b>4</b>", ["one"], summary="A").html
    '<details><summary>A</summary><p>Seed &lt;b&gt;4&lt;/b&gt;</p><ul><li>one</li></ul></details>'
    """
    from analysis.html_safety import frame_to_html

    parts = []
    for block in blocks:
        if isinstance(block, pd.DataFrame):
            parts.append(frame_to_html(block, index=False))
        elif isinstance(block, (list, tuple)):
            parts.append("<ul>" + "".join(f"<li>{_esc(item)}</li>" for item in block) + "</ul>")
        else:
            parts.append(f"<p>{_esc(block)}</p>")
    return HTMLBlock(f"<details><summary>{_esc(summary)}</summary>{''.join(parts)}</details>")
