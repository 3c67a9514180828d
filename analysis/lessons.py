"""Media-literacy lessons: the template, the examples each lesson picks from the data, and
the printable handouts.

Every lesson notebook (``notebooks/NN_lesson_*.ipynb``) follows one template
(:data:`TEMPLATE_SECTIONS`, checked by :func:`template_problems`): learning goals, level and
timing, prerequisites, classroom set-up, a content note generated from the corpus, a short
reading, exercises that each ask for a prediction *before* the measurement, model answers,
discussion, an extension, a three-question quiz and teacher notes. Model answers and quiz
answers sit in cells tagged ``answer``, teacher notes in cells tagged ``teacher``: the
student handout leaves both out, the teacher's copy keeps them.

The functions below choose each exercise's example from the corpus in hand (the quotation
that changed most between outlets, the actor named most differently, ...), so a lesson works
on any small corpus; nothing here names a seed article.

``python -m analysis.lessons --corpus PATH --actors CSV --out DIR`` (what ``make lesson``
runs) executes every lesson notebook on the corpus and writes, per lesson, a student handout
``NN_lesson_x.student.html`` and a teacher's copy ``NN_lesson_x.teacher.html`` (print them
to PDF from a browser: A4, each exercise on a new page, the measurement on the page after
the prediction), ``articles.html`` (the articles to print for the class), ``index.html`` and
``lessons.log`` (what the kernels printed). The pages are the briefing's offline pages (no
script, no request to the network, a Content-Security-Policy forbidding both) with a print
style.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import html
import math
import os
import re
import sys
import warnings
from collections.abc import Collection, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analysis.errors import CorpusError

if TYPE_CHECKING:  # nbformat is imported where it is used: importing it costs about a
    # second (its schema validator), which a lesson notebook's kernel need not pay.
    import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
LESSON_GLOB = "[0-9][0-9]_lesson_*.ipynb"
DATA = Path(__file__).resolve().parent / "data"

#: Cells with these tags hold answers (model answers, quiz answers) or teacher notes: the
#: teacher's copy shows them, the student handout leaves them out.
ANSWER_TAG = "answer"
TEACHER_TAG = "teacher"
TEACHER_ONLY_TAGS = (ANSWER_TAG, TEACHER_TAG)

#: The level-two sections of every lesson, in order ("Exercise" repeats: at least two).
TEMPLATE_SECTIONS = (
    "Learning goals", "Level and timing", "Prerequisites", "Classroom set-up", "Content note",
    "Reading", "Exercise", "Discussion", "Extension", "Quiz", "Teacher notes",
)
#: The level-three parts of every exercise, in order.
EXERCISE_PARTS = ("Your prediction", "The measurement", "Model answer")
#: Sections whose cells must be tagged ``teacher`` (absent from the student handout).
TEACHER_SECTIONS = ("Teacher notes",)
#: A class reads at most this many articles in a lesson's reading time; a larger corpus
#: gives a reading set (:func:`reading_set`) and its measurements still use every article.
MAX_READING = 6
#: Speaker types counted as official voices (matched as words in the type's name).
OFFICIAL_WORDS = re.compile(
    r"\b(police|government|politician|official|minister|ministry|military|army|council|"
    r"authorit|spokes|mayor|court|agency)", re.IGNORECASE)
#: Below this many items a figure "is too few to say".
FEW = 5


# --------------------------------------------------------------------------------------
# The template
# --------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Heading:
    """A heading of a lesson notebook: level, text, cell number and the cell's tags."""

    level: int
    text: str
    cell: int
    tags: tuple[str, ...]


def headings(nb: nbformat.NotebookNode) -> list[Heading]:
    """The Markdown headings of a notebook (in markdown cells and Markdown outputs), in order.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T\\n## Quiz")])
    >>> [(h.level, h.text) for h in headings(nb)]
    [(1, 'T'), (2, 'Quiz')]
    """
    found = []
    for i, cell in enumerate(nb.cells):
        tags = tuple(cell.get("metadata", {}).get("tags", []))
        texts = [cell.source] if cell.cell_type == "markdown" else [
            out.get("data", {}).get("text/markdown", "") for out in cell.get("outputs", [])]
        for text in texts:
            for match in re.finditer(r"^(#{1,6})\s+(.+?)\s*$", text, flags=re.MULTILINE):
                found.append(Heading(len(match.group(1)), match.group(2), i, tags))
    return found


def _section_name(text: str) -> str:
    for name in TEMPLATE_SECTIONS:
        if text == name or text.startswith(name + " ") or text.startswith(name + ":"):
            return name
    return ""


def template_problems(nb: nbformat.NotebookNode) -> list[str]:
    """What a lesson notebook lacks against the template (empty when it follows it).

    Checks: a title; every section of :data:`TEMPLATE_SECTIONS` as a level-two heading, in
    order, with at least two exercises; in each exercise the parts of
    :data:`EXERCISE_PARTS` in order, no output before the prediction is asked for, the model
    answer tagged ``answer``; a quiz with three numbered questions and its answers tagged
    ``answer``; teacher notes tagged ``teacher``.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# T")])
    >>> template_problems(nb)[0]
    'missing section: Learning goals'
    """
    problems: list[str] = []
    heads = headings(nb)
    if not any(h.level == 1 for h in heads):
        problems.append("no title (a level-one heading)")
    top = [(h, _section_name(h.text)) for h in heads if h.level == 2]
    names = [name for _, name in top if name]
    for name in TEMPLATE_SECTIONS:
        if name not in names:
            problems.append(f"missing section: {name}")
    order = [TEMPLATE_SECTIONS.index(n) for n in names]
    if order != sorted(order):
        problems.append("sections out of the template's order: " + ", ".join(names))
    if names.count("Exercise") < 2:
        problems.append(f"{names.count('Exercise')} exercise(s): a lesson has at least two")
    for k, (head, name) in enumerate(top):
        end = top[k + 1][0].cell if k + 1 < len(top) else len(nb.cells)
        if name == "Exercise":
            problems += _exercise_problems(nb, heads, head, end)
        elif name == "Quiz":
            problems += _quiz_problems(nb, head.cell, end)
        elif name in TEACHER_SECTIONS:
            untagged = [i for i in range(head.cell, end)
                        if TEACHER_TAG not in nb.cells[i].get("metadata", {}).get("tags", [])]
            if untagged:
                problems.append(f"{head.text}: cells {untagged} are not tagged '{TEACHER_TAG}'")
    return problems


def _exercise_problems(nb: nbformat.NotebookNode, heads: list[Heading], head: Heading,
                       end: int) -> list[str]:
    parts = [h for h in heads if h.level == 3 and head.cell <= h.cell < end]
    found = [h.text for h in parts if h.text in EXERCISE_PARTS]
    problems = []
    if found != list(EXERCISE_PARTS):
        problems.append(f"{head.text}: parts {found}, expected {list(EXERCISE_PARTS)}")
        return problems
    prediction = next(h for h in parts if h.text == "Your prediction")
    for i in range(head.cell, prediction.cell + 1):
        if any(_gives_away(out) for out in nb.cells[i].get("outputs", [])):
            problems.append(f"{head.text}: a table or chart above the prediction")
    answer = next(h for h in parts if h.text == "Model answer")
    if ANSWER_TAG not in answer.tags:
        problems.append(f"{head.text}: the model answer's cell is not tagged '{ANSWER_TAG}'")
    for i in range(answer.cell, end):
        if ANSWER_TAG not in nb.cells[i].get("metadata", {}).get("tags", []):
            problems.append(f"{head.text}: cell {i} after the model answer is not tagged "
                            f"'{ANSWER_TAG}'")
    return problems


def _gives_away(output: dict) -> bool:
    """A table or a chart: output that may show an exercise's answer before the prediction.

    >>> _gives_away({"data": {"text/html": "<table></table>"}}), _gives_away({"data": {}})
    (True, False)
    """
    data = output.get("data", {})
    return "image/png" in data or "<table" in str(data.get("text/html", "")) \
        or "|---" in str(data.get("text/markdown", ""))


def _quiz_problems(nb: nbformat.NotebookNode, start: int, end: int) -> list[str]:
    student = "\n".join(nb.cells[i].source for i in range(start, end)
                        if nb.cells[i].cell_type == "markdown"
                        and not set(nb.cells[i].get("metadata", {}).get("tags", []))
                        & set(TEACHER_ONLY_TAGS))
    questions = re.findall(r"^\s*\d+\.\s+\S", student, flags=re.MULTILINE)
    problems = []
    if len(questions) != 3:
        problems.append(f"Quiz: {len(questions)} numbered questions, expected 3")
    if not any(ANSWER_TAG in nb.cells[i].get("metadata", {}).get("tags", [])
               for i in range(start, end)):
        problems.append(f"Quiz: no answers in a cell tagged '{ANSWER_TAG}'")
    return problems


# --------------------------------------------------------------------------------------
# What every lesson shows
# --------------------------------------------------------------------------------------

def _topics() -> list[tuple[str, re.Pattern[str]]]:
    with open(DATA / "lesson_content_topics.csv", encoding="utf-8", newline="") as handle:
        return [(row["topic"], re.compile(r"\b(?:" + row["pattern"] + ")", re.IGNORECASE))
                for row in csv.DictReader(handle)]


