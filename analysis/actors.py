"""The actor table: canonical names, their aliases, and where they are mentioned.

An actor table (``actors.csv``) has columns ``actor`` (canonical name), ``aliases``
(";"-separated name forms, titles and descriptions) and ``type``.
"""

from __future__ import annotations

import bisect
import difflib
import re
import warnings
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.english import NAME_SUFFIXES, data_words, function_words, lexicon_tags
from analysis.errors import CorpusError

#: Actor types the workbook knows; another type is kept as written and reported (a typo
#: such as "polcie" would otherwise make a group of its own).
ACTOR_TYPES = (
    "person", "politician", "government", "politician/government", "police", "court",
    "campaign group", "protesters", "community organisation", "organisation", "company",
    "union", "charity", "media", "expert", "public body", "military", "event", "unknown",
)


def load_actors(actors: str | Path | pd.DataFrame) -> pd.DataFrame:
    """Read an actor table: ``actor``, ``aliases`` (a list; the canonical name included),
    ``type``.

    A file is read like a corpus CSV (any encoding :func:`~analysis.corpus.load_corpus`
    reads, column names in any case, an unbalanced quote reported by row). Mistakes that
    can be mended are mended and listed in ``load_report(table)`` with the row and the fix,
    and a warning names them: aliases separated by ``,`` instead of ``;``, an unknown
    ``type``, an actor listed twice, an alias shared by two actors. A file that cannot be
    used at all (missing, empty, without ``actor`` and ``aliases`` columns) raises
    :class:`~analysis.errors.CorpusError`.

    >>> table = load_actors("seeds/actors.csv")
    >>> "Sir Mark" in table.set_index("actor").loc["Sir Mark Rowley", "aliases"]
    True
    """
    from analysis.corpus import _Report

    problems: list[dict] = []
    if isinstance(actors, pd.DataFrame):
        source = "actor table"
        frame = actors.copy()
        frame.columns = [str(c).strip().lower() for c in frame.columns]
        missing = {"actor", "aliases"} - set(frame.columns)
        if missing:
            raise CorpusError(f"actor table lacks column(s) {sorted(missing)}", source=source)
        rows = [(i + 2, {k: frame[k].iloc[i] for k in frame.columns})
                for i in range(len(frame))]
    else:
        source = str(actors)
        if not Path(actors).is_file():
            raise CorpusError("no such actor table", source=source)
        rows = _read_actor_file(Path(actors), problems)
    if not rows:
        raise CorpusError("empty actor table (no actors)", source=source)
    table: list[dict] = []
    by_name: dict[str, int] = {}
    for row_no, row in rows:
        actor = "" if row.get("actor") is None else str(row["actor"]).strip()
        if not actor:
            problems.append(_problem(source, row_no, "row has no actor name", "skipped"))
            continue
        kind = row.get("type")
        kind = "unknown" if kind is None or (isinstance(kind, float) and kind != kind) \
            else str(kind).strip() or "unknown"
        if kind not in ACTOR_TYPES:
            close = difflib.get_close_matches(kind.lower(), ACTOR_TYPES, n=1)
            hint = f"did you mean {close[0]!r}?" if close else \
                f"the known types are {', '.join(ACTOR_TYPES)}"
            problems.append(_problem(source, row_no, f"unknown type {kind!r} for {actor!r}",
                                     f"kept as written; {hint}"))
        aliases = _alias_list(actor, row.get("aliases"))
        if actor.casefold() in by_name:
            first = table[by_name[actor.casefold()]]
            problems.append(_problem(
                source, row_no, f"actor {actor!r} is listed twice (first on row "
                f"{first['row']})", f"its aliases merged into row {first['row']}: keep one "
                "row per actor"))
            first["aliases"] = list(dict.fromkeys([*first["aliases"], *aliases]))
            continue
        by_name[actor.casefold()] = len(table)
        table.append({"actor": actor, "aliases": aliases, "type": kind, "row": row_no})
    owners: dict[str, dict] = {}
    for entry in table:
        for alias in entry["aliases"]:
            other = owners.setdefault(alias.casefold(), entry)
            if other is not entry:
                problems.append(_problem(
                    source, entry["row"], f"alias {alias!r} belongs to both {other['actor']!r} "
                    f"(row {other['row']}) and {entry['actor']!r}",
                    f"its mentions count for {other['actor']!r}: keep the alias on one actor"))
    frame = pd.DataFrame(table, columns=["actor", "aliases", "type"]).reset_index(drop=True)
    frame.attrs["load_report"] = _Report(problems)
    if problems:
        rows_named = ", ".join(f"row {p['row']}" for p in problems[:5])
        more = f" and {len(problems) - 5} more" if len(problems) > 5 else ""
        warnings.warn(f"{source}: {len(problems)} problem(s) in the actor table ({rows_named}"
                      f"{more}); see analysis.load_report(actors)", stacklevel=2)
    return frame


