"""An actor table made from a corpus that comes without one: the people and organisations
its articles name most (:func:`actors_from_corpus`), and the table a briefing or a lesson
follows (:func:`actor_table_for`: the user's, the seeds' own, or one made here).

Names are read by the quotation extractor's name reader (:mod:`analysis.attribution.
speakers`); the table is an ordinary actor table (:mod:`analysis.actors`) with the evidence
for each row.
"""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd

from analysis.actors import given_names, is_first_name
from analysis.attribution.speakers import (
    _TITLES,
    _last_name,
    _name_shape,
    _Names,
    actor_type_words,
    common_words_name,
    honorific_sex,
    name_matches,
)
from analysis.english import NAME_SUFFIXES, function_words, title_case_lines
from analysis.errors import CorpusError

#: Columns of :func:`actors_from_corpus`: an actor table (``actor``, ``aliases``, ``type``)
#: with the evidence for each row.
FOUND_COLUMNS = ["actor", "aliases", "type", "n_articles", "mentions", "outlets"]


def _type_of(words: list[str]) -> str:
    """The type the first listed of ``words`` gives, else ""."""
    table = actor_type_words()
    found = [w for w in table if w in words]
    return table[found[0]] if found else ""



def _type_by_votes(cues: list[str]) -> str:
    """The type most of a person's titles and describing words give (each mention votes;
    a tie goes to the type listed first), else "".

    >>> _type_by_votes(["senator", "activist", "sen"]), _type_by_votes(["mr"])
    ('politician', '')
    """
    table = actor_type_words()
    order = {t: k for k, t in enumerate(dict.fromkeys(table.values()))}
    votes: dict[str, int] = {}
    for cue in cues:
        kind = table.get(cue)
        if kind and kind != "none":
            votes[kind] = votes.get(kind, 0) + 1
    return min(votes, key=lambda k: (-votes[k], order[k])) if votes else ""


_WORD_BEFORE = re.compile(r"(?<![\w-])([a-z][a-z-]+)[ \t]+$")


def _described_as(text: str, start: int) -> list[str]:
    """The lower-case word right before a name, when the type table lists it ("climate
    activist Jane Doe" gives "activist"; "police arrested Jane Doe" gives nothing).

    >>> _described_as("said climate activist Jane Doe", 22), _described_as("met Jane Doe", 4)
    (['activist'], [])
    """
    found = _WORD_BEFORE.search(text, max(0, start - 30), start)
    word = found.group(1) if found else ""
    return [word] if word in actor_type_words() else []


_POSSESSIVE = re.compile(r"['’]s?$")


