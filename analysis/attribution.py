"""Source attribution: who is quoted, how much, with what verb, and how quotations travel.

The extractor reads each article's clean text paragraph by paragraph, the way a copy editor
would (general news practice, British and American):

1. **Quotation marks.** Straight and curly, single and double marks are paired by their
   context, not their shape: a mark between two letters is an apostrophe (I'm, Falter's);
   an opening mark follows the start, a space or punctuation; a closing mark is followed by
   a space, punctuation or the end. Quotes inside quotes stay part of the outer quotation.
   A paragraph that opens a quotation and does not close it continues into the next
   paragraph that opens with a quote mark (captions in between are skipped).
2. **Attribution.** The nearest speech verb before the quotation in its sentence ("He said:
   '...'", "X told the Guardian '...'", "X added:", "according to X"), else an attribution
   after it ("'...,' the senator said", "'...,' said X"), else, for a paragraph that is all
   quotation, the previous speaker (a floating quotation). A passive speech verb takes its
   agent ("was condemned as '...' by X") or no speaker at all ("was slammed as '...'").
3. **Speakers.** The subject of the verb: a name or alias from the actor table, a pronoun
   resolved to the nearest compatible speaker (he/she: a person; it: an organisation; they:
   a group or organisation), a description ("the officer", "a spokesman for Mr Khan",
   "government sources"), or a statement (its author, the nearest organisation). A pronoun
   the next sentence identifies ("The words came from X", "Those were the words of X")
   takes that name.
4. **Kinds.** ``direct`` (a quoted utterance), ``mixed`` (quoted words inside reported
   speech), ``scare`` (a short quoted label of 1-4 words with no speech verb attached to a
   speaker) and ``indirect`` (reported speech, "X said (that) ..." without quote marks).

>>> import pandas as pd
>>> corpus = pd.DataFrame({"article_id": ["1"], "outlet": ["Example"],
...     "text": ["Jane Doe told reporters: 'I'm not going anywhere.'"]})
>>> q = extract_quotes(corpus)
>>> q.loc[0, ["quote", "kind", "speaker", "verb"]].tolist()
["I'm not going anywhere.", 'direct', 'Jane Doe', 'tell']
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from analysis.actors import find_mentions, load_actors
from analysis.sentences import article_sentences, paragraph_spans

__all__ = [
    "QUOTE_COLUMNS",
    "evaluate_quotes",
    "extract_quotes",
    "in_spans",
    "load_gold",
    "match_quotes",
    "quote_spans",
    "sources_table",
    "speech_verbs",
    "verb_profile",
]

QUOTE_COLUMNS = [
    "article_id", "outlet", "quote", "kind", "start", "end", "speaker_mention",
    "speaker_start", "speaker_end", "speaker", "speaker_type", "verb", "verb_text",
    "verb_class", "paragraph_id", "parts", "n_words", "attribution",
]

SINGLE = "'‘’"
DOUBLE = '"“”'
MARKS = SINGLE + DOUBLE
_OPEN_BEFORE = "([{—–-/:;,\"“‘'"
_CLOSE_AFTER = ".,;:!?)]}—–-\"”’'…"
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "this",
                "that", "these", "those", "any", "no", "further", "some", "every", "each"}
_LONE_VERBS = ("said", "says", "told", "added", "insisted", "claimed", "admitted", "wrote")
_QUANTIFIERS = {"one", "two", "three", "four", "several", "many", "some", "a few"}
_FUNCTION_WORDS = {
    "of", "in", "on", "for", "to", "from", "by", "with", "at", "as", "after", "before",
    "following", "during", "due", "and", "or", "but", "that", "which", "who", "is", "was", "are",
    "were", "has", "had", "have", "will", "would", "could", "can", "should", "must", "may",
    "might", "than", "if", "when", "while", "because", "over", "into", "about", "against",
    "between", "through", "under", "since", "until", "amid", "despite", "towards", "toward",
    "so", "yet", "nor", "not", "be", "been", "being", "do", "does", "did", "said", "says",
}
_STRIP_TAIL = {
    "has", "have", "had", "was", "were", "is", "are", "be", "been", "being", "will", "would",
    "can", "could", "may", "might", "must", "should", "shall", "do", "does", "did", "also",
    "then", "later", "now", "again", "himself", "herself", "itself", "themselves", "not",
    "never", "yesterday", "today", "tonight", "seen", "heard", "went", "on", "to", "go",
    "goes", "going", "gone", "once", "first", "already", "just", "still", "all", "both",
    "even", "only", "finally", "subsequently", "meanwhile", "too", "duly", "got",
}
_BE = {"was", "were", "been", "being", "is", "are", "be", "'s", "’s", "get", "got"}
_PRONOUNS = {"he": "person", "she": "person", "it": "org", "they": "plural"}
_TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor", "rev",
    "sen", "senator", "rep", "representative", "gov", "governor", "president", "mayor",
    "minister", "prime", "secretary", "home", "foreign", "deputy", "former", "chief",
    "commissioner", "assistant", "executive", "inspector", "detective", "sergeant", "judge",
    "justice", "chairman", "chairwoman", "chair", "leader", "general", "captain", "officer",
    "ac", "dac", "pc", "ds", "di", "dci", "supt", "superintendent", "mp", "councillor",
    "shadow", "chancellor", "king", "queen", "prince", "princess", "pope", "bishop", "rabbi",
    "imam", "father", "vice", "interior", "state", "defence", "defense", "attorney",
}
_ORG_WORDS = {
    "street", "corp", "co", "club", "fc", "police", "trust", "board", "campaign", "forum",
    "service", "services", "ministry",
    "council", "government", "party", "union", "office", "department", "association",
    "federation", "committee", "commission", "group", "agency", "authority", "court",
    "company", "bank", "army", "force", "yard", "university", "school", "hospital", "church",
    "news", "times", "guardian", "telegraph", "post", "bbc", "network", "foundation",
    "institute", "society", "league", "coalition", "alliance", "organisation", "organization",
    "movement", "cabinet", "parliament", "congress", "senate", "house", "students",
    "corporation", "inc", "ltd", "plc", "centre", "center", "fund", "assembly", "deputies",
    "press", "media", "mail", "herald", "journal", "tribune", "nations",
}
_NAME_STOP = {
    "the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she", "they", "we", "i",
    "this", "that", "these", "those", "there", "here", "his", "her", "their", "its", "our",
    "despite", "after", "before", "while", "when", "although", "however", "meanwhile",
    "yesterday", "today", "later", "earlier", "nevertheless", "nine", "one", "two", "three",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "contacted", "sharing", "ahead", "both", "all", "some", "as",
    "if", "for", "from", "with", "by", "of", "to", "nearly", "tens", "so", "what",
}
_FINITE = re.compile(
    r"\b(?:was|were|is|are|am|had|has|have|would|will|could|can|must|should|might|may|did|"
    r"does|do|shall|needs?|wants?|[a-z]+ed)\b", re.I)
_BOUNDARY = re.compile(
    r"[,;:()\[\]]|\s[-–—]\s|\b(?:in|to|of|from|by|with|at|during|under|for)\s+(?:which|whom)\b"
    r"|\b(?:where|when|whereas|because|although|though|if|while|that)\b", re.I)
_INDIRECT_VERBS = {
    "say", "tell", "add", "claim", "insist", "stress", "warn", "argue", "admit", "concede",
    "confirm", "deny", "suggest", "maintain", "explain", "note", "announce", "reveal",
    "state", "acknowledge", "emphasise", "reiterate", "allege", "write", "report",
    "according to", "declare", "complain", "reply", "respond",
}
_TIME_ADVERBIAL = re.compile(
    r"^\s*(?:(?:on|last|this|next|earlier|later)\s+(?:[A-Za-z]+)(?:\s+(?:night|week|month|"
    r"year|morning|afternoon|evening))?|yesterday|today|tonight|earlier|later|previously|"
    r"publicly|privately|repeatedly|again)\b", re.I)

# A sentence that only names who spoke the quotation before it (news writers' delayed
# identification): "The words came from X", "The remarks were made by X", "Those were the
# words of X", "So said X".
_NAMED_AFTER = re.compile(
    r"\s*(?:(?:And|But)\s+)?(?:"
    r"(?:The|Those|These|His|Her|Their|Such)\s+(?:words|comments?|remarks?|warning|plea|"
    r"criticism|attack|message|verdict|claims?|admission)\s+(?:came|come|were|was)\s+"
    r"(?:from|made\s+by|delivered\s+by|issued\s+by)"
    r"|(?:Those|These|That|This|Such)\s+(?:were|are|was|is)\s+the\s+(?:words|comments|"
    r"remarks|views?|verdict|message|warning|assessment)\s+of"
    r"|So\s+(?:said|says))\s+")
_NP_STOP = re.compile(r"[,;:()]|\s[-–—]\s|\s(?:who|which|speaking|writing|in|at|on|during|"
                      r"after|when|as)\s|[.!?]\s*$")

# --------------------------------------------------------------------------- data files

def _data_path(name: str):
    return resources.files("analysis") / "data" / name


@lru_cache(maxsize=1)
def speech_verbs() -> pd.DataFrame:
    """The speech-verb list (``data/speech_verbs.csv``): ``verb`` (lemma), ``forms`` (list),
    ``class`` (neutral / evaluative), ``note``.

    >>> verbs = speech_verbs()
    >>> verbs.set_index("verb").loc["claim", "class"]
    'evaluative'
    """
    with _data_path("speech_verbs.csv").open(encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    frame["forms"] = [[f.strip() for f in forms.split(";") if f.strip()]
                      for forms in frame["forms"]]
    return frame


@lru_cache(maxsize=1)
def _verb_index() -> tuple[re.Pattern[str], dict[str, tuple[str, str]]]:
    owner: dict[str, tuple[str, str]] = {}
    for lemma, forms, cls in zip(speech_verbs()["verb"], speech_verbs()["forms"],
                                 speech_verbs()["class"], strict=True):
        for form in forms:
            owner.setdefault(form.casefold(), (lemma, cls))
    # one branch per first letter, the forms in each longest first: the same matches as
    # one flat alternation (forms with different first letters never match at the same
    # place), but the engine tries one letter test instead of every form at each position
    groups: dict[str, list[str]] = {}
    for f in sorted(owner, key=len, reverse=True):
        groups.setdefault(f[0], []).append(re.escape(f[1:]).replace(r"\ ", r"\s+"))
    firsts = "".join(re.escape(c) for c in groups)
    body = "|".join(re.escape(c) + "(?:" + "|".join(tails) + ")" for c, tails in groups.items())
    return re.compile(rf"(?<![\w'’-])(?=[{firsts}])(?:{body})(?![\w'’-])", re.I), owner


@lru_cache(maxsize=1)
def _speaker_nouns() -> dict[str, tuple[str, str]]:
    with _data_path("speaker_nouns.csv").open(encoding="utf-8") as handle:
        frame = pd.read_csv(handle, dtype=str, keep_default_na=False)
    return {n.casefold(): (c, t) for n, c, t in
            zip(frame["noun"], frame["canonical"], frame["speaker_type"], strict=True)}


# --------------------------------------------------------------------------- shared helpers

def quote_spans(
    quotes: pd.DataFrame, kinds: Iterable[str] = ("direct", "mixed")
) -> dict[str, list[tuple[int, int]]]:
    """Sorted, merged (start, end) spans of quoted words per article.

    Uses the ``parts`` column (one (start, end) pair per paragraph of a quotation) when
    present, else ``start``/``end``. Overlapping or touching spans are merged.

    >>> q = pd.DataFrame({"article_id": ["1", "1", "1"], "kind": ["direct", "scare", "direct"],
    ...                   "start": [10, 40, 18], "end": [20, 45, 25]})
    >>> quote_spans(q)
    {'1': [(10, 25)]}
    """
    kinds = set(kinds)
    raw: dict[str, list[tuple[int, int]]] = {}
    if quotes is None or len(quotes) == 0:
        return {}
    has_parts = "parts" in quotes.columns
    for row in quotes.itertuples(index=False):
        if row.kind not in kinds:
            continue
        pieces = row.parts if has_parts else None
        if not isinstance(pieces, (list, tuple)) or not pieces:
            pieces = [(row.start, row.end)]
        for s, e in pieces:
            if pd.isna(s) or pd.isna(e) or int(e) <= int(s):
                continue
            raw.setdefault(str(row.article_id), []).append((int(s), int(e)))
    return merge_spans(raw)


def merge_spans(raw: Mapping[str, list[tuple[int, int]]]) -> dict[str, list[tuple[int, int]]]:
    """Per article, the spans sorted with overlapping and touching ones merged.

    >>> merge_spans({"a": [(5, 9), (0, 3), (2, 4)]})
    {'a': [(0, 4), (5, 9)]}
    """
    merged: dict[str, list[tuple[int, int]]] = {}
    for aid, spans in raw.items():
        out: list[tuple[int, int]] = []
        for s, e in sorted(spans):
            if out and s <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], e))
            else:
                out.append((s, e))
        merged[aid] = out
    return merged


def in_spans(
    spans: Iterable[tuple[int, int]] | Mapping | None, start: int, end: int
) -> bool:
    """True when [start, end) lies mostly (more than half) inside ``spans``.

    ``spans`` is one article's list from :func:`quote_spans` (sorted, merged).
    An empty or negative-length interval is never inside.

    >>> in_spans([(10, 20)], 12, 18)
    True
    >>> in_spans([(10, 20)], 15, 30)
    False
    >>> in_spans([(0, 5), (6, 10)], 0, 10)
    True
    """
    if spans is None or end is None or start is None or end <= start:
        return False
    if isinstance(spans, Mapping):
        raise TypeError("in_spans takes one article's span list: spans[article_id]")
    covered = 0
    for s, e in spans:
        lo, hi = max(s, start), min(e, end)
        if hi > lo:
            covered += hi - lo
    return covered * 2 > (end - start)


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


@dataclass
class _Quote:
    parts: list[tuple[int, int]]          # content spans (without marks), one per paragraph
    open_pos: int                         # offset of the opening mark
    close_pos: int | None                 # offset of the closing mark (None: ran out)
    paragraph: int                        # index of the first paragraph


def _mark_roles(text: str, i: int) -> tuple[bool, bool]:
    """(can_open, can_close) for the quote mark at ``text[i]``."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else "\n"
    nxt = text[i + 1] if i + 1 < len(text) else "\n"
    if ch in SINGLE and prev.isalnum() and nxt.isalnum():
        return False, False                               # apostrophe: I'm, Falter's
    can_open = (prev.isspace() or prev in _OPEN_BEFORE) and not nxt.isspace()
    can_close = (not prev.isspace()) and (nxt.isspace() or nxt in _CLOSE_AFTER)
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


