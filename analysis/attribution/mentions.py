"""Every mention of an actor in an article, however it is named: a name or alias from the
actor table (titles such as "the commissioner" are aliases there), a name form the table does
not list but the extractor merges with a listed one, and a pronoun (he, she, it, they)
resolved the way the extractor resolves speakers.

This is the attribution package's mention resolution for other measures (the tone toward
each actor reads it), so that one resolver serves both.

>>> from analysis.actors import load_actors
>>> table = load_actors("seeds/actors.csv")
>>> resolve_mentions("Mr Falter met the commissioner. He was angry.", table)
[(0, 9, 'Gideon Falter'), (14, 30, 'Sir Mark Rowley'), (32, 34, 'Gideon Falter')]
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from analysis.actors import find_mentions, load_actors
from analysis.attribution.extract import _Article
from analysis.attribution.speakers import other_given_name

__all__ = ["resolve_mentions"]

# "It is thought", "It comes as": the empty "it" of English, which refers to nothing.
_EXPLETIVE_IT = re.compile(
    r"\s+(?:is|was|isn['’]t|wasn['’]t|['’]s|has been|had been|will be|would be|may be|might be|"
    r"could be|seems|seemed|appears|appeared|comes|came|emerged|remains|remained|follows|"
    r"followed|means|meant|takes|took|looks|looked)\b", re.I)


def _table(actors: str | Path | pd.DataFrame) -> pd.DataFrame:
    if isinstance(actors, pd.DataFrame) and (len(actors) == 0 or isinstance(
            actors["aliases"].iloc[0], list)):
        return actors
    return load_actors(actors)


def resolve_mentions(
    text: str,
    actors: str | Path | pd.DataFrame,
    pronouns: bool = True,
    line_kinds: str | None = None,
) -> list[tuple[int, int, str]]:
    """Every mention of an actor of ``actors`` in ``text``: ``(start, end, actor)`` in text
    order, like :func:`analysis.actors.find_mentions`, which it extends.

    - every name, alias or title listed in the actor table (inside quotations too);
    - a name the table does not list, when the extractor's name merging makes it one the
      table lists, or it is the surname of exactly one listed person ("Jones said");
    - with ``pronouns`` (default), each he, she, it or they outside quotation marks that the
      extractor resolves to a listed actor: a person for he/she, an organisation for it, an
      organisation or group for they; the nearest compatible name earlier in the sentence,
      else one opening the sentence before, else the nearest before. The empty "it" of
      "it is thought" is left out.

    ``line_kinds`` as ``load_corpus`` records it (one letter per paragraph), when known.

    >>> from analysis.actors import load_actors
    >>> table = load_actors("seeds/actors.csv")
    >>> text = "The Met apologised. It is thought that it will review the case."
    >>> resolve_mentions(text, table)
    [(0, 7, 'Metropolitan Police'), (39, 41, 'Metropolitan Police')]
    >>> resolve_mentions(text, table, pronouns=False)
    [(0, 7, 'Metropolitan Police')]
    """
    table = _table(actors)
    if not len(table) or not text:
        return []
    aliases = dict(zip(table["actor"], table["aliases"], strict=True))
    # "Ivanka Trump" is not the actor whose alias is "Trump": the extractor names her
    found = [(s, e, a) for s, e, a in find_mentions(text, table)
             if not other_given_name(text, s, e, aliases.get(a, []))]
    if not isinstance(line_kinds, str):
        line_kinds = None
    listed = set(table["actor"])
    by_alias = {alias.casefold(): actor for actor, aliases in
                zip(table["actor"], table["aliases"], strict=True) for alias in aliases}
    # A surname alone ("Jones said") is the listed person of that surname, when only one.
    surnames: dict[str, list[str]] = {}
    for actor in table["actor"]:
        words = actor.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            surnames.setdefault(words[-1].casefold(), []).append(actor)
    for surname, owners in surnames.items():
        if len(owners) == 1:
            by_alias.setdefault(surname, owners[0])
    article = _Article(text, line_kinds, table)
    taken = [False] * (len(text) + 1)
    for start, end, _ in found:
        for k in range(start, end):
            taken[k] = True
    out = list(found)
    for ref in article.refs:
        if any(taken[ref.start:ref.end]):
            continue
        if ref.cls == "pronoun":
            if not pronouns or article.in_quote(ref.start) or (
                    ref.variant == "it" and _EXPLETIVE_IT.match(text, ref.end)):
                continue
            speaker = article.resolve(ref)[0]
        elif ref.cls in ("person", "org"):
            speaker = ref.speaker
        else:
            continue
        actor = speaker if speaker in listed else by_alias.get(speaker.casefold())
        if actor:
            out.append((ref.start, ref.end, actor))
    return sorted(out)
