"""The resolver: pronouns (he, she, it, they) linked to the actor named just before.

>>> actor_kind("protesters")
('group', '')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources

import pandas as pd

from analysis.actors import find_mentions, load_actors  # noqa: F401 (doctest)

_TITLE_MALE = re.compile(r"^(?:Mr|Sir|Lord)\b")
_TITLE_FEMALE = re.compile(r"^(?:Mrs|Ms|Miss|Dame|Lady)\b")
_TITLE_ANY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|Dr)\b")
# A subject pronoun: at the start of the sentence, after a clause break or a conjunction.
_PRONOUN = re.compile(
    r"(?:^|[,;:—–]\s+|\b(?:and|but|that|as|because|after|when|while|although|though|since|"
    r"if|so)\s+)(he|she|it|they)\b", re.I)
# "It is thought", "It comes as": the empty "it" of English, not an organisation.
_EXPLETIVE_IT = re.compile(
    r"\s+(?:is|was|isn['’]t|wasn['’]t|['’]s|has been|had been|will be|would be|may be|might be|"
    r"could be|seems|seemed|appears|appeared|comes|came|emerged|remains|remained|follows|"
    r"followed|means|meant|takes|took|looks|looked)\b", re.I)


@lru_cache(maxsize=1)
def _organisation_words() -> frozenset[str]:
    path = resources.files("analysis") / "data" / "organisation_words.csv"
    with path.open(encoding="utf-8") as handle:
        return frozenset(r["word"].casefold() for r in csv.DictReader(handle))


def actor_kind(actor: str, aliases: Sequence[str] = ()) -> tuple[str, str]:
    """(kind, gender) of an actor from its name and aliases, for linking pronouns.

    kind: "group" when the canonical name is lower case ("protesters"); "person" when an
    alias starts with a title (Mr, Mrs, Ms, Miss, Sir, Dame, Lord, Lady, Dr) or the name is
    two to four capitalised words with no organisation word (``data/organisation_words.csv``:
    police, trust, forum, board …); else "organisation". gender: "m" (Mr, Sir, Lord), "f"
    (Mrs, Ms, Miss, Dame, Lady) or "" when no title says.

    >>> actor_kind("Gideon Falter", ["Mr Falter"]), actor_kind("Matt Twist")
    (('person', 'm'), ('person', ''))
    >>> actor_kind("Metropolitan Police", ["the Met"]), actor_kind("protesters")
    (('organisation', ''), ('group', ''))
    """
    names = [actor, *aliases]
    gender = ("m" if any(_TITLE_MALE.match(a) for a in names)
              else "f" if any(_TITLE_FEMALE.match(a) for a in names) else "")
    if actor == actor.lower():
        return "group", ""
    if any(_TITLE_ANY.match(a) for a in names):
        return "person", gender
    words = [w for w in actor.split() if w.lower() not in {"van", "von", "der", "de", "da"}]
    if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
            w.casefold() in _organisation_words() for w in words):
        return "person", gender
    return "organisation", ""


def _compatible(pronoun: str, kind: tuple[str, str]) -> bool:
    what, gender = kind
    if pronoun in ("he", "she"):
        return what == "person" and gender in ("", "m" if pronoun == "he" else "f")
    if pronoun == "it":
        return what == "organisation"
    return what in ("organisation", "group")


def pronoun_links(
    text: str,
    sentence_bounds: Sequence[tuple[int, int]],
    mentions: Sequence[tuple[int, int, str]],
    actors: pd.DataFrame,
    quoted: Sequence[tuple[int, int]] = (),
    look_back: int = 2,
) -> list[tuple[int, int, str]]:
    """Subject pronouns (he, she, it, they) linked to an actor where that is unambiguous.

    A pronoun at the start of a sentence or clause, outside quotations (``quoted`` spans)
    and not the empty "it" of "it is thought", links to the actor named in the nearest of
    the ``look_back`` previous sentences that names any compatible actor — he/she a person
    (of matching title, when the title says), it an organisation, they an organisation or
    group (:func:`actor_kind`) — when that sentence names exactly one compatible actor
    (a pronoun linked earlier counts as naming its actor). A pronoun whose own sentence
    already names a compatible actor before it is left alone (the actor is counted there).
    Returns (start, end, actor) like ``find_mentions``.

    >>> actors = load_actors(pd.DataFrame({"actor": ["Gideon Falter", "Metropolitan Police"],
    ...     "aliases": ["Mr Falter", "the Met"], "type": ["campaigner", "police"]}))
    >>> text = "Mr Falter met the Met. He was angry."
    >>> pronoun_links(text, [(0, 22), (23, 36)], find_mentions(text, actors), actors)
    [(23, 25, 'Gideon Falter')]
    """
    kinds = {a: actor_kind(a, al) for a, al in zip(actors["actor"], actors["aliases"],
                                                    strict=True)}

    def inside(a: int, b: int) -> bool:
        return any(q0 <= a and b <= q1 for q0, q1 in quoted)

    named = [(a, b, actor) for a, b, actor in mentions if not inside(a, b)]
    links = []
    for idx, (s0, s1) in enumerate(sentence_bounds):
        for m in _PRONOUN.finditer(text[s0:s1]):
            p0, p1 = s0 + m.start(1), s0 + m.end(1)
            word = m.group(1).lower()
            if inside(p0, p1) or (word == "it" and _EXPLETIVE_IT.match(text, p1)):
                continue
            if any(s0 <= a < p0 and _compatible(word, kinds[actor]) for a, _, actor in named):
                continue
            for back in range(idx - 1, max(-1, idx - 1 - look_back), -1):
                b0, b1 = sentence_bounds[back]
                found = {actor for a, b, actor in named
                         if b0 <= a and b <= b1 and _compatible(word, kinds[actor])}
                if found:
                    if len(found) == 1:
                        links.append((p0, p1, found.pop()))
                        named.append(links[-1])  # a chain: "He said … He added …"
                    break
    return links