# --------------------------------------------------------------------------- names

_ACTOR_CLASSES: dict[int, tuple[pd.DataFrame, dict[str, str], dict[str, str]]] = {}


def _actor_classes(actors: pd.DataFrame) -> tuple[dict[str, str], dict[str, str]]:
    """(type, class) of each actor of a table, computed once per table object."""
    cached = _ACTOR_CLASSES.get(id(actors))
    if cached is None or cached[0] is not actors:
        types = dict(zip(actors["actor"], actors["type"], strict=True))
        cls_of = {a: _is_person_actor(a, al) for a, al in
                  zip(actors["actor"], actors["aliases"], strict=True)}
        if len(_ACTOR_CLASSES) > 16:
            _ACTOR_CLASSES.clear()
        cached = _ACTOR_CLASSES[id(actors)] = (actors, types, cls_of)
    return cached[1], cached[2]


@lru_cache(maxsize=1)
def _ref_word_pattern() -> re.Pattern[str]:
    """Whole ASCII words that are pronouns or speaker nouns, in any case (the words
    ``\\b[A-Za-z]+\\b`` finds whose lower case is in either list)."""
    words = sorted((w for w in set(_PRONOUNS) | set(_speaker_nouns())
                    if w.isascii() and w.isalpha()), key=lambda w: (-len(w), w))
    body = "|".join("".join(f"[{c.upper()}{c}]" for c in w) for w in words)
    return re.compile(rf"\b(?:{body})\b")


@dataclass
class _Ref:
    start: int
    end: int
    cls: str          # person / org / plural / pronoun / document / source / spokes
    speaker: str
    speaker_type: str
    variant: str = ""  # pronoun word, or "another" for a second officer


def _is_person_actor(actor: str, aliases: list[str]) -> str:
    """person / org / plural (a group: its canonical name is all lower case)."""
    if actor == actor.lower():
        return "plural"
    if any(re.match(r"(?:Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady|Dr)\b", a) for a in aliases):
        return "person"
    words = actor.split()
    if 2 <= len(words) <= 5 and not any(w.casefold() in _ORG_WORDS for w in words):
        return "person"
    return "org"


_ORG_PHRASE = re.compile(
    r"\b[Tt]he\s+((?:[a-z][a-z-]+\s+){0,2}?(?:bank|company|council|ministry|government|"
    r"department|party|union|club|board|court|agency|firm|university|hospital|charity|"
    r"regulator|watchdog|committee|commission|airline|retailer|school|group|trust))\b")
_NAME = re.compile(
    r"(?<![\w'’])(?:[A-Z][a-zA-Z'’\-]+|[A-Z]{2,})(?: (?:(?:van|von|der|de|da|la|le|bin|al|"
    r"of|of the) )*(?:[A-Z][a-zA-Z'’\-]+|[A-Z]{2,}))*")


@dataclass
class _Names:
    """Simple name-form merging for names not in the actor table: 'Mr Falter' is the
    'Gideon Falter' seen earlier; an acronym in brackets after a name is its alias."""

    full: list[tuple[int, str, set[str]]] = field(default_factory=list)
    acronyms: dict[str, str] = field(default_factory=dict)

    def canonical(self, form: str, pos: int) -> tuple[str, str]:
        words = form.split()
        low = [w.casefold().strip(".").replace("’s", "").replace("'s", "") for w in words]
        # a person's name ends in two or three plain capitalised words (particles allowed):
        # "Police Chief David Moore" -> David Moore, "Mayor of London Sadiq Khan" -> Sadiq Khan
        k = len(words)
        while k > 0 and (words[k - 1][:1].isupper() and low[k - 1] not in _ORG_WORDS
                         and low[k - 1] not in _TITLES and low[k - 1] not in _FUNCTION_WORDS
                         and low[k - 1] not in {"against", "for", "the", "of"}
                         and not words[k - 1].isupper()
                         or low[k - 1] in {"van", "von", "der", "de", "da", "la", "le", "bin"}):
            k -= 1
        core = words[k:]
        while core and core[0].casefold() in {"van", "von", "der", "de", "da", "la", "le"}:
            core = core[1:]
        titles = {w for w in low[:k] if w in _TITLES}
        named = len(core) >= 2 and (not any(w in _ORG_WORDS for w in low[:k])
                                    or low[k - 1] in _TITLES)
        connective = any(w in {"against", "for", "of", "and", "the", "on"} for w in low[1:])
        if not named and (any(w in _ORG_WORDS for w in low) or connective
                          or (k and low[k - 1] in _ORG_WORDS and not titles)) or not core:
            if len(words) == 1 and words[0].isupper() and words[0] in self.acronyms:
                return self.acronyms[words[0]], "org"
            name = form[4:] if form.startswith("The ") else form
            if len(words) == 1 and not words[0].isupper():
                return "", "unknown"
            return name, "org"
        if not titles and re.search(r"(?:ish|ese|ians?|ers|ists|ans|ites)$", core[-1]):
            return "", "unknown"           # Jewish Londoners, British Muslims: groups
        plain = [w for w in core if w.casefold() not in {"van", "von", "der", "de", "da", "la",
                                                          "le", "bin"}]
        if len(plain) > 2:
            core = core[core.index(plain[-2]):]
        if len(core) == 1:
            token = core[0]
            for _, name, _titles in reversed(self.full):
                parts = name.split()
                if token in (parts[-1], parts[0]):
                    return name, "person"
            if titles:
                self.full.append((pos, token, titles))
                return token, "person"
            return "", "unknown"
        name = " ".join(core)
        self.full.append((pos, name, titles))
        return name, "person"

    def by_title(self, title: str) -> str:
        for _, name, titles in reversed(self.full):
            if title in titles:
                return name
        return ""