def actors_from_corpus(corpus: pd.DataFrame, top: int = 15,
                       min_articles: int = 2) -> pd.DataFrame:
    """An actor table made from the corpus itself: the people and organisations it names
    in the most articles, for a corpus that comes without an actor table of its own.

    Names are read as the quotation extractor reads them (a capitalised run; a person's
    full name remembered in its article, so that a later "Ms Doe" or "Doe" is the same
    person); which names are kept is said in :func:`_kept`. A surname met alone in an
    article without the full name counts for the one person of the corpus with that
    surname. Organisations are multi-word names ("Home Office", "Acme Corporation") and
    acronyms; an acronym joins the organisation whose initials it spells, if that one is
    named in more articles than all others it spells ("CAA", the Campaign Against
    Antisemitism), and spellings that differ only by hyphens or spaces are one name. Rows
    are ranked by the number of articles naming the actor, then by mentions; an actor
    named in fewer than ``min_articles`` articles (or all of them, for a smaller corpus) is
    left out, and at most ``top`` are kept.

    ``aliases`` holds the full name and, for a person, the surname when no other kept
    actor shares it or most of its uses alone mean this one (:func:`_owns_surname`), and it
    is no month or function word ("May"), then the other spellings
    and the acronym; ``type`` is the one most of a person's titles and describing words
    give ("Sen." and "senator" politician, "Judge" court, "climate activist" campaign
    group; :func:`_type_by_votes`), or a body's words ("Police Department": the first listed
    in ``actor_type_words.csv``), else ``person`` or ``organisation``. The evidence columns
    say in how many articles and outlets, and how often, each was named. Check the table
    before quoting findings that rest on it, and edit it into your own (``load_actors``
    reads the CSV back).

    >>> corpus = pd.DataFrame({"article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Y"],
    ...     "text": ["Sen. Jane Doe met the Acme Corporation. Doe said no.",
    ...              "Ms Doe told the United States Senate. The Acme Corporation agreed.",
    ...              "Jane Doe spoke in New York."]})
    >>> found = actors_from_corpus(corpus)
    >>> found[["actor", "type", "n_articles"]].values.tolist()
    [['Jane Doe', 'politician', 3], ['Acme Corporation', 'company', 2]]
    >>> found.loc[0, "aliases"]
    ['Jane Doe', 'Doe']
    """
    articles: dict[str, set[str]] = {}
    outlets: dict[str, set[str]] = {}
    mentions: dict[str, int] = {}
    kinds: dict[str, str] = {}
    titles: dict[str, list[str]] = {}
    singles: dict[str, set[str]] = {}      # a surname met alone -> its articles
    single_counts: dict[str, int] = {}
    single_titles: dict[str, list[str]] = {}
    named_alone: set[str] = set()          # people also met by surname or with a title
    opened: set[str] = set()               # people whose name opens a mention
    alone_for: dict[str, int] = {}         # a surname alone read, in its article, as them
    also: dict[str, list[str]] = {}        # other spellings and acronyms of a name
    placed: dict[str, int] = {}            # mentions after "in", "at" ...: a place's
    words: dict[str, int] = {}             # every word of the corpus, as written
    in_prose: set[str] = set()             # organisations met outside lines in title case
    for article_id, outlet, text in zip(corpus["article_id"], corpus["outlet"],
                                        corpus["text"], strict=True):
        text = str(text)
        for word in _WORDS.findall(text):
            words[word] = words.get(word, 0) + 1
        names = _Names()
        title_case = title_case_lines(text)
        for match in name_matches(text):
            form = match.group(0)
            canon, cls = names.canonical(form, match.start())
            canon = _POSSESSIVE.sub("", canon).strip()
            if not canon or cls not in ("person", "org") or \
                    _CHEMICAL_AFTER.match(text, match.end()):
                continue                   # "CO2" is no organisation
            if _PLACE_BEFORE.search(text, max(0, match.start() - 8), match.start()) and \
                    canon in form:
                # a place is written in full ("in New York"); a surname read as a person
                # named in full is no place ("in the Scalia mold")
                placed[canon] = placed.get(canon, 0) + 1
            shape, core, seen = _name_shape(form)
            seen_titles = list(seen)
            if cls == "person":
                seen_titles += _described_as(text, match.start())
                # capitalised describing words inside the run ("Economist Tom Roe")
                seen_titles += [w for w in (x.casefold().strip(".,") for x in
                                            form[:max(0, form.find(canon))].split())
                                if w in actor_type_words() and w not in seen_titles]
            if cls == "person" and " " not in canon:
                singles.setdefault(canon, set()).add(str(article_id))
                single_counts[canon] = single_counts.get(canon, 0) + 1
                single_titles.setdefault(canon, []).extend(seen_titles)
                continue
            by_surname_alone = shape == "single" and core.split()[-1:] == [_last_name(canon)]
            if cls == "person" and (by_surname_alone or seen_titles):
                named_alone.add(canon)  # "Ms Doe", "Doe" or "Sen. Jane Doe" in its article
            if cls == "person" and by_surname_alone:
                alone_for[canon] = alone_for.get(canon, 0) + 1
            if cls == "person" and _without_titles(form).startswith(canon):
                opened.add(canon)      # not only inside a longer run ("New York City")
            if cls == "org" and not _organisation_like(canon):
                continue
            if cls == "org" and canon not in in_prose and not title_case(match.start()):
                in_prose.add(canon)
            articles.setdefault(canon, set()).add(str(article_id))
            outlets.setdefault(canon, set()).add(str(outlet))
            mentions[canon] = mentions.get(canon, 0) + 1
            kinds[canon] = "person" if cls == "person" else "organisation"
            titles.setdefault(canon, []).extend(seen_titles)
    for name, kind in list(kinds.items()):
        if kind == "organisation" and name not in in_prose and common_words_name(name.split()):
            # a run of common words met only in lines in title case ("... Reject The Idea Of
            # A Minimum Wage Hike") is a headline's words, not a body's name ("Black Lives
            # Matter", met in running text)
            for table in (articles, outlets, mentions, kinds, titles):
                table.pop(name, None)
    by_surname: dict[str, list[str]] = {}
    for name, kind in list(kinds.items()):
        if kind == "person":
            by_surname.setdefault(_last_name(name), []).append(name)
    outlet_of = dict(zip(corpus["article_id"].astype(str), corpus["outlet"].astype(str),
                         strict=True))
    for surname, ids in singles.items():
        owners = by_surname.get(surname, [])
        if len(owners) == 1 and not _other_sex(titles[owners[0]], single_titles[surname]):
            # "Obama" alone is the corpus's one Barack Obama; not "Mr. Obama" the one
            # "Mrs. Obama" named in full, Michelle Obama
            articles[owners[0]] |= ids
            outlets[owners[0]] |= {outlet_of[i] for i in ids}
            mentions[owners[0]] += single_counts[surname]
            titles[owners[0]].extend(single_titles[surname])
            named_alone.add(owners[0])
    folded: dict[str, str] = {}
    for name in sorted(articles, key=lambda n: -mentions[n]):
        key = re.sub(r"[\s\-‐–]", "", name).casefold()
        if key in folded:              # "Anti-Semitism" and "Antisemitism": one spelling
            _merge_into(folded[key], name, articles, outlets, mentions)
            also.setdefault(folded[key], []).append(name)
        else:
            folded[key] = name
    spelling: dict[str, list[str]] = {}    # initials -> the names of several words
    for name in articles:
        if kinds[name] == "organisation" and " " in name:
            spelling.setdefault(_initials(name), []).append(name)
    for acronym in [n for n in articles if " " not in n and kinds[n] == "organisation"]:
        spelt = sorted((n for n in spelling.get(acronym, []) if n in articles),
                       key=lambda n: -len(articles[n]))
        if spelt and len(articles[spelt[0]]) > sum(len(articles[n]) for n in spelt[1:]):
            # "CAA" is the Campaign Against Antisemitism: the name it spells in more
            # articles than all others that it spells
            _merge_into(spelt[0], acronym, articles, outlets, mentions)
            also.setdefault(spelt[0], []).append(acronym)
    for name, kind in list(kinds.items()):
        if name in articles and not _kept(name, kind, name in named_alone and name in opened,
                                          placed.get(name, 0), mentions[name], words):
            del articles[name]
    need = min(min_articles, len(corpus))
    ranked = sorted((n for n in articles if len(articles[n]) >= need),
                    key=lambda n: (-len(articles[n]), -mentions[n], n))[:top]
    rows = []
    for name in ranked:
        aliases = [name]
        surname = _surname(name)
        if kinds[name] == "person" and surname != name \
                and _owns_surname(name, [n for n in ranked if kinds[n] == "person"
                                         and _surname(n) == surname], alone_for) \
                and surname.casefold() not in function_words() | _MONTHS:
            aliases.append(surname)        # not "May": the month and the verb
        aliases += also.get(name, [])
        kind = _type_by_votes(titles[name]) if kinds[name] == "person" else \
            _type_of([w.casefold().strip(".,") for w in name.split()])
        kind = kind if kind and kind != "none" else kinds[name]
        rows.append({"actor": name, "aliases": aliases, "type": kind,
                     "n_articles": len(articles[name]), "mentions": mentions[name],
                     "outlets": len(outlets[name])})
    return pd.DataFrame(rows, columns=FOUND_COLUMNS)


