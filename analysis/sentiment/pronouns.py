"""Pronouns and actors: what kind of actor a name is, and the pronouns the attribution
package's resolver links to an actor (:func:`analysis.attribution.mentions.resolve_mentions`
does the resolving: one resolver serves quotations and tone).

>>> actor_kind("protesters")
('group', '')
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from analysis.actors import find_mentions, load_actors
from analysis.attribution.mentions import resolve_mentions

_TITLE_MALE = re.compile(r"^(?:Mr|Sir|Lord)\b")
_TITLE_FEMALE = re.compile(r"^(?:Mrs|Ms|Miss|Dame|Lady)\b")
_TITLE_ANY = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Mx|Sir|Dame|Lord|Lady|Dr)\b")


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


def pronoun_links(
    text: str,
    actors: str | Path | pd.DataFrame,
    line_kinds: str | None = None,
) -> list[tuple[int, int, str]]:
    """The mentions of an actor in ``text`` that the actor table does not list: pronouns
    (he, she, it, they) and name forms the attribution package's resolver links to a listed
    actor (:func:`analysis.attribution.mentions.resolve_mentions`). Returns (start, end,
    actor) like ``find_mentions``.

    >>> actors = load_actors(pd.DataFrame({"actor": ["Gideon Falter", "Metropolitan Police"],
    ...     "aliases": ["Mr Falter", "the Met"], "type": ["campaign group", "police"]}))
    >>> pronoun_links("Mr Falter met the Met. He was angry.", actors)
    [(23, 25, 'Gideon Falter')]
    """
    table = load_actors(actors) if not isinstance(actors, pd.DataFrame) else actors
    named = set(find_mentions(text, table))
    return [m for m in resolve_mentions(text, table, line_kinds=line_kinds) if m not in named]