# --------------------------------------------------------------------------- the extractor

@dataclass
class _Sent:
    start: int
    end: int
    kind: str
    paragraph: int


@dataclass
class _Item:
    start: int
    end: int
    kind: str
    parts: list[tuple[int, int]]
    paragraph: int
    verb: tuple[int, int] | None = None       # span of the verb in the text
    after: bool = False                       # attribution follows the quotation
    np: tuple[int, int] | None = None         # explicit noun-phrase span for the speaker
    floating: bool = False
    open_pos: int = -1
    speaker: str = ""
    speaker_type: str = "unknown"
    mention: tuple[int, int] | None = None
    attribution: str = ""


class _Article:
    def __init__(self, text: str, line_kinds: str | None, actors: pd.DataFrame | None):
        self.text = text
        self.actors = actors
        self.paragraphs = paragraph_spans(text)
        sents = article_sentences(text, line_kinds)
        self.sents = [_Sent(s["start"], s["end"], s["kind"], s["paragraph_id"]) for s in sents]
        self.sent_starts = [s.start for s in self.sents]
        pkinds = {s.paragraph: s.kind for s in self.sents}
        self.pkinds = [pkinds.get(i, "body") for i in range(len(self.paragraphs))]
        self.quotes = _find_quotes(text, self.paragraphs, self.pkinds)
        self.masked = _mask(text, [p for q in self.quotes for p in q.parts])
        self.names = _Names()
        self.refs = self._find_refs()
        self.ref_ends = [r.end for r in self.refs]
        self.history: list[tuple[int, str, str, str, str]] = []  # pos, speaker, type, cls, kind
        self.sentence_subject: dict[int, _Ref | None] = {}
        self._verbs: dict[tuple[int, int], list[tuple[int, int, str, str]]] = {}

    # ---------------------------------------------------------------- lookups
    def sent_at(self, pos: int) -> _Sent:
        i = max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
        if not self.sents:
            return _Sent(0, len(self.text), "body", 0)
        s = self.sents[i]
        return s

    def in_quote(self, pos: int) -> bool:
        return self.masked[pos:pos + 1] == "_"

    # ---------------------------------------------------------------- referring expressions
    def _find_refs(self) -> list[_Ref]:
        m = self.masked
        refs: list[_Ref] = []
        taken = [False] * (len(m) + 1)
        if self.actors is not None and len(self.actors):
            types, cls_of = _actor_classes(self.actors)
            for s, e, actor in find_mentions(m, self.actors):
                refs.append(_Ref(s, e, cls_of[actor], actor, types.get(actor, "unknown")))
                for k in range(s, e):
                    taken[k] = True
        nouns = _speaker_nouns()
        for match in _ref_word_pattern().finditer(m):
            word = match.group(0)
            low = word.casefold()
            s, e = match.span()
            if taken[s]:
                continue
            if low in _PRONOUNS:
                refs.append(_Ref(s, e, "pronoun", "", "", low))
            elif low in nouns:
                canonical, stype = nouns[low]
                if stype == "document":
                    before = m[max(0, s - 20):s].casefold()
                    if re.search(r"\b(?:in|of|from|with|by)\s+(?:a|an|the|its|their|his|her)?"
                                 r"\s*(?:\w+\s+)?$", before):
                        continue
                    refs.append(_Ref(s, e, "document", "", "document"))
                elif stype == "anonymous source":
                    refs.append(_Ref(s, e, "source", canonical, stype))
                elif canonical == "spokesperson":
                    refs.append(_Ref(s, e, "spokes", canonical, stype))
                else:
                    before = m[max(0, s - 25):s].casefold()
                    variant = "another" if re.search(
                        r"\b(?:another|second|other|different)\s+(?:\w+\s+)?$", before) else ""
                    name = f"another {canonical}" if variant else canonical
                    refs.append(_Ref(s, e, "person", name, stype, variant))
        for match in _ORG_PHRASE.finditer(m):
            s, e = match.span(1)
            if any(taken[s:e]):
                continue
            refs.append(_Ref(s, e, "org", match.group(1).casefold(), "organisation"))
            for k in range(s, e):
                taken[k] = True
        for match in _NAME.finditer(m):
            s, e = match.span()
            if any(taken[s:e]) or m[s:e].casefold() in _PRONOUNS:
                continue
            form = match.group(0)
            words = form.split()
            while words and words[0].casefold() in _NAME_STOP:
                s += len(words[0]) + 1
                words = words[1:]
            if not words:
                continue
            sent = self.sent_at(s)
            at_start = s == sent.start or m[sent.start:s].strip(" '\"“‘(") == ""
            # a lone capitalised word opening a sentence is a name only when news shape says
            # so: "Thompson, 61, was blunt." / "Thompson said ..."
            after = m[s + len(words[0]):s + len(words[0]) + 30]
            lone_name = len(words) == 1 and at_start and (
                re.match(r",\s*\d{1,3},", after) or re.match(
                    r"\s+(?:" + "|".join(_LONE_VERBS) + r")\b", after))
            if len(words) == 1 and (at_start and not lone_name
                                    or words[0].casefold() in _NAME_STOP
                                    or words[0].casefold() in _TITLES):
                continue
            form = " ".join(words)
            name, cls = self.names.canonical(form, s)
            if not name and len(words) == 1 and at_start and not words[0].isupper():
                name, cls = words[0], "person"     # a surname that opens a sentence
                self.names.full.append((s, name, set()))
            if not name:
                continue
            paren = re.match(r"\s*\(([A-Z]{2,})\)", m[e:e + 12])
            if paren and cls == "org":
                self.names.acronyms[paren.group(1)] = name
            refs.append(_Ref(s, s + len(form), cls, name,
                             "unknown" if cls == "person" else "organisation"))
        refs.sort(key=lambda r: (r.end, r.start))
        return refs

    def refs_in(self, start: int, end: int) -> list[_Ref]:
        lo = bisect.bisect_right(self.ref_ends, start)
        hi = bisect.bisect_right(self.ref_ends, end)
        return [r for r in self.refs[lo:hi] if r.start >= start]

    # ---------------------------------------------------------------- resolution
    def resolve(self, ref: _Ref, phrase_end: int | None = None) -> tuple[str, str, str]:
        """(speaker, speaker_type, cls) of a referring expression."""
        if ref.cls == "pronoun":
            return self.resolve_pronoun(ref)
        if ref.cls == "document":
            return self.resolve_org(ref.start)
        if ref.cls == "spokes":
            after = re.match(r"\s+(?:for|of|at)\s+", self.masked[ref.end:ref.end + 8])
            cands = []
            if after:
                cands = [r for r in self.refs_in(ref.end, ref.end + 80)
                         if r.start == ref.end + after.end() and r.cls in ("person", "org")]
            if not cands:
                cands = [r for r in self.refs_in(max(0, ref.start - 60), ref.start)
                         if ref.start - r.end <= 3 and r.cls in ("person", "org")]
            if cands:
                return cands[0].speaker, cands[0].speaker_type, cands[0].cls
            if after:
                name = re.match(r"(?:the\s+)?((?:[A-Z][\w'’&.-]*\s?)+)",
                                self.masked[ref.end + after.end():ref.end + 80])
                if name:
                    return name.group(1).strip(), "organisation", "org"
            return "spokesperson", "unknown", "person"
        if ref.cls == "source":
            sent = self.sent_at(ref.start)
            window = self.masked[max(sent.start, ref.start - 40):ref.start]
            pre_words: list[str] = []
            for w in reversed(re.findall(r"[A-Za-z\-]+", window)[-2:]):
                if w.casefold() in _DETERMINERS | _FUNCTION_WORDS | {"one", "two", "three",
                                                                    "several", "many"}:
                    break
                pre_words.insert(0, w)
            end = max(phrase_end if phrase_end is not None else ref.end, ref.end)
            phrase = " ".join([*pre_words, self.masked[ref.start:end]])
            phrase = re.split(r"[,;:]", phrase)[0].strip()
            if re.search(r"\b(?:government|whitehall|downing street|ministerial)\b", phrase,
                         re.I):
                return "government sources", "anonymous source", "source"
            words = phrase.split()
            if len(words) > 8:
                words = [self.masked[ref.start:ref.end]]
            return " ".join(words).casefold(), "anonymous source", "source"
        return ref.speaker, ref.speaker_type, ref.cls

    def _compatible(self, cls: str, want: str) -> bool:
        if want == "person":
            return cls == "person"
        if want == "org":
            return cls == "org"
        return cls in ("org", "plural", "source")

    def resolve_pronoun(self, ref: _Ref) -> tuple[str, str, str]:
        want = _PRONOUNS[ref.variant]
        sent = self.sent_at(ref.start)
        # 1. nearest compatible name earlier in the same sentence
        for r in reversed(self.refs_in(sent.start, ref.start)):
            if r.cls in ("pronoun", "document"):
                continue
            spk, st, cls = self.resolve(r)
            if self._compatible(cls, want) and spk:
                return spk, st, cls
        # 2. the most recent compatible speaker
        body = sent.kind == "body"
        for pos, spk, st, cls, pkind in reversed(self.history):
            if pos >= ref.start or (body and pkind == "caption"):
                continue
            if spk and self._compatible(cls, want):
                return spk, st, cls
        # 3. the nearest compatible name before
        for r in reversed(self.refs_in(0, sent.start)):
            if r.cls in ("pronoun", "document") or self.in_quote(r.start):
                continue
            if body and self.sent_at(r.start).kind == "caption":
                continue
            spk, st, cls = self.resolve(r)
            if self._compatible(cls, want) and spk:
                return spk, st, cls
        return "", "unknown", want

    def resolve_org(self, pos: int) -> tuple[str, str, str]:
        return self.resolve_pronoun(_Ref(pos, pos, "pronoun", "", "", "it"))

    # ---------------------------------------------------------------- speech verbs
    def verbs_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        key = (start, end)
        found = self._verbs.get(key)
        if found is None:
            found = self._verbs[key] = self._verbs_in(start, end)
        return list(found)

    def _verbs_in(self, start: int, end: int) -> list[tuple[int, int, str, str]]:
        pattern, owner = _verb_index()
        out = []
        region = self.masked[start:end]
        for match in pattern.finditer(region):
            s, e = start + match.start(), start + match.end()
            form = re.sub(r"\s+", " ", match.group(0)).casefold()
            lemma, cls = owner[form]
            before = re.search(r"(\w+)\s+$", self.masked[max(0, s - 20):s])
            if before and before.group(1).casefold() in _DETERMINERS - {"that"}:
                continue
            if lemma == "call" and re.match(r"\s+for\b", self.masked[e:e + 6]):
                continue
            out.append((s, e, lemma, cls))
        return out

    def subject(self, vs: int, ve: int, limit: int) -> tuple[str, str, str, tuple[int, int] | None]:
        """Speaker of the verb at [vs, ve): (speaker, type, cls, mention span)."""
        sent = self.sent_at(vs)
        m = self.masked
        verb_text = m[vs:ve].casefold()
        pre = m[sent.start:vs]
        pre_clean = re.sub(r"\([^()]*\)", lambda x: " " * len(x.group(0)), pre)
        tokens = [(t.start(), t.end(), t.group(0)) for t in re.finditer(r"[^\s]+", pre_clean)]
        # passive: "was described by an officer as ..."
        words = [t[2].casefold().strip(",") for t in tokens]
        k = len(words)
        while k and (words[k - 1] in _STRIP_TAIL - _BE or words[k - 1].endswith("ly")):
            k -= 1
        if k and words[k - 1] in _BE and (re.search(r"(?:ed|en|wn)$", verb_text)
                                          or verb_text == "told"):
            agent = re.search(r"\bby\s+", m[ve:limit])
            if agent:
                a_start = ve + agent.end()
                cands = [r for r in self.refs_in(a_start, min(limit, a_start + 80))]
                if cands:
                    first = min(cands, key=lambda r: r.start)
                    spk, st, cls = self.resolve(first)
                    return spk, st, cls, (first.start, first.end)
            # "was slammed as '...'": the sentence does not say who spoke
            return "", "unknown", "passive", None
        # strip auxiliaries and adverbs before the verb
        k = len(tokens)
        while k and (words[k - 1] in _STRIP_TAIL or (words[k - 1].endswith("ly")
                                                     and len(words[k - 1]) > 4)):
            k -= 1
        tokens = tokens[:k]
        tail = tokens[-1][2].casefold() if tokens else ""
        participle = verb_text.endswith("ing")
        if not tokens or tail in ("and", "but", "or", "and,") or tail.endswith(",") and \
                participle or tail in ("after", "before", "by", "while", "when", "without",
                                       "despite"):
            return self.coordinated(sent, vs)
        if tail == "who":
            for r in reversed(self.refs_in(sent.start, sent.start + tokens[-1][0])):
                spk, st, cls = self.resolve(r)
                if cls == "person" and spk:
                    return spk, st, cls, (r.start, r.end)
            return self.coordinated(sent, vs)
        if tail in ("which", "that"):
            spk, st, cls = self.resolve_org(sent.start + tokens[-1][0])
            return spk, st, cls, None
        np_end = sent.start + tokens[-1][1]
        if tail.endswith(","):
            # appositive: "Marie van der Zyl, president of ..., said"
            segments = [x for x in re.finditer(r"[^,]+", pre_clean[:tokens[-1][1]])]
            if len(segments) >= 2:
                seg = segments[-2]
                for cand in reversed(segments):
                    if any(r.cls == "person" for r in self.refs_in(
                            sent.start + cand.start(), sent.start + cand.end())):
                        seg = cand
                        break
                np_start, np_end = sent.start + seg.start(), sent.start + seg.end()
                return self.np_speaker(np_start, np_end, vs)
        bounds = [b.end() for b in _BOUNDARY.finditer(pre_clean[:tokens[-1][1]])]
        np_start = sent.start + (bounds[-1] if bounds else 0)
        return self.np_speaker(np_start, np_end, vs)

    def np_speaker(self, np_start: int, np_end: int, vs: int
                   ) -> tuple[str, str, str, tuple[int, int] | None]:
        sent = self.sent_at(np_start)
        refs = [r for r in self.refs_in(np_start, np_end) if not self.in_quote(r.start)]
        if not refs:
            phrase = self.masked[np_start:np_end].strip(" ,;:-–—")
            if not phrase:
                return self.coordinated(sent, vs)
            words = phrase.split()
            while words and words[0].casefold() in _DETERMINERS | _QUANTIFIERS:
                words = words[1:]
            desc = " ".join(words)
            if not desc or len(words) > 6 or not any(w[:1].isalpha() for w in words):
                return "", "unknown", "", None
            titled = self.names.by_title(words[-1].casefold()) if len(words) <= 2 else ""
            start = self.masked.find(phrase, np_start)
            span = (start, start + len(phrase)) if start >= 0 else None
            if titled:
                return titled, "unknown", "person", span
            return desc.casefold(), "unknown", "unknown", span
        head = self.masked[np_start:np_end]
        cut = re.search(r"\s(?:who|which|that)\s", head)
        if cut and cut.start() > 0:
            first = [r for r in refs if r.end <= np_start + cut.start()]
            if first:
                refs = first
        heads = [r for r in refs if r.cls in ("source", "spokes")]
        # "sources in the government", "a spokesman for the company": the source is the head
        last = heads[-1] if heads else max(refs, key=lambda r: (r.end, r.end - r.start))
        if last.cls == "document" and any(r.cls != "document" for r in refs):
            last = max((r for r in refs if r.cls != "document"), key=lambda r: r.end)
        rest = re.findall(r"[A-Za-z]+", self.masked[last.end:np_end])
        if rest and rest[-1].casefold() in _ORG_WORDS and rest[-1].islower():
            # the name only modifies the head: "the Hamas-run Gaza health ministry"
            phrase = self.masked[np_start:np_end].strip(" ,;:.!?")
            words = [w for w in phrase.split()]
            while words and words[0].casefold() in _DETERMINERS:
                words = words[1:]
            start = self.masked.find(phrase, np_start)
            return " ".join(words).casefold(), "organisation", "org", (start, start + len(phrase))
        spk, st, cls = self.resolve(last, phrase_end=np_end)
        return spk, st, cls, (last.start, last.end)

    def coordinated(self, sent: _Sent, vs: int
                    ) -> tuple[str, str, str, tuple[int, int] | None]:
        """Subject of a coordinated or participle verb: the sentence's subject."""
        earlier = self.sentence_subject.get(sent.start)
        if earlier is not None:
            spk, st, cls = self.resolve(earlier)
            return spk, st, cls, (earlier.start, earlier.end)
        refs = [r for r in self.refs_in(sent.start, vs) if not self.in_quote(r.start)]
        if refs:
            first = min(refs, key=lambda r: r.start)
            spk, st, cls = self.resolve(first)
            return spk, st, cls, (first.start, first.end)
        return "", "unknown", "", None

    # ---------------------------------------------------------------- items
    def quote_items(self) -> list[_Item]:
        items = []
        for q in self.quotes:
            start, end = q.parts[0][0], q.parts[-1][1]
            item = _Item(start, end, "", q.parts, q.paragraph, open_pos=q.open_pos)
            sent = self.sent_at(q.open_pos)
            verbs = [v for v in self.verbs_in(sent.start, q.open_pos)
                     if not self.in_quote(v[0])]
            close = q.close_pos if q.close_pos is not None else end
            n_words = len(_WORD.findall(" ".join(self.text[s:e] for s, e in q.parts)))
            if verbs:
                item.verb = (verbs[-1][0], verbs[-1][1])
                item.attribution = "before"
            else:
                after_sent = self.sent_at(max(close - 1, 0))
                after = self.masked[close + 1:after_sent.end] if q.close_pos is not None \
                    else ""
                lead = re.match(r"\s*[,;:—–-]?\s*", after)
                rest_start = close + 1 + (lead.end() if lead else 0)
                tail_verbs = self.verbs_in(rest_start, min(after_sent.end, rest_start + 120))
                between = self.masked[rest_start:tail_verbs[0][0]] if tail_verbs else ""
                # only a quotation that ends a clause takes an attribution after it:
                # '"...," she said' / "'...' he said." but not "the 'X' crisis has spread"
                ends_clause = q.close_pos is not None and (
                    self.text[q.close_pos - 1:q.close_pos] in ",.!?…"
                    or re.match(r"\s*(?:[,;:—–]|-\s|$)", after))
                if tail_verbs and ends_clause and (len(between.split()) <= 6 or (
                        "," in between and len(between.split()) <= 14)):
                    vs, ve = tail_verbs[0][0], tail_verbs[0][1]
                    item.verb = (vs, ve)
                    item.after = True
                    item.attribution = "after"
                    if between.strip():
                        item.np = (rest_start, vs)
                        comma = between.find(",")
                        if comma > 0 and self.refs_in(rest_start, rest_start + comma):
                            item.np = (rest_start, rest_start + comma)
                    else:
                        m = re.match(r"\s*([^,.;:()!?]+)", self.masked[ve:after_sent.end])
                        if m:
                            np_text = m.group(1)
                            np_text = re.split(r"\s(?:who|as|on|in|at|after|when)\s",
                                               np_text)[0]
                            item.np = (ve + m.start(1), ve + m.start(1) + len(np_text))
                elif self._floating(q, sent, n_words):
                    item.floating = True
                    item.attribution = "previous speaker"
            prechar = self.masked[sent.start:q.open_pos].rstrip()[-1:]
            if item.verb is not None and n_words <= 4 and not item.after:
                if self._label_use(q.open_pos, close, item.verb):
                    item.verb = None
                    item.attribution = ""
            if item.verb is None and not item.floating:
                item.kind = "scare" if n_words <= 4 else ("direct" if prechar in ("", ":", ",")
                                                         else "mixed")
            elif item.after or item.floating or prechar in ("", ":", ","):
                item.kind = "direct"
            else:
                gap = len(self.masked[item.verb[1]:q.open_pos].split()) if item.verb else 99
                first = self.text[start:start + 1]
                item.kind = "direct" if (n_words >= 5 and first.isupper() and gap <= 4) \
                    else "mixed"
            items.append(item)
        return items

    def agent_after(self, end: int) -> tuple[str, str, str, tuple[int, int]] | None:
        """The agent of a passive speech verb named right after the quotation: "was
        condemned as 'a betrayal' by union leaders"."""
        sent = self.sent_at(max(end - 1, 0))
        by = re.match(r"[\s'’\"”,]*by\s+", self.masked[end:sent.end])
        if not by:
            return None
        a_start = end + by.end()
        cands = self.refs_in(a_start, min(sent.end, a_start + 80))
        if not cands:
            return None
        first = min(cands, key=lambda r: r.start)
        spk, st, cls = self.resolve(first)
        return (spk, st, cls, (first.start, first.end)) if spk else None

    def named_after(self, pos: int) -> tuple[str, str, str] | None:
        """The speaker named by the next sentence when it only identifies whoever spoke
        the quotation before it ("'...,' he said. The words came from Labour MP John
        Carter." / "Those were the words of ..." / "So said ..."); sentences that are all
        quotation in between are skipped. None when the next sentence is not of that
        form."""
        if not self.sents:
            return None
        i = max(0, bisect.bisect_right(self.sent_starts, pos) - 1)
        j = i + 1
        while j < len(self.sents) and not re.search(
                r"[^\W_]", self.masked[self.sents[j].start:self.sents[j].end]):
            j += 1                                     # 'Floating quotation.' in between
        if j >= len(self.sents) or self.sents[j].kind != "body" or \
                self.sents[j].paragraph - self.sents[i].paragraph > 1:
            return None
        sent = self.sents[j]
        found = _NAMED_AFTER.match(self.masked[sent.start:sent.end])
        if not found:
            return None
        np_start = sent.start + found.end()
        rest = self.masked[np_start:sent.end]
        stop = _NP_STOP.search(rest)
        np_end = np_start + (stop.start() if stop else len(rest))
        spk, st, cls, _ = self.np_speaker(np_start, np_end, np_start)
        if not spk or cls not in ("person", "org", "plural", "source"):
            return None
        return spk, st, cls

    def _floating(self, q: _Quote, sent: _Sent, n_words: int) -> bool:
        """A quotation with no verb of its own that makes up a whole paragraph, or a whole
        sentence of at least two words, continues the previous speaker."""
        if q.open_pos == self.paragraphs[q.paragraph][0] and n_words > 4:
            return True
        if self.masked[sent.start:q.open_pos].strip() or q.close_pos is None or n_words < 2:
            return False
        first = self.text[q.parts[0][0]:q.parts[0][0] + 1]
        inner_end = self.text[max(q.close_pos - 1, 0):q.close_pos]
        rest = self.masked[q.close_pos + 1:self.sent_at(q.close_pos).end].strip()
        return first.isupper() and inner_end in ".!?…" and not rest

    def _label_use(self, open_pos: int, close: int, verb: tuple[int, int]) -> bool:
        """A short quotation used as a label: 'the 'openly Jewish' incident' (determiner
        before, noun after) is a scare quote unless the speech verb governs it directly."""
        before = re.search(r"(\w+)\s*$", self.masked[max(0, open_pos - 20):open_pos])
        after = re.match(r"\s*([a-z]+)", self.masked[close + 1:close + 25])
        if not before or before.group(1).casefold() not in _DETERMINERS - {"that", "no"}:
            return False
        if not after or after.group(1) in _FUNCTION_WORDS:
            return False
        det_start = max(0, open_pos - 20) + before.start()
        between = self.masked[verb[1]:det_start].split()
        return len(between) > 1

    def indirect_items(self, taken: list[tuple[int, int]]) -> list[_Item]:
        items = []
        for sent in self.sents:
            text = self.masked[sent.start:sent.end]
            verbs = [v for v in self.verbs_in(sent.start, sent.end)
                     if v[2] in _INDIRECT_VERBS and not self.in_quote(v[0])]
            for vs, ve, lemma, _cls in verbs:
                item = self._indirect(sent, text, vs, ve, lemma, verbs)
                if item is None:
                    continue
                if any(s < item.end and item.start < e for s, e in taken):
                    continue
                items.append(item)
        return items

    def _indirect(self, sent: _Sent, text: str, vs: int, ve: int, lemma: str,
                  verbs: list) -> _Item | None:
        m = self.masked
        # attribution tail right after a quotation: '"...," said X' is not indirect
        before = m[sent.start:vs].rstrip(" ,")
        if before and (before[-1] in MARKS or before.endswith("_")):
            return None
        tail = self._tail_indirect(sent, vs, ve, lemma)
        if tail is not None or lemma == "according to":
            return tail
        rest = m[ve:sent.end]
        if re.match(r"\s*[:'\"“‘”’]", rest):
            return None
        offset = ve
        that = re.match(r"((?:\s+\S+){0,8}?)\s+that\s", rest)
        if that and "," not in that.group(1) and not _FINITE.search(that.group(1) or ""):
            offset = ve + that.end()
        else:
            adv = _TIME_ADVERBIAL.match(rest)
            if adv:
                offset = ve + adv.end()
            if lemma == "tell":
                obj = re.match(r"\s+(?:him|her|them|us|me|reporters|journalists|the\s+\w+|"
                               r"(?:[A-Z][\w'’]+\s*)+)\s*", m[offset:sent.end])
                if not obj:
                    return None
                offset += obj.end()
        ce = sent.end
        stop = re.search(r",?\s+(?:but|and)\s+(?:also\s+)?(?:said|added|told|claimed|insisted|"
                         r"stressed|warned|argued|admitted|denied)\b|,\s+(?:saying|adding|"
                         r"claiming|insisting)\b|;|,\s+according to\b", m[offset:sent.end])
        if stop:
            ce = offset + stop.start()
        content = m[offset:ce]
        if not self._clausal(content):
            return None
        cs, ce = self._trim(offset, ce)
        return _Item(cs, ce, "indirect", [(cs, ce)], sent.paragraph, verb=(vs, ve),
                     attribution="indirect")

    def _tail_indirect(self, sent: _Sent, vs: int, ve: int, lemma: str) -> _Item | None:
        """'CLAUSE, X said.' / 'CLAUSE, said X.' / 'CLAUSE, according to X.' /
        'According to X, CLAUSE.'"""
        m = self.masked
        after = m[ve:sent.end]
        before = m[sent.start:vs]
        if lemma == "according to" and not before.strip():
            c2 = m.find(",", ve, sent.end)
            if c2 < 0:
                return None
            cs, ce, np = c2 + 1, sent.end, (ve, c2)
        elif re.match(r"\s*[.!?]?\s*$", after) or lemma == "according to" or (
                re.match(r"\s+[^,.;:_]{1,60}[.!?]?\s*$", after) and not _FINITE.search(after)):
            comma = m.rfind(",", sent.start, vs)
            between = m[comma + 1:vs].split() if comma >= 0 else []
            if comma < 0 or len(between) > 6 or len(after.split()) > 6 or (
                    between and between[0].casefold() in ("and", "but", "or", "then", "who",
                                                          "which", "that")):
                return None
            if between and after.strip(" .!?") and not re.match(
                    r"\s+(?:on|in|at|during|after|before|last|this|yesterday|today|tonight|"
                    r"earlier|later|late|to|via|by|[A-Z])", after):
                return None              # "X denied wrongdoing": an object, not a tail
            first = re.match(r"\s*([\w'’-]+)", after)
            if not between and first and not (
                    first.group(1)[0].isupper()
                    or first.group(1).casefold() in _DETERMINERS | _QUANTIFIERS | {
                        "he", "she", "they", "it", "police"} | set(_speaker_nouns())
                    | _ORG_WORDS):
                return None              # ", denied wrongdoing.": no speaker after the verb
            cs, ce = sent.start, comma
            np = (comma + 1, vs) if m[comma + 1:vs].strip() else (ve, sent.end)
        else:
            return None
        # the tail shape ("..., X said.") marks the clause itself; no finite verb needed
        if not self._clausal(m[cs:ce], need_finite=False):
            return None
        cs, ce = self._trim(cs, ce)
        return _Item(cs, ce, "indirect", [(cs, ce)], sent.paragraph, verb=(vs, ve), np=np,
                     attribution="indirect")

    def _clausal(self, content: str, need_finite: bool = True) -> bool:
        words = content.split()
        if len(words) < 3:
            return False
        first = words[0].strip("(")
        low = first.casefold()
        noun_first = (first.isalpha() and low not in _FUNCTION_WORDS
                      and _FINITE.fullmatch(words[1].strip(",")) is not None)
        if not (low in _DETERMINERS or low in {"he", "she", "it", "they", "we", "i", "there",
                                               "one", "nine", "all", "both", "when", "if"}
                or first[:1].isupper() or first[:1].isdigit() or noun_first):
            return False
        return not need_finite or bool(_FINITE.search(" ".join(words[1:40])))

    def _trim(self, s: int, e: int) -> tuple[int, int]:
        while s < e and self.text[s] in " ,;:":
            s += 1
        while e > s and self.text[e - 1] in " ,;:.":
            e -= 1
        return s, e

    # ---------------------------------------------------------------- run
    def run(self) -> list[dict]:
        items = self.quote_items()
        # reported speech may contain a scare quote, but not a quotation of its own
        taken = [(i.start, i.end) for i in items if i.kind != "scare"]
        items += self.indirect_items(taken)
        items.sort(key=lambda i: (i.start, i.end))
        rows = []
        last_speaker: tuple[str, str, str, str] | None = None
        for item in items:
            sent = self.sent_at(item.start)
            pkind = self.pkinds[item.paragraph] if item.paragraph < len(self.pkinds) else "body"
            verb_lemma = verb_text = verb_class = ""
            mention = None
            spk, st, cls = "", "unknown", ""
            if item.verb is not None:
                vs, ve = item.verb
                form = re.sub(r"\s+", " ", self.masked[vs:ve]).casefold()
                verb_lemma, verb_class = _verb_index()[1][form]
                verb_text = self.text[vs:ve]
                if item.np is not None:
                    spk, st, cls, mention = self.np_speaker(item.np[0], item.np[1], vs)
                else:
                    limit = item.open_pos if item.open_pos > vs else self.sent_at(vs).end
                    spk, st, cls, mention = self.subject(vs, ve, limit)
                if cls == "passive":
                    agent = self.agent_after(item.end)
                    if agent is not None:
                        spk, st, cls, mention = agent
                    else:
                        item.attribution = "passive, no agent"
                elif item.kind in ("direct", "mixed") and (
                        not spk and mention is None
                        or mention is not None
                        and self.text[mention[0]:mention[1]].casefold() in _PRONOUNS):
                    named = self.named_after(max(ve, item.end) - 1)
                    if named is not None:
                        spk, st, cls = named
                        item.attribution = "named after"
                vsent = self.sent_at(vs)
                if mention is not None and vsent.start not in self.sentence_subject:
                    for r in self.refs_in(mention[0], mention[1]):
                        if (r.start, r.end) == mention:
                            self.sentence_subject[vsent.start] = r
            elif item.floating and last_speaker is not None:
                spk, st, cls, _ = last_speaker
            if item.kind != "scare" and spk:
                self.history.append((item.start, spk, st, cls, pkind))
            if item.kind in ("direct", "mixed") and (spk or item.verb is not None):
                last_speaker = (spk, st, cls, pkind)
            quote = "\n".join(self.text[s:e] for s, e in item.parts)
            rows.append({
                "quote": quote, "kind": item.kind, "start": item.start, "end": item.end,
                "speaker_mention": self.text[mention[0]:mention[1]] if mention else "",
                "speaker_start": mention[0] if mention else pd.NA,
                "speaker_end": mention[1] if mention else pd.NA,
                "speaker": spk if item.kind != "scare" else "",
                "speaker_type": (st or "unknown") if item.kind != "scare" and spk else
                ("" if item.kind == "scare" else "unknown"),
                "verb": verb_lemma, "verb_text": verb_text, "verb_class": verb_class,
                "paragraph_id": item.paragraph, "parts": list(item.parts),
                "n_words": len(_WORD.findall(quote)), "attribution": item.attribution,
                "_sentence_kind": sent.kind,
            })
        return rows


