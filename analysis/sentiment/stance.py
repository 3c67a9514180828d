"""Stance and clause rules: the clause around a mention and the role cues aimed at it.

The rules read evaluative verbs by role ("X was accused", "Y accused X" are negative toward
X; "X accused Y" and "X called for Y's resignation" are not) using
``data/evaluative_verbs.csv`` and ``data/actor_cues.csv``, and VADER over the rest of the
clause with evaluative words aimed elsewhere masked. An organisation named only in another
person's title ("Ann Lee, chief executive of X") is neutral: the sentence is about her.

>>> mention_stance("Mr Falter was praised by the mayor.", (0, 9))["stance"]
0.5
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources

import numpy as np
import pandas as pd

from analysis.sentiment.negation import _negate, _since_comma, negated
from analysis.sentiment.scores import score_text

#: Stance given to a mention when a role cue fires (sign from the cue); on VADER's scale.
CUE_WEIGHT = 0.5



@lru_cache(maxsize=1)
def _verb_table() -> tuple[tuple[re.Pattern[str], int], ...]:
    path = resources.files("analysis") / "data" / "evaluative_verbs.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    return tuple((re.compile(rf"\b(?:{r['forms']})\b", re.I), int(r["polarity"])) for r in rows)


@lru_cache(maxsize=1)
def _cue_table() -> tuple[tuple[str, int], ...]:
    path = resources.files("analysis") / "data" / "actor_cues.csv"
    with path.open(encoding="utf-8") as handle:
        return tuple((r["pattern"], int(r["polarity"])) for r in csv.DictReader(handle))


@lru_cache(maxsize=1)
def _cue_words() -> re.Pattern[str]:
    """Nouns and adjectives the phrase cues rely on, masked when not aimed at the target."""
    words = (r"resignation|sacking|removal|dismissal|resign|confidence|trust|faith|criticism|"
             r"condemnation|outcry|anger|fury|backlash|pressure|support|praise|backing|"
             r"under-fire|embattled|beleaguered|disgraced|scandal-hit|besieged|justice")
    return re.compile(rf"\b(?:{words})\b", re.I)


@lru_cache(maxsize=1)
def _news_neutral() -> re.Pattern[str]:
    """Words VADER rates that name ordinary acts in news (``data/vader_news_neutral.csv``)."""
    path = resources.files("analysis") / "data" / "vader_news_neutral.csv"
    with path.open(encoding="utf-8") as handle:
        words = [r["word"] for r in csv.DictReader(handle)]
    return re.compile(rf"\b(?:{'|'.join(map(re.escape, words))})\b", re.I)



_TARGET = "TARGETX"
_AUX = r"(?:was|were|is|are|be|been|being|has been|have been|had been|got|get|gets)"
# The end of a stretch that makes the next verb passive: "was", "wasn't", "was not yet",
# "has never been", "was strongly".
_AUX_TAIL = (rf"{_AUX}(?:n['’]t)?\s+(?:(?:not|never|yet|also|even|already|\w+ly)\s+){{0,2}}$")
# Clause openers: a new clause starts at these words (general English clause structure).
_OPENERS = (r"but|however|although|though|while|whilst|whereas|after|before|because|since|"
            r"despite|amid|unless|which|who|whom|whose|where|saying|following|as(?! well\b"
            r"| a\b| an\b| the\b| being\b| part\b| of\b| to\b)")
_SPLIT = re.compile(rf"\s*[;:()\[\]—–]\s*|\s+-\s+|,?\s+(?=\b(?:{_OPENERS})\b)", re.I)
_SUBORDINATE = re.compile(
    r"^(?:although|though|while|whilst|whereas|after|before|because|since|despite|as|"
    r"unless|if|when)\b", re.I)
_WORDS = re.compile(r"[^\W_]+")
_QUOTE_MARK = re.compile(r"[\"“”«»]|(?<![^\W_])['‘’]|['‘’](?![^\W_])")
# A relative clause that describes the word before it: "X, who accused Y ...".
_WHO = re.compile(r"\s*,?\s*who\b", re.I)
# A call for someone's removal after the target makes the target its agent ("X called for
# Y's resignation", "X is urging Y to step down"); "calls from X for Y to resign" too.
_REMOVAL = (r"(?:resign|resignation|step\s+down|stand\s+down|quit|sacking|removal|dismissal|"
            r"ouster|impeachment)")
_CALL = re.compile(rf"\b(?:call(?:s|ed|ing)?|urg(?:e|es|ed|ing)|demand(?:s|ed|ing)?)\b"
                   rf"(?:\s+[\w'’#]+){{0,5}}?\s+{_REMOVAL}\b", re.I)
_CALL_FROM = re.compile(rf"\bcalls?\s+(?:from|by)\s+(?:[\w'’#]+\s+){{0,4}}?{_TARGET}\s+"
                        rf"(?P<call>(?:for|to)\b(?:\s+[\w'’#]+){{0,5}}?\s+{_REMOVAL}\b)", re.I)
# Job titles: an organisation named in another person's title is that person's affiliation.
_TITLES = (r"(?i:(?:(?:assistant|deputy|vice|former|acting|interim|senior|chief)\s+)?"
           r"(?:chief executive|executive|president|chair|chairman|chairwoman|head|director|"
           r"leader|founder|spokes(?:man|woman|person)|member|secretary|officer|commissioner|"
           r"boss|official|adviser|advisor|aide|lawyer|attorney|ceo|editor|manager|chief))")
# Words that may come between an organisation and a title ("the Trump campaign chairman").
_TITLE_MODIFIERS = (r"(?i:campaign|press|communications|policy|political|legal|personal|"
                    r"longtime|top|national|general)")
# Another actor's name (masked "#") or, for a person the actor table does not list, two or
# more capitalised words.
_NAME = r"(?:#+|[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+)"
_AFFILIATION = re.compile(
    rf"{_NAME}\s*,\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+)?{_TITLES}\s+(?:of|for|at)\s+"
    rf"(?:the\s+)?{_TARGET}|{_TARGET}(?:['’]s)?\s+(?:{_TITLE_MODIFIERS}\s+)?"
    rf"{_TITLES}\s*,?\s+{_NAME}")
_PRONOUNS = {"i", "we", "you", "he", "she", "it", "they", "my", "our", "your", "his", "her",
             "its", "their", "me", "us", "him", "them"}


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of the clauses of a sentence, a subordinate opener split at its comma."""
    bounds, pos = [], 0
    for m in _SPLIT.finditer(text):
        if m.start() > pos:
            bounds.append((pos, m.start()))
        pos = max(pos, m.end())
    if pos < len(text):
        bounds.append((pos, len(text)))
    out = []
    for s, e in bounds:
        piece = text[s:e]
        comma = piece.find(",")
        if _SUBORDINATE.match(piece) and comma > 0:
            out.extend([(s, s + comma), (s + comma + 1, e)])
        else:
            out.append((s, e))
    return [(s, e) for s, e in out if text[s:e].strip()]