def _other_sex(titles: list[str], others: list[str]) -> bool:
    """Whether two sets of titles seen with a surname address a man in one and a woman in
    the other ("Mr." and "Mrs.": :func:`analysis.attribution.speakers.honorific_sex`): then
    they are two people.

    >>> _other_sex(["mrs"], ["president", "mr"]), _other_sex(["mr"], ["president"])
    (True, False)
    """
    mine, theirs = honorific_sex(set(titles)), honorific_sex(set(others))
    return bool(mine and theirs and mine != theirs)


def _merge_into(name: str, other: str, articles: dict[str, set[str]],
                outlets: dict[str, set[str]], mentions: dict[str, int]) -> None:
    """Count ``other``'s articles, outlets and mentions for ``name``; ``other`` is dropped."""
    articles[name] |= articles.pop(other)
    outlets[name] |= outlets[other]
    mentions[name] += mentions[other]


#: A word right before a mention that makes it a place ("in New York City", "at Hong Kong").
_PLACE_BEFORE = re.compile(r"\b(?:[Ii]n|[Aa]t|[Nn]ear|[Aa]cross|[Oo]utside|[Ii]nside)"
                           r"(?: the)? $")
_CHEMICAL_AFTER = re.compile(r"[0-9₀-₉]")
_WORDS = re.compile(r"[^\W\d_][\w'’-]*")
#: Acronyms of countries (places) and of time zones ("10 p.m. EDT"): no actors.
_NOT_ACTOR_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "DRC", "PRC", "EDT", "EST", "CDT",
                                 "CST", "MDT", "MST", "PDT", "PST", "GMT", "BST", "UTC",
                                 "CET", "CEST", "AEST", "AEDT", "IST"})