def _empty_quotes() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype=object) for c in QUOTE_COLUMNS})
    return frame.astype({"start": "int64", "end": "int64", "speaker_start": "Int64",
                         "speaker_end": "Int64", "paragraph_id": "int64", "n_words": "int64"})


def extract_quotes(corpus: pd.DataFrame, actors: str | Path | pd.DataFrame | None = None
                   ) -> pd.DataFrame:
    """One row per quotation: the DESIGN.md columns plus ``verb_class`` (neutral /
    evaluative), ``paragraph_id``, ``parts`` (one (start, end) per paragraph of a
    multi-paragraph quotation), ``n_words`` and ``attribution`` (where the speaker was
    found: before / after the quotation, previous speaker (a floating quotation),
    indirect, named after (a pronoun the next sentence identifies: "The words came from
    X"), passive, no agent ("was slammed as '...'": speaker empty, type unknown)).

    ``start``/``end`` index the clean ``text``; for a one-paragraph quotation
    ``text[start:end] == quote``, for a longer one ``quote`` joins the ``parts`` with
    newlines. ``actors`` (path or table from :func:`analysis.actors.load_actors`) merges
    aliases into canonical names; without it names are merged by their forms ("Mr Falter"
    is the "Gideon Falter" named earlier).

    >>> corpus = pd.DataFrame({"article_id": ["1"], "outlet": ["Example"], "text": [
    ...     '"We will not back down," said Senator Jane Doe. "Never," the senator added.']})
    >>> extract_quotes(corpus)[["quote", "speaker", "verb"]].values.tolist()
    [['We will not back down', 'Jane Doe', 'say'], ['Never', 'Jane Doe', 'add']]
    """
    if not isinstance(corpus, pd.DataFrame):
        raise TypeError("extract_quotes takes a corpus DataFrame (see load_corpus)")
    missing = {"article_id", "text"} - set(corpus.columns)
    if missing:
        raise ValueError(f"corpus lacks column(s) {sorted(missing)}")
    table = None
    if actors is not None:
        table = load_actors(actors) if not isinstance(actors, pd.DataFrame) or \
            not isinstance(actors["aliases"].iloc[0] if len(actors) else [], list) else actors
    rows = []
    outlets = corpus["outlet"] if "outlet" in corpus else ["unknown"] * len(corpus)
    line_kinds = corpus["line_kinds"] if "line_kinds" in corpus else [None] * len(corpus)
    for aid, outlet, text, kinds in zip(corpus["article_id"], outlets, corpus["text"],
                                        line_kinds, strict=True):
        if not isinstance(text, str) or not text.strip():
            continue
        art = _Article(text, kinds if isinstance(kinds, str) else None, table)
        for row in art.run():
            row.pop("_sentence_kind", None)
            rows.append({"article_id": str(aid), "outlet": outlet, **row})
    if not rows:
        return _empty_quotes()
    frame = pd.DataFrame(rows, columns=QUOTE_COLUMNS)
    return frame.astype({"start": "int64", "end": "int64", "speaker_start": "Int64",
                         "speaker_end": "Int64", "paragraph_id": "int64", "n_words": "int64"})