def outlet_label(outlet: object, start: bool = False) -> str:
    """An outlet's name for a sentence; the loader's "unknown" (no outlet found in the text)
    reads as what it is, with a capital when it starts a sentence (``start``). A name is kept
    as written, even at a sentence's start ("nyt").

    >>> outlet_label("Valley Gazette"), outlet_label("unknown")
    ('Valley Gazette', 'the article(s) with no known outlet')
    >>> outlet_label("unknown", start=True), outlet_label("nyt", start=True)
    ('The article(s) with no known outlet', 'nyt')
    """
    if not isinstance(outlet, str) or outlet.strip().lower() in ("", "unknown"):
        return ("The" if start else "the") + " article(s) with no known outlet"
    return outlet


def content_topics(corpus: pd.DataFrame) -> pd.DataFrame:
    """Which sensitive topics (``data/lesson_content_topics.csv``) the articles mention.

    One row per topic found: topic, articles (how many mention it), example (the word
    found). A word list finds words, not how a topic is treated.

    >>> c = pd.DataFrame({"article_id": ["1", "2"], "text": ["A genocide case.", "Rain."]})
    >>> content_topics(c)[["topic", "articles"]].values.tolist()
    [['a genocide accusation', 1]]
    """
    rows = []
    for topic, pattern in _topics():
        hits = [m.group(0) for text in corpus["text"] if (m := pattern.search(str(text)))]
        if hits:
            rows.append({"topic": topic, "articles": len(hits), "example": hits[0]})
    return pd.DataFrame(rows, columns=["topic", "articles", "example"])


def content_note(corpus: pd.DataFrame) -> str:
    """The lesson's content note for this corpus, as Markdown (corpus words escaped).

    >>> c = pd.DataFrame({"article_id": ["1"], "text": ["Rain fell on the town."]})
    >>> "found none" in content_note(c)
    True
    """
    from analysis.html_safety import markdown_text

    found = content_topics(corpus)
    n = len(corpus)
    if found.empty:
        head = (f"A word list found none of the sensitive topics it knows in these {n} "
                "articles. That does not make them safe for every class:")
    else:
        listed = "; ".join(f"{markdown_text(r.topic)} ({r.articles} of {n} articles)"
                           for r in found.itertuples())
        head = f"These articles mention: {listed}."
    return (f"{head} Read every article yourself before the lesson, think about students "
            "the topics touch personally, tell the class beforehand what the texts are "
            "about, and give a way to step out. Students discuss how the articles are "
            "written, not who is right about the events.")


#: The kind of a speaker the machine named but the actor table does not list.
OUTSIDE_TABLE = "not in the actor table"


def voice_shares(quotes: pd.DataFrame, max_kinds: int = 6) -> pd.DataFrame:
    """Per outlet, the share (in %) of its quoted words given to each kind of speaker.

    Rows: outlets; columns: speaker types (the ``max_kinds`` with most quoted words overall,
    the rest together as "other", so the table fits a printed page), then ``quoted words``
    (the n behind the shares). Quotations whose speaker the machine could not place count
    as "unidentified"; those of a speaker it named but the actor table does not list (so
    of no known kind) as "not in the actor table".

    >>> q = pd.DataFrame({"article_id": ["1", "1"], "outlet": ["A", "A"],
    ...     "quote": ["one two three", "four"], "speaker": ["X", "Y"],
    ...     "speaker_type": ["police", "residents"], "kind": ["direct", "direct"]})
    >>> voice_shares(q).loc["A"].tolist()
    [75.0, 25.0, 4.0]
    >>> voice_shares(q.assign(speaker=["", "Y"], speaker_type=["", "unknown"])).columns.tolist()
    ['unidentified', 'not in the actor table', 'quoted words']
    """
    if quotes.empty:
        return pd.DataFrame(columns=["quoted words"])
    words = quotes["quote"].astype(str).str.split().str.len()
    named = quotes["speaker"].fillna("").astype(str).str.strip() != "" \
        if "speaker" in quotes else pd.Series(False, index=quotes.index)
    kinds = quotes["speaker_type"].fillna("").replace({"": "unknown"})
    kinds = kinds.where(kinds != "unknown", named.map({True: OUTSIDE_TABLE,
                                                       False: "unidentified"}))
    table = (pd.DataFrame({"outlet": quotes["outlet"], "type": kinds, "words": words})
             .pivot_table(index="outlet", columns="type", values="words", aggfunc="sum",
                          fill_value=0))
    order = sorted(table.columns, key=lambda c: (-table[c].sum(), c))
    if len(order) > max_kinds:
        rest = order[max_kinds - 1:]
        table = table[order[:max_kinds - 1]].assign(other=table[rest].sum(axis=1))
        order = [*order[:max_kinds - 1], "other"]
    total = table.sum(axis=1)
    shares = (table.div(total.where(total > 0), axis=0) * 100).round(1)[order]
    shares.columns.name = None
    shares.index.name = "outlet"
    shares["quoted words"] = total.astype(int)
    return shares


def voice_answer(shares: pd.DataFrame, actors: pd.DataFrame | None = None) -> list[str]:
    """Plain sentences answering "whose voice fills each outlet's quotation marks?".

    One line per outlet (its loudest kind of speaker), the outlet giving officials the
    largest share, and the kinds of actor in the actor table no outlet gives 5% of its words.

    >>> s = pd.DataFrame({"police": [75.0], "residents": [25.0], "quoted words": [40]},
    ...                  index=pd.Index(["A"], name="outlet"))
    >>> voice_answer(s)[0]
    'A: police speakers get 75% of the 40 quoted words.'
    >>> voice_answer(s.rename(columns={"police": OUTSIDE_TABLE}))[0]
    'A: speakers not in the actor table get 75% of the 40 quoted words.'
    """
    lines = []
    kinds = [c for c in shares.columns if c != "quoted words"]
    for outlet, row in shares.iterrows():
        n = int(row["quoted words"])
        if n == 0 or not kinds:
            lines.append(f"{outlet_label(outlet, start=True)}: no quoted words found.")
            continue
        top = max(kinds, key=lambda k: (row[k], k))
        few = " (too few words to say much)" if n < 20 else ""
        who = f"speakers {top}" if top == OUTSIDE_TABLE else f"{top} speakers"
        lines.append(f"{outlet_label(outlet, start=True)}: {who} get "
                     f"{row[top]:.0f}% of the {n} quoted words{few}.")
    official = [k for k in kinds if OFFICIAL_WORDS.search(k)]
    if official and len(shares) > 1:
        share = shares[official].sum(axis=1)
        best = share.idxmax()
        lines.append(f"Officials ({', '.join(official)}) get the largest share in "
                     f"{outlet_label(best)}: {share[best]:.0f}% of its quoted words.")
    if actors is not None and len(shares):
        loud = {k for k in kinds if (shares[k] >= 5).any()}
        quiet = sorted(set(actors["type"].dropna()) - loud)
        if quiet:
            lines.append("Kinds of actor the story is about who never get 5% of any outlet's "
                         f"quoted words: {', '.join(quiet)}.")
    return lines


def judging_verbs(quotes: pd.DataFrame) -> pd.DataFrame:
    """Per outlet: attributed quotations, how many a judging (evaluative) verb introduces,
    the share, and up to three of those verbs.

    >>> q = pd.DataFrame({"outlet": ["A", "A"], "verb": ["say", "claim"],
    ...                   "verb_class": ["neutral", "evaluative"]})
    >>> judging_verbs(q).iloc[0].astype(str).tolist()
    ['A', '2', '1', '50.0', 'claim']
    """
    columns = ["outlet", "quotations with a verb", "judging verb", "share %", "verbs"]
    if quotes.empty or "verb_class" not in quotes:
        return pd.DataFrame(columns=columns)
    with_verb = quotes[quotes["verb"].fillna("").astype(str) != ""]
    rows = []
    for outlet, group in with_verb.groupby("outlet", sort=True):
        judging = group[group["verb_class"] == "evaluative"]
        verbs = judging["verb"].value_counts()
        verbs = verbs.sort_index().sort_values(ascending=False, kind="stable")
        rows.append([outlet, len(group), len(judging),
                     round(100 * len(judging) / len(group), 1), ", ".join(verbs.index[:3])])
    return pd.DataFrame(rows, columns=columns)


def verbs_answer(table: pd.DataFrame) -> list[str]:
    """Plain sentences on which outlet judges its speakers through its verbs most.

    >>> t = pd.DataFrame([["A", 10, 4, 40.0, "claim"], ["B", 3, 0, 0.0, ""]],
    ...     columns=["outlet", "quotations with a verb", "judging verb", "share %", "verbs"])
    >>> verbs_answer(t)[0]
    'A: 4 of 10 quotations (40%) come with a verb that judges (claim).'
    """
    lines = []
    for row in table.sort_values(["share %", "outlet"], ascending=[False, True]).itertuples():
        n, k = row[2], row[3]
        verbs = f" ({row.verbs})" if row.verbs else ""
        tail = " Too few to say." if n < FEW else ""
        lines.append(f"{outlet_label(row.outlet, start=True)}: {k} of {n} quotations "
                     f"({row[4]:.0f}%) come with a verb that judges{verbs}.{tail}")
    return lines


_WORD = re.compile(r"\w+(?:['’]\w+)*")


def _word_matcher(a: str, b: str) -> tuple[list[str], list[str], difflib.SequenceMatcher]:
    """The words of two texts and difflib's matcher over them, case aside."""
    wa, wb = _WORD.findall(a), _WORD.findall(b)
    return wa, wb, difflib.SequenceMatcher(a=[w.lower() for w in wa],
                                           b=[w.lower() for w in wb], autojunk=False)


