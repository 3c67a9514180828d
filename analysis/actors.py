"""The actor table: canonical names, their aliases, and where they are mentioned.

An actor table (``actors.csv``) has columns ``actor`` (canonical name), ``aliases``
(";"-separated name forms, titles and descriptions) and ``type``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.errors import CorpusError


def load_actors(actors: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Read an actor table: ``actor``, ``aliases`` (a list; the canonical name included),
    ``type``.

    >>> table = load_actors("seeds/actors.csv")
    >>> "Sir Mark" in table.set_index("actor").loc["Sir Mark Rowley", "aliases"]
    True
    """
    if isinstance(actors, pd.DataFrame):
        frame = actors.copy()
        source = "actor table"
    else:
        source = str(actors)
        if not Path(actors).is_file():
            raise CorpusError("no such actor table", source=source)
        frame = pd.read_csv(actors, dtype=str, keep_default_na=False)
    missing = {"actor", "aliases"} - set(frame.columns)
    if missing:
        raise CorpusError(f"actor table lacks column(s) {sorted(missing)}", source=source)
    if "type" not in frame:
        frame["type"] = "unknown"
    frame["actor"] = frame["actor"].astype(str).str.strip()
    frame["aliases"] = [_alias_list(actor, aliases)
                        for actor, aliases in zip(frame["actor"], frame["aliases"], strict=True)]
    frame["type"] = frame["type"].fillna("unknown").replace("", "unknown")
    return frame[frame["actor"] != ""][["actor", "aliases", "type"]].reset_index(drop=True)


def _alias_list(actor: str, aliases: object) -> list[str]:
    if isinstance(aliases, str):
        forms = [a.strip() for a in aliases.split(";")]
    elif isinstance(aliases, (list, tuple)):
        forms = [str(a).strip() for a in aliases]
    else:
        forms = []
    return list(dict.fromkeys([actor, *[f for f in forms if f]]))


def mention_pattern(actors: pd.DataFrame) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex finding every alias at every position (group 1; longest alternative first,
    whole words) and a map from the case-folded alias to its actor.

    >>> pattern, owner = mention_pattern(load_actors("seeds/actors.csv"))
    >>> owner[pattern.search("said Sir Mark Rowley").group(1).casefold()]
    'Sir Mark Rowley'
    """
    owner: dict[str, str] = {}
    for actor, aliases in zip(actors["actor"], actors["aliases"], strict=True):
        for alias in aliases:
            owner.setdefault(alias.casefold(), actor)
    forms = sorted(owner, key=len, reverse=True)
    if not forms:
        return re.compile(r"(?!x)x"), owner
    body = "|".join(re.escape(f).replace("'", "['’]") for f in forms)
    # A lookahead finds a match at every position, overlapping ones included.
    return re.compile(rf"(?<![\w-])(?=((?:{body}))(?![\w-]))", re.IGNORECASE), owner


def find_mentions(text: str, actors: pd.DataFrame) -> list[tuple[int, int, str]]:
    """Every mention of an actor in ``text``: ``(start, end, actor)`` in text order.

    Where two aliases overlap, the longer wins ("the Met boss" is the commissioner, not
    "the Met"). Aliases that are all lower case (``the force``, ``the commissioner``) match
    in any case; aliases with capitals must keep their capitals, so ``Met`` does not match
    "met with".

    >>> table = load_actors("seeds/actors.csv")
    >>> find_mentions("The commissioner met Mr Falter.", table)
    [(0, 16, 'Sir Mark Rowley'), (21, 30, 'Gideon Falter')]
    >>> find_mentions("the Met Police Federation", table)
    [(4, 14, 'Metropolitan Police')]
    """
    pattern, owner = _cached_pattern(actors)
    candidates = []
    for match in pattern.finditer(text):
        start, end = match.span(1)
        form = text[start:end]
        alias = form.casefold().replace("’", "'")
        actor = owner.get(alias)
        if actor is None or not _case_fits(form, alias, actors):
            continue
        candidates.append((start, end, actor))
    chosen: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = []
    for start, end, actor in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if all(end <= a or start >= b for a, b in taken):
            chosen.append((start, end, actor))
            taken.append((start, end))
    return sorted(chosen)


_PATTERNS: dict[int, tuple[pd.DataFrame, tuple[re.Pattern[str], dict[str, str]],
                          dict[str, str]]] = {}


def _cached_pattern(actors: pd.DataFrame) -> tuple[re.Pattern[str], dict[str, str]]:
    key = id(actors)
    cached = _PATTERNS.get(key)
    if cached is None or cached[0] is not actors:
        originals = {a.casefold().replace("’", "'"): a
                     for aliases in actors["aliases"] for a in aliases}
        cached = (actors, mention_pattern(actors), originals)
        _PATTERNS[key] = cached
    return cached[1]


def _case_fits(form: str, alias: str, actors: pd.DataFrame) -> bool:
    original = _PATTERNS[id(actors)][2].get(alias, form)
    if original == original.lower():
        return True
    # Capitalised alias: every capitalised word of the alias must be capitalised in the text.
    return all(not o[:1].isupper() or f[:1].isupper()
               for o, f in zip(original.split(), form.split(), strict=False))