# --------------------------------------------------------------------------- accuracy

_GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "quotes_gold.csv"


def load_gold(path: str | Path | None = None) -> pd.DataFrame:
    """The hand-annotated quotations of the seeds (``tests/data/quotes_gold.csv``):
    article_id, quote, kind, speaker, speaker_type, verb, note.

    >>> sorted(set(load_gold().kind))
    ['direct', 'indirect', 'mixed', 'scare']
    """
    frame = pd.read_csv(path or _GOLD, dtype=str, keep_default_na=False)
    missing = {"article_id", "quote", "kind", "speaker"} - set(frame.columns)
    if missing:
        raise ValueError(f"gold table lacks column(s) {sorted(missing)}")
    return frame


def _tokens(text: str) -> list[str]:
    return [w.casefold().replace("’", "'") for w in _WORD.findall(text or "")]


def token_overlap(a: str, b: str) -> float:
    """Shared words (as a multiset) over the length of the longer text, 0..1.

    >>> token_overlap("the use of the term", "The use of the term openly")
    0.8333333333333334
    """
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    common = sum((Counter(ta) & Counter(tb)).values())
    return float(common) / max(len(ta), len(tb))


def _locate_gold(gold: pd.DataFrame, corpus: pd.DataFrame) -> pd.DataFrame:
    """Offsets of each gold quotation in the clean text; the k-th gold row with the same
    words gets the k-th occurrence. Rows whose words the cleaning removed (an aggregator's
    duplicate headline) get start -1."""
    texts = dict(zip(corpus["article_id"].astype(str), corpus["text"], strict=True))
    starts, ends = [], []
    seen: dict[tuple[str, str], int] = {}
    for aid, quote, kind in zip(gold["article_id"].astype(str), gold["quote"], gold["kind"],
                                strict=True):
        text = texts.get(aid, "")
        first = quote.split("\n")[0]
        last = quote.split("\n")[-1]
        key = (aid, quote)
        pos = -1
        for _ in range(seen.get(key, 0) + 1):
            pos = _find_quoted(text, first, pos + 1, kind != "indirect")
            if pos < 0:
                break
        seen[key] = seen.get(key, 0) + 1
        if pos < 0:
            starts.append(-1)
            ends.append(-1)
            continue
        end = text.find(last, pos) + len(last) if "\n" in quote else pos + len(first)
        starts.append(pos)
        ends.append(end)
    out = gold.copy()
    out["article_id"] = out["article_id"].astype(str)
    out["start"], out["end"] = starts, ends
    return out