def _kept(name: str, kind: str, alone: bool, placed: int, mentions: int,
          words: dict[str, int]) -> bool:
    """Whether a name found in the corpus is worth an actor row.

    A person's name opens with a first name (:func:`is_first_name`) and reads as a
    person's by a census first name, or else (``alone``) by a title or the surname used
    alone, the name also opening a mention: news names a person in full, then by surname
    ("United States", "Chill Greta" and "York City", cut from "New York City", fail). Its
    surname is written with a capital more often than without ("Paris Agreement" and
    "Climate Change" are things: "agreement" and "change" run through the text in lower
    case; "May" or "Will" after a census first name are kept). No name is kept that a
    quarter of its mentions put after "in", "at" or "near" (a place), nor an organisation
    whose name ends in a word of an event or a document ("Climate Action Summit";
    ``actor_type_words.csv``, type ``none``), nor a country's or a time zone's acronym.
    """
    if placed >= max(1, mentions / 4):
        return False
    if kind == "organisation":
        return name not in _NOT_ACTOR_ACRONYMS and \
            _type_of([name.split()[-1].casefold()]) != "none"
    first, surname = name.split()[0], _surname(name)
    census = first.casefold() in given_names()
    if not is_first_name(first) or not (census or alone):
        return False
    if census and surname.casefold() in function_words():
        return True                        # "Theresa May", "Will" as a surname
    last = _last_name(name)
    return words.get(last.casefold(), 0) < words.get(last, 0)


#: The share of a shared surname's uses alone that must go to one person for the surname
#: to be that person's alias.
SURNAME_SHARE = 0.8


def _owns_surname(name: str, sharers: list[str], alone_for: dict[str, int]) -> bool:
    """Whether ``name`` takes its surname alone as an alias: no other listed person has it,
    or, in the articles naming them in full, the surname alone was read as ``name`` at least
    :data:`SURNAME_SHARE` of the times it was read as any of them, and three times or more
    ("Clinton" in 2016 coverage naming Hillary and Bill Clinton).

    >>> _owns_surname("Hillary Clinton", ["Hillary Clinton", "Bill Clinton"],
    ...               {"Hillary Clinton": 90, "Bill Clinton": 10})
    True
    >>> _owns_surname("Bill Clinton", ["Hillary Clinton", "Bill Clinton"],
    ...               {"Hillary Clinton": 90, "Bill Clinton": 10})
    False
    """
    if len(sharers) <= 1:
        return True
    mine = alone_for.get(name, 0)
    total = sum(alone_for.get(n, 0) for n in sharers)
    return mine >= 3 and mine >= SURNAME_SHARE * total


def _without_titles(form: str) -> str:
    """A mention without the titles and "The" that open it ("Sen. Jane Doe" -> "Jane
    Doe"; "New York City" stays)."""
    words = form.split()
    while len(words) > 1 and words[0].casefold().strip(".") in _TITLES | {"the"}:
        words = words[1:]
    return " ".join(words)


_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july",
                     "august", "september", "october", "november", "december"})
_SURNAME_PARTICLES = frozenset({"van", "von", "der", "den", "de", "da", "di", "du", "la", "le",
                                "bin", "al"})


def _surname(name: str) -> str:
    """The last word of a person's name with the particles before it, a suffix set aside
    ("Joseph Biden Jr" -> Biden, "Marie van der Zyl" -> van der Zyl)."""
    parts = name.split()
    if len(parts) > 2 and parts[-1].rstrip(".") in NAME_SUFFIXES:
        parts = parts[:-1]
    k = len(parts) - 1
    while k > 1 and parts[k - 1] in _SURNAME_PARTICLES:
        k -= 1                             # "Marie van der Zyl" -> van der Zyl
    return " ".join(parts[k:])


