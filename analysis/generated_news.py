"""Generated news articles for benchmarks: nearly every sentence different from every other.

:func:`generate_news` composes articles from sentence templates of common news shapes
(a headline, narration, direct quotations with a speaker and a speech verb before or after
them, a quotation introduced by a colon, reported speech, scare quotes, figures, survey
findings, captions) whose slots are filled at random from the word pools in
``data/generated_news_words.csv`` (invented names, roles, organisations, places, issues).
Each article has a small cast of people who are named in full once and by title and
surname after that, and one quotation-mark style (straight or curly, double or single).
With millions of combinations per template, almost every sentence of a corpus is distinct
(:func:`distinct_share` measures it), so a pipeline that reads each distinct sentence once
gains nothing it would not gain on real news.

The same ``seed`` always gives the same corpus.

>>> corpus = generate_news(2, seed=1)
>>> corpus.columns.tolist()
['article_id', 'outlet', 'published', 'headline', 'text']
>>> corpus.equals(generate_news(2, seed=1))
True
"""

from __future__ import annotations

import csv
import random
import re
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

import pandas as pd

__all__ = ["distinct_share", "generate_news"]

#: Invented outlet names for generated articles (never confused with real outlets).
OUTLETS = ("Daily Example", "The Sample Post", "Morning Fixture", "Evening Standin",
           "Weekly Placeholder", "City Bulletin", "The Mock Herald", "Test Chronicle")

#: Quotation marks of an article: (open, close) for quotations, one pair per house style.
QUOTE_STYLES = (('"', '"'), ("\u201c", "\u201d"), ("'", "'"), ("\u2018", "\u2019"))

#: Headline templates. ``{slot}`` is filled from the word pool of that name (see
#: :func:`fill`); ``Slot`` (capitalised) gives the value with a capital first letter.
HEADLINES = (
    "{Role} {event} {topic} over {issue} row",
    "{Surname} under fire after {issue} {topic_word}",
    "{n} {people} {action} as {issue} protest grows",
    "{Org} to review {topic} after {adj} week",
    "'{Adj}' {topic_word} on {issue} sparks anger in {place}",
    "{Issue}: {org} {event} {topic} amid {emotion} reaction",
    "Why {people} in {place} are {emotion} about {issue}",
)

#: Sentences spoken inside quotation marks (no marks here; the article's style adds them).
QUOTES = (
    "We are {emotion} about {topic} and we will keep saying so",
    "This is a {adj} day for {issue} in this city",
    "I have never seen anything like it in {n} years of working here",
    "We will not let {issue} be {participle} again",
    "People in {place} deserve better than this",
    "Nobody told us {topic} would be {adj}",
    "It is {adj} and, frankly, {adj2}",
    "We asked for a meeting about {issue} and we were {participle}",
    "The {people} I spoke to {time} were {emotion}",
    "Our job is to make sure {issue} is {participle}, not {participle2}",
    "If {org} had listened, {topic} would never have been {event}",
    "I am {emotion}, but I am not surprised",
)

#: Body sentences. ``{quote}`` is a quotation in the article's marks, ``{quote_comma}``
#: one ending in a comma inside the marks (before "she said").
SENTENCES = (
    "{Name}, {role} of {org}, said {time} that {topic} was {adj}.",
    "{quote_comma} {tname} said.",
    "{quote_comma} said {name}, a {role} from {place}.",
    "{tname} told {outlet}: {quote}",
    "{He} added: {quote}",
    "{Org} {event} {topic} {time}, leaving {n} {people} without an answer on {issue}.",
    "Critics called {topic} {scare}, while supporters said it was {adj}.",
    "{Topic} comes after {n} {people} {action} in {place} {time}.",
    "According to {org}, {topic} will cost about \u00a3{n}m over {n2} years.",
    "{tname} {speech_that} that {org} had {event} {topic} without asking {people}.",
    "It is not yet clear whether {org} will {verb} {topic} before {time_future}.",
    "{pct} per cent of {people} in {place} {opinion} {topic}, a survey by {org} found.",
    "{Name}, who has lived near {place} for {n} years, said she was {emotion}.",
    "{quote_comma} {tname} {speech} {outlet} {time}.",
    "The row over {issue} has divided {people} and {people2} across {place}.",
    "{Org} did not respond to a request for comment.",
    "{tname} denied that {topic} was {adj}, saying {org} had acted {adverb}.",
    "{n} {people} were at {place} {time}, where {tname} spoke about {issue}.",
    "In a statement, {org} said {topic} had been {participle} and would be {participle2}.",
    "{Name} is expected to appear before {org} by {time_future}.",
)

#: Captions (a short line under a photograph).
CAPTIONS = (
    "{Name} at {place} {time}",
    "{People} outside {place} during {topic_word}",
    "{tname}, {role} of {org}",
)

#: Small fixed pools used by the templates alongside the CSV's pools.
EXTRA = {
    "topic_word": ("plan", "march", "budget", "strike", "ruling", "inquiry", "closure",
                   "proposal", "decision", "report", "ban", "scheme", "deal", "protest"),
    "verb": ("approve", "reject", "delay", "review", "scrap", "extend", "reverse", "fund"),
    "time_future": ("the summer", "next month", "the election", "the end of the year",
                    "Friday", "the next meeting", "the spring"),
    "opinion": ("support", "oppose", "are unsure about", "strongly oppose", "back",
                "have not heard of"),
    "adverb": ("lawfully", "properly", "in good faith", "quickly", "responsibly", "fairly"),
}