def _find_quoted(text: str, words: str, start: int, marked: bool = True) -> int:
    """Offset of ``words`` in ``text`` from ``start``, preferring an occurrence right after
    a quote mark (so the quoted 'walk' is not the walk in 'going for a walk')."""
    pos = start
    while True:
        pos = text.find(words, pos)
        if pos < 0:
            break
        if pos > 0 and text[pos - 1] in MARKS + " " and (
                text[pos - 1] in MARKS or text[pos - 2:pos - 1] in MARKS):
            return pos
        pos += 1
    return -1 if marked else text.find(words, start)


def _speaker_match(pred: str, gold: str) -> bool:
    pred = (pred or "").casefold().strip()
    options = [g.casefold().strip() for g in (gold or "").split(";") if g.strip()]
    if not options:
        return pred == ""
    if pred in options:
        return True
    ptoks = set(_tokens(pred))
    return any(ptoks and set(_tokens(g)) <= ptoks for g in options)


def compare_with_gold(pred: pd.DataFrame, gold: pd.DataFrame, corpus: pd.DataFrame,
                      kinds: Iterable[str] = ("direct", "mixed")) -> pd.DataFrame:
    """Pair extracted and hand-annotated quotations (same article, overlapping spans,
    token overlap >= 0.5, one to one, best overlap first). One row per gold quotation and
    per unmatched extracted one: ``status`` is hit, miss (gold not found) or extra (found,
    not in gold).

    >>> from analysis import load_corpus
    >>> corpus = load_corpus("seeds")
    >>> table = compare_with_gold(extract_quotes(corpus, "seeds/actors.csv"), load_gold(),
    ...                           corpus)
    >>> set(table.status) <= {"hit", "miss", "extra"}
    True
    """
    kinds = set(kinds)
    g = _locate_gold(gold, corpus)
    g = g[g["kind"].isin(kinds) & (g["start"] >= 0)].reset_index(drop=True)
    p = pred[pred["kind"].isin(kinds)].reset_index(drop=True)
    pairs = []
    by_article: dict[object, list[tuple[int, int, int, str]]] = {}
    for pi, (aid, ps, pe, pq) in enumerate(zip(p["article_id"], p["start"], p["end"],
                                               p["quote"], strict=True)):
        by_article.setdefault(aid, []).append((pi, ps, pe, pq))
    for gi, (aid, gs, ge, gq) in enumerate(zip(g["article_id"], g["start"], g["end"],
                                               g["quote"], strict=True)):
        for pi, ps, pe, pq in by_article.get(aid, []):
            if ps >= ge or gs >= pe:
                continue
            score = token_overlap(pq, gq)
            if score >= 0.5:
                pairs.append((score, gi, pi))
    used_g: dict[int, tuple[int, float]] = {}
    used_p: set[int] = set()
    for score, gi, pi in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if gi in used_g or pi in used_p:
            continue
        used_g[gi] = (pi, score)
        used_p.add(pi)
    rows = []
    for gi, grow in g.iterrows():
        hit = used_g.get(gi)
        prow = p.loc[hit[0]] if hit else None
        rows.append({
            "status": "hit" if hit else "miss", "article_id": grow["article_id"],
            "gold_quote": grow["quote"], "gold_kind": grow["kind"],
            "gold_speaker": grow["speaker"], "quote": prow["quote"] if hit else "",
            "kind": prow["kind"] if hit else "", "speaker": prow["speaker"] if hit else "",
            "overlap": hit[1] if hit else 0.0,
            "speaker_ok": _speaker_match(prow["speaker"], grow["speaker"]) if hit else False,
        })
    for pi, prow in p.iterrows():
        if pi not in used_p:
            rows.append({"status": "extra", "article_id": prow["article_id"], "gold_quote": "",
                         "gold_kind": "", "gold_speaker": "", "quote": prow["quote"],
                         "kind": prow["kind"], "speaker": prow["speaker"], "overlap": 0.0,
                         "speaker_ok": False})
    return pd.DataFrame(rows, columns=["status", "article_id", "gold_quote", "gold_kind",
                                       "gold_speaker", "quote", "kind", "speaker", "overlap",
                                       "speaker_ok"])


