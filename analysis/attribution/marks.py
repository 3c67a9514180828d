"""Where quotations open and close: quotation marks paired by their context, not their shape.

Straight and curly, single and double marks: a mark between two letters is an apostrophe
(I'm, Falter's); an opening mark follows the start, a space or punctuation; a closing mark
is followed by a space, punctuation or the end. Quotes inside quotes stay part of the outer
quotation. A paragraph that opens a quotation and does not close it continues into the next
paragraph that opens with a quote mark (captions in between are skipped).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

SINGLE = "'‘’"
DOUBLE = '"“”'
MARKS = SINGLE + DOUBLE
_OPEN_BEFORE = "([{—–-/:;,\"“‘'"
_CLOSE_AFTER = ".,;:!?)]}—–-\"”’'…"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Two digits after an apostrophe, and no third digit or letter but a plural's "s": a year
#: cut short ("the '80s", "class of ’16"; not the title "‘13th’").
_ELIDED_YEAR = re.compile(r"\d\ds?(?!\w)")
#: ... unless a single mark closes a few words later on the line: a short title that opens
#: with a number ("’13 Hours’").
_SHORT_TITLE = re.compile(r"[^\n'‘’]{1,30}?\S['’](?=[\s.,;:!?)]|$)")


# --------------------------------------------------------------------------- quote marks

_MARK = re.compile(f"[{re.escape(MARKS)}]")


def _mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with every character inside ``spans`` but newlines replaced by "_".

    >>> _mask("ab 'cd\\nef' g", [(4, 9)])
    "ab '__\\n__' g"
    """
    out, pos = [], 0
    for s, e in sorted(spans):
        s = max(s, pos)
        if e <= s:
            continue
        out.append(text[pos:s])
        out.append("\n".join("_" * len(x) for x in text[s:e].split("\n")))
        pos = e
    out.append(text[pos:])
    return "".join(out)


@dataclass(slots=True)
class _Quote:
    parts: list[tuple[int, int]]          # content spans (without marks), one per paragraph
    open_pos: int                         # offset of the opening mark
    close_pos: int | None                 # offset of the closing mark (None: ran out)
    paragraph: int                        # index of the first paragraph
    speaker: str = ""                     # a transcript turn's speaker, named by its label
    label: tuple[int, int] | None = None  # the span of that label ("TAPPER")


