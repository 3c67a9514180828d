"""Speaker labels of an interview transcript printed in an article.

News sites print broadcast interviews as transcripts: each turn is a paragraph that opens
with its speaker's name in capitals and a colon ("TAPPER: Do you think ...", "FALLIN: I
think ..."), sometimes inside one long quotation; a printed interview labels its turns
"Q:" and "A:", the answers being those of the person the headline names. The words of a
turn are its speaker's, whoever the article last named; the rules that look for a speech
verb and its subject see none. :func:`transcript_turns` finds the labels and names their
speakers.

A capitalised word and a colon also open news kickers ("UPDATE:", "WATCH:", "EXCLUSIVE:").
A label is taken for a speaker only when it names a person: a name of two or more words
("JAKE TAPPER:"), or one word that is the surname of a person the article names
("TRUMP:" where it names Donald Trump) or that labels two or more turns of the article
("WALLACE:" twice). A kicker word is never a speaker.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
import string
from dataclasses import dataclass

from analysis.attribution.marks import _Quote
from analysis.attribution.speakers import _TITLES, _given_name

#: A paragraph that opens (after an opening quotation mark, if any) with one to four words
#: in capitals, an optional bracket ("(R-OK)"), a colon and the turn's first word.
_LABEL = re.compile(
    r"[\"“‘']?[^\S\n]*"
    r"(?P<label>[A-Z][A-Z'’.-]*[A-Z.](?:[^\S\n]+[A-Z][A-Z'’.-]*[A-Z.]){0,3})"
    r"(?:[^\S\n]*\([^()\n]{1,24}\))?[^\S\n]*:[^\S\n]+(?=\S)")
#: The label of a question or an answer in a printed interview ("Q: ...", "A: ...").
_QA_LABEL = re.compile(r"[\"“]?[^\S\n]*(?P<label>[QA])[.:][^\S\n]+(?=\S)")
#: Capitalised runs of two or more words: the full names a one-word label may stand for.
_FULL_NAME = re.compile(r"\b[A-Z][a-z][\w'’-]*(?:[ \t]+(?:[A-Z]\.[ \t]+)?[A-Z][\w'’-]+)+")
#: Words that open a kicker or a note, not a turn.
_KICKERS = frozenset({
    "update", "updated", "updates", "breaking", "exclusive", "watch", "video", "photo",
    "photos", "look", "listen", "read", "boom", "busted", "note", "editor's", "editor’s",
    "correction", "clarification", "byline", "source", "sources", "related", "more",
    "also", "full", "text", "transcript", "warning", "report", "poll", "live", "analysis",
    "opinion", "wow", "stat", "email", "tweet", "q", "a", "question", "answer", "bonus",
    "fact", "check", "reality", "the", "of", "and", "week", "day", "today", "now", "new",
})


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a transcript: the label's span, the speaker it names and the span of the
    turn's words (to the end of its paragraph), and any later paragraphs it runs on to."""

    label_start: int
    label_end: int
    speaker: str
    start: int
    end: int
    paragraph: int
    more: tuple[tuple[int, int], ...] = ()   # the paragraphs that go on with the turn


def _person_names(text: str, start: int = 0, end: int | None = None
                  ) -> list[tuple[int, str]]:
    """The full names of ``text[start:end]`` in order, as (offset, name): a capitalised run
    from its first name on ("Governor Mary Fallin", "Host Dana Perino": Mary Fallin, Dana
    Perino), else without its titles."""
    out = []
    for m in _FULL_NAME.finditer(text, start, len(text) if end is None else end):
        words = m.group().split()
        given = next((i for i, w in enumerate(words[:-1]) if _given_name(w)), None)
        if given is not None:
            words = words[given:]
        while words and words[0].casefold().strip(".") in _TITLES:
            words = words[1:]
        if len(words) >= 2:
            out.append((m.start(), " ".join(words)))
    return out


def _full_names(text: str) -> dict[str, list[tuple[int, str]]]:
    """Each full name of ``text`` by its last word, case-folded: [(offset, name), ...]."""
    out: dict[str, list[tuple[int, str]]] = {}
    for pos, name in _person_names(text):
        out.setdefault(name.split()[-1].casefold(), []).append((pos, name))
    return out