def _read_actor_file(path: Path, problems: list[dict]) -> list[tuple[int, dict]]:
    """The rows of an actors CSV, read by the corpus's one delimited-file reader.

    A row with more fields than the header is a ``,`` typed where ``;`` belonged: with
    the columns in the usual order (``actor,aliases,type``) the fields between the actor
    and the last one are read as aliases, and the row is reported.
    """
    from analysis.corpus import MAX_ARTICLE_BYTES, _csv_rows, _decoded_lines

    try:
        rows = list(_csv_rows(path, _decoded_lines(path, []), MAX_ARTICLE_BYTES, problems,
                              required=("actor", "aliases"), what="actor table",
                              keep_extra=True))
    except ValueError as exc:  # CorpusError, or binary data
        if isinstance(exc, CorpusError):
            raise
        raise CorpusError(str(exc), source=str(path)) from None
    for problem in problems:
        problem["source_file"], problem["article_id"] = path.name, None
    out = []
    for row_no, row, _ in rows:
        extra = row.pop(None, None)
        if extra:
            fields = list(row)
            values = [row[f] for f in fields] + list(extra)
            b = fields.index("aliases")
            if fields[-1] == "type" and b == len(fields) - 2:
                row = dict(zip(fields, values[:b] + [";".join(values[b:-1]), values[-1]],
                               strict=True))
            elif b == len(fields) - 1:
                row = dict(zip(fields, values[:b] + [";".join(values[b:])], strict=True))
            else:
                problems.append(_problem(str(path), row_no, f"row has {len(extra)} more "
                                         "field(s) than the header", "skipped: separate "
                                         "aliases with ';' (or quote the field)"))
                continue
            problems.append(_problem(
                str(path), row_no, f"row has {len(extra)} more field(s) than the header: "
                "aliases separated by ',' instead of ';'", "its extra fields read as aliases; "
                "separate aliases with ';' (or quote the field)"))
        out.append((row_no, row))
    return out


def _alias_list(actor: str, aliases: object) -> list[str]:
    if isinstance(aliases, str):
        forms = [a.strip() for a in aliases.split(";")]
    elif isinstance(aliases, (list, tuple)):
        forms = [str(a).strip() for a in aliases]
    else:
        forms = []
    return list(dict.fromkeys([actor, *[f for f in forms if f]]))