_SLOT = re.compile(r"\{(\w+)\}")


@lru_cache(maxsize=1)
def word_pools() -> dict[str, tuple[str, ...]]:
    """The word pools of ``data/generated_news_words.csv`` plus :data:`EXTRA`, by name.

    >>> pools = word_pools()
    >>> "said" in pools["speech"] and len(pools["first"]) >= 20
    True
    """
    path = resources.files("analysis") / "data" / "generated_news_words.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        pools = {row["pool"]: tuple(w.strip() for w in row["words"].split(";") if w.strip())
                 for row in csv.DictReader(handle)}
    pools.update(EXTRA)
    return pools


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class _Article:
    """Slot values for one article: its cast of people, its quotation marks, its rng."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        pools = word_pools()
        self.pools = pools
        self.cast = [(rng.choice(pools["title"]), rng.choice(pools["first"]),
                      rng.choice(pools["surname"])) for _ in range(rng.randint(2, 4))]
        self.named: set[int] = set()
        self.marks = QUOTE_STYLES[rng.randrange(len(QUOTE_STYLES))]

    def person(self) -> int:
        return self.rng.randrange(len(self.cast))

    def value(self, slot: str) -> str:
        rng, pools = self.rng, self.pools
        lower = slot[:1].lower() + slot[1:]
        if lower in {"name", "tname", "surname"}:
            who = self.person()
            title, first, surname = self.cast[who]
            if lower == "surname":
                text = surname
            elif lower == "name" or who not in self.named:
                self.named.add(who)
                text = f"{first} {surname}"
            else:
                text = f"{title} {surname}"
        elif lower == "he":
            text = rng.choice(pools["he_she"]).lower()
        elif lower in {"n", "n2"}:
            text = str(rng.choice((rng.randint(2, 12), rng.randint(12, 90),
                                   rng.randint(100, 4000))))
        elif lower == "pct":
            text = str(rng.randint(5, 95))
        elif lower in {"quote", "quote_comma"}:
            inner = self.fill(rng.choice(QUOTES))
            if rng.random() < 0.3:
                inner += ". " + self.fill(rng.choice(QUOTES))
            opening, closing = self.marks
            text = f"{opening}{inner}{',' if lower == 'quote_comma' else '.'}{closing}"
        elif lower == "scare":
            opening, closing = self.marks
            text = f"{opening}{rng.choice(pools['adjective'])}{closing}"
        else:
            pool = {"adj": "adjective", "adj2": "adjective", "participle2": "participle",
                    "people2": "people"}.get(lower, lower)
            text = rng.choice(pools[pool])
        return _capital(text) if slot[:1].isupper() else text

    def fill(self, template: str) -> str:
        return _capital(_SLOT.sub(lambda m: self.value(m.group(1)), template))


def generate_news(n_articles: int, seed: int = 0, paragraphs: tuple[int, int] = (4, 20),
                  id_prefix: str = "g") -> pd.DataFrame:
    """``n_articles`` generated news articles as JSONL-ready records (raw text).

    Each article: a headline, ``paragraphs`` (low, high) body paragraphs of one to three
    sentences, now and then a caption, an outlet from :data:`OUTLETS` and an April 2024
    date; about 390 words on the default range.

    >>> news = generate_news(3, seed=2)
    >>> news.article_id.tolist()
    ['g000000', 'g000001', 'g000002']
    >>> all(text.startswith(head + "\\n\\n") for head, text in zip(news.headline, news.text))
    True
    """
    rng = random.Random(seed)
    rows = []
    for i in range(n_articles):
        article = _Article(rng)
        headline = article.fill(rng.choice(HEADLINES))
        lines: list[str] = []
        for _ in range(rng.randint(*paragraphs)):
            count = rng.choice((1, 1, 2, 2, 2, 3))
            lines.append(" ".join(article.fill(rng.choice(SENTENCES)) for _ in range(count)))
            if rng.random() < 0.04:
                lines.append(article.fill(rng.choice(CAPTIONS)))
        lines = list(dict.fromkeys(line for line in lines if line != headline))
        rows.append(article_row(f"{id_prefix}{i:06d}", rng, headline, lines))
    return pd.DataFrame(rows, columns=COLUMNS)


#: The columns of a generated corpus.
COLUMNS = ["article_id", "outlet", "published", "headline", "text"]


def article_row(article_id: str, rng: random.Random, headline: str,
                lines: list[str]) -> dict[str, str]:
    """One generated article as a corpus row: an outlet and an April 2024 date drawn from
    ``rng``, then the text (the headline, then its paragraphs, a blank line between).

    >>> row = article_row("g1", random.Random(0), "Head", ["One.", "Two."])
    >>> row["text"], row["outlet"] in OUTLETS
    ('Head\\n\\nOne.\\n\\nTwo.\\n', True)
    """
    return {
        "article_id": article_id,
        "outlet": OUTLETS[rng.randrange(len(OUTLETS))],
        "published": f"2024-04-{rng.randint(13, 30):02d}",
        "headline": headline,
        "text": headline + "\n\n" + "\n\n".join(lines) + "\n",
    }


def distinct_share(sentences: Iterable[str]) -> tuple[int, int]:
    """``(distinct, total)``: how many different sentences there are among ``sentences``.

    >>> distinct_share(["A.", "B.", "A."])
    (2, 3)
    """
    items = list(sentences)
    return len(set(items)), len(items)