def _interviewee(text: str, paragraphs: list[tuple[int, int]], first: int) -> str:
    """Who answers a question-and-answer interview: the first person its headline (first
    paragraph) names, else the first its introduction (before the first question) names."""
    for start, end in (paragraphs[0], (0, paragraphs[first][0])):
        names = _person_names(text, start, end)
        if names:
            return names[0][1]
    return ""


def _speaker(words: list[str], pos: int, names: dict[str, list[tuple[int, str]]],
             counts: dict[str, int], labelled: dict[str, str]) -> str:
    """The person a label names, or "" when it names none."""
    if any(w.casefold().strip(".") in _KICKERS for w in words):
        return ""
    last = words[-1].casefold().strip(".")
    if len(words) >= 2:
        # a full name the text writes ("Jake Tapper"), else a first name of the census lists
        # after any titles ("SEN. JOHN MCCAIN"); not "FIX IS IN"
        rest = list(words)
        while len(rest) > 2 and rest[0].casefold().strip(".") in _TITLES:
            rest = rest[1:]
        full = " ".join(rest).casefold()
        known = next((n for _, n in names.get(last, []) if n.casefold().endswith(full)),
                     None)
        if known:
            return known                 # as the text writes it: "John McCain"
        return string.capwords(" ".join(rest)) if _given_name(rest[0].capitalize()) else ""
    if last in labelled:                 # "TAPPER:" after "JAKE TAPPER:"
        return labelled[last]
    found = names.get(last, [])
    if found:
        before = [n for p, n in found if p < pos]
        return before[-1] if before else found[0][1]
    if counts.get(last, 0) >= 2:
        return string.capwords(words[0])
    return ""


def transcript_turns(text: str, paragraphs: list[tuple[int, int]]) -> list[Turn]:
    """The turns of the transcripts in ``text``, one per paragraph opening with a label in
    capitals and a colon (``paragraphs``: the (start, end) of each paragraph); a label that
    names no person ("VIDEO:", "UPDATE:") gives a turn with no speaker.

    >>> text = ("Jake Tapper asked Governor Mary Fallin.\\n\\nTAPPER: Is he a healer?\\n\\n"
    ...         "FALLIN: I think so.\\n\\nUPDATE: She spoke on CNN.")
    >>> paras = [(m.start(), m.end()) for m in re.finditer(r"[^\\n]+", text)]
    >>> [(t.speaker, text[t.start:t.end]) for t in transcript_turns(text, paras)]
    [('Jake Tapper', 'Is he a healer?'), ('Mary Fallin', 'I think so.'), ('', 'She spoke on CNN.')]
    """
    found = []
    asked = []
    for index, (p_start, p_end) in enumerate(paragraphs):
        m = _LABEL.match(text, p_start, p_end)
        if m is not None:
            found.append((index, m, m.group("label").split()))
        elif (m := _QA_LABEL.match(text, p_start, p_end)) is not None:
            asked.append((index, m))
    turns = _interview_turns(text, paragraphs, asked)
    if not found:
        return turns
    names = _full_names(text)
    counts: dict[str, int] = {}
    for _, _, words in found:
        key = words[-1].casefold().strip(".")
        counts[key] = counts.get(key, 0) + 1
    labelled: dict[str, str] = {}
    turns = []
    for index, m, words in found:
        speaker = _speaker(words, m.start("label"), names, counts, labelled)
        if speaker and len(words) >= 2:
            labelled[words[-1].casefold().strip(".")] = speaker
        turns += _turn(text, paragraphs, index, m, speaker)
    return sorted(turns, key=lambda t: t.start)


def _turn(text: str, paragraphs: list[tuple[int, int]], index: int, m: re.Match[str],
          speaker: str) -> list[Turn]:
    """The turn whose label ``m`` opens paragraph ``index``, to the paragraph's end (its
    closing quotation mark left out); none when no words follow the label."""
    end = paragraphs[index][1]
    while end > m.end() and text[end - 1] in " \t\"”’'":
        end -= 1
    if end <= m.end():
        return []
    return [Turn(m.start("label"), m.end("label"), speaker, m.end(), end, index)]