def _clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The clause holding [start, end), widened to a neighbour while it is too short to say
    anything (fewer than three words besides the mention)."""
    clauses = _clauses(text)
    idx = next((i for i, (s, e) in enumerate(clauses) if s <= start < e), None)
    if idx is None:
        return 0, len(text)
    lo = hi = idx

    def extra(a: int, b: int) -> int:
        return len(_WORDS.findall(text[a:b])) - len(_WORDS.findall(text[start:end]))

    while extra(clauses[lo][0], clauses[hi][1]) < 3 and (hi + 1 < len(clauses) or lo > 0):
        if hi + 1 < len(clauses):
            hi += 1
        else:
            lo -= 1
    return clauses[lo][0], clauses[hi][1]


def _mask(text: str, spans: Iterable[tuple[int, int]], fill: str = " ") -> str:
    chars = list(text)
    for s, e in spans:
        for i in range(max(0, s), min(len(chars), e)):
            if chars[i] != "\n":
                chars[i] = fill
    return "".join(chars)


def mention_stance(
    sentence: str,
    mention: tuple[int, int],
    own_quotes: Sequence[tuple[int, int]] = (),
    other_mentions: Sequence[tuple[int, int]] = (),
    negation: bool = True,
) -> dict[str, object]:
    """The stance a sentence takes toward one mentioned actor, on VADER's -1..1 scale.

    ``mention`` is the (start, end) of the actor's name in ``sentence``; ``own_quotes`` are
    (start, end) spans of the sentence that quote the actor itself (left out: an actor's own
    words are not sentiment toward it); ``other_mentions`` are spans of other actors' names
    (masked: "Community Security Trust" is a name, not praise). Steps: keep the clause
    around the mention; find role cues aimed at the mention (passive "X was accused",
    object "accused X", "calls for X's resignation", "confidence in X", "under-fire X" ...):
    if any fire, the stance is ``CUE_WEIGHT`` times their mean sign; otherwise it is VADER's
    compound for the clause with evaluative words aimed elsewhere masked ("X accused Y" says
    nothing good or bad about X). A "who" clause right after the mention is read with its
    clause ("X, who was criticised", "X, who accused Y"). When no cue fires and the mention
    only names another person's affiliation ("Ann Lee, chief executive of X", "X spokesman
    Ann Lee"), the stance is 0 with ``cue`` "affiliation ...". With ``negation`` (default), a
    cue with a negator before it
    in the clause, after any comma (:func:`negated`: "X was not criticised", "did not call
    for X to resign", "refused to back X") counts as neutral when it blames and as negative
    when it supports ("no confidence in X"). Returns ``stance``, ``clause``, ``cue`` (the
    cue that fired, prefixed "not: " when negated, or "") and ``agent`` (True when no cue
    fired and the target is the agent of an evaluative verb after it, "X accused Y", or of a
    call for someone's removal, "X called for Y to resign"), with ``agent_span``, the
    (start, end) in ``sentence`` from that verb to the clause's end.

    >>> s = "The CAA accused the force of victim blaming."
    >>> mention_stance(s, (20, 29))["stance"], mention_stance(s, (4, 7))["stance"]
    (-0.5, 0.0)
    >>> mention_stance("Mr Falter was praised by the mayor.", (0, 9))["cue"]
    'passive praised'
    >>> mention_stance("Mr Falter was not criticised by the mayor.", (0, 9))["cue"]
    'not: passive criticised'
    >>> mention_stance("The union called for Ann Lee to resign.", (4, 9))["agent"]
    True
    >>> mention_stance("Bob Day, who was criticised by the union, left.", (0, 7))["cue"]
    'passive criticised'
    >>> mention_stance("It was awful, said Ann Lee, head of the Acme Trust.", (36, 50))["cue"]
    'affiliation ann lee, head of x'
    """
    m_start, m_end = mention
    # "#" (not a space) so that a phrase cue cannot read across a masked stretch.
    masked = _mask(sentence, [q for q in own_quotes if not (q[0] <= m_start < q[1])]
                   + [o for o in other_mentions if o[1] <= m_start or o[0] >= m_end], "#")
    c_start, c_end = _clause_around(masked, m_start, m_end)
    if not masked[m_end:c_end].strip(" ,#") and _WHO.match(masked[c_end:]):
        # The target ends its clause and a "who" clause describes it: read that clause too
        # ("X, who was criticised ..." is a passive cue; "X, who accused Y" makes X the agent).
        c_end = next((b for a, b in _clauses(masked) if a >= c_end), c_end)
    clause = masked[c_start:c_end]
    rel_s, rel_e = m_start - c_start, m_end - c_start
    # Quotation marks (not apostrophes) become spaces so cues read across them.
    plain = _QUOTE_MARK.sub(" ", clause)
    marked = plain[:rel_s] + _TARGET + plain[rel_e:]
    hits: list[tuple[int, str]] = []
    for verbs, polarity in _verb_table():
        for vm in verbs.finditer(marked):
            before = marked[:vm.start()]
            after = marked[vm.end():]
            passive = re.search(rf"{_TARGET}(?:\W+\w+){{0,3}}?\W+{_AUX_TAIL}", before, re.I)
            obj = re.match(rf"\W+(?:[\w'’]+\W+){{0,3}}?{_TARGET}", after)
            if passive and not re.match(r"\s+to\b", after):
                role = f"passive {vm.group(0).lower()}"
            elif obj and not re.search(_AUX_TAIL, before, re.I):
                role = f"object of {vm.group(0).lower()}"
            else:
                continue
            # A negator earlier in the clause: "X was not criticised", "did not accuse X".
            if negation and negated(_since_comma(before)):
                hits.append((_negate(polarity), "not: " + role))
            else:
                hits.append((polarity, role))
    for pattern, polarity in _cue_table():
        rx = re.compile(pattern.replace("{T}", _TARGET), re.I)
        cm = rx.search(marked)
        if cm:
            role = "phrase " + cm.group(0).replace(_TARGET, "X").lower()
            # Up to the cue's end: "did not call for X to resign", "X faces no criticism".
            if negation and negated(_since_comma(marked[:cm.end()].replace(_TARGET, " "))):
                hits.append((_negate(polarity), "not: " + role))
            else:
                hits.append((polarity, role))
    if hits:
        stance = CUE_WEIGHT * float(np.mean([p for p, _ in hits]))
        return {"stance": stance, "clause": sentence[c_start:c_end].strip(), "cue": hits[0][1],
                "agent": False, "agent_span": None}
    if sentence[m_start:m_end].strip().lower() not in _PRONOUNS:
        whole = _QUOTE_MARK.sub(" ", masked)
        am = _AFFILIATION.search(whole[:m_start] + _TARGET + whole[m_end:])
        if am:
            # "Ann Lee, chief executive of X, said ...": X only names where Ann Lee works;
            # what the sentence says is about her.
            return {"stance": 0.0, "clause": sentence[c_start:c_end].strip(),
                    "cue": "affiliation " + am.group(0).replace(_TARGET, "X").lower(),
                    "agent": False, "agent_span": None}
    # No cue aimed at the target: mask evaluative words (aimed elsewhere) and read the rest.
    rest = marked
    # An evaluative verb after the target with the target as its agent ("X accused Y of Z"),
    # or a call for someone's removal ("X called for Y's resignation"): the verb and what
    # follows it in the clause are about Y, not X.
    t_at = rest.find(_TARGET)
    verbs_found = [vm for verbs, _ in _verb_table() for vm in verbs.finditer(rest)]
    after = [vm.start() for vm in verbs_found if vm.start() > t_at >= 0]
    calls = [cm.start() for cm in _CALL.finditer(rest) if cm.start() > t_at >= 0]
    from_call = _CALL_FROM.search(rest)
    if from_call:
        calls.append(from_call.start("call"))
    after += calls
    agent = bool(after)
    # In the sentence's offsets: from the first such verb to the end of the clause.
    shift = (rel_e - rel_s) - len(_TARGET)
    agent_span = (c_start + min(after) + shift, c_end) if after else None
    masks = [(vm.start(), len(rest)) if vm.start() > t_at >= 0 else vm.span()
             for vm in verbs_found]
    masks += [(at, len(rest)) for at in calls]
    masks += [wm.span() for wm in _cue_words().finditer(rest)]
    masks += [wm.span() for wm in _news_neutral().finditer(rest)]
    rest = _mask(rest, masks).replace(_TARGET, " ").replace("#", " ")
    compound = score_text(rest)["compound"]
    stance = 0.0 if pd.isna(compound) else float(compound)
    return {"stance": stance, "clause": sentence[c_start:c_end].strip(), "cue": "",
            "agent": agent, "agent_span": agent_span}


