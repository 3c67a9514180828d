"""English words as a library the workbook uses ships them: Brill's part-of-speech lexicon
inside the TextBlob package (read as a file, without importing TextBlob), which tells a
word that can describe a person from a preposition or a verb, and a dictionary word from
a name; and the workbook's own lists of function words and abbreviations, read once for
every module that needs them."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from functools import cache, lru_cache

#: Words written after a person's name that make it another person's name ("Donald Trump
#: Jr", "Joseph Biden Jr.", "Henry Ford II"); a full stop may follow the first four.
NAME_SUFFIXES = ("Jr", "Sr", "Jnr", "Snr", "II", "III", "IV")


def textblob_file(name: str) -> str:
    """Path of a data file shipped inside the ``textblob`` package (``en/NAME``), found
    without importing the package."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("textblob")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the workbook needs the textblob package "
                          "(pip install textblob)")
    return str(Path(next(iter(spec.submodule_search_locations))) / "en" / name)


@lru_cache(maxsize=1)
def lexicon_tags() -> dict[str, str]:
    """Lower-case words of Brill's lexicon (shipped with TextBlob as ``en-lexicon.txt``) and
    their first (most frequent) tag.

    >>> tags = lexicon_tags()
    >>> tags["unfair"], tags["table"]
    ('JJ', 'NN')
    """
    out: dict[str, str] = {}
    with open(textblob_file("en-lexicon.txt"), encoding="utf-8") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) >= 2 and not line.startswith(";") and parts[0].islower():
                out.setdefault(parts[0], parts[1])
    return out


def is_finite_verb(word: str) -> bool:
    """Whether a word's usual part of speech (its first tag in Brill's lexicon) is a verb in
    the present or past tense ("says", "Slams", "went"): in a run of capitalised words, a
    headline's verb rather than part of a name or a title.

    >>> [is_finite_verb(w) for w in ("Says", "went", "Senator", "former")]
    [True, True, False, False]
    """
    return lexicon_tags().get(word.casefold()) in {"VBZ", "VBD"}


@cache
def data_words(name: str) -> frozenset[str]:
    """The first column of ``analysis/data/NAME`` below its header, case-folded, empty
    cells left out: one word list per file, read once.

    >>> "king" in data_words("given_names_not_names.csv")
    True
    """
    import csv
    from importlib import resources

    path = resources.files("analysis") / "data" / name
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(row[0].strip().casefold() for row in list(csv.reader(handle))[1:]
                         if row and row[0].strip())


def function_words() -> frozenset[str]:
    """English function words ("the", "of", "would" …), case-folded: the workbook's list
    ``analysis/data/framing_stopwords.csv``, read once for every module that leaves them out
    (distinctive words, labels, the actor table, the overview's word overlap).

    >>> "the" in function_words(), "police" in function_words()
    (True, False)
    """
    return data_words("framing_stopwords.csv")


def person_nouns() -> frozenset[str]:
    """Common nouns that name a person ("veteran", "mogul", "rival"): the workbook's list
    ``analysis/data/person_nouns.csv``, derived from WordNet 3.0's ``noun.person`` (see
    ``analysis/data/SOURCES.md``).

    >>> "veteran" in person_nouns(), "night" in person_nouns()
    (True, False)
    """
    return data_words("person_nouns.csv")


@lru_cache(maxsize=1)
def abbreviations() -> frozenset[str]:
    """Tokens after which a full stop does not end a sentence (``data/abbreviations.csv``).

    >>> "mr." in abbreviations() and "u.s." in abbreviations()
    True
    """
    import csv
    from importlib import resources

    path = resources.files("analysis") / "data" / "abbreviations.csv"
    with path.open(encoding="utf-8") as handle:
        return frozenset(row["abbreviation"].casefold() for row in csv.DictReader(handle))


def title_case_lines(text: str, min_words: int = 1) -> Callable[[int], bool]:
    """A test of whether the line of ``text`` holding a position is a headline in title
    case: at least ``min_words`` words of four letters or more, four in five of them
    capitalised. Each line is read once, however many positions are asked about.

    >>> title_case_lines("GOP Candidates Reject The Idea Of A Minimum Wage Hike.")(30)
    True
    >>> title_case_lines("Black Lives Matter issued a statement on Monday.")(3)
    False
    >>> title_case_lines("Jane Doe Says Yes", min_words=4)(0)   # three long words
    False
    """
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    verdicts: dict[int, bool] = {}

    def title_case(pos: int) -> bool:
        line = bisect.bisect_right(starts, pos) - 1
        if line not in verdicts:
            end = starts[line + 1] if line + 1 < len(starts) else len(text)
            long = [w for w in text[starts[line]:end].split() if len(w) >= 4]
            verdicts[line] = len(long) >= max(min_words, 1) and \
                sum(w[:1].isupper() for w in long) >= 0.8 * len(long)
        return verdicts[line]

    return title_case