def _mark_roles(text: str, i: int) -> tuple[bool, bool]:
    """(can_open, can_close) for the quote mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in SINGLE and prev.isalnum() and nxt.isalnum():
        return False, False                               # apostrophe: I'm, Falter's
    if ch in SINGLE and _ELIDED_YEAR.match(text, i + 1) and not _SHORT_TITLE.match(text, i + 1):
        return False, False                               # a decade or year: '80s, ’16
    can_open = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
    can_close = (not prev.isspace()) and (nxt.isspace() or nxt in _CLOSE_AFTER
                                          # a missing space: 'We won!”The next ...',
                                          # '... of blood.'All the ...'
                                          or ch in "”’'\"" and prev in ".!?,…" and nxt.isupper())
    if ch in '"”' and prev == " " and i >= 2 and text[i - 2] in "'’" and (
            nxt.isspace() or nxt in _CLOSE_AFTER):
        return False, True                                # ...for her,' " Akers said
    if prev == ":" or (prev.isspace() and i >= 2 and text[i - 2] == ":"):
        can_open, can_close = True, False                 # added:" We ... / said: '...
    if can_open and can_close:
        if ch in "‘“":
            can_close = False
        elif ch in "’”":
            can_open = not prev.isalnum() and prev not in ".,!?…)"
        elif prev.isalnum() or prev in ".,!?…)":
            can_open = False
    return can_open, can_close


def _is_weak_closer(text: str, i: int, content_start: int) -> bool:
    """A single mark after -s, followed by a lower-case word, deep in a long quotation is
    more likely a plural possessive (Londoners' confidence) than a closing mark."""
    if text[i] not in SINGLE or i == 0 or text[i - 1].lower() != "s":
        return False
    rest = text[i + 1:i + 3]
    if not (len(rest) == 2 and rest[0] == " " and rest[1].islower()):
        return False
    if len(_WORD.findall(text[content_start:i])) > 6:
        return True
    # a later closing mark before any later opening mark: this one is an apostrophe
    end = text.find("\n", i)
    end = min(len(text) if end < 0 else end, i + 400)
    for j in range(i + 1, end):
        if text[j] == text[i] or (text[j] in SINGLE and text[i] in SINGLE):
            can_open, can_close = _mark_roles(text, j)
            if can_open and not can_close:
                return False
            if can_close:
                return True
    return False


def _find_quotes(text: str, paragraphs: list[tuple[int, int]], kinds: list[str]) -> list[_Quote]:
    """Pair quote marks paragraph by paragraph; multi-paragraph quotations continue."""
    quotes: list[_Quote] = []
    pending: _Quote | None = None        # a quotation left open at the end of a paragraph
    pending_family = ""
    for p_index, (p_start, p_end) in enumerate(paragraphs):
        if pending is not None and kinds[p_index] == "caption":
            # a caption interrupts a quotation without ending it
            quotes.extend(q for q, _ in _scan(text, p_start, p_end, None, "", p_start, p_index))
            continue
        cont: _Quote | None = None
        family = ""
        scan_from = p_start
        if pending is not None:
            ch = text[p_start]
            if ch in MARKS and (ch in SINGLE) == (pending_family == "s"):
                cont, family, scan_from = pending, pending_family, p_start + 1
            pending = None
        for q, fam in _scan(text, scan_from, p_end, cont, family, scan_from, p_index):
            if q is not cont:
                quotes.append(q)
            if q.close_pos is None:
                pending, pending_family = q, fam
    out = []
    for q in quotes:
        parts = []
        for n, (s, e) in enumerate(q.parts):
            while s < e and text[s].isspace():
                s += 1
            while e > s and (text[e - 1].isspace()
                             or (text[e - 1] == "," and n == len(q.parts) - 1)):
                e -= 1
            if s < e:
                parts.append((s, e))
        if parts and any(ch.isalnum() for s, e in parts for ch in text[s:e]):
            q.parts = parts
            out.append(q)
    out.sort(key=lambda q: q.parts[0][0])
    return out


def _scan(text: str, start: int, end: int, cont: _Quote | None, family: str, seg_start: int,
          p_index: int = -1) -> list[tuple[_Quote | None, str]]:
    """Top-level quotations in ``text[start:end]``; ``cont`` is a quotation continuing from
    the previous paragraph (its opening mark already skipped)."""
    found: list[tuple[_Quote | None, str]] = []
    current = cont
    cur_family = family
    content_start = seg_start
    depth = 0
    for mark in _MARK.finditer(text, start, max(start, end)):
        i = mark.start()
        ch = text[i]
        fam = "s" if ch in SINGLE else "d"
        can_open, can_close = _mark_roles(text, i)
        if current is None:
            if can_open:
                current = _Quote([], i, None, p_index)
                cur_family, content_start, depth = fam, i + 1, 0
        elif fam == cur_family:
            if can_close and not (depth == 0 and _is_weak_closer(text, i, content_start)):
                if depth > 0:
                    depth -= 1
                else:
                    current.parts.append((content_start, i))
                    current.close_pos = i
                    found.append((current, cur_family))
                    current = None
            elif can_open and not can_close:
                depth += 1
    if current is not None:
        current.parts.append((content_start, end))
        current.close_pos = None
        found.append((current, cur_family))
    return found


_TWO_APOSTROPHES = re.compile(r"''(?!')|‘‘|’’")


def double_apostrophes(text: str) -> str:
    """``text`` with each pair of apostrophes used as one double mark (''…'', as some
    archives write “…”) made a straight double mark plus a space on its outer side, so
    offsets are unchanged and the pair opens or closes like one mark.

    >>> double_apostrophes("''We won,'' he said.")
    ' "We won,"  he said.'
    """
    if "''" not in text and "‘‘" not in text and "’’" not in text:
        return text

    def swap(m: re.Match[str]) -> str:
        after = text[m.end():m.end() + 1]
        return ' "' if after and (after.isalnum() or after in "‘'$(") else '" '

    return _TWO_APOSTROPHES.sub(swap, text)


def european_marks(text: str) -> str:
    """``text`` with the common European quotation marks as the English curly ones, offsets
    unchanged: German „…“ and ‚…‘, French «…» (with or without inner spaces), German and
    Danish »…«. A guillemet opens when a space or the start is before it and a word after it
    (else it closes); where the context says nothing, « opens and » closes.

    >>> european_marks("Er sagte: „Wir gewinnen.“ Sie: »Nein.« Il a dit « non ».")
    'Er sagte: “Wir gewinnen.” Sie: “Nein.” Il a dit  “non” .'
    """
    if not any(ch in text for ch in "„‚«»"):
        return text
    out = list(text)
    want_close = {"“": False, "‘": False}
    for i, ch in enumerate(text):
        if ch == "„":
            out[i], want_close["“"] = "“", True
        elif ch == "‚" and i + 1 < len(text) and text[i + 1].isalnum():
            out[i], want_close["‘"] = "‘", True
        elif ch in want_close and want_close[ch]:
            out[i] = "”" if ch == "“" else "’"
            want_close[ch] = False
        elif ch in "«»":
            prev = text[i - 1] if i else " "
            nxt = text[i + 1] if i + 1 < len(text) else " "
            opens = (prev.isspace() or prev in "(:—–-\"") and nxt.isalnum()
            closes = (nxt.isspace() or nxt in ".,;:!?)") and not prev.isspace()
            if opens == closes:
                opens = ch == "«"
            out[i] = "“" if opens else "”"
            # French spacing ("« non »"): the mark moves next to its word, offsets kept
            if opens and nxt.isspace() and i + 1 < len(text):
                out[i], out[i + 1] = text[i + 1], "“"
            elif not opens and prev.isspace() and i:
                out[i - 1], out[i] = "”", text[i - 1]
    return "".join(out)


def normalise_marks(text: str) -> str:
    """:func:`european_marks` and :func:`double_apostrophes`: the marks the pairing reads.

    >>> normalise_marks("«Oui», dit-il. ''Yes,'' he said.")
    '“Oui”, dit-il.  "Yes,"  he said.'
    """
    return double_apostrophes(european_marks(text))