def _problem(source: str, row: int | None, problem: str, action: str) -> dict:
    return {"source_file": Path(source).name if source != "actor table" else source,
            "row": row, "article_id": None, "problem": problem, "action": action}


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
    >>> find_mentions("the Met Police Federation", table)  # another body: the officers'
    []
    >>> find_mentions("the Met Police said", table)
    [(4, 14, 'Metropolitan Police')]
    >>> both = load_actors(pd.DataFrame({"actor": ["Hillary Clinton", "Bill Clinton"],
    ...     "aliases": [["Clinton"], []], "type": ["person", "person"]}))
    >>> find_mentions("Bill Clinton met Clinton.", both)
    [(0, 12, 'Bill Clinton'), (17, 24, 'Hillary Clinton')]
    """
    pattern, owner = _cached_pattern(actors)
    candidates = []
    blocked: list[tuple[int, int]] = []
    for match in pattern.finditer(text):
        start, end = match.span(1)
        form = text[start:end]
        alias = form.casefold().replace("’", "'")
        actor = owner.get(alias)
        if actor is None or not _case_fits(form, alias, actors):
            continue
        own = _PATTERNS[id(actors)][3][actor]
        if another_persons_name(text, start, end, own):
            blocked.append((start, end))  # nor does a shorter alias inside it count
            continue
        candidates.append((_with_given_name(text, start, end, own), end, actor))
    if blocked:
        # an alias overlapping a blocked one is blocked too ("the Met" in "the Met Police
        # Federation"); a longer alias holding it whole is another actor's name ("Bill
        # Clinton" holds the blocked "Clinton" of Hillary Clinton) and stands
        candidates = [(s, e, a) for s, e, a in candidates
                      if not any(s < b_end and b_start < e
                                 and not (s <= b_start and b_end <= e and e - s > b_end - b_start)
                                 for b_start, b_end in blocked)]
    chosen: list[tuple[int, int, str]] = []
    # the spans taken so far, which never overlap, kept sorted: a new span overlaps one
    # only if it overlaps its neighbour on either side (a long text with thousands of
    # mentions is not compared with every span)
    starts: list[int] = []
    ends: list[int] = []
    for start, end, actor in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        at = bisect.bisect_right(starts, start)
        if (at and ends[at - 1] > start) or (at < len(starts) and starts[at] < end):
            continue
        chosen.append((start, end, actor))
        starts.insert(at, start)
        ends.insert(at, end)
    return sorted(chosen)


_PATTERNS: dict[int, tuple[pd.DataFrame, tuple[re.Pattern[str], dict[str, str]],
                          dict[str, str], dict[str, frozenset[str]]]] = {}


def _cached_pattern(actors: pd.DataFrame) -> tuple[re.Pattern[str], dict[str, str]]:
    key = id(actors)
    cached = _PATTERNS.get(key)
    if cached is None or cached[0] is not actors:
        originals = {a.casefold().replace("’", "'"): a
                     for aliases in actors["aliases"] for a in aliases}
        own_words = {actor: frozenset(w.casefold().strip(".,") for form in [actor, *aliases]
                                      for w in form.split())
                     for actor, aliases in zip(actors["actor"], actors["aliases"], strict=True)}
        cached = (actors, mention_pattern(actors), originals, own_words)
        _PATTERNS[key] = cached
    return cached[1]


#: Words that follow a name and make it another person's ("Donald Trump Jr.").
_NAME_SUFFIXES = re.compile(r",?[ \t]+(?:" + "|".join(NAME_SUFFIXES) + r")\b\.?")
#: The capitalised word right after a name ("Met Police Federation").
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b")
#: a word of letters (any alphabet: "José", "Łukasz") right before an alias
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([^\W\d_]{2,})[ \t]+$")
#: Middle initials right before a surname: "H.W. ", "J. ".
_INITIALS_BEFORE = re.compile(r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,3}[ \t]+$")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """First names (case-folded) from ``analysis/data/given_names.csv``: the U.S. Census
    Bureau's 1990 lists of male and female first names (public domain), less the words that
    are also titles, months, places or labels of a side (:func:`another_persons_name`).

    >>> {"bill", "ivana"} <= given_names(), "president" in given_names()
    (True, False)
    """
    return frozenset(_given_name_sexes()) - _not_first_names()


@lru_cache(maxsize=1)
def _given_name_sexes() -> dict[str, str]:
    """``given_names.csv`` read once: each case-folded name and its sex ("m", "f" or "")."""
    import csv
    from importlib import resources

    path = resources.files("analysis") / "data" / "given_names.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {r["name"].strip().casefold(): (r.get("sex") or "").strip()
                for r in csv.DictReader(handle)}


def given_name_sex(word: str) -> str:
    """"m" or "f" for a first name found in only one of the census lists (or ten times as
    often in one), "" for another word or a name of both ("Chris", "Jean").

    >>> given_name_sex("Hillary"), given_name_sex("bill"), given_name_sex("Chris")
    ('f', 'm', '')
    """
    from analysis.attribution.letters import fold_letters

    return _given_name_sexes().get(fold_letters(word).casefold(), "")


def _other_body_words() -> frozenset[str]:
    """Words that, capitalised after a name, make the name another body's or place's
    ("Met Police Federation", "Clinton Foundation", "Trump Tower":
    ``analysis/data/other_body_words.csv``)."""
    return data_words("other_body_words.csv")


def _not_first_names() -> frozenset[str]:
    """Titles, months, places and labels of a side that are never read as a first name
    (``analysis/data/given_names_not_names.csv``)."""
    return data_words("given_names_not_names.csv")


def another_persons_name(text: str, start: int, end: int, own: frozenset[str]) -> bool:
    """Whether the alias at ``text[start:end]`` is part of another person's name: a one-word
    alias (a surname) right after a first name (:func:`is_first_name`) that is not one of the
    actor's own words
    ("Bill Clinton" is not a mention of an actor "Hillary Clinton" with alias "Clinton";
    "Hillary Clinton", "Mrs Clinton" and "President Clinton" are), or any alias followed by
    "Jr." or "Sr.", or by a capitalised word that names another body or a place ("Met Police
    Federation", "Clinton Foundation", "Trump Tower"), that the actor's own names do not
    hold.

    A capitalised word opening a sentence counts as a first name too, unless it is a
    function word ("Will Clinton win?"). Months and places that are also first names
    ("June", "Georgia") are not read as first names. ``own`` holds the actor's own name
    words, case-folded.

    >>> own = frozenset({"met", "police"})
    >>> another_persons_name("the Met Police Federation", 4, 14, own)
    True
    >>> text = "Bill Clinton and Hillary Clinton met Donald Trump Jr."
    >>> [another_persons_name(text, s, e, frozenset({"hillary", "clinton", "donald", "trump"}))
    ...  for s, e in [(5, 12), (25, 32), (37, 49)]]
    [True, False, True]
    >>> another_persons_name("Élodie Clinton spoke", 7, 14, frozenset({"hillary", "clinton"}))
    True
    >>> t = "George H.W. Bush and Donald J. Trump"
    >>> [another_persons_name(t, s, e, frozenset({"jeb", "bush", "donald", "trump"}))
    ...  for s, e in [(12, 16), (31, 36)]]
    [True, False]
    """
    suffix = _NAME_SUFFIXES.match(text, end)
    if suffix and not own & {suffix.group(0).strip(" \t,.").casefold()}:
        return True
    body = _WORD_AFTER.match(text, end)
    if body and body.group(1).casefold() in _other_body_words() and \
            body.group(1).casefold() not in own:
        return True
    if " " in text[start:end].strip():
        return False
    # past a middle initial or two: "George H.W. Bush" is not Jeb Bush
    initials = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
    at = initials.start() if initials else start
    before = _WORD_BEFORE.search(text, max(0, at - 40), at)
    if before is None or not (before.group(1)[0].isupper() and before.group(1)[1:].islower()):
        return False
    word = before.group(1).casefold()
    if word in own or not is_first_name(word):
        return False
    head = text[max(0, before.start(1) - 40):before.start(1)]
    opens = not head.strip() or head.rstrip()[-1:] in ".!?\"“”'‘’:\n"
    return not opens or word not in function_words()


def _with_given_name(text: str, start: int, end: int, own: frozenset[str]) -> int:
    """Where the mention of a surname alias at ``text[start:end]`` starts: at the actor's
    own given name when that and middle initials come before it ("Vladimir V. Putin",
    "George H.W. Bush" of a table's Vladimir Putin and George Bush), else at ``start``."""
    if " " in text[start:end].strip():
        return start
    initials = _INITIALS_BEFORE.search(text, max(0, start - 12), start)
    if initials is None:
        return start
    before = _WORD_BEFORE.search(text, max(0, initials.start() - 40), initials.start())
    return before.start(1) if before and before.group(1).casefold() in own else start


def is_first_name(word: str) -> bool:
    """A case-folded word that, capitalised right before a surname, is a first name: one
    of :func:`given_names`, or a word no English dictionary holds ("Ivanka", "Melania";
    Brill's tagger lexicon, shipped with TextBlob) that is not an abbreviated title
    ("Mr", "Cllr").

    >>> [is_first_name(w) for w in ("bill", "barack", "capitol", "senator", "june")]
    [True, True, False, False, False]
    """
    word = word.casefold()
    if word in given_names():
        return True
    if word in _not_first_names():
        return False
    from analysis.english import abbreviations

    return word not in lexicon_tags() and f"{word}." not in abbreviations()


def _case_fits(form: str, alias: str, actors: pd.DataFrame) -> bool:
    original = _PATTERNS[id(actors)][2].get(alias, form)
    if original == original.lower():
        return True
    # Capitalised alias: every capitalised word of the alias must be capitalised in the text.
    return all(not o[:1].isupper() or f[:1].isupper()
               for o, f in zip(original.split(), form.split(), strict=False))