def describe_changes(a: str, b: str) -> list[str]:
    """How quotation ``b`` differs from ``a``, word by word, in plain words.

    >>> describe_changes("you should know that it is", "you must know it is")
    ['‘should’ became ‘must’', '‘that’ was left out']
    >>> describe_changes("we press on", "we press on now")
    ['‘now’ was added']
    """
    wa, wb, matcher = _word_matcher(a, b)
    out = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old, new = " ".join(wa[i1:i2]), " ".join(wb[j1:j2])
        if op == "replace":
            out.append(f"‘{old}’ became ‘{new}’")
        elif op == "delete":
            out.append(f"‘{old}’ was left out")
        elif op == "insert":
            out.append(f"‘{new}’ was added")
    return out


def overlap_part(a: str, b: str) -> tuple[str, str]:
    """The stretches of two versions of a quotation that cover each other: one outlet may
    quote more of a statement than the other, and only the shared stretch can be compared.
    A changed word at either edge of the shared stretch is kept.

    >>> overlap_part("They must know that it is late. Go home.", "should know it is late")
    ('must know that it is late', 'should know it is late')
    """
    wa, wb, matcher = _word_matcher(a, b)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        return a, b
    first, last = blocks[0], blocks[-1]
    # Unmatched words at either edge: keep as many on each side as the other version has.
    lead = min(first.a, first.b)
    a0, b0 = first.a - lead, first.b - lead
    a_end, b_end = last.a + last.size, last.b + last.size
    trail = min(len(wa) - a_end, len(wb) - b_end)
    return (" ".join(wa[a0:a_end + trail]), " ".join(wb[b0:b_end + trail]))


#: Two versions' shared stretches are one quotation that changed only when this share of
#: their words agree (difflib's ratio): a cluster of matched quotations can join two
#: statements of one speaker through a third quotation that holds both.
MIN_SHARED_SIMILARITY = 0.6


def _word_similarity(a: str, b: str) -> float:
    """difflib's ratio of two texts' words, case aside.

    >>> _word_similarity("we press on today", "we press on now")
    0.75
    """
    return _word_matcher(a, b)[2].ratio()


def changed_quotation(matches: pd.DataFrame, corpus: pd.DataFrame | None = None
                      ) -> dict | None:
    """The quotation that changed most between two outlets, or None when none changed.

    Among clusters of matched quotations (``attribution.match_quotes``) found in more than
    one article, compares every pair of versions from different outlets on the words both
    cover, and returns the pair with most changes (ties: the lowest cluster number); only
    when no quotation changed between outlets, a pair from two articles of one outlet. A
    pair whose two articles name the same speaker comes first (the pair that differs most
    is otherwise often two statements of one speaker joined through a third quotation, or
    a phrase two people used; one article crediting a spokesman and the other his
    organisation can still be one quotation). A pair whose shared stretches agree in fewer
    than :data:`MIN_SHARED_SIMILARITY` of their words is two statements and is not shown.
    ``{"cluster", "first", "second", "changes", "shared"}``, each version a dict of
    article_id, outlet, speaker, quote (and ``published``, the article's date, when a
    ``corpus`` with that column is given); ``shared`` the two stretches compared.

    >>> m = pd.DataFrame({"cluster": [1, 1], "article_id": ["a", "b"], "outlet": ["X", "Y"],
    ...     "speaker": ["S", "S"], "n_articles": [2, 2],
    ...     "quote": ["you should know that now", "you must know now"]})
    >>> changed_quotation(m)["changes"]
    ['‘should’ became ‘must’', '‘that’ was left out']
    """
    if matches is None or matches.empty:
        return None
    best: dict[tuple[bool, bool], dict] = {}
    shared = matches[matches["n_articles"] > 1]
    for cluster, group in shared.groupby("cluster", sort=True):
        rows = group.sort_values(["article_id"]).to_dict("records")
        for i, first in enumerate(rows):
            for second in rows[i + 1:]:
                if first["article_id"] == second["article_id"]:
                    continue
                a, b = overlap_part(str(first["quote"]), str(second["quote"]))
                if _word_similarity(a, b) < MIN_SHARED_SIMILARITY:
                    continue    # two statements in one cluster, not one that changed
                named = [x for x in (first.get("speaker"), second.get("speaker"))
                         if isinstance(x, str) and x]
                same = len(named) == 2 and named[0] == named[1]
                changes = describe_changes(a, b)
                key = (same, first.get("outlet") != second.get("outlet"))
                if changes and (key not in best
                                or len(changes) > len(best[key]["changes"])):
                    keep = ("article_id", "outlet", "speaker", "quote")
                    best[key] = {"cluster": cluster, "changes": changes, "shared": (a, b),
                                 "first": {k: first.get(k) for k in keep},
                                 "second": {k: second.get(k) for k in keep}}
    found = next((best[key] for key in ((True, True), (True, False), (False, True),
                                        (False, False)) if key in best), None)
    if found is not None and corpus is not None and "published" in corpus.columns:
        dates = dict(zip(corpus["article_id"].astype(str), corpus["published"], strict=True))
        for side in ("first", "second"):
            found[side]["published"] = dates.get(str(found[side]["article_id"]))
    return found


def change_answer(change: dict | None) -> str:
    """The model answer on a changed quotation (:func:`changed_quotation`): its changes,
    and, when the two articles were published days apart, that the speaker may have said
    it twice (a speech and an interview a month later), which only the original can tell
    from a changed copy.

    >>> v = {"article_id": "a", "published": "2016-06-13"}
    >>> answer = change_answer({"changes": ["‘so’ was added"], "first": v,
    ...                         "second": {**v, "published": "2016-07-22"}})
    >>> answer.splitlines()[0], answer.splitlines()[-1][:57]
    ('- ‘so’ was added', 'The two articles were published 39 days apart (2016-06-13')
    """
    if not change:
        return "No quotation changed between articles here: see the extension."
    answer = bullets(change["changes"])
    first, second = (pd.to_datetime(str(change[k].get("published")), errors="coerce")
                     for k in ("first", "second"))
    if pd.notna(first) and pd.notna(second) and abs((second - first).days) >= 2:
        days = abs((second - first).days)
        answer += (f"\n\nThe two articles were published {days} days apart "
                   f"({first.date().isoformat()} and {second.date().isoformat()}): the speaker "
                   "may have said it twice, in two forms. Only the original (a statement, a "
                   "video, a transcript) tells a changed copy from a second statement.")
    return answer


def hand_check_sample(quotes: pd.DataFrame, n: int = 6, max_words: int = 25) -> pd.DataFrame:
    """Quotations the machine found, for students to check against the articles by hand.

    Spread evenly over the corpus (in article and text order), so every outlet tends to
    appear; the same corpus always gives the same sample.

    >>> q = pd.DataFrame({"article_id": list("abc"), "outlet": list("XYZ"),
    ...     "start": [0, 0, 0], "speaker": ["S", "", "T"], "quote": ["hi", "yo", "ok"]})
    >>> hand_check_sample(q, n=2)["speaker (machine)"].tolist()
    ['S', 'T']
    """
    columns = ["#", "article", "outlet", "quotation (machine)", "speaker (machine)"]
    if quotes.empty:
        return pd.DataFrame(columns=columns)
    ordered = quotes.sort_values(["article_id", "start"], kind="stable").reset_index(drop=True)
    if len(ordered) > n:
        picks = sorted({round(i * (len(ordered) - 1) / (n - 1)) for i in range(n)}) if n > 1 \
            else [0]
        ordered = ordered.iloc[picks]
    rows = []
    for k, row in enumerate(ordered.itertuples(), start=1):
        words = str(row.quote).split()
        text = " ".join(words[:max_words]) + (" …" if len(words) > max_words else "")
        speaker = row.speaker if isinstance(row.speaker, str) and row.speaker else "(none)"
        rows.append([k, row.article_id, row.outlet, text, speaker])
    return pd.DataFrame(rows, columns=columns)


def trust_lines(measures: Sequence[str]) -> list[str]:
    """One sentence per measure on how far to trust it on text nobody here wrote.

    Reads the committed evaluation figures (``analysis.evaluation.report``); a measure not
    yet measured, or not beating its naive baseline, is said to be so.

    >>> print(trust_lines(["no such measure"])[0].replace(", so ", ",\\nso "))
    No such measure: not yet measured on news nobody here wrote,
    so treat its counts as experimental.
    """
    from analysis.evaluation import report

    lines = []
    for measure in measures:
        name = measure[0].upper() + measure[1:]
        if report.status(measure) == "unmeasured":
            lines.append(f"{name}: not yet measured on news nobody here wrote, so treat its "
                         "counts as experimental.")
        else:
            lines.append(f"{name}: {report.trust_sentence(measure)}")
    return lines


def trust_figures(measures: Sequence[str]) -> pd.DataFrame:
    """The external figures of several measures in one table, on each measure's headline
    metric only (a handout has no room for every per-class row); empty when none measured.

    >>> trust_figures(["no such measure"]).columns.tolist()[:2]
    ['measure', 'data set']
    """
    from analysis.evaluation import report

    parts = []
    for measure in measures:
        table = report.trust_table(measure)
        parts.append(table[table["metric"] == report.HEADLINE.get(measure, "")]
                     .assign(measure=measure))
    table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    columns = ["measure", "data set", "metric", "system", "role", "value", "n"]
    return table.reindex(columns=columns)


