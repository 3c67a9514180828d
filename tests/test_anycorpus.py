"""Any corpus, any story: the briefing says only what the user's own articles support.

A small corpus of another story (invented outlets, articles and actors, written here) is
rendered into the whole briefing; no page may name a seed outlet, a seed actor, a seed
article id or a seed-only claim. The seed names and ids are read from the seeds' own
manifest and actor table, so a new seed word is caught without editing this file.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analysis import briefing, glance, load_corpus
from analysis.framing.labels import actor_labels

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

#: Claims true only of the seed story or the seed articles, whatever their wording around.
SEED_CLAIMS = ("openly Jewish", "seed 00", "(seed", "these seeds", "the five seeds",
               "Radio Times", "trends now", "dailymail", "Good Morning Britain",
               "pro-Palestin", "antisemitism", "anti-Semitism")


LIBRARY_STORY = {
    "courier-1": ("Northvale Courier", "closure",
                  "Council votes to shut Riverside library\n"
                  "Northvale Council voted on Monday to close Riverside library in June, "
                  "blaming a shortfall of two hundred thousand pounds.\n"
                  "\"We have no choice left,\" said Councillor Priya Shah, who leads the "
                  "council's finance committee.\n"
                  "Campaigners from the Friends of Riverside Library said the decision was "
                  "a betrayal of families who rely on the reading room.\n"
                  "Councillor Priya Shah said the building needed repairs the council could "
                  "not afford.\n"),
    "courier-2": ("Northvale Courier", "protest",
                  "Hundreds march to save the library\n"
                  "Hundreds of residents marched through Northvale on Saturday to protest "
                  "against the closure of Riverside library.\n"
                  "\"This library taught my children to read,\" said Tomas Berg, chair of the "
                  "Friends of Riverside Library.\n"
                  "The council said it would publish its figures next week.\n"),
    "gazette-1": ("Hillside Gazette", "closure",
                  "Library axed in budget squeeze\n"
                  "Riverside library will close this summer after councillors backed the "
                  "plan, in a blow to pensioners and schoolchildren.\n"
                  "Finance chief Priya Shah claimed the council had been left with no "
                  "option.\n"
                  "\"It is a disgrace and a betrayal,\" said Tomas Berg of the Friends of "
                  "Riverside Library.\n"),
    "gazette-2": ("Hillside Gazette", "protest",
                  "Angry crowds fill the streets over library closure\n"
                  "Furious residents packed the high street on Saturday in protest at the "
                  "closure of Riverside library.\n"
                  "Campaign chair Tomas Berg said the fight would go on until the council "
                  "backed down.\n"
                  "\"We will not let them take it,\" said one pensioner.\n"),
    "post-1": ("Valley Post", "closure",
               "Riverside library to close in June\n"
               "Councillors agreed on Monday to close Riverside library, saying repairs to "
               "the building would cost more than the council can spend.\n"
               "Councillor Priya Shah said: \"We looked at every other option first.\"\n"
               "The Friends of Riverside Library have asked for a review.\n"),
}
LIBRARY_ACTORS = (
    "actor,aliases,type\n"
    "Priya Shah,Priya Shah;Councillor Priya Shah;Councillor Shah;Ms Shah,politician\n"
    "Tomas Berg,Tomas Berg;Mr Berg,campaigner\n"
    "Friends of Riverside Library,Friends of Riverside Library;the Friends,campaign group\n"
    "Northvale Council,Northvale Council;the council,local government\n"
    "residents,residents;pensioners;campaigners,public\n"
)


def write_library_corpus(folder: Path, with_story: bool = False) -> tuple[Path, Path]:
    """The invented library story: five articles, three outlets, a manifest and actors."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = []
    for article_id, (outlet, story, text) in LIBRARY_STORY.items():
        (folder / f"{article_id}.txt").write_text(text, encoding="utf-8")
        rows.append({"article_id": article_id, "file": f"{article_id}.txt", "outlet": outlet,
                     **({"story": story} if with_story else {})})
    pd.DataFrame(rows).to_csv(folder / "manifest.csv", index=False)
    actors = folder.parent / "library_actors.csv"
    actors.write_text(LIBRARY_ACTORS, encoding="utf-8")
    return folder, actors