def _initials(name: str) -> str:
    """The capitals of a name's words, function words left out ("Federal Bureau of
    Investigation" -> FBI)."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _organisation_like(name: str) -> bool:
    """An organisation's name worth listing: an acronym of two to six capitals ("FBI",
    "NATO"), or two words or more not all in capitals (a credit line "USA TODAY" or a
    dateline is no actor), not opening with "Mr." or "Ms." (a person)."""
    words = name.split()
    if len(words) == 1:
        return bool(re.fullmatch(r"[A-Z]{2,6}", name))
    if words[0].rstrip(".") in ("Mr", "Mrs", "Ms", "Miss", "Dr"):
        return False                       # "Mr. King": a person the name reader missed
    return not all(w.isupper() for w in words)


#: Where :func:`actor_table_for` writes the table it makes from a corpus.
FOUND_FILE = "actors_from_corpus.csv"


def actor_table_for(corpus: str | Path, actors: str | Path | None,
                    folder: str | Path) -> tuple[Path, str]:
    """The actor table to follow a corpus with, and a note for the reader ("" if none).

    ``actors`` when given; for the seed articles, their own table (``seeds/actors.csv``);
    for any other corpus without a table, one made from its articles by
    :func:`actors_from_corpus`, written to ``folder/actors_from_corpus.csv`` (edit it and
    pass it back to follow other people). A corpus that names nobody in a way the reader
    recognises raises :class:`CorpusError`, asking for a table.

    >>> import tempfile
    >>> root = Path(__file__).resolve().parents[1]
    >>> actor_table_for(root / "seeds", None, tempfile.mkdtemp())[0].name
    'actors.csv'
    """
    if actors is not None and str(actors) != "":
        return Path(actors), ""
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    try:
        if Path(corpus).resolve() == seeds.resolve():
            return seeds / "actors.csv", ""
    except (OSError, RuntimeError, ValueError):
        pass
    from analysis.corpus import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")    # the loader's notes are shown by its caller
        found = actors_from_corpus(load_corpus(corpus))
    if found.empty:
        raise CorpusError("no actor table given, and no person or organisation is named "
                          "in the corpus in a form the workbook reads: give an actor table "
                          "(ACTORS=your_actors.csv)", source=str(corpus))
    path = Path(folder) / FOUND_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    written = found.assign(aliases=found["aliases"].map(";".join))
    written.to_csv(path, index=False)
    note = (f"no actor table given: the {len(found)} people and organisations this corpus "
            f"names in the most articles ({path.parent.name}/{FOUND_FILE}; check it, edit it "
            "and give ACTORS=your_actors.csv to follow others)")
    return path, note


def actors_followed(path: str | Path) -> tuple[str, pd.DataFrame]:
    """A sentence saying which actor table the later pages follow, and the table to show:
    actor, aliases ("; "-joined), type, and the evidence columns of a table made from a
    corpus (articles, mentions, outlets) when it has them.

    >>> root = Path(__file__).resolve().parents[1]
    >>> sentence, table = actors_followed(root / "seeds" / "actors.csv")
    >>> sentence
    "The later pages follow the 17 actors of the seed story's own table (seeds/actors.csv)."
    >>> list(table.columns)
    ['actor', 'aliases', 'type']
    """
    from analysis.actors import load_actors

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")    # the briefing's first page names its problems
        table = load_actors(path)
    shown = table.assign(aliases=table["aliases"].map("; ".join))
    evidence = {"n_articles": "articles", "mentions": "mentions", "outlets": "outlets"}
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    raw.columns = [str(c).strip().lower() for c in raw.columns]
    made = set(evidence) <= set(raw.columns) and len(raw) == len(shown)
    if made:
        for column, label in evidence.items():
            shown[label] = pd.to_numeric(raw[column], errors="coerce").astype("Int64").values
    seeds = Path(__file__).resolve().parents[1] / "seeds" / "actors.csv"
    if Path(path).resolve() == seeds:
        source = "the seed story's own table (seeds/actors.csv)"
    elif made:
        source = (f"an actor table made from this corpus ({Path(path).name}): the people and "
                  "organisations it names in the most articles, with the evidence for each "
                  "row; check it, edit it and give it back as ACTORS to follow others")
    else:
        source = f"the actor table given ({Path(path).name})"
    n = len(shown)
    return (f"The later pages follow the {n} actor{'s' if n != 1 else ''} of {source}.",
            shown)