def _interview_turns(text: str, paragraphs: list[tuple[int, int]],
                     asked: list[tuple[int, re.Match[str]]]) -> list[Turn]:
    """The turns of a question-and-answer interview ("Q: ..." / "A: ..."), when two
    answers or more are printed: each answer is the interviewee's (:func:`_interviewee`), a
    question no source's (the outlet's own words)."""
    if sum(m.group("label") == "A" for _, m in asked) < 2:
        return []
    interviewee = _interviewee(text, paragraphs, asked[0][0])
    turns = []
    for k, (index, m) in enumerate(asked):
        answer = m.group("label") == "A"
        turn = _turn(text, paragraphs, index, m, interviewee if answer else "")
        if turn and answer and k + 1 < len(asked):
            # an answer runs on to the next question: the paragraphs between are its own
            more = tuple(paragraphs[i] for i in range(index + 1, asked[k + 1][0])
                         if paragraphs[i][1] > paragraphs[i][0])
            turn = [dataclasses.replace(turn[0], more=more)]
        turns += turn
    return turns


def with_turns(quotes: list[_Quote], turns: list[Turn], text: str,
               paragraphs: list[tuple[int, int]]) -> list[_Quote]:
    """``quotes`` with each transcript turn made a quotation of its own, credited to the
    speaker its label names.

    A quotation that holds a transcript (its paragraphs opening with labels, one at least
    naming a person) is cut at each label, a label naming no one ("VIDEO:") giving a part
    credited to no one. A turn printed without quotation marks becomes a quotation of its
    own when its label names a person, and the quotations inside it are part of its words.

    >>> text = 'JANE ROE: I said "no" twice.\\n\\nROE: And I meant it.'
    >>> paras = [(0, 28), (30, 50)]
    >>> inner = _Quote([(17, 19)], 16, 19, 0)          # the "no" inside the first turn
    >>> out = with_turns([inner], transcript_turns(text, paras), text, paras)
    >>> [(q.speaker, text[q.parts[0][0]:q.parts[0][1]]) for q in out]
    [('Jane Roe', 'I said "no" twice.'), ('Jane Roe', 'And I meant it.')]
    """
    if not any(t.speaker for t in turns):
        return quotes
    starts = [s for s, _ in paragraphs]
    by_paragraph = {t.paragraph: t for t in turns}
    used: set[int] = set()
    out: list[_Quote] = []
    for q in quotes:
        groups: list[tuple[Turn | None, list[tuple[int, int]]]] = [(None, [])]
        for s, e in q.parts:
            turn = by_paragraph.get(bisect.bisect_right(starts, s) - 1)
            if turn is not None and turn.label_start >= s and \
                    not text[s:turn.label_start].strip(" \t\"“‘'"):
                used.add(turn.paragraph)
                groups.append((turn, [(turn.start, min(e, turn.end))]))
            else:
                groups[-1][1].append((s, e))
        if not any(turn is not None and turn.speaker for turn, _ in groups):
            out.append(q)
            continue
        for i, (turn, parts) in enumerate(groups):
            if not parts:
                continue
            close = q.close_pos if i == len(groups) - 1 else None
            if turn is None:
                out.append(_Quote(parts, q.open_pos, close, q.paragraph))
            else:
                out.append(_Quote(parts, turn.label_start, close, turn.paragraph,
                                  turn.speaker, (turn.label_start, turn.label_end)))
    spans = []
    for turn in turns:
        if turn.speaker and turn.paragraph not in used:
            parts = [(turn.start, turn.end), *turn.more]
            spans += parts
            out.append(_Quote(parts, turn.label_start, None, turn.paragraph,
                              turn.speaker, (turn.label_start, turn.label_end)))
    out = [q for q in out if q.label is not None or not any(
        s <= q.parts[0][0] and q.parts[-1][1] <= e for s, e in spans)]
    out.sort(key=lambda q: q.parts[0][0])
    return out


__all__ = ["Turn", "transcript_turns", "with_turns"]