def seed_words() -> tuple[list[str], list[str]]:
    """The seed outlets, actors and proper-noun aliases (matched with their capitals), and
    the seed article ids, read from the seeds' manifest and actor table."""
    manifest = pd.read_csv(SEEDS / "manifest.csv", dtype=str, keep_default_na=False)
    actors = pd.read_csv(SEEDS / "actors.csv", dtype=str, keep_default_na=False)
    names = {o for o in manifest["outlet"] if o and o != "unknown"}
    for actor, aliases in zip(actors["actor"], actors["aliases"], strict=True):
        for form in [actor, *aliases.split(";")]:
            form = form.strip()
            if form and form[0].isupper():  # proper names; "the force", "protesters" are not
                names.add(form)
    return sorted(names, key=len, reverse=True), sorted(manifest["article_id"])


def seed_hits(text: str) -> list[str]:
    """Every seed name, seed id or seed-only claim in ``text`` (visible text of a page)."""
    names, ids = seed_words()
    hits = [n for n in names if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", text)]
    hits += [i for i in ids if re.search(rf"(?<![\w.,/-]){re.escape(i)}(?![\w.,/-]?\d)", text)]
    hits += [c for c in SEED_CLAIMS if c.lower() in text.lower()]
    return hits


def visible_text(page: str) -> str:
    """A page's text as a reader sees it: no styles, images or tags, entities decoded."""
    page = re.sub(r"<style\b.*?</style>", " ", page, flags=re.DOTALL | re.IGNORECASE)
    page = re.sub(r"<img\b[^>]*>", " ", page, flags=re.IGNORECASE)
    page = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(page)


def test_seed_word_detector_finds_seed_words_and_spares_others():
    names, ids = seed_words()
    assert "MailOnline" in names and "Gideon Falter" in names and "the force" not in names
    assert ids == ["000", "001", "002", "003", "004"]
    assert seed_hits("as in seed 002 here") == ["002", "seed 00"]
    assert seed_hits("Mr Falter said") == ["Mr Falter", "Falter"]
    assert seed_hits("1,000 words; 2000 people; the force met residents at 10.002") == []


@pytest.fixture(scope="module", params=["own actor table", "no actor table"])
def library_briefing(request, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The whole briefing of the library story (every notebook runs: a few minutes), with
    the story's actor table and without one (the workbook then makes one from the
    articles; before, it fell back on the seed story's table)."""
    base = tmp_path_factory.mktemp("library")
    corpus, actors = write_library_corpus(base / "corpus")
    out = base / "briefing"
    given = ["--actors", str(actors)] if request.param == "own actor table" else []
    done = subprocess.run(
        [sys.executable, "-m", "analysis.briefing", "--corpus", str(corpus), *given,
         "--out", str(out), "--no-progress"],
        cwd=ROOT, capture_output=True, text=True, check=False)
    return out, done


PAGES = ["index", *[nb.stem for nb in briefing.find_notebooks()]]


@pytest.mark.slow  # a whole briefing render (every notebook runs): make test-all
@pytest.mark.parametrize("page", PAGES)
def test_a_briefing_on_another_story_makes_no_seed_claim(library_briefing, page):
    out, done = library_briefing
    path = out / f"{page}.html"
    assert path.is_file(), done.stdout + done.stderr
    text = visible_text(path.read_text(encoding="utf-8"))
    assert seed_hits(text) == [], f"{page}: {seed_hits(text)}"


@pytest.mark.slow
def test_the_start_here_page_leads_with_the_glance_and_each_pages_question(library_briefing):
    out, done = library_briefing
    index = visible_text((out / "index.html").read_text(encoding="utf-8"))
    assert index.index("Start here") < index.index("The pages, and the question each answers")
    for outlet in ("Northvale Courier", "Hillside Gazette", "Valley Post"):
        assert outlet in index
    assert "Answers: which articles does this corpus hold" in index
    assert "1 articles" not in index and " nan" not in index


@pytest.mark.slow
def test_the_at_a_glance_page_reads_like_a_briefing(library_briefing):
    out, _ = library_briefing
    page = visible_text((out / "05_briefing.html").read_text(encoding="utf-8"))
    for raw in ("mean_compound", "linsear_write_formula", "narration_tone", "share_of_voice",
                "run the cell again", "1 articles", "NaN", " nan"):
        assert raw not in page, raw
    assert "tone of the outlet's own words" in page
    # Each outlet has two articles at most: no comparison is stated as a difference.
    assert "cannot be" in page


# --------------------------------------------------------------------------- the numbers


def _corpus(rows: list[tuple[str, str, str]], story: list[str] | None = None) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["article_id", "outlet", "text"])
    frame["word_count"] = frame["text"].str.split().str.len()
    if story is not None:
        frame["story"] = story
    return frame


def _tables(voice: pd.DataFrame, n: int) -> dict[str, pd.DataFrame]:
    empty = pd.DataFrame()
    return {"voice": voice, "readability": empty, "quotes": pd.DataFrame(
        columns=["article_id", "outlet", "kind", "speaker", "speaker_type", "n_words",
                 "verb", "verb_class"]), "frame_sentences": None, "speakers": empty,
        "speaker_types": empty, "matches": empty, "reuse": empty, "labels": empty}


def _voice(ids: list[str], outlets: list[str], tone: list[float], n: int = 10) -> pd.DataFrame:
    return pd.DataFrame({"article_id": ids, "outlet": outlets, "narration_n": [n] * len(ids),
                         "narration_mean_compound": tone, "quoted_n": [0] * len(ids),
                         "quoted_mean_compound": [np.nan] * len(ids)})


def test_interval_matches_a_bootstrap_done_by_hand():
    num, den = np.array([2.0, 5.0, 1.0, 4.0]), np.array([10.0, 10.0, 5.0, 8.0])
    est, lo, hi = glance.ratio_interval(num, den)
    assert est == pytest.approx(12 / 33)
    rng = np.random.default_rng(glance.BOOT_SEED)
    picks = rng.integers(0, 4, size=(glance.N_BOOT, 4))
    boot = num[picks].sum(axis=1) / den[picks].sum(axis=1)
    assert (lo, hi) == pytest.approx(tuple(np.percentile(boot, [2.5, 97.5])))


def test_a_difference_within_its_uncertainty_is_not_a_finding():
    ids = [f"a{i}" for i in range(6)]
    outlets = ["A", "A", "A", "B", "B", "B"]
    corpus = _corpus([(i, o, "x") for i, o in zip(ids, outlets, strict=True)])
    # overlapping: A around -0.1, B around 0.0 with wide spread
    noisy = _tables(_voice(ids, outlets, [-0.5, 0.3, -0.1, 0.4, -0.4, 0.0]), 6)
    text = " ".join(f.text for f in glance.findings(corpus, noisy))
    assert "cannot be told apart" in text and "more negative" not in text
    # three articles each are too few for any gap to stand out from chance (a perfect split
    # of six articles comes up in a tenth of random reassignments); four each are enough
    clear = _tables(_voice(ids, outlets, [-0.52, -0.5, -0.48, 0.3, 0.32, 0.31]), 6)
    text = " ".join(f.text for f in glance.findings(corpus, clear))
    assert "cannot be told apart" in text and "more negative" not in text
    ids8, outlets8 = [f"a{i}" for i in range(8)], ["A"] * 4 + ["B"] * 4
    corpus8 = _corpus([(i, o, "x") for i, o in zip(ids8, outlets8, strict=True)])
    clear8 = _tables(_voice(ids8, outlets8, [-0.52, -0.5, -0.48, -0.5, 0.3, 0.32, 0.31, 0.3]),
                     8)
    text = " ".join(f.text for f in glance.findings(corpus8, clear8))
    assert "A is the more negative and B the more positive" in text


def test_the_extremes_of_many_alike_outlets_are_not_a_finding():
    # twelve outlets whose articles all come from one distribution (fixed seeds): the two
    # extremes' own interval usually excludes zero, since they were picked for being far
    # apart; the finding must say so at most about as often as its 5% level allows
    named = apart = 0
    for seed in range(20):
        rng = np.random.default_rng(seed)
        outlets = [f"O{k:02d}" for k in range(12) for _ in range(4)]
        ids = [f"a{i}" for i in range(len(outlets))]
        tone = rng.normal(0, 0.3, len(ids))
        corpus = _corpus([(i, o, "x") for i, o in zip(ids, outlets, strict=True)])
        text = " ".join(f.text for f in glance.findings(
            corpus, _tables(_voice(ids, outlets, tone.tolist()), len(ids))))
        named += "the more negative and" in text
        means = pd.Series(tone).groupby(outlets).mean()
        lo, hi = means.idxmin(), means.idxmax()
        _, low, _ = glance.difference_interval(
            tone[np.array(outlets) == hi], np.ones(4), tone[np.array(outlets) == lo], np.ones(4))
        apart += low > 0
    assert apart >= 10  # the old rule would have named most of these
    assert named <= 2


def test_one_article_per_outlet_is_too_few_to_say():
    corpus = _corpus([("1", "A", "x"), ("2", "B", "y")])
    found = glance.findings(corpus, _tables(_voice(["1", "2"], ["A", "B"], [-0.9, 0.9]), 2))
    assert any(glance.TOO_FEW in f.text for f in found)
    assert not any("more negative" in f.text for f in found)


def test_within_stories_compares_each_outlet_with_the_story_mean():
    # BASIL-shaped: 4 stories x 3 outlets. Story s0 is grim for everyone; outlet C covers
    # it and two others, so pooled tone would make C look darker; within stories,
    # C is exactly 0.1 more positive than the story mean everywhere.
    rows, story, tone = [], [], []
    base = {"s0": -0.6, "s1": 0.0, "s2": 0.1, "s3": 0.2}
    plan = {"A": ["s1", "s2", "s3"], "B": ["s1", "s2", "s3"], "C": ["s0", "s0", "s1", "s2"]}
    shift = {"A": -0.05, "B": -0.05, "C": 0.1}
    for outlet, stories in plan.items():
        for k, s in enumerate(stories):
            rows.append((f"{outlet}{k}", outlet, f"text {s}"))
            story.append(s)
            tone.append(base[s] + shift[outlet])
    corpus = _corpus(rows, story)
    ids = [r[0] for r in rows]
    tables = _tables(_voice(ids, [r[1] for r in rows], tone), len(rows))
    per = glance.article_figures(corpus, tables)
    assert (per.loc[per["outlet"] == "C", "story"] == "").sum() == 2  # the two s0 articles
    overview = glance.outlet_overview(corpus, tables).set_index("outlet")
    # by hand: s1 mean = (-0.05 - 0.05 + 0.1) / 3 = 0 → C +0.1, A -0.05; s2 likewise;
    # s3 (A and B only) mean = 0.15 → A 0. So C +0.1 and A (-0.05 - 0.05 + 0) / 3.
    assert overview.loc["C", "narration_tone"] == pytest.approx(0.1)
    assert overview.loc["A", "narration_tone"] == pytest.approx(-0.1 / 3)
    # pooled without the story column, C would read darkest (the grim story s0)
    pooled = glance.outlet_overview(corpus.drop(columns="story"), tables).set_index("outlet")
    assert pooled["narration_tone"].idxmin() == "C"
    design = glance.story_design(corpus)
    assert design.mode == "within stories" and design.stories == 3  # s0 is C's alone
    assert "compared within stories" in design.sentence


def test_many_stories_without_a_story_column_is_said():
    topics = ["harbour wall repairs storm council", "budget vote taxes parliament minister",
              "football final stadium goal striker", "hospital waiting list nurses doctors",
              "election count ballot polling turnout", "railway strike drivers union pay"]
    rows = [(f"{i}{o}", o, t)
            for i, t in enumerate(topics) for o in ("A", "B", "C")]
    many = _corpus(rows)
    assert glance.story_design(many).mode == "many stories"
    assert "mixes which stories" in glance.story_design(many).sentence
    assert glance.story_design(load_corpus(SEEDS)).mode == "one story"


def test_actor_labels_count_what_each_outlet_calls_each_actor(tmp_path):
    corpus_dir, actors = write_library_corpus(tmp_path / "corpus")
    corpus = load_corpus(corpus_dir)
    labels = actor_labels(corpus, actors)
    row = labels[(labels["outlet"] == "Hillside Gazette") & (labels["actor"] == "Priya Shah")
                 & (labels["kind"] == "descriptor")]
    # "Finance chief Priya Shah claimed …" — the Gazette's own words for her.
    assert row["label"].tolist() == ["Finance chief"]
    words = int(corpus.loc[corpus["outlet"] == "Hillside Gazette", "word_count"].sum())
    assert row["per_1000_words"].iloc[0] == pytest.approx(round(1000 / words, 2))
    chair = labels[(labels["actor"] == "Tomas Berg") & (labels["kind"] == "descriptor")]
    assert set(chair["label"]) == {"Campaign chair",
                                   "chair of the Friends of Riverside Library"}


def doe_labels(text: str, alias: str = "Jane Doe") -> pd.DataFrame:
    """actor_labels for one article of the outlet "Daily News" and one actor, Jane Doe."""
    corpus = pd.DataFrame({"article_id": ["1"], "outlet": ["Daily News"], "text": [text],
                           "word_count": [len(text.split())]})
    actors = pd.DataFrame({"actor": ["Jane Doe"], "aliases": [alias], "type": ["person"]})
    return actor_labels(corpus, actors)


def test_a_verb_a_conjunction_or_an_outlet_before_a_name_is_no_label():
    text = ("Although Jane Doe spoke first, the mayor met Jane Doe later. "
            "A spokesman told Daily News Jane Doe had left. Councillor Jane Doe agreed.")
    labels = doe_labels(text)
    # "Although", "met" (a past form without -ed) and the outlet's own name describe no one
    assert labels.loc[labels["kind"] == "descriptor", "label"].tolist() == ["Councillor"]


def test_a_relative_who_shares_the_surname_is_not_a_mention_of_the_actor():
    """An actor listed by surname ("Doe") is not mentioned by another Doe: a first name
    from the census lists ("Bill"), or a word no dictionary holds ("Ivanka"), before the
    surname names someone else, as does "Jr." after the name. The actor's own first name,
    a title, a party and a month before the surname do not."""
    from analysis.actors import find_mentions, load_actors

    actors = load_actors(pd.DataFrame({"actor": ["Jane Doe"], "aliases": ["Doe;Ms Doe"],
                                       "type": ["person"]}))
    text = ("Bill Doe spoke. Then Ivanka Doe and Jane Doe arrived; Senator Doe, "
            "Republican Doe and Ms Doe followed. In June Doe left. John Doe Jr. stayed, "
            "and Doe Jr. too. Will Doe return?")
    found = [f"{text[:s].split()[-1]} {text[s:e]}" for s, e, _ in find_mentions(text, actors)]
    assert found == ["and Jane Doe", "Senator Doe", "Republican Doe", "and Ms Doe",
                     "June Doe", "Will Doe"]
    # a capitalised word naming another body or a place after the name: not the actor
    other = "The Doe Foundation paid. Ms Doe Tower opened. Ms Doe spoke."
    assert [other[s:e] for s, e, _ in find_mentions(other, actors)] == ["Ms Doe"]
    # a numbered heir and "Jnr" name another person too (one word list with the speakers')
    heirs = "Jane Doe II spoke. Doe III left. Jane Doe Jnr stayed. Jane Doe came."
    assert [heirs[s:e] for s, e, _ in find_mentions(heirs, actors)] == ["Jane Doe"]
    # the actor's own first name and middle initials before the surname are the mention
    initials = "President Jane Q. Doe spoke, as did Jane H.W. Doe and John Q. Doe."
    assert [initials[s:e] for s, e, _ in find_mentions(initials, actors)] == [
        "Jane Q. Doe", "Jane H.W. Doe"]


def test_a_speaker_named_by_surname_in_one_outlet_counts_with_the_full_name_in_another():
    from analysis.attribution import extract_quotes, sources_table

    corpus = _corpus([
        ("a1", "Daily", '"We will build it," said Mayor Jane Okafor. "Soon," Okafor added.'),
        ("b1", "Courier", '"It is too late," said Okafor. "And too dear," said Bill Doe.'),
        ("b2", "Courier", '"Wait," said Doe. "No," said Capitol Hill.')])
    table = sources_table(extract_quotes(corpus))
    speakers = {(o, s): n for o, s, n in table[["outlet", "speaker", "quotations"]].values}
    # "Okafor" alone (Courier) is the Jane Okafor of the Daily, "Doe" the Bill Doe.
    assert speakers == {("Daily", "Jane Okafor"): 2, ("Courier", "Jane Okafor"): 1,
                        ("Courier", "Bill Doe"): 2, ("Courier", "Capitol Hill"): 1}


def test_prepositions_adverbs_and_clauses_beside_a_name_are_no_label():
    text = ("Beyond Jane Doe, few spoke. Meanwhile Jane Doe left. Smith leads Jane Doe now. "
            "Jane Doe, among local voters, led. Jane Doe, the answer is no, said. "
            "Former mayor Jane Doe, the group's founder, agreed.")
    labels = doe_labels(text)
    assert sorted(labels.loc[labels["kind"] == "descriptor", "label"]) == [
        "Former mayor", "the group's founder"]


def test_a_figure_a_plural_or_the_rest_of_the_sentence_after_a_name_is_no_label():
    # sentences written for this test, one pattern each; only the last two are appositives
    text = ("Voters favoured Jane Doe, 53 percent to 39 percent. "
            "I thank Jane Doe, the activists, and the staff. "
            "Her deputy, Councillor Jane Doe, plans to resign soon. "
            "Bill Roe backed Jane Doe, who’s ready to serve, on Monday. "
            "Critics Mock Jane Doe, The Council Did Nothing. "
            "On Sunday, Jane Doe, the party's leader, spoke. "
            "They met Jane Doe, a former teacher.")
    labels = doe_labels(text)
    after = labels[labels["kind"] == "descriptor"]["label"]
    assert sorted(after) == ["Councillor", "a former teacher", "the party's leader"]


def test_an_honorific_or_a_headline_verb_before_a_name_is_no_label():
    text = ("Mr Doe spoke. Council Slams Mayor Doe Over Cuts\nLater, Mayor Doe agreed.")
    labels = doe_labels(text, alias="Doe")
    described = labels[labels["kind"] == "descriptor"]
    assert dict(zip(described["label"], described["count"], strict=True)) == {"Mayor": 2}


def test_a_manifest_story_column_reaches_the_comparison(tmp_path):
    # The library story as two events (the vote, the march), three outlets, via load_corpus.
    corpus_dir, actors = write_library_corpus(tmp_path / "corpus", with_story=True)
    corpus = load_corpus(corpus_dir)
    assert sorted(corpus["story"].unique()) == ["closure", "protest"]
    design = glance.story_design(corpus)
    assert design.mode == "within stories" and design.stories == 2
    tables = glance.briefing_tables(corpus, actors)
    per = glance.article_figures(corpus, tables)
    # within a story, the articles' deviations from the story mean sum to zero
    for _, group in per[per["narration_tone_den"] > 0].groupby("story"):
        assert group["narration_tone_num"].sum() == pytest.approx(0, abs=1e-9)
    overview = glance.outlet_overview(corpus, tables)
    assert overview["stories"].tolist() == [2, 2, 1]  # Gazette, Courier, Post


def test_the_index_shows_the_glance_of_this_corpus_only_and_escapes_it(tmp_path):
    hostile = "<script>alert(1)</script>"
    table = pd.DataFrame({"outlet": [hostile], "articles": ["3"]})
    found = [glance.Finding(f"{hostile} is the more negative.", "sentence sentiment", True),
             glance.Finding("A frame leads.", "frames", False)]
    design = glance.StoryDesign("one story", 1, 0.2, "One story.")
    glance.save_glance(tmp_path / "data", found, table, design, "/x/mycorpus")
    pages = [briefing.Page("00_x.ipynb", "00_x.html", "X", "Finding.")]
    page = briefing.write_index(pages, tmp_path, "mycorpus", "3 articles").read_text()
    assert "<script" not in page and "&lt;script&gt;" in page
    assert "<em>Experimental:</em> A frame leads." in page
    assert page.index("Start here") < page.index("00_x.html")
    other = briefing.write_index(pages, tmp_path, "another", "3 articles").read_text()
    assert "is the more negative" not in other


def test_actor_tone_is_a_finding_only_outside_its_uncertainty():
    from analysis.glance import actor_tone_finding

    def table(a_scores, b_scores):
        n = len(a_scores)
        return pd.DataFrame({"article_id": [str(i) for i in range(2 * n)],
                             "outlet": ["A"] * n + ["B"] * n, "actor": ["police"] * (2 * n),
                             "n_sentences": [4] * (2 * n),
                             "mean_compound": [*a_scores, *b_scores]})

    clear = actor_tone_finding(table([-0.5, -0.6, -0.55, -0.5], [0.3, 0.35, 0.4, 0.3]))
    assert "A is the more negative" in clear and "B the more positive" in clear
    # three articles each: no split of six articles is rarer than one in ten by chance
    three = actor_tone_finding(table([-0.5, -0.6, -0.55], [0.3, 0.35, 0.4]))
    assert "within what chance gives" in three
    # The same means, but the articles of each outlet disagree: the interval spans zero.
    mixed = actor_tone_finding(table([-0.9, 0.8, -0.5], [0.9, -0.8, 0.3]))
    assert "cannot be told apart" in mixed
    few = actor_tone_finding(table([-0.5, -0.6], [0.3, 0.35]))
    assert "too few to say" in few


def test_words_before_a_name_that_modifies_a_noun_describe_the_noun():
    # sentences written for this test: the name modifies "aide", "report", "movement"
    text = ("A senior Jane Doe aide spoke. The latest Jane Doe report came out. "
            "The Stop Jane Doe movement grew. President Jane Doe hugs a child. "
            "Mayor Jane Doe said no.")
    labels = doe_labels(text)
    described = labels[labels["kind"] == "descriptor"]
    assert dict(zip(described["label"], described["count"], strict=True)) == {
        "President": 1, "Mayor": 1}


def test_a_determiner_or_a_plural_noun_before_a_name_is_no_label():
    # sentences written for this test: "Neither" and "both" pick people out, describe none;
    # in "the hurdles Jane Doe has faced" the plural noun is what she faced
    text = ("Neither Jane Doe nor her rival spoke. The town backed both Jane Doe and Bill Roe. "
            "He listed the hurdles Jane Doe has faced. Treasurer Jane Doe signed.")
    labels = doe_labels(text)
    assert labels.loc[labels["kind"] == "descriptor", "label"].tolist() == ["Treasurer"]


def test_abbreviated_titles_and_long_appositives_are_read_whole():
    # sentences written for this test: US-style titles keep their full stop, an appositive
    # may be long, hold an initial's full stop or open with an organisation's possessive
    text = ("Vermont Sen. Jane Doe spoke first. Later, U.S. Rep. Jane Doe left. "
            "Incoming Gov. Jane Doe waved. Please support Jane Doe now. "
            "\"It is late,\" says Jane Doe, professor of marine biology at the "
            "University of the North Atlantic. Voters met Jane Doe, a lecturer at the "
            "J.K. Adams School of Law, on Monday. Her friend Jane Doe, the Trust's chair, "
            "agreed.")
    labels = doe_labels(text)
    assert sorted(labels.loc[labels["kind"] == "descriptor", "label"]) == sorted([
        "Vermont Sen.", "U.S. Rep.", "Incoming Gov.", "friend",
        "professor of marine biology at the University of the North Atlantic",
        "a lecturer at the J.K. Adams School of Law", "the Trust's chair"])


def test_a_clause_or_a_list_after_a_name_is_no_appositive_however_long():
    # sentences written for this test: what follows the comma is the sentence's own clause,
    # a relative clause, or more names of a list
    text = ("Despite two apologies from Jane Doe, doubts persist regarding the handling of "
            "the case by the council. For Jane Doe, the hearing presented a chance to set out "
            "her plans in full. Jane Doe, whose long campaign harkened back to an older "
            "politics of the county, won. Groups such as Jane Doe, the City Forum and the "
            "Tenants Trust, signed.")
    labels = doe_labels(text)
    assert labels.loc[labels["kind"] == "descriptor", "label"].tolist() == []


def test_a_quotation_or_a_title_s_full_stop_ends_no_appositive():
    # sentences written for this test, in shapes met in news: the comma after a name opens
    # the sentence's own clause with a quotation in it ("Mr. Obama, the prime minister
    # ''looked ashen,''" had given "the prime minister ''looked ashen"), or a title's full
    # stop ends the run ("the State Department, a charge that Mrs." had been one); a plural
    # followed by an adverb describes two ("..., the likely Democratic and Republican
    # Presidential candidates respectively," had been Trump's)
    text = ("Leaving a meeting with Jane Doe, the minister ''looked ashen,'' an aide said. "
            "The money reached Jane Doe, a charge that Mrs. Roe denied. "
            "After a talk with Jane Doe, the mayor ‘felt let down,’ his office said. "
            "Both Tom Roe and Jane Doe, the likely Labour and Green candidates respectively, "
            "spoke. Jane Doe, the council's engineer, agreed.")
    labels = doe_labels(text)
    assert labels.loc[labels["kind"] == "descriptor", "label"].tolist() == [
        "the council's engineer"]