def trust_answer(measures: Sequence[str]) -> str:
    """What the class should conclude from the figures, for any mix of statuses.

    >>> trust_answer(["no such measure"]).startswith("Nobody has yet")
    True
    """
    from analysis.evaluation import report

    verdicts = {m: report.status(m) for m in measures}
    good = [m for m, v in verdicts.items() if v == "validated"]
    weak = [m for m, v in verdicts.items() if v == "experimental"]
    if not good and not weak:
        return ("Nobody has yet checked these measures against people's judgements on news "
                "this workbook was not written for. Every count in this lesson is a first "
                "guess: check a sample by hand before quoting it.")
    text = []
    if good:
        text.append(f"{', '.join(good)}: better than a naive guess on text nobody here wrote, "
                    "but not perfect, so a count can be off by a few either way")
    if weak:
        text.append(f"{', '.join(weak)}: not better than a naive guess, so no conclusion "
                    "should rest on it alone")
    rest = [m for m, v in verdicts.items() if v == "unmeasured"]
    if rest:
        text.append(f"{', '.join(rest)}: not measured yet")
    return "; ".join(text) + ". Check a sample by hand before you quote a count."


def bullets(lines: Sequence[str], empty: str = "Nothing of the kind was found in these "
            "articles.") -> str:
    """Lines as a Markdown bulleted list, each line's text escaped (corpus values are
    untrusted) and otherwise as written: a line may start with an outlet's name, which
    keeps its own capitals ("nyt").

    >>> bullets(["A <b>", "nyt has 3 quotations"]).splitlines()
    ['- A &lt;b&gt;', '- nyt has 3 quotations']
    >>> bullets([], empty="None found")
    'None found'
    """
    from analysis.html_safety import markdown_text

    return "\n".join(f"- {markdown_text(line)}" for line in lines) \
        or markdown_text(empty)


def articles_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """The articles of the lesson: id, outlet, headline (or "(none)") and words.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"], "headline": [None],
    ...                   "word_count": [120]})
    >>> articles_table(c).iloc[0].astype(str).tolist()
    ['1', 'X', '(none)', '120']
    """
    table = corpus[["article_id", "outlet", "headline", "word_count"]].copy()
    table["headline"] = table["headline"].where(table["headline"].notna()
                                                & (table["headline"].astype(str) != ""),
                                                "(none)")
    return table.rename(columns={"article_id": "article", "word_count": "words"}) \
        .reset_index(drop=True)


def reading_set(corpus: pd.DataFrame, weight: pd.Series | None = None,
                keep: Sequence[str] = (), n: int = MAX_READING) -> pd.DataFrame:
    """The articles a class reads: all of a corpus of ``n`` or fewer; otherwise those in
    ``keep`` (an exercise's examples) and then one article from each outlet in turn, the
    outlets with most articles first, each time the article of the highest ``weight``
    (indexed by article_id: its quotations, its mentions of an actor …; ties: the shorter,
    then the first id), until there are ``n``. In corpus order.

    >>> c = pd.DataFrame({"article_id": list("abcde"), "outlet": list("XXXYZ"),
    ...                   "word_count": [100, 90, 80, 70, 60]})
    >>> reading_set(c, pd.Series({"b": 3, "c": 1}), n=3)["article_id"].tolist()
    ['b', 'd', 'e']
    >>> reading_set(c, keep=["a"], n=2)["article_id"].tolist()
    ['a', 'd']
    """
    if len(corpus) <= n:
        return corpus
    ids = corpus["article_id"].astype(str)
    weights = (weight if weight is not None else pd.Series(dtype=float)).reindex(ids)
    order = pd.DataFrame({"id": ids.to_numpy(), "outlet": corpus["outlet"].to_numpy(),
                          "weight": weights.fillna(0).to_numpy(),
                          "words": corpus["word_count"].to_numpy()})
    order = order.sort_values(["weight", "words", "id"], ascending=[False, True, True])
    known = set(ids)
    chosen = [i for i in dict.fromkeys(str(k) for k in keep) if i in known][:n]
    queues = {outlet: [i for i in group["id"] if i not in chosen]
              for outlet, group in order.groupby("outlet", sort=False)}
    sizes = order["outlet"].value_counts()
    taken = {outlet: 0 for outlet in queues}
    for outlet in order.loc[order["id"].isin(chosen), "outlet"]:
        taken[outlet] += 1
    while len(chosen) < n:
        # the outlet read least so far (ties: the one with most articles, then by name)
        left = [o for o, q in queues.items() if q]
        outlet = min(left, key=lambda o: (taken[o], -sizes[o], str(o)))
        chosen.append(queues[outlet].pop(0))
        taken[outlet] += 1
    return corpus[ids.isin(chosen).to_numpy()]


def reading_note(corpus: pd.DataFrame, reading: pd.DataFrame, chosen_by: str,
                 weight: pd.Series | None = None, lacking: str = "") -> str:
    """One sentence saying which articles the class reads, when they are not all of them;
    with the ``weight`` they were chosen by and what a weight of zero means (``lacking``,
    "Jane Doe is not named"), a second saying in how many of them it is so, as in every
    article of their outlet.

    >>> c = pd.DataFrame({"article_id": list("abc"), "outlet": list("XYZ")})
    >>> note = reading_note(c, c.iloc[:2], "the one quoting most")
    >>> note.split(": ")[0]
    'The class reads 2 of the 3 articles (from 2 outlets; in each outlet the one quoting most)'
    >>> note.split(". ")[1]
    'Every measurement in this lesson uses all 3.'
    >>> reading_note(c, c, "x")
    ''
    >>> note = reading_note(c, c.iloc[:2], "x", pd.Series({"a": 2}), "no one is quoted")
    >>> note.split(". ")[2]
    'In 1 of them, as in every other article of its outlet, no one is quoted.'
    """
    if len(reading) >= len(corpus):
        return ""
    note = (f"The class reads {len(reading)} of the {len(corpus)} articles (from "
            f"{reading['outlet'].nunique()} outlets; in each outlet {chosen_by}): the ones "
            f"below. Every measurement in this lesson uses all {len(corpus)}.")
    if weight is not None and lacking:
        ids = reading["article_id"].astype(str)
        empty = int((weight.reindex(ids).fillna(0) <= 0).sum())
        if empty:
            outlets = "its outlet" if empty == 1 else "their outlets"
            note += f" In {empty} of them, as in every other article of {outlets}, {lacking}."
    return note


def save_reading(reading: pd.DataFrame, output_dir: str | Path, lesson: str) -> Path | None:
    """Write a lesson's reading set (its article ids) to ``OUTPUT_DIR/reading_LESSON.csv``,
    so that the printed articles (:func:`write_articles_page`) are the ones the class reads;
    nothing when the folder does not exist.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> save_reading(pd.DataFrame({"article_id": ["7", "9"]}), d, "06_x").read_text()
    'article_id\\n7\\n9\\n'
    """
    folder = Path(output_dir)
    if not folder.is_dir():
        return None
    path = folder / f"reading_{lesson}.csv"
    reading[["article_id"]].astype(str).to_csv(path, index=False)
    return path


def read_readings(output_dir: str | Path) -> list[str]:
    """The article ids every lesson's reading set holds (:func:`save_reading`), in the order
    first met; empty when no lesson saved one.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = save_reading(pd.DataFrame({"article_id": ["7", "9"]}), d, "06_x")
    >>> _ = save_reading(pd.DataFrame({"article_id": ["9", "3"]}), d, "07_y")
    >>> read_readings(d)
    ['7', '9', '3']
    """
    ids: dict[str, None] = {}
    for path in sorted(Path(output_dir).glob("reading_*.csv")):
        ids.update(dict.fromkeys(pd.read_csv(path, dtype=str)["article_id"].tolist()))
    return list(ids)


def quotation_counts(quotes: pd.DataFrame) -> pd.Series:
    """Direct and mixed quotations per article_id (the weight of :func:`reading_set` in the
    lesson on sources).

    >>> q = pd.DataFrame({"article_id": ["a", "a", "b"], "kind": ["direct", "scare", "mixed"]})
    >>> quotation_counts(q).to_dict()
    {'a': 1, 'b': 1}
    """
    speech = quotes[quotes["kind"].isin(["direct", "mixed"])]
    return speech.groupby(speech["article_id"].astype(str)).size()


def mention_counts(corpus: pd.DataFrame, actors: pd.DataFrame, actor: str | None) -> pd.Series:
    """Mentions of one actor per article_id (the weight of :func:`reading_set` in the
    lesson on naming); empty without an actor.

    >>> from analysis.actors import load_actors
    >>> t = load_actors(pd.DataFrame({"actor": ["Ann Lowe"], "aliases": ["Ann Lowe;Ms Lowe"],
    ...                               "type": ["politician"]}))
    >>> c = pd.DataFrame({"article_id": ["1", "2"], "text": ["Ann Lowe spoke. Ms Lowe left.",
    ...                                                      "Nobody."]})
    >>> mention_counts(c, t, "Ann Lowe").to_dict()
    {'1': 2, '2': 0}
    """
    from analysis.actors import find_mentions

    if not actor:
        return pd.Series(dtype="int64")
    return pd.Series({str(aid): sum(a == actor for _, _, a in find_mentions(str(text), actors))
                      for aid, text in zip(corpus["article_id"], corpus["text"], strict=True)})


def change_articles(change: dict | None) -> list[str]:
    """The two articles of a changed quotation (:func:`changed_quotation`), or none.

    >>> change_articles({"first": {"article_id": "a"}, "second": {"article_id": "b"}})
    ['a', 'b']
    """
    if not change:
        return []
    return [str(change["first"]["article_id"]), str(change["second"]["article_id"])]


