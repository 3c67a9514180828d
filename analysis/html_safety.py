"""Keep untrusted text as text when it goes into HTML or Markdown.

Article text, headlines, outlet and speaker names come from scraped pages: they may hold
``<script>``, ``<img onerror=…>``, ``javascript:`` links or ``{{ }}`` template syntax.
Every HTML the workbook produces escapes them with these helpers.

pandas' ``DataFrame.to_html`` escapes cells by default, but ``DataFrame.style`` (a Styler)
does **not**: ``frame.style.to_html()`` puts a cell's ``<script>`` into the page as is.
Neither escapes ``{{ }}``, which a client-side template engine would run. So:

* :func:`escape` one value (HTML special characters and braces; direction controls such as
  U+202E dropped);
* :func:`frame_to_html` a DataFrame as an HTML table, every cell and label escaped;
* :func:`escape_frame` a copy whose text cells and labels are escaped, to build a Styler
  from (``escape_frame(df).style.format(precision=2)``) — never pass ``escape="html"`` to
  that Styler as well, or the text is escaped twice;
* :func:`markdown_text` text for ``IPython.display.Markdown`` (Markdown passes raw HTML
  through);
* :func:`safe_link` an ``<a>`` only for http(s) addresses.

>>> escape("<script>alert('x')</script> {{ 7*7 }}")
'&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &#123;&#123; 7*7 &#125;&#125;'
"""

from __future__ import annotations

import html
import math
import re
from urllib.parse import urlsplit

import numpy as np
import pandas as pd

__all__ = ["escape", "escape_frame", "frame_to_html", "markdown_text", "safe_link"]

_BRACES = str.maketrans({"{": "&#123;", "}": "&#125;"})
#: Bidirectional controls: an override (U+202E) in an outlet name would reverse the rest of
#: the sentence it is put in. Embeddings, overrides, isolates and marks are dropped.
_BIDI = str.maketrans(dict.fromkeys(
    [*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C]))
#: In Markdown, ``:`` and ``@`` are written as entities so that a bare address
#: (``https://…``, ``www.…``, ``a@b.org``) is not turned into a link by the renderer.
_AUTOLINK = str.maketrans({":": "&#58;", "@": "&#64;", "$": "&#36;"})
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-.!|~])")
_LINE_BREAKS = re.compile(r"\s*[\r\n\f\v\u2028\u2029\x85]+\s*")


def escape(value: object) -> str:
    """A value as HTML text: ``& < > " '`` and ``{ }`` escaped, bidirectional controls
    (U+202E …) dropped; ``None`` and NaN give "".

    >>> escape('<img src=x onerror="alert(1)">')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
    >>> escape(None), escape(float("nan")), escape(3), escape("The \u202eTimes")
    ('', '', '3', 'The Times')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value).translate(_BIDI), quote=True).translate(_BRACES)


def _escape_cell(value: object) -> object:
    if isinstance(value, bool | int | float):
        return value
    try:
        if pd.isna(value):  # None, pd.NA, NaT: shown as "nan", never as a raw "<NA>"
            return np.nan
    except (TypeError, ValueError):  # lists, arrays: not a scalar
        pass
    return escape(value)


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` with every text cell, column name and index label escaped.

    Numbers, booleans and missing values stay as they are, so a Styler built on the copy
    can still format them.

    >>> escape_frame(pd.DataFrame({"<b>": ["<i>x</i>", 1.5]})).to_dict("list")
    {'&lt;b&gt;': ['&lt;i&gt;x&lt;/i&gt;', 1.5]}
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            # Nullable integers/booleans render a missing value as a raw "<NA>".
            if isinstance(values.dtype, pd.api.extensions.ExtensionDtype) and values.isna().any():
                out[column] = values.astype(object).where(values.notna(), np.nan)
        else:
            out[column] = values.astype(object).map(_escape_cell).astype(object)
    return out.rename(index=_escape_cell, columns=_escape_cell)


def frame_to_html(frame: pd.DataFrame, **kwargs: object) -> str:
    """An HTML table of ``frame`` with every cell and label escaped and no links made.

    Takes ``DataFrame.to_html``'s other arguments (``index=False``, ``max_rows`` …).

    >>> "<script>" in frame_to_html(pd.DataFrame({"text": ["<script>x</script>"]}))
    False
    """
    kwargs.pop("escape", None)
    kwargs.pop("render_links", None)
    # pandas escapes & < > of every cell, label and missing-value marker; braces are ours.
    html_text = frame.to_html(escape=True, render_links=False, **kwargs)
    return html_text.translate(_BRACES).translate(_BIDI)


def markdown_text(value: object) -> str:
    """Text for a Markdown cell (``IPython.display.Markdown``): the one safe way to put a
    corpus value (an id, outlet, actor, headline, quotation) into Markdown.

    Tags and attributes (``<img onerror>``, ``<style>``, ``<meta http-equiv=refresh>``)
    are escaped; Markdown punctuation is backslashed, so no link, image or emphasis is
    made (``[x](javascript:…)``); ``:`` and ``@`` are entities, so a bare address is not
    made a link, and so is ``$``, so that two sums of money ("$7.06 … $5") are not read as
    the ends of a formula (shown raw, backslashes and all); direction controls (U+202E) are
    dropped. ``html.escape`` alone is not
    enough: it leaves links, bare addresses and emphasis.

    >>> markdown_text("It's")
    'It&#x27;s'
    >>> markdown_text("[click](javascript:alert(1)) <b>*bold*</b>")
    '\\\\[click\\\\]\\\\(javascript&#58;alert\\\\(1\\\\)\\\\) &lt;b&gt;\\\\*bold\\\\*&lt;/b&gt;'
    >>> markdown_text("see https://example.org")
    'see https&#58;//example\\\\.org'
    >>> markdown_text("$7.06, not $5")
    '&#36;7\\\\.06, not &#36;5'
    >>> markdown_text("a\\n=\\nb")  # a line break would let "=" make a heading
    'a = b'
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    # Backslash Markdown's punctuation first, then escape HTML: the entities that escaping
    # writes (``&#x27;``) must not be backslashed themselves.
    # A value is inline text: its line breaks become spaces, so no line of it can start a
    # heading ("=" or "-" under a line), a list or a quotation block.
    flat = _LINE_BREAKS.sub(" ", str(value))
    return escape(_MARKDOWN_SPECIAL.sub(r"\\\1", flat)).translate(_AUTOLINK)


def safe_link(url: object, label: object | None = None) -> str:
    """An ``<a>`` element for an http(s) address; any other scheme (``javascript:``,
    ``data:`` …) gives the label (or the address) as plain escaped text.

    >>> safe_link("https://example.org/a?b=1&c=2", "source")
    '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">source</a>'
    >>> safe_link("javascript:alert(1)", "source")
    'source'
    """
    address = "" if url is None else str(url).strip()
    text = escape(address if label is None else label)
    try:
        scheme = urlsplit(address).scheme.lower()
    except ValueError:
        scheme = ""
    if scheme not in {"http", "https"} or any(ord(ch) < 32 for ch in address):
        return text
    return f'<a href="{escape(address)}" rel="noopener noreferrer">{text}</a>'