def evaluate_quotes(pred: pd.DataFrame, gold: pd.DataFrame, corpus: pd.DataFrame,
                    kinds: Iterable[str] = ("direct", "mixed")) -> dict[str, float]:
    """Precision, recall and F1 of the extracted quotations of ``kinds`` against the gold
    (a match: same article, overlapping span, token overlap >= 0.5), and speaker accuracy
    on the matched ones. NaN where there is nothing to measure.

    >>> from analysis import load_corpus
    >>> corpus = load_corpus("seeds")
    >>> scores = evaluate_quotes(extract_quotes(corpus, "seeds/actors.csv"), load_gold(),
    ...                          corpus)
    >>> scores["precision"] >= 0.9 and scores["recall"] >= 0.9
    True
    """
    table = compare_with_gold(pred, gold, corpus, kinds)
    hits = int((table["status"] == "hit").sum())
    n_gold = int(table["status"].isin(["hit", "miss"]).sum())
    n_pred = int(table["status"].isin(["hit", "extra"]).sum())
    nan = float("nan")
    precision = hits / n_pred if n_pred else nan
    recall = hits / n_gold if n_gold else nan
    f1 = (2 * precision * recall / (precision + recall)
          if n_pred and n_gold and precision + recall else nan)
    matched = table[table["status"] == "hit"]
    return {
        "precision": precision, "recall": recall, "f1": f1,
        "speaker_accuracy": float(matched["speaker_ok"].mean()) if len(matched) else nan,
        "kind_accuracy": float((matched["kind"] == matched["gold_kind"]).mean())
        if len(matched) else nan,
        "n_gold": n_gold, "n_extracted": n_pred, "n_matched": hits,
    }


# --------------------------------------------------------------------------- who speaks

def sources_table(quotes: pd.DataFrame, by: str = "speaker",
                  kinds: Iterable[str] = ("direct", "mixed", "indirect")) -> pd.DataFrame:
    """Who speaks in each outlet: per outlet and ``by`` (``speaker`` or ``speaker_type``),
    ``quotations`` (of ``kinds``), ``direct``/``mixed``/``indirect`` counts,
    ``words_quoted`` (words inside quote marks: direct and mixed), ``share_of_voice``
    (that speaker's share of the outlet's quoted words) and ``share_of_quotations``.
    Unattributed quotations show as "(unattributed)"; scare quotes are not speech.

    >>> q = pd.DataFrame({"outlet": ["A", "A", "A"], "speaker": ["X", "Y", "X"],
    ...     "speaker_type": ["police", "campaign group", "police"],
    ...     "kind": ["direct", "direct", "indirect"], "n_words": [6, 2, 9]})
    >>> table = sources_table(q)
    >>> table[["speaker", "quotations", "words_quoted", "share_of_voice"]].values.tolist()
    [['X', 2, 6, 0.75], ['Y', 1, 2, 0.25]]
    """
    if by not in ("speaker", "speaker_type"):
        raise ValueError("by must be 'speaker' or 'speaker_type'")
    columns = ["outlet", by, "quotations", "direct", "mixed", "indirect", "words_quoted",
               "share_of_voice", "share_of_quotations"]
    if by == "speaker":
        columns.insert(2, "speaker_type")
    q = quotes[quotes["kind"].isin(set(kinds))].copy()
    if q.empty:
        return pd.DataFrame(columns=columns)
    q["speaker"] = q["speaker"].replace("", "(unattributed)").fillna("(unattributed)")
    q["speaker_type"] = q["speaker_type"].replace("", "unknown").fillna("unknown")
    q["words"] = q["n_words"].where(q["kind"].isin(["direct", "mixed"]), 0)
    keys = ["outlet", by]
    table = q.groupby(keys, sort=True).agg(
        quotations=("kind", "size"),
        direct=("kind", lambda k: int((k == "direct").sum())),
        mixed=("kind", lambda k: int((k == "mixed").sum())),
        indirect=("kind", lambda k: int((k == "indirect").sum())),
        words_quoted=("words", "sum")).reset_index()
    if by == "speaker":
        types = q.groupby(keys)["speaker_type"].agg(lambda t: t.mode().iloc[0]).reset_index()
        table = table.merge(types, on=keys)
    out_words = table.groupby("outlet")["words_quoted"].transform("sum")
    out_quotes = table.groupby("outlet")["quotations"].transform("sum")
    table["share_of_voice"] = (table["words_quoted"] / out_words.where(out_words > 0)).round(4)
    table["share_of_quotations"] = (table["quotations"] / out_quotes).round(4)
    table = table.astype({"quotations": "int64", "words_quoted": "int64"})
    table = table.sort_values(["outlet", "words_quoted", "quotations", by],
                              ascending=[True, False, False, True]).reset_index(drop=True)
    return table[columns]


def verb_profile(quotes: pd.DataFrame, summary: bool = False) -> pd.DataFrame:
    """The speech verbs each outlet uses to attribute quotations (scare quotes aside):
    per outlet and verb, ``verb_class`` (neutral / evaluative, from
    ``data/speech_verbs.csv``), ``n``, ``share`` of the outlet's attributed quotations and
    an ``example`` ("speaker verb_text: 'quote'", or "speaker verb_text reported clause"
    for indirect speech). With ``summary=True``: per outlet,
    ``attributed``, ``evaluative`` and ``share_evaluative``.

    >>> q = pd.DataFrame({"outlet": ["A", "A"], "kind": ["direct", "mixed"],
    ...     "verb": ["say", "claim"], "verb_class": ["neutral", "evaluative"],
    ...     "verb_text": ["said", "claimed"], "speaker": ["X", "Y"], "quote": ["a", "b"]})
    >>> verb_profile(q, summary=True)[["outlet", "share_evaluative"]].values.tolist()
    [['A', 0.5]]
    """
    q = quotes[(quotes["kind"] != "scare") & (quotes["verb"].fillna("") != "")].copy()
    if summary:
        cols = ["outlet", "attributed", "evaluative", "share_evaluative"]
        if q.empty:
            return pd.DataFrame(columns=cols)
        s = q.groupby("outlet").agg(attributed=("verb", "size"),
                                    evaluative=("verb_class",
                                                lambda c: int((c == "evaluative").sum())))
        s["share_evaluative"] = (s["evaluative"] / s["attributed"]).round(4)
        return s.reset_index()[cols]
    cols = ["outlet", "verb", "verb_class", "n", "share", "example"]
    if q.empty:
        return pd.DataFrame(columns=cols)
    q["example"] = [f"{sp or 'someone'} {vt} {_short(qt)}" if kind == "indirect" else
                    f"{sp or 'someone'} {vt}: '{_short(qt)}'" for sp, vt, qt, kind in
                    zip(q["speaker"], q["verb_text"], q["quote"], q["kind"], strict=True)]
    table = q.groupby(["outlet", "verb", "verb_class"]).agg(
        n=("kind", "size"), example=("example", "first")).reset_index()
    table["share"] = (table["n"] / table.groupby("outlet")["n"].transform("sum")).round(4)
    table = table.sort_values(["outlet", "n", "verb"], ascending=[True, False, True])
    return table.reset_index(drop=True)[cols]