def quotation_versions(change: dict | None) -> tuple[str, str]:
    """Markdown for a changed quotation: (the first version, shown before the prediction;
    both versions, shown after it). Corpus text escaped.

    >>> first, both = quotation_versions(None)
    >>> first.startswith("No quotation")
    True
    """
    from analysis.html_safety import markdown_text as md

    if change is None:
        text = ("No quotation appears in two articles with different words in these "
                "articles. Choose a quotation in one article and look for it in the others, "
                "or find the original statement online, and compare the words.")
        return text, text

    def version(v: dict) -> str:
        speaker = v["speaker"] if isinstance(v["speaker"], str) and v["speaker"] else \
            "no speaker found"
        return (f"**{md(v['outlet'])}** (article {md(v['article_id'])}; speaker according to "
                f"the machine: {md(speaker)}):\n\n> {md(' '.join(str(v['quote']).split()))}")

    first = ("One outlet printed this quotation:\n\n" + version(change["first"])
             + "\n\nAnother article quotes the same words, or part of them.")
    one, two = change.get("shared", (change["first"]["quote"], change["second"]["quote"]))
    both = (version(change["first"]) + "\n\n" + version(change["second"])
            + "\n\nThe words both print, side by side:\n\n"
            f"- {md(outlet_label(change['first']['outlet'], start=True))}: \u201c{md(one)}\u201d\n"
            f"- {md(outlet_label(change['second']['outlet'], start=True))}: \u201c{md(two)}\u201d")
    return first, both


# --------------------------------------------------------------------------------------
# Lesson 2: same event, different words
# --------------------------------------------------------------------------------------

def actor_names(corpus: pd.DataFrame, actors: pd.DataFrame) -> pd.DataFrame:
    """Every way each outlet names each actor: actor, outlet, name (as printed), n.

    Names are the actor table's aliases found by ``actors.find_mentions`` (longest wins).

    >>> from analysis.actors import load_actors
    >>> t = load_actors(pd.DataFrame({"actor": ["Ann Lowe"], "aliases": ["Ann Lowe;Ms Lowe"],
    ...                               "type": ["council"]}))
    >>> c = pd.DataFrame({"outlet": ["A"], "text": ["Ann Lowe spoke. Ms Lowe left."]})
    >>> actor_names(c, t)["name"].tolist()
    ['Ann Lowe', 'Ms Lowe']
    >>> t = load_actors(pd.DataFrame({"actor": ["C"], "aliases": ["the chief"],
    ...                               "type": ["police"]}))
    >>> c = pd.DataFrame({"outlet": ["A"], "text": ["The chief spoke. Then the chief left."]})
    >>> actor_names(c, t).values.tolist()
    [['C', 'A', 'the chief', 2]]
    """
    from analysis.actors import find_mentions

    rows = []
    for outlet, text in zip(corpus["outlet"], corpus["text"], strict=True):
        text = str(text)
        for start, end, actor in find_mentions(text, actors):
            rows.append((actor, outlet, " ".join(text[start:end].split())))
    table = pd.DataFrame(rows, columns=["actor", "outlet", "name"])
    if table.empty:
        return table.assign(n=pd.Series(dtype="int64"))
    # "The commissioner" opening a sentence is the same name as "the commissioner": forms
    # that differ only in case are one name, written as most often (mid-sentence on a tie).
    counts = table.groupby(["actor", "name"]).size()
    canonical = {}
    for (actor, _key), group in counts.groupby(
            [counts.index.get_level_values(0),
             counts.index.get_level_values(1).str.casefold()]):
        forms = sorted(group.items(), key=lambda kv: (-kv[1], not kv[0][1][:1].islower(),
                                                      kv[0][1]))
        for (_, form), _n in group.items():
            canonical[(actor, form)] = forms[0][0][1]
    table["name"] = [canonical[(a, f)] for a, f in zip(table["actor"], table["name"],
                                                        strict=True)]
    return (table.groupby(["actor", "outlet", "name"]).size().rename("n").reset_index()
            .sort_values(["actor", "outlet", "n", "name"], ascending=[True, True, False, True])
            .reset_index(drop=True))


def people(actors: pd.DataFrame) -> set[str]:
    """The actors of a table that are people, not bodies or groups, by their names: "Ann
    Lowe" and "Ms Lowe" are a person's, "White House" and "police" are not.

    >>> from analysis.actors import load_actors
    >>> sorted(people(load_actors(pd.DataFrame({"actor": ["Ann Lowe", "White House"],
    ...     "aliases": ["Ann Lowe;Ms Lowe", "White House;WH"], "type": ["", ""]}))))
    ['Ann Lowe']
    """
    from analysis.attribution.speakers import _is_person_actor

    return {actor for actor, aliases in zip(actors["actor"], actors["aliases"], strict=True)
            if _is_person_actor(actor, list(aliases)) == "person"}


def most_differently_named(names: pd.DataFrame, persons: Collection[str] | None = None
                           ) -> str | None:
    """The actor whose names differ most between outlets (None if no actor is named by two
    outlets): among the actors named by at least half the outlets (by two, when none is),
    a person first where ``persons`` says who is one (the exercise asks how a person is
    named), then most names used by only one outlet, most names, most outlets, most
    mentions, then alphabetical. A person two of seven outlets name three times is no
    story's face.

    >>> t = pd.DataFrame({"actor": ["P", "P", "Q", "Q"], "outlet": ["A", "B", "A", "B"],
    ...                   "name": ["Ann", "the boss", "Bo", "Bo"], "n": [1, 1, 1, 1]})
    >>> most_differently_named(t)
    'P'
    >>> t = pd.DataFrame({"actor": ["P", "P", "Q", "Q", "Q"], "outlet": ["A", "B", "A", "B", "C"],
    ...                   "name": ["Ann", "Lowe", "Bo", "Bo", "Bo"], "n": [1, 1, 5, 5, 5]})
    >>> most_differently_named(t)    # two of three outlets name P: at least half
    'P'
    >>> t.loc[len(t)] = ["Q", "D", "Bo", 5]
    >>> t.loc[len(t)] = ["Q", "E", "Bo", 5]
    >>> most_differently_named(t)    # two of five name P, fewer than half: Q
    'Q'
    >>> t = pd.DataFrame({"actor": ["P"] * 3 + ["Q"] * 3, "outlet": ["A", "B", "C"] * 2,
    ...                   "name": ["Ann"] * 3 + ["WH", "the House", "White House"], "n": 1})
    >>> most_differently_named(t), most_differently_named(t, persons={"P"})
    ('Q', 'P')
    """
    if names.empty:
        return None
    half = max(2, -(-names["outlet"].nunique() // 2))
    scores = []
    for actor, group in names.groupby("actor", sort=True):
        outlets = group["outlet"].nunique()
        if outlets < 2:
            continue
        outlets_per_name = group.groupby("name")["outlet"].nunique()
        scores.append((outlets >= half, persons is None or actor in persons,
                       (outlets_per_name == 1).sum(), len(outlets_per_name),
                       outlets, int(group["n"].sum()), actor))
    if not scores:
        return None
    best = sorted(scores, key=lambda s: (not s[0], not s[1], -s[2], -s[3], -s[4], -s[5],
                                         s[6]))[0]
    return best[-1]


def actor_descriptions(corpus: pd.DataFrame, actors: pd.DataFrame,
                       quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """The words each outlet itself puts right before or beside each actor's name
    ("campaigner Jane Doe", "Jane Doe, the council's engineer,"), in its own narration, not
    inside a source's quotation: actor, outlet, name (the describing words), n. The same
    columns as :func:`actor_names`, from :func:`analysis.framing.labels.actor_labels`.

    >>> from analysis.actors import load_actors
    >>> t = load_actors(pd.DataFrame({"actor": ["Ann Lowe"], "aliases": ["Ann Lowe"],
    ...                               "type": ["council"]}))
    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["A"], "text": [
    ...     'Campaigner Ann Lowe spoke. "Reckless Ann Lowe," he said. The veteran Ann Lowe left.'
    ...     ' Senator Ann Lowe agreed. First Ann Lowe went home.']})
    >>> actor_descriptions(c, t).values.tolist()   # (a lone capital word once: no label)
    ... # doctest: +NORMALIZE_WHITESPACE
    [['Ann Lowe', 'A', 'Campaigner', 1], ['Ann Lowe', 'A', 'Senator', 1],
     ['Ann Lowe', 'A', 'veteran', 1]]
    """
    from analysis.attribution.speakers import _TITLES
    from analysis.english import lexicon_tags
    from analysis.framing.labels import actor_labels

    labels = actor_labels(corpus, actors, quotes=quotes)
    own = labels[(labels["kind"] == "descriptor") & (labels["narration"] > 0)]
    # a single capitalised word met once that is neither a title nor a singular noun (a
    # role: "Campaigner"; the lexicon's NN, or a word it lacks) is most often a sentence's
    # or a headline's opening word read as a label ("First Trump goes ...", "... Hints
    # Trump Would ...", "Like Trump, ...")
    stray = (own["narration"] == 1) & own["label"].map(
        lambda w: " " not in w and w[:1].isupper() and w.casefold().rstrip(".") not in _TITLES
        and lexicon_tags().get(w.casefold(), "NN") != "NN")
    own = own[~stray]
    table = own.rename(columns={"label": "name", "narration": "n"})[
        ["actor", "outlet", "name", "n"]].astype({"n": "int64"})
    return (table.sort_values(["actor", "outlet", "n", "name"],
                              ascending=[True, True, False, True]).reset_index(drop=True))


def names_table(names: pd.DataFrame, actor: str,
                described: pd.DataFrame | None = None) -> pd.DataFrame:
    """How each outlet names one actor: one row per outlet, its names with counts, and,
    given ``described`` (:func:`actor_descriptions`) with any words for the actor, the
    words it puts beside the name.

    >>> t = pd.DataFrame({"actor": ["P", "P"], "outlet": ["A", "A"],
    ...                   "name": ["Ann", "the boss"], "n": [2, 1]})
    >>> names_table(t, "P").iloc[0].tolist()
    ['A', 'Ann (2), the boss (1)']
    >>> d = pd.DataFrame({"actor": ["P"], "outlet": ["A"], "name": ["campaigner"], "n": [1]})
    >>> names_table(t, "P", d).iloc[0].tolist()
    ['A', 'Ann (2), the boss (1)', 'campaigner (1)']
    """
    def listed(frame: pd.DataFrame | None, outlet: object) -> str:
        if frame is None:
            return ""
        rows = frame[(frame["actor"] == actor) & (frame["outlet"] == outlet)]
        return ", ".join(f"{r.name} ({r.n})" for r in rows.itertuples()) or "none"

    if described is not None and not (described["actor"] == actor).any():
        described = None
    sub = names[names["actor"] == actor]
    outlets = sorted(set(sub["outlet"]) | (set(described.loc[described["actor"] == actor,
                                                             "outlet"])
                                           if described is not None else set()), key=str)
    rows = [[outlet, listed(names, outlet)] + ([listed(described, outlet)]
                                                if described is not None else [])
            for outlet in outlets]
    columns = ["outlet", "names used (times)"]
    if described is not None:
        columns.append("its own words beside the name (times)")
    return pd.DataFrame(rows, columns=columns)


def names_answer(names: pd.DataFrame, actor: str,
                 described: pd.DataFrame | None = None) -> list[str]:
    """Plain sentences on the names, and (given ``described``) the describing words, only
    one outlet uses for an actor.

    >>> t = pd.DataFrame({"actor": ["P", "P"], "outlet": ["A", "B"],
    ...                   "name": ["Ann", "the boss"], "n": [2, 1]})
    >>> names_answer(t, "P")
    ['Only A calls P ‘Ann’.', 'Only B calls P ‘the boss’.']
    >>> d = pd.DataFrame({"actor": ["P", "P"], "outlet": ["A", "B"],
    ...                   "name": ["tycoon", "Mr"], "n": [2, 1]})
    >>> names_answer(t, "P", d)[-1]
    'Only A describes P as ‘tycoon’ (2 times).'
    """
    sub = names[names["actor"] == actor]
    per_name = sub.groupby("name")["outlet"].agg(lambda s: sorted(set(s)))
    lines = [f"Only {outlet_label(outlets[0])} calls {actor} ‘{name}’."
             for name, outlets in per_name.items() if len(outlets) == 1 and name != actor]
    shared = [name for name, outlets in per_name.items() if len(outlets) > 1]
    if shared:
        lines.append(f"Names several outlets share: {', '.join('‘' + s + '’' for s in shared)}.")
    if described is not None:
        words = described[described["actor"] == actor].assign(
            key=lambda d: d["name"].str.casefold())
        by_key = words.groupby("key")
        for _key, group in sorted(by_key, key=lambda kv: (-int(kv[1]["n"].sum()), kv[0])):
            outlets = sorted(set(group["outlet"]), key=str)
            n = int(group["n"].sum())
            if len(outlets) == 1 and n >= 2:
                # once is a slip of one article; twice is the outlet's habit
                lines.append(f"Only {outlet_label(outlets[0])} describes {actor} as "
                             f"‘{group['name'].iloc[0]}’ ({n} times).")
    return lines


#: The kinds of loaded word the list counts (``framing_loaded_language.csv``), in the
#: order a lesson shows them, each with what it does to a sentence.
LOADED_KINDS = {"evaluative": "judges", "intensifier": "inflates", "assertive": "asserts",
                "factive": "presents as fact", "hedge": "hedges"}


def loaded_by_voice(corpus: pd.DataFrame, occurrences: pd.DataFrame | None = None,
                    quotes: pd.DataFrame | None = None,
                    sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per outlet: loaded words in its own voice (narration) and inside quotations, per
    1,000 words of each, with the counts behind the rates and, in narration, the outlet's
    most frequent loaded word of each kind (:data:`LOADED_KINDS`).
    ``occurrences``, ``quotes`` and ``sentences`` (the tables
    :func:`analysis.pipeline.analyze` returns) spare computing them again.

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...                   "text": ["The embattled chief was slammed by critics."]})
    >>> loaded_by_voice(c)[["outlet", "narration loaded", "narration words"]].values.tolist()
    [['X', 2, 7]]
    """
    from analysis import framing

    # the tables analyze() already made (occurrences, quotes, sentences) are reused if given
    occ = framing.loaded_language(corpus) if occurrences is None else occurrences
    rates = framing.loaded_rates(corpus, occ, quotes=quotes, sentences=sentences)
    grouped = rates.groupby("outlet", sort=True)
    table = pd.DataFrame({
        "narration loaded": grouped["narration_count"].sum().astype(int),
        "narration words": grouped["narration_words"].max().astype(int),
        "quote loaded": grouped["quote_count"].sum().astype(int),
        "quote words": grouped["quote_words"].max().astype(int),
    })
    for voice in ("narration", "quote"):
        words = table[f"{voice} words"]
        table[f"{voice} per 1,000"] = (1000 * table[f"{voice} loaded"]
                                       / words.where(words > 0)).round(1)
    examples = {}
    if len(occ):
        own = occ[occ["voice"] != "quote"]
        for outlet, group in own.groupby("outlet"):
            # the most frequent word of each kind, judging words first: "crisis (judges),
            # massive (inflates), could (hedges)", so the kinds the count adds up are seen
            picked = []
            for kind in LOADED_KINDS:
                counts = group.loc[group["class"] == kind, "matched"].str.lower().value_counts()
                if len(counts):
                    counts = counts.sort_index().sort_values(ascending=False, kind="stable")
                    picked.append(f"{counts.index[0]} ({LOADED_KINDS[kind]})")
            examples[outlet] = ", ".join(picked[:4])
    table["in its own words, e.g."] = [examples.get(o, "") for o in table.index]
    table.index.name = "outlet"
    return table.reset_index()


def loaded_answer(table: pd.DataFrame) -> list[str]:
    """Plain sentences: which outlet uses most loaded words in its own voice, and whether
    loaded words sit more in narration or in quotations.

    >>> t = pd.DataFrame({"outlet": ["A"], "narration loaded": [3], "narration words": [300],
    ...     "quote loaded": [1], "quote words": [100], "narration per 1,000": [10.0],
    ...     "quote per 1,000": [10.0], "in its own words, e.g.": ["slammed"]})
    >>> print(loaded_answer(t)[0].replace(" (", "\\n("))
    A: 10.0 loaded words per 1,000 words of its own narration
    (3 in 300 words), e.g. slammed. Too few to say.
    """
    lines = []
    ranked = table.sort_values(["narration per 1,000", "outlet"], ascending=[False, True],
                               na_position="last")
    for row in ranked.itertuples(index=False):
        rate, k, n = row[5], row[1], row[2]
        if n == 0 or (isinstance(rate, float) and math.isnan(rate)):
            lines.append(f"{outlet_label(row[0], start=True)}: no narration found.")
            continue
        tail = " Too few to say." if k < FEW else ""
        example = f", e.g. {row[7]}" if row[7] else ""
        lines.append(f"{outlet_label(row[0], start=True)}: {rate:.1f} loaded words per "
                     f"1,000 words of its own narration ({k} in {n} words){example}.{tail}")
    return lines


def wilson_interval(k: int, n: int, z: float = 1.96) -> tuple[float, float]:
    """The 95% Wilson score interval of a share k/n (NaN, NaN when n is 0).

    >>> [round(x, 3) for x in wilson_interval(5, 10)]
    [0.237, 0.763]
    """
    if n <= 0:
        return (math.nan, math.nan)
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def frame_shares(corpus: pd.DataFrame, sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """Per outlet and frame: body sentences carrying it (k of n), the share in %, and the
    95% interval of that share (what the sample size alone allows, before any machine
    error).

    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
    ...                   "text": ["Protesters clashed with police. The sun shone."]})
    >>> t = frame_shares(c)
    >>> t.loc[t["frame"] == "conflict", ["k", "n"]].values.tolist()
    [[1, 2]]
    """
    from analysis import framing

    frames = framing.frame_sentences(corpus, sentences=sentences) if sentences is not None \
        else framing.frame_sentences(corpus)
    names = [c for c in ("conflict", "human_interest", "responsibility", "morality",
                         "economic") if c in frames.columns]
    if "outlet" not in frames.columns:
        frames = frames.merge(corpus[["article_id", "outlet"]], on="article_id", how="left")
    rows = []
    for outlet, group in frames.groupby("outlet", sort=True):
        n = len(group)
        for frame in names:
            k = int(group[frame].sum())
            low, high = wilson_interval(k, n)
            rows.append([outlet, frame.replace("_", " "), k, n, round(100 * k / n, 1),
                         round(100 * low, 1), round(100 * high, 1)])
    return pd.DataFrame(rows, columns=["outlet", "frame", "k", "n", "share %", "low %",
                                       "high %"])


def frame_table(shares: pd.DataFrame) -> pd.DataFrame:
    """Frame shares (%) as one row per outlet and one column per frame, with the number of
    body sentences behind them.

    >>> t = pd.DataFrame([["A", "conflict", 1, 4, 25.0, 4.6, 69.9]],
    ...     columns=["outlet", "frame", "k", "n", "share %", "low %", "high %"])
    >>> frame_table(t).loc["A"].tolist()
    [25.0, 4.0]
    """
    if shares.empty:
        return pd.DataFrame(columns=["body sentences"])
    table = shares.pivot(index="outlet", columns="frame", values="share %")
    table.columns.name = None
    table["body sentences"] = shares.groupby("outlet")["n"].first()
    return table


def frames_answer(shares: pd.DataFrame) -> list[str]:
    """Per outlet, its most frequent frame with the interval around the share.

    >>> t = pd.DataFrame([["A", "conflict", 4, 10, 40.0, 16.8, 68.7]],
    ...     columns=["outlet", "frame", "k", "n", "share %", "low %", "high %"])
    >>> frames_answer(t)[0]
    'A: conflict in 4 of 10 body sentences (40%; 95% interval 17% to 69%).'
    """
    lines = []
    for outlet, group in shares.groupby("outlet", sort=True):
        top = group.sort_values(["share %", "frame"], ascending=[False, True]).iloc[0]
        if top["k"] == 0:
            lines.append(f"{outlet_label(outlet, start=True)}: no frame's cue words in its "
                         f"{top['n']} body sentences.")
            continue
        lines.append(f"{outlet_label(outlet, start=True)}: {top['frame']} in {top['k']} of "
                     f"{top['n']} body sentences ({top['share %']:.0f}%; 95% interval "
                     f"{top['low %']:.0f}% to {top['high %']:.0f}%).")
    return lines


def widest_interval(shares: pd.DataFrame) -> str:
    """A sentence on the outlet whose frame shares rest on the fewest sentences.

    >>> t = pd.DataFrame([["A", "conflict", 1, 4, 25.0, 4.6, 69.9],
    ...     ["B", "conflict", 10, 40, 25.0, 14.2, 40.2]],
    ...     columns=["outlet", "frame", "k", "n", "share %", "low %", "high %"])
    >>> widest_interval(t)
    'A has only 4 body sentences: a 25% share could as well be anywhere from 5% to 70%.'
    """
    if shares.empty:
        return "No body sentences were found."
    row = shares.sort_values(["n", "outlet"]).iloc[0]
    return (f"{outlet_label(row['outlet'], start=True)} has only {row['n']} body sentences: a "
            f"{row['share %']:.0f}% share could as well be anywhere from {row['low %']:.0f}% "
            f"to {row['high %']:.0f}%.")


# --------------------------------------------------------------------------------------
# Seed-only remarks and the summary line
# --------------------------------------------------------------------------------------

def seed_notes(corpus: pd.DataFrame) -> str:
    """Markdown remarks on the seed articles, or '' for any other corpus.

    >>> seed_notes(pd.DataFrame({"raw_text": ["x"], "article_id": ["1"]}))
    ''
    """
    from analysis.overview import is_seed_corpus

    if not is_seed_corpus(corpus):
        return ""
    from analysis import attribution
    from analysis.overview import SEEDS

    gold_path = ROOT / "tests" / "data" / "quotes_gold.csv"
    figures = ""
    if gold_path.exists():
        gold = attribution.load_gold(gold_path)
        scores = attribution.evaluate_quotes(
            attribution.extract_quotes(corpus, SEEDS / "actors.csv"), gold, corpus)
        figures = (f" *In-sample* (on these same five articles, whose rules were written on "
                   f"them): {len(gold)} quotations, indirect quotations and scare quotes are "
                   f"marked by hand; of the {scores['n_gold']} direct ones (whole or partial) "
                   f"the machine finds "
                   f"{scores['recall']:.0%}, {scores['precision']:.0%} of what it finds is "
                   f"right, and it names the right speaker for "
                   f"{scores['speaker_accuracy']:.0%} — expect less on new articles.")
    return ("## About the seed articles\n\nThe five seed articles cover one April 2024 London "
            "story: a police officer stopping a man he called 'openly Jewish' near a "
            "pro-Palestinian march, and what followed. They are deliberately uneven: two "
            "MailOnline stories (one copied by an aggregator), a machine-translated rewrite "
            "that names no outlet, a community paper's report of a meeting, and an article "
            "with no outlet, author or headline whose picture credits do not fit London. "
            "Ask students which of the five they would quote, and why." + figures)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def who_speaks_examples(corpus: pd.DataFrame, change: dict | None) -> list[str]:
    """What the "Who gets to speak?" lesson's exercises show on this corpus, for
    :func:`in_short`.

    >>> who_speaks_examples(pd.DataFrame({"outlet": ["A"]}), None)[1]
    'no quotation changed between two articles, so exercise 3 asks students to look for one'
    """
    first = f"exercise 1 compares the sources of {_plural(corpus['outlet'].nunique(), 'outlet')}"
    if change is None:
        return [first, "no quotation changed between two articles, so exercise 3 asks "
                       "students to look for one"]
    a, b = change["first"]["outlet"], change["second"]["outlet"]
    where = (f"from {outlet_label(a)} to {outlet_label(b)}" if a != b else
             f"between two articles of {outlet_label(a)} (no quotation changed between outlets)")
    return [first, f"exercise 3 follows a quotation {where} "
                   f"({_plural(len(change['changes']), 'change')})"]


def same_event_examples(actor: str | None, shares: pd.DataFrame) -> list[str]:
    """What the "Same event, different words" lesson's exercises show on this corpus, for
    :func:`in_short`.

    >>> same_event_examples(None, pd.DataFrame({"n": [8, 40]}))[1]
    'exercise 4 shows frame shares resting on 8 to 40 body sentences per outlet'
    """
    first = (f"exercise 1 follows the names given to {actor}" if actor else
             "no person is named by two outlets, so exercise 1 asks students to pick one")
    if shares.empty:
        return [first, "no body sentences were found for exercise 4"]
    low, high = shares["n"].min(), shares["n"].max()
    span = f"{low}" if low == high else f"{low} to {high}"
    return [first, f"exercise 4 shows frame shares resting on {span} body sentences per outlet"]


def in_short(corpus: pd.DataFrame, examples: Sequence[str], measures: Sequence[str]) -> str:
    """The teacher's summary of a lesson on this corpus: what its examples are, and how far
    the measures behind them are validated (none drives a finding unless validated).

    >>> c = pd.DataFrame({"outlet": ["A", "B"]})
    >>> in_short(c, ["exercise 1 compares A and B"], ["no such measure"])[:40]
    'On these 2 articles from 2 outlets, exer'
    """
    from analysis.evaluation import report
    from analysis.html_safety import markdown_text

    n, m = len(corpus), corpus["outlet"].nunique()
    text = (f"On these {_plural(n, 'article')} from {_plural(m, 'outlet')}, "
            + "; ".join(markdown_text(e) for e in examples) + ".")
    weak = [x for x in measures if report.status(x) != "validated"]
    if weak:
        text += (f" Not validated on outside text: {', '.join(weak)}. The lesson treats "
                 "those counts as first guesses that students check by hand.")
    else:
        text += " Every measure used beats its naive baseline on outside text."
    return text


# --------------------------------------------------------------------------------------
# Handouts: student and teacher versions of the executed lessons
# --------------------------------------------------------------------------------------

PRINT_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
body { background: #fff; }
.lesson-banner { font: 600 0.95em system-ui, sans-serif; padding: 0.5em 1em;
  margin: 1em 1em 0 1em; border: 2px solid #333; }
.lesson-banner.teacher { border-color: #8a4b00; color: #8a4b00; }
.prediction { border: 1px solid #777; min-height: 8em; padding: 0.4em 0.6em;
  margin: 0.6em 0 1em 0; color: #666; }
.celltag_answer, .celltag_teacher { border-left: 5px solid #8a4b00; padding-left: 0.6em;
  background: #fff8ee; }
@media print {
  nav, .lesson-nav, a.anchor-link { display: none !important; }
  body { font-size: 11pt; }
  h2[id^="Exercise"], h2[id^="Discussion"], h2[id^="Quiz"], h2[id^="Teacher-notes"],
  h3[id^="The-measurement"] { break-before: page; page-break-before: always; }
  table, img, tr, .prediction, .jp-OutputArea-output { break-inside: avoid;
    page-break-inside: avoid; }
  .jp-Cell { padding: 0 !important; }
  .jp-OutputArea-output { overflow: visible !important; }
  table { font-size: 9pt; width: 100%; table-layout: auto !important; }
  th, td { white-space: normal !important; overflow-wrap: break-word; word-break: normal;
    hyphens: auto; }
  th, td { text-align: left !important; }
}
"""