def _short(text: str, words: int = 12) -> str:
    parts = str(text).split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


# --------------------------------------------------------------------------- travel

def _word_diff(quote: str, reference: str) -> tuple[bool, str]:
    """(verbatim, diff): whether ``quote``'s words appear in order, unchanged, inside
    ``reference`` (or the reverse), and a word-level diff over the stretch they share:
    ``-[words of the reference] +[words of this quotation instead]``.

    >>> _word_diff("they should know it", "we all knew that they must know it now")
    (False, '-[must] +[should]')
    """
    a, b = _tokens(quote), _tokens(reference)
    if not a or not b:
        return False, ""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)
    if any(long_[i:i + n] == short for i in range(len(long_) - n + 1)):
        return True, ""
    matcher = difflib.SequenceMatcher(a=long_, b=short, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks:
        pairs = [(" ".join(long_), " ".join(short))]
    else:
        lo_l, hi_l = blocks[0].a, blocks[-1].a + blocks[-1].size
        lo_s, hi_s = blocks[0].b, blocks[-1].b + blocks[-1].size
        # words of the short version before/after the shared stretch replace as many
        lo_l, lo_s = max(0, lo_l - lo_s), 0
        hi_l, hi_s = min(len(long_), hi_l + (len(short) - hi_s)), len(short)
        ops = difflib.SequenceMatcher(a=long_[lo_l:hi_l], b=short[lo_s:hi_s],
                                      autojunk=False).get_opcodes()
        pairs = [(" ".join(long_[lo_l + i1:lo_l + i2]), " ".join(short[lo_s + j1:lo_s + j2]))
                 for tag, i1, i2, j1, j2 in ops if tag != "equal"]
    out = []
    for in_long, in_short in pairs:
        old, new = (in_long, in_short) if short is a else (in_short, in_long)
        out.append(" ".join(x for x in (f"-[{old}]" if old else "", f"+[{new}]" if new else "")
                            if x))
    return False, "; ".join(out)


def _contains(a: str, b: str) -> bool:
    """One normalised quotation of 4+ words appears word for word inside the other."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short.split()) >= 4 and f" {short} " in f" {long_} "


def _segments(quote: str) -> list[str]:
    """A quotation's sentences (4+ words), normalised, for matching; else the whole."""
    parts = [" ".join(_tokens(x)) for x in re.split(r"(?<=[.!?…])\s+|\n", quote)]
    parts = [x for x in parts if len(x.split()) >= 4]
    return parts or [" ".join(_tokens(quote))]


#: Past this many quotations (direct and mixed, of ``min_words`` or more) match_quotes
#: compares only the candidate pairs of a blocking index instead of every pair.
BLOCK_ABOVE = 2000


def _shingle_keys(norm: str) -> set[str]:
    """Word bigrams of a normalised quotation (its one word when it has only one)."""
    words = norm.split()
    if len(words) < 2:
        return set(words)
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False)}


def _blocked_pairs(norm: list[str], max_df: int = 50, min_probes: int = 3
                   ) -> list[tuple[int, int]]:
    """Candidate pairs (i < j) for :func:`match_quotes`, from an inverted index of word
    bigrams: each quotation looks up its rare bigrams (held by at most ``max_df``
    quotations) and, whatever their frequency, its ``min_probes`` rarest ones, and pairs
    with every quotation that holds one of them. A quotation inside another shares all of
    its bigrams; two versions with a few words edited keep most of theirs, so both stay
    candidates, while the lookups cost at most ``max_df`` per bigram for all but the
    rarest few (so the work grows with the corpus, not its square).

    >>> _blocked_pairs(["we will not back down now", "we will not back down",
    ...                 "the weather was lovely all week"])
    [(0, 1)]
    """
    keys = [_shingle_keys(t) for t in norm]
    postings: dict[str, list[int]] = {}
    for i, ks in enumerate(keys):
        for k in ks:
            postings.setdefault(k, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for i, ks in enumerate(keys):
        ranked = sorted(ks, key=lambda k: (len(postings[k]), k))
        probes = ranked[:min_probes] + [k for k in ranked[min_probes:]
                                        if len(postings[k]) <= max_df]
        for k in probes:
            for j in postings[k]:
                if j != i:
                    pairs.add((i, j) if i < j else (j, i))
    return sorted(pairs)


def match_quotes(quotes: pd.DataFrame, threshold: float = 85.0, min_words: int = 4, *,
                 block_above: int = BLOCK_ABOVE, blocking: bool | None = None
                 ) -> pd.DataFrame:
    """The same quotation across articles, by fuzzy matching with rapidfuzz: two
    quotations match when one of their sentences does (``fuzz.ratio`` >= ``threshold``,
    0..100, or ``fuzz.partial_ratio`` for sentences of 6+ words, so a partial quotation,
    small edits and translation damage still match). One row per direct or mixed quotation of
    at least
    ``min_words`` words: ``cluster``, ``outlets`` and ``articles`` carrying it,
    ``n_articles``, ``status`` ("not found in any other outlet" / "verbatim" /
    "altered", against the longest version in another article), ``diff`` (word level:
    -[removed] +[added]), ``same_speaker`` (every article names the same speaker).

    Up to ``block_above`` quotations every pair is compared; past it (or with
    ``blocking=True``) only the candidate pairs of an inverted index of word bigrams
    (:func:`_blocked_pairs`): quotations that share no rare bigram are not compared, so
    the cost grows about linearly. On the seeds and on generated sets with planted edited
    copies both paths give the same clusters (tests/test_attribution.py).

    >>> q = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"],
    ...     "kind": ["direct", "direct"], "speaker": ["X", "X"], "n_words": [8, 8],
    ...     "quote": ["we must earn the trust of the people",
    ...               "we must win the trust of the people"]})
    >>> match_quotes(q)[["status", "diff"]].values.tolist()
    [['altered', '-[win] +[earn]'], ['altered', '-[earn] +[win]']]
    >>> match_quotes(q, blocking=True).equals(match_quotes(q))
    True
    """
    from rapidfuzz import fuzz

    cols = ["article_id", "outlet", "quote", "speaker", "cluster", "n_articles", "articles",
            "outlets", "status", "diff", "same_speaker", "score"]
    q = quotes[quotes["kind"].isin(["direct", "mixed"]) & (quotes["n_words"] >= min_words)]
    q = q.reset_index(drop=True)
    if q.empty:
        return pd.DataFrame(columns=cols)
    n = len(q)
    article = [str(a) for a in q["article_id"]]
    norm = [" ".join(_tokens(t)) for t in q["quote"]]
    segments = [[(s, len(s), len(s.split())) for s in _segments(t)] for t in q["quote"]]
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def score_of(i: int, j: int) -> float:
        score = 100.0 if _contains(norm[i], norm[j]) else 0.0
        for a, la, wa in segments[i]:
            for b, lb, wb in segments[j]:
                pair = fuzz.ratio(a, b)
                if min(wa, wb) >= 6 and min(la, lb) >= 30:
                    pair = max(pair, fuzz.partial_ratio(a, b))
                score = max(score, pair)
        return score

    if blocking is None:
        blocking = n > block_above
    pairs = _blocked_pairs(norm) if blocking else \
        ((i, j) for i in range(n) for j in range(i + 1, n))
    best = [0.0] * n
    for i, j in pairs:
        score = score_of(i, j)
        if score >= threshold:
            parent[find(i)] = find(j)
            if article[i] != article[j]:
                best[i] = max(best[i], score)
                best[j] = max(best[j], score)
    roots = [find(i) for i in range(n)]
    order = {r: k for k, r in enumerate(dict.fromkeys(roots))}
    members_of: dict[int, list[int]] = {}
    for i, r in enumerate(roots):
        members_of.setdefault(r, []).append(i)
    outlet = [str(o) for o in q["outlet"]]
    quote = list(q["quote"])
    speaker = list(q["speaker"])
    rows = []
    for i in range(n):
        members = members_of[roots[i]]
        articles = sorted({article[j] for j in members})
        outlets = sorted({outlet[j] for j in members})
        others = [j for j in members if article[j] != article[i]]
        if not others:
            status, diff = "not found in any other outlet", ""
        else:
            ref = max(others, key=lambda j: (len(norm[j]), -j))
            verbatim, diff = _word_diff(quote[i], quote[ref])
            status = "verbatim" if verbatim else "altered"
        speakers = {speaker[j] for j in members}
        rows.append({
            "article_id": q.at[i, "article_id"], "outlet": q.at[i, "outlet"],
            "quote": quote[i], "speaker": speaker[i],
            "cluster": order[roots[i]], "n_articles": len(articles),
            "articles": ", ".join(articles), "outlets": ", ".join(outlets), "status": status,
            "diff": diff, "same_speaker": len(speakers) == 1, "score": round(best[i], 1),
        })
    return pd.DataFrame(rows, columns=cols)