_BANNERS = {
    "student": ("student", "Student handout · make your prediction before you turn the page"),
    "teacher": ("teacher", "Teacher's copy · model answers and teacher notes included: "
                           "do not hand out"),
}


def lesson_version(nb: nbformat.NotebookNode, version: str) -> nbformat.NotebookNode:
    """The notebook as students ("student": answer and teacher cells removed) or as the
    teacher ("teacher": everything) see it.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("Q"),
    ...     nbformat.v4.new_markdown_cell("A", metadata={"tags": ["answer"]})])
    >>> [c.source for c in lesson_version(nb, "student").cells]
    ['Q']
    """
    if version not in _BANNERS:
        raise ValueError(f"version must be 'student' or 'teacher', not {version!r}")
    import nbformat

    nb = nbformat.from_dict(nb)
    if version == "student":
        nb.cells = [c for c in nb.cells
                    if not set(c.get("metadata", {}).get("tags", [])) & set(TEACHER_ONLY_TAGS)]
    return nb


def render_lesson(nb: nbformat.NotebookNode, title: str, version: str) -> str:
    """A printable, offline HTML page of an executed lesson (the briefing's page with a
    print style, a banner naming the version and a link back to the lesson index).

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# L\\n## Quiz"),
    ...     nbformat.v4.new_markdown_cell("secret", metadata={"tags": ["answer"]})])
    >>> page = render_lesson(nb, "L", "student")
    >>> "secret" in page, "@page" in page, "Briefing index" in page
    (False, True, False)
    """
    from analysis.briefing import render_html

    page = render_html(lesson_version(nb, version), title)
    kind, text = _BANNERS[version]
    page = re.sub(r'<nav class="briefing-nav".*?</nav>',
                  '<nav class="lesson-nav" style="margin:1em 0 0 1em">'
                  '<a href="index.html">&larr; Lessons</a></nav>'
                  f'<div class="lesson-banner {kind}">{html.escape(text)}</div>',
                  page, count=1, flags=re.DOTALL)
    return page.replace("</head>", f"<style>{PRINT_CSS}</style>\n</head>", 1)


def find_lessons(folder: str | Path = NOTEBOOKS) -> list[Path]:
    """The lesson notebooks, ``NN_lesson_name.ipynb``, in number order.

    >>> [p.name.split("_")[1] for p in find_lessons()][:1]
    ['lesson']
    """
    return sorted(Path(folder).glob(LESSON_GLOB))


def write_lesson_index(lessons: Sequence[tuple[str, str, str | None]], out: Path,
                       corpus: str, description: str) -> Path:
    """``index.html``: each lesson (stem, title, error) with its two versions, all escaped.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> "&lt;b&gt;" in write_lesson_index([("06_x", "X", None)], d, "<b>", "1").read_text()
    True
    """
    from analysis.briefing import CSP

    esc = html.escape
    items = []
    for stem, title, error in lessons:
        failed = f'<p class="failed">Did not finish: {esc(error)}</p>' if error else ""
        items.append(f"<li><strong>{esc(title)}</strong>: "
                     f'<a href="{esc(stem)}.student.html">student handout</a> · '
                     f'<a href="{esc(stem)}.teacher.html">teacher\'s copy</a>{failed}</li>')
    document = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>Media-literacy lessons</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 48em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #222; }}
li {{ margin-bottom: 0.8em; }} .failed {{ color: #a40000; }} .meta {{ color: #555; }}
</style>
</head>
<body>
<h1>Media-literacy lessons</h1>
<p class="meta">Corpus: {esc(corpus)} ({esc(description)}). Open a page and print it from
the browser (A4; each exercise starts a new page). The student handout has no answers; the
teacher's copy has the model answers, the quiz answers and the teacher notes.</p>
<p><a href="articles.html">The articles</a>, to print for the class (one per page).</p>
<ol>
{chr(10).join(items)}
</ol>
</body>
</html>
"""
    path = out / "index.html"
    path.write_text(document, encoding="utf-8")
    return path


def write_articles_page(corpus: pd.DataFrame, out: Path,
                        reading: Sequence[str] = ()) -> Path:
    """``articles.html``: the cleaned text of the articles the class reads (``reading``, the
    lessons' reading sets; every article when empty), one per printed page, to read on
    paper (all text escaped; same offline policy as the handouts).

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> c = pd.DataFrame({"article_id": ["1"], "outlet": ["<b>X</b>"], "headline": [None],
    ...                   "published": [None], "text": ["One.\\n\\nTwo <i>."]})
    >>> page = write_articles_page(c, d).read_text()
    >>> "&lt;b&gt;X&lt;/b&gt;" in page, "<i>" in page, page.count("<p>")
    (True, False, 2)
    """
    from analysis.briefing import CSP

    esc = html.escape
    total = len(corpus)
    if reading:
        corpus = corpus[corpus["article_id"].astype(str).isin(set(reading))]
    parts = []
    for row in corpus.itertuples(index=False):
        headline = row.headline if isinstance(row.headline, str) and row.headline else ""
        published = row.published if isinstance(row.published, str) and row.published else \
            "no date given"
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n|\n", str(row.text)) if p.strip()]
        body = "\n".join(f"<p>{esc(p)}</p>" for p in paragraphs)
        parts.append(
            f'<article><h2>Article {esc(str(row.article_id))} · '
            f"{esc(outlet_label(row.outlet))}</h2>"
            + (f'<p class="headline">{esc(headline)}</p>' if headline else
               '<p class="meta">(no headline in the text)</p>')
            + f'<p class="meta">{esc(published)}</p>{body}</article>')
    which = (f" of the corpus's {total}, those the lessons give the class to read"
             if len(corpus) < total else "")
    document = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>The articles</title>
<style>
@page {{ size: A4; margin: 16mm 15mm 18mm 15mm; }}
body {{ font-family: Georgia, serif; max-width: 42em; margin: 2em auto; padding: 0 1em;
       line-height: 1.5; color: #111; }}
h1, h2 {{ font-family: system-ui, sans-serif; }}
.headline {{ font-size: 1.25em; font-weight: bold; }}
.meta {{ color: #555; font-family: system-ui, sans-serif; font-size: 0.9em; }}
@media print {{ article {{ break-before: page; page-break-before: always; }}
               nav {{ display: none; }} body {{ font-size: 11pt; }} }}
</style>
</head>
<body>
<nav><a href="index.html">&larr; Lessons</a></nav>
<h1>The articles</h1>
<p class="meta">{len(corpus)} article{"s" if len(corpus) != 1 else ""}{which}, as the
workbook reads them: page furniture (menus, share buttons, "read more" links) removed, each
article on a new printed page.</p>
{chr(10).join(parts)}
</body>
</html>
"""
    path = out / "articles.html"
    path.write_text(document, encoding="utf-8")
    return path


def build_lessons(corpus: str | Path, actors: str | Path | None, out: str | Path,
                  lessons: Sequence[Path] | None = None) -> list[tuple[str, str, str | None]]:
    """Run every lesson notebook on a corpus and write both versions of each into ``out``.

    Returns (stem, title, error or None) per lesson. Without an actor table (``actors``
    None), the seeds use their own and any other corpus one made from its articles
    (:func:`analysis.corpus_actors.actor_table_for`, written to ``out/data``). Raises
    :class:`CorpusError` when the corpus or the actor table does not load.
    """
    from analysis.briefing import check_inputs, kernel_noise_to, notebook_title, run_notebook
    from analysis.corpus_actors import actor_table_for

    corpus, out = Path(corpus).resolve(), Path(out).resolve()
    actors, actors_note = actor_table_for(corpus, actors, out / "data")
    actors = actors.resolve()
    description = check_inputs(corpus, actors, actors_note=actors_note)
    lessons = list(find_lessons() if lessons is None else lessons)
    from analysis import load_corpus
    (out / "notebooks").mkdir(parents=True, exist_ok=True)
    (out / "data").mkdir(exist_ok=True)
    for old in out.glob("*.html"):
        old.unlink()
    parameters = {"CORPUS": str(corpus), "ACTORS": str(actors), "OUTPUT_DIR": str(out / "data")}
    workers = max(1, min(os.cpu_count() or 1, len(lessons)))
    with kernel_noise_to(out / "lessons.log"), ProcessPoolExecutor(max_workers=workers) as pool:
        errors = list(pool.map(run_notebook, lessons,
                               [out / "notebooks" / p.name for p in lessons],
                               [parameters] * len(lessons)))
    import nbformat

    done = []
    for source, error in zip(lessons, errors, strict=True):
        executed = out / "notebooks" / source.name
        nb = nbformat.read(executed if executed.exists() else source, as_version=4)
        title = notebook_title(nb, source.stem)
        for version in ("student", "teacher"):
            (out / f"{source.stem}.{version}.html").write_text(
                render_lesson(nb, title, version), encoding="utf-8")
        done.append((source.stem, title, error))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # check_inputs has already shown the loader's notes
        write_articles_page(load_corpus(corpus), out, read_readings(out / "data"))
    write_lesson_index(done, out, corpus.name or str(corpus), description)
    return done


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m analysis.lessons --corpus PATH --actors CSV --out DIR``."""
    parser = argparse.ArgumentParser(
        prog="python -m analysis.lessons",
        description="Render each media-literacy lesson as a printable student handout and "
                    "a teacher's copy (offline HTML).")
    parser.add_argument("--corpus", default=str(ROOT / "seeds"))
    parser.add_argument("--actors", default=None,
                        help="actor table (CSV: actor, aliases, type); without one, the "
                             "seeds use theirs and another corpus one made from its "
                             "articles (written to OUT/data/actors_from_corpus.csv)")
    parser.add_argument("--out", default=str(ROOT / "build" / "lessons"))
    parser.add_argument("--notebooks", default=str(NOTEBOOKS),
                        help="folder of NN_lesson_name.ipynb notebooks")
    args = parser.parse_args(argv)
    lessons = find_lessons(args.notebooks)
    if not lessons:
        print(f"error: no lesson notebooks (NN_lesson_name.ipynb) in {args.notebooks}",
              file=sys.stderr)
        return 2
    try:
        done = build_lessons(args.corpus, args.actors, args.out, lessons)
    except CorpusError as exc:
        print(f"error: the corpus or actor table could not be loaded: {exc}", file=sys.stderr)
        return 2
    out = Path(args.out).resolve()
    for stem, _title, error in done:
        print(f"{stem:<30} {'FAILED (' + error + ')' if error else 'ok'}")
    print(f"lessons written to {out / 'index.html'}")
    failed = [stem for stem, _, error in done if error]
    if failed:
        print(f"error: {len(failed)} lesson(s) did not finish: {', '.join(failed)}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
