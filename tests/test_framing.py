"""Tests of analysis.framing: hand-checked expectations on the seeds, synthetic texts with
known answers, and the bad inputs of issue 5."""

from __future__ import annotations

import math
import re

import matplotlib
import pandas as pd
import pytest

from analysis import framing as F

matplotlib.use("Agg")

FRAME_COLUMNS = ["conflict", "human_interest", "responsibility", "morality", "economic"]


def make_corpus(*texts: str, outlets: list[str] | None = None) -> pd.DataFrame:
    """A small corpus DataFrame with the columns the framing functions read."""
    ids = [f"{i:03d}" for i in range(len(texts))]
    return pd.DataFrame({
        "article_id": ids,
        "outlet": outlets or [f"Outlet {i}" for i in range(len(texts))],
        "headline": [None] * len(texts),
        "text": list(texts),
    })


@pytest.fixture(scope="module")
def seeds(corpus):
    return corpus


@pytest.fixture(scope="module")
def quotes(seeds):
    from analysis.attribution import extract_quotes

    return extract_quotes(seeds)


# Each measure is computed once per module on the seeds, without precomputed inputs (as a
# reader calls it); test_precomputed_inputs_give_the_same_tables checks the other way.
@pytest.fixture(scope="module")
def frames_seeds(seeds):
    return F.frame_sentences(seeds)


@pytest.fixture(scope="module")
def loaded_seeds(seeds):
    return F.loaded_language(seeds)


@pytest.fixture(scope="module")
def passives_seeds(seeds):
    return F.passives(seeds)


@pytest.fixture(scope="module")
def labels_seeds(seeds):
    return F.label_occurrences(seeds, F.load_label_families())


@pytest.fixture(scope="module")
def reuse_seeds(seeds):
    return F.text_reuse(seeds)


# --- 1. labels ---------------------------------------------------------------------------

def test_label_usage_seed_counts(seeds, quotes, sentences):
    # the seed story's hand-written list, asked for explicitly
    usage = F.label_usage(seeds, F.load_label_families(), quotes=quotes, sentences=sentences)
    assert list(usage.columns[:4]) == ["outlet", "family", "term", "count"]

    def count(outlet, family, term):
        row = usage[(usage.outlet == outlet) & (usage.family == family) & (usage.term == term)]
        return int(row["count"].sum())

    # Hand-checked in the seed files: 001 says "the Met boss has admitted" once in its body
    # (its "Under-fire Met boss" headline copies are aggregator furniture, removed).
    assert count("MailOnline", "commissioner", "Met boss") == 1
    # "CAA boss Gideon Falter" and "Campaign Against Antisemitism boss Gideon Falter" (000);
    # "Met boss" (001) must not count as a name for Falter.
    assert count("MailOnline", "Falter", "boss") == 2
    # 002's translation prints "open Jew", once; 003 prints "openly Jewish" once.
    assert count("PA-credited rewrite", "openly Jewish", "open Jew") == 1
    assert count("Jewish community paper", "openly Jewish", "openly Jewish") == 1
    # 004 calls the event a "pro-Palestinian march", once.
    assert count("unknown", "event", "pro-Palestinian march") == 1


def test_label_voice_on_seeds(labels_seeds):
    occ = labels_seeds
    oj = occ[(occ.family == "openly Jewish") & (occ.article_id == "003")]
    # 003: 'was described by an officer as being “openly Jewish”' -- the paper sets the
    # officer's phrase in quotation marks itself: not narration.
    assert oj["voice"].tolist() != ["narration"]
    # 000: Falter's email 'I will be quite openly Jewish' is a source's quoted words.
    falter = occ[(occ.article_id == "000") & (occ.term == "quite openly Jewish")
                 & occ.context.str.contains("whilst walking")]
    assert falter["voice"].tolist() == ["quote"]


def test_label_usage_synthetic_longest_match_plural_exclude():
    c = make_corpus("The pro-Palestine march went on. Two marches and a rally followed. "
                    "The Met boss and the CAA boss met.")
    fams = pd.DataFrame({
        "family": ["event", "event", "event", "Falter"],
        "term": ["pro-Palestine march", "march", "rally", "boss"],
        "exclude": ["", "", "", "Met boss"],
    })
    u = F.label_usage(c, fams).set_index("term")["count"].to_dict()
    assert u == {"pro-Palestine march": 1, "march": 1, "rally": 1, "boss": 1}


def test_label_voice_synthetic_with_given_quotes():
    text = "The top cop spoke. He said: 'The top cop is here.' A 'top cop' indeed."
    c = make_corpus(text)
    start = text.index("The top cop is")
    quotes = pd.DataFrame({"article_id": ["000"], "kind": ["direct"], "start": [start],
                           "end": [start + len("The top cop is here.")]})
    occ = F.label_occurrences(c, {"police": ["top cop"]}, quotes=quotes)
    assert occ["voice"].tolist() == ["narration", "quote", "scare quote"]


def test_label_families_default_to_the_actor_table_not_the_seed_list(seeds, quotes,
                                                                      sentences):
    # no families and no actor table: nothing to name, on the seeds too
    assert len(F.label_usage(seeds, quotes=quotes, sentences=sentences)) == 0
    usage = F.label_usage(seeds, quotes=quotes, sentences=sentences,
                          actors="seeds/actors.csv")
    # one family per actor of the table, none of the seed list's own families
    assert set(usage["family"]) <= set(pd.read_csv("seeds/actors.csv")["actor"])
    assert not set(usage["family"]) & {"Falter", "commissioner", "event", "openly Jewish"}
    # 000 names "CAA boss Gideon Falter" and "Campaign Against Antisemitism boss Gideon
    # Falter": "boss" is found as Falter's descriptor in the corpus (2 uses), and the
    # commissioner's alias "Met boss" (001) is not counted as Falter's "boss"
    fal = usage[(usage.family == "Gideon Falter") & (usage.term == "boss")]
    assert int(fal["count"].sum()) == 2


def test_actor_label_families_aliases_descriptors_and_excludes():
    c = make_corpus("Campaigner Jane Doe met the council. Campaigner Jane Doe spoke. "
                    "The council boss left. Critic Jane Doe stayed.")
    actors = pd.DataFrame({"actor": ["Jane Doe", "City Council", "Tom Roe"],
                           "aliases": ["Jane Doe;Ms Doe", "City Council;the council",
                                       "Tom Roe;the council boss"],
                           "type": ["campaign group", "public body", "public body"]})
    fams = F.actor_label_families(c, actors)
    terms = fams.groupby("family")["term"].apply(list).to_dict()
    # "Campaigner" twice: a descriptor; "Critic" once: below min_uses
    assert terms["Jane Doe"] == ["Jane Doe", "Ms Doe", "Campaigner"]
    # "the council" is not counted inside Tom Roe's "the council boss"
    ex = fams.set_index("term")["exclude"].to_dict()
    assert ex["the council"] == "the council boss"
    u = F.label_usage(c, fams).set_index(["family", "term"])["count"].to_dict()
    assert u[("City Council", "the council")] == 1
    assert u[("Tom Roe", "the council boss")] == 1
    # by side: one family per actor type
    sides = F.actor_label_families(c, actors, by="type")
    assert set(sides["family"]) == {"campaign group", "public body"}
    assert {"the council", "the council boss"} <= set(
        sides.loc[sides.family == "public body", "term"])


def _words_before_jane_doe(text: str) -> str:
    """The describing words ``descriptors_at`` finds before "Jane Doe" in ``text``."""
    from analysis.framing.labels import descriptors_at

    start = text.index("Jane Doe")
    return descriptors_at(text, start, start + 8)[0]


# Sentences written for these tests, each in a shape met in news the rules had misread.
@pytest.mark.parametrize(("text", "before"), [
    # a group and its verb: "many Republicans fear Jane Doe would ..." had given Jane Doe
    # the descriptor "Republicans fear"
    ("It is the kind of judge many Republicans fear Jane Doe would pick.", ""),
    ("Officials say Democrats face Jane Doe in the spring.", ""),
    ("Democrats fear Jane Doe will win.", ""),
    ("He went to meet Labour leader Jane Doe on Friday.", "Labour leader"),
    # a noun ending another phrase before a title ("the Syrian refugees President Obama
    # wants to bring" had given "Syrian refugees President")
    ("If the Syrian refugees President Jane Doe wants pose a risk, act.", "President"),
    ("In her Earth Day message President Jane Doe said no.", "President"),
    ("Republican candidate Sen. Jane Doe said no.", "Republican candidate Sen."),
    # a name opening with an -ed word ("Planned Parenthood's president Cecile Richards" had
    # given "Parenthood's president", the -ed word read as a verb)
    ("Planned Parenthood's president Jane Doe noted the vote.",
     "Planned Parenthood's president"),
    ("The United Nations envoy Jane Doe said no.", "United Nations envoy"),
    ("The plan needed Jane Doe to agree.", ""),
    # a photo credit glued to the next sentence, a month, a headline in title case; a
    # camel-case company name stays whole
    ("Photo: Getty ImagesRepublican candidate Sen. Jane Doe spoke.",
     "Republican candidate Sen."),
    ("In August Jane Doe met the families.", ""),
    ("Nine Offensive Things Jane Doe Has Said About Cats", ""),
    ("ExxonMobil CEO Jane Doe said so.", "ExxonMobil CEO"),
    # the name modifies a noun the lexicon lacks or reads first as an adjective: the words
    # before describe that noun ("the longtime Trump associate who ...")
    ("Former Jane Doe speechwriter Tom Hale spoke.", ""),
    ("He met the longtime Jane Doe associate who left.", ""),
    # a thing the name's clause is about, with no "that" ("the strategy Obama trumpeted",
    # "the night Clinton won", "One advantage Sanders may have" had given "strategy",
    # "night", "One advantage"); a person's noun or an adjective still describes
    ("Critics faulted the strategy Jane Doe announced.", ""),
    ("That was the night Jane Doe won the state.", ""),
    ("One advantage Jane Doe may have is money.", ""),
    ("It is the best opportunity Jane Doe will have.", ""),
    ("Then the campaigner Jane Doe spoke.", "campaigner"),
    ("Later the front-runner Jane Doe spoke.", "front-runner"),
    ("A defensive Jane Doe said no.", "defensive"),
    ("He said the group Jane Doe had founded would go.", "group"),
    # a headline in title case run into the body on one line ("Top Trump Cabinet Pick
    # Went On ...", "... Try To Change Trump's Mind On ..." had given "Top" and "Change")
    ("Top Jane Doe Cabinet Pick Went On Television The pick was poor.", ""),
    ("World Leaders Try To Change Jane Doe's Mind On Climate Change It was eight to one.", ""),
    ("The Scourge Of Cow Flatulence Democratic New York Rep. Jane Doe's plan got a lift.",
     "Rep."),
    # ... nor a time ("In the past Trump has suggested" had given "past")
    ("In the past Jane Doe has said so.", ""),
    # a clause's plural subject and verb before the name, a thing alone or after a
    # possessive ("Polls show voters trust Clinton", a headline's "Paris attacks test
    # Clinton's strategy", "during his administration Scott had cut" had given "Polls show
    # voters trust", "Paris attacks test", "administration"); a modifier may make a thing
    # a person ("Hollywood legend")
    ("Polls show voters trust Jane Doe more than her rival.", ""),
    ("Storm floods test Jane Doe's plans; the city waits", ""),
    ("During his administration Jane Doe had cut the budget.", ""),
    ("The “wise Latina” phrase Jane Doe cited was old.", ""),
    ("It was once owned by Hollywood legend Jane Doe, who sold it.", "Hollywood legend"),
    # an -ing word before a person's noun after a determiner describes ("his running mate
    # Tim Kaine" had given "mate"); one after a verb or a comma is a verb
    ("He campaigned with his running mate Jane Doe in Ohio.", "running mate"),
    ("Trump won the state, beating rival Jane Doe at home.", "rival"),
    # a step in a sequence ("First Trump goes to Louisiana" had given "First")
    ("First Jane Doe goes to Ohio, now she goes to Iowa.", ""),
    ("First Lady Jane Doe spoke.", "First Lady"),
    ("Report: Half Jane Doe's meetings were with donors", ""),
    # the name modifies a capitalised noun after it: a book, an office ("Peter Schweizer's
    # book Clinton Cash", "former Obama Education Secretary Arne Duncan" had given
    # "Peter Schweizer's book" and "former")
    ("Peter Hale's book Jane Doe Cash details the gifts.", ""),
    ("The former Jane Doe Education Secretary Tom Hale said so.", ""),
    # ... but not names listed in a sentence, nor a name before a capitalised name, nor a
    # day set off by a comma ("On Wednesday, Republican nominee Donald Trump urged")
    ("On Wednesday, Republican nominee Jane Doe urged them on.", "Republican nominee"),
    ("Backers, including Massachusetts Sen. Jane Doe and California Sen. Tom Hale, met.",
     "Massachusetts Sen."),
    ("It is Democratic New York Rep. Jane Doe's Green New Deal that passed.",
     "Democratic New York Rep."),
])
def test_the_words_before_a_name_that_describe_it(text: str, before: str):
    assert _words_before_jane_doe(text) == before


def test_a_title_describing_an_actor_counts_only_where_it_names_that_actor():
    # sentences written for this test: "Senator" described Jane Doe twice, so it joined her
    # label family and had been counted before another senator's name too
    from analysis.framing.labels import actor_label_families, label_occurrences

    corpus = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"], "text": [
        "Senator Jane Doe spoke. Senator Tom Hale did not. Later the Senator left.",
        "Senator Jane Doe voted. Voters rarely know their state senator."]})
    actors = pd.DataFrame({"actor": ["Jane Doe"], "aliases": ["Jane Doe"],
                           "type": ["politician"]})
    families = actor_label_families(corpus, actors)
    assert "Senator" in families["term"].tolist()
    occ = label_occurrences(corpus, families)
    titles = occ[occ["term"] == "Senator"]
    assert sorted(zip(titles["article_id"], titles["start"], strict=True)) == [
        ("1", 0), ("1", corpus.loc[0, "text"].index("Senator left")), ("2", 0)]


def test_a_describing_word_that_cannot_name_an_actor_alone_counts_only_beside_it():
    # sentences written for this test: a party, a place or an adjective put twice before
    # Jane Doe's name joins her family, but had been counted wherever it occurs ("Republican"
    # in every "Republican convention"); a doer's noun still counts as "the campaigner"
    from analysis.framing.labels import actor_label_families, label_occurrences

    corpus = pd.DataFrame({"article_id": ["1", "2"], "outlet": ["A", "B"], "text": [
        "Republican Jane Doe spoke in Ohio. The Republican convention opened. "
        "Campaigner Jane Doe left.",
        "Republican Jane Doe voted. Campaigner Jane Doe won. The campaigner left the "
        "Republican caucus."]})
    actors = pd.DataFrame({"actor": ["Jane Doe"], "aliases": ["Jane Doe"],
                           "type": ["politician"]})
    families = actor_label_families(corpus, actors)
    assert {"Republican", "Campaigner"} <= set(families["term"])
    occ = label_occurrences(corpus, families)
    found = sorted(zip(occ["article_id"], occ["term"], occ["start"], strict=True))
    second = corpus.loc[1, "text"]
    assert [f for f in found if f[1] != "Jane Doe"] == [
        ("1", "Campaigner", corpus.loc[0, "text"].index("Campaigner")),
        ("1", "Republican", 0),
        ("2", "Campaigner", second.index("Campaigner")),
        ("2", "Campaigner", second.index("campaigner left")),
        ("2", "Republican", 0)]


@pytest.mark.parametrize("families", [{}, pd.DataFrame(columns=["family", "term"])])
def test_label_usage_empty_family_list(seeds, families, quotes, sentences):
    out = F.label_usage(seeds, families, quotes=quotes, sentences=sentences)
    assert len(out) == 0
    assert "count" in out.columns


def test_label_families_bad_file(tmp_path):
    bad = tmp_path / "fams.csv"
    bad.write_text("name,word\nx,y\n", encoding="utf-8")
    with pytest.raises(ValueError, match="family"):
        F.load_label_families(str(bad))


# --- 2. frames ---------------------------------------------------------------------------

def test_frame_sentences_columns_and_body_only(seeds, sentences, frames_seeds):
    assert list(frames_seeds.columns[:7]) == ["article_id", "sentence_id", *FRAME_COLUMNS]
    n_body = int((sentences.kind == "body").sum())
    assert len(frames_seeds) == n_body
    for f in FRAME_COLUMNS:
        assert frames_seeds[f].dtype == bool


def test_frame_seed_sentences(frames_seeds):
    def row(aid, start):
        hit = frames_seeds[(frames_seeds.article_id == aid)
                           & frames_seeds.text.str.startswith(start)]
        assert len(hit) == 1, start
        return hit.iloc[0]

    # Calls for the commissioner to go: a reproach (conflict) and blame (responsibility).
    r = row("001", "It comes as Sir Mark is facing a battle")
    assert r.conflict and r.responsibility
    # Arrests after the march: conflict, no economic content.
    r = row("000", "Nine people were arrested")
    assert r.conflict and not r.economic


def test_frame_personal_vignette():
    # A religious practice in a personal vignette: human interest (family) and morality
    # (religion); a first person with a feeling is human interest, without one it is not.
    c = make_corpus("She walked to church with her family. "
                    "I was afraid to go out. "
                    "I will send the figures later.")
    fs = F.frame_sentences(c)
    assert fs["human_interest"].tolist() == [True, True, False]
    assert fs["morality"].tolist() == [True, False, False]


def test_frames_synthetic():
    c = make_corpus("The council said the cost to taxpayers was high. "
                    "Protesters clashed with police. "
                    "It is wrong, and God knows it. "
                    "The weather was mild.")
    fs = F.frame_sentences(c)
    assert fs["economic"].tolist() == [True, False, False, False]
    assert fs["conflict"].tolist() == [False, True, False, False]
    assert fs["morality"].tolist() == [False, False, True, False]
    assert not fs.iloc[3][FRAME_COLUMNS].any()


def test_article_frames_equal_sentence_means(seeds, frames_seeds):
    af = F.article_frames(seeds, frames=frames_seeds)
    # a frame_sentences table passed as sentences= (the earlier signature) is still read
    pd.testing.assert_frame_equal(F.article_frames(seeds, sentences=frames_seeds), af)
    assert list(af.columns[:2]) == ["article_id", "outlet"]
    for aid in af.article_id:
        sub = frames_seeds[frames_seeds.article_id == aid]
        for f in FRAME_COLUMNS:
            assert af.set_index("article_id").loc[aid, f] == pytest.approx(sub[f].mean())
    per_outlet = F.outlet_frames(frames_seeds)
    assert sorted(per_outlet.outlet) == sorted(seeds.outlet.unique())
    assert "unknown" in set(per_outlet.outlet)


def test_frame_examples_name_their_cue(frames_seeds):
    ex = F.frame_examples(frames_seeds, n=1)
    assert set(ex.frame) <= set(FRAME_COLUMNS)
    assert (ex.cues.str.len() > 0).all()
    for r in ex.itertuples():
        assert r.cues.split(", ")[0].casefold() in r.text.casefold()


def test_cohen_kappa_by_hand():
    # 10 items: both yes 3, both no 4, rule-only 1, human-only 2.
    rule = [1, 1, 1, 0, 0, 0, 0, 1, 0, 0]
    human = [1, 1, 1, 0, 0, 0, 0, 0, 1, 1]
    # po = 0.7; pe = 0.4*0.5 + 0.6*0.5 = 0.5; kappa = 0.2/0.5 = 0.4
    assert F.cohen_kappa(rule, human) == pytest.approx(0.4)
    assert math.isnan(F.cohen_kappa([0, 0, 0], [0, 0, 0]))


def test_frame_agreement_with_hand_labels(frames_seeds):
    labels = pd.read_csv("tests/data/frame_labels.csv", dtype={"article_id": str})
    matched = F.match_labels(frames_seeds, labels)
    assert len(matched) >= 0.9 * len(labels)
    agree = F.frame_agreement(matched).set_index("frame")
    # Independent recomputation of one cell: conflict accuracy.
    acc = (matched["conflict"] == matched["gold_conflict"]).mean()
    assert agree.loc["conflict", "accuracy"] == pytest.approx(acc)
    # Floors under the measured values (see tests/data/README.md) so a broken rule file
    # fails: conflict and responsibility are the seeds' dominant frames. The rules hold no
    # word of this story, and the seeds' human-interest sentences mostly turn on it ("going
    # for a walk", "feel safe", "openly Jewish"): that frame only has to beat chance.
    assert agree.loc["conflict", "kappa"] >= 0.6
    assert agree.loc["responsibility", "kappa"] >= 0.5
    assert agree.loc["morality", "kappa"] >= 0.5
    assert agree.loc["human_interest", "kappa"] >= 0.2
    # No seed sentence was labelled economic; kappa is then undefined, not a number.
    assert agree.loc["economic", "human_yes"] == 0
    held = F.frame_agreement(matched[matched.split == "heldout"]).set_index("frame")
    assert held.loc["conflict", "kappa"] >= 0.5
    assert held.loc["responsibility", "kappa"] >= 0.4


def test_frame_indicators_bad_frame(tmp_path):
    bad = tmp_path / "ind.csv"
    bad.write_text("frame,terms\nsports,goal\n", encoding="utf-8")
    with pytest.raises(ValueError, match="unknown frame"):
        F.load_frame_indicators(str(bad))


# --- 3. loaded language ------------------------------------------------------------------

def test_loaded_language_seed_words(loaded_seeds):
    ll = loaded_seeds
    assert list(ll.columns[:6]) == ["article_id", "sentence_id", "term", "class", "in_quote",
                                    "context"]

    def voices(aid, word):
        return ll[(ll.article_id == aid) & (ll.matched.str.casefold() == word)]

    # MailOnline's own words (hand-checked: narration, no quotation marks around them).
    assert (~voices("001", "embattled").in_quote).all() and len(voices("001", "embattled")) == 1
    assert voices("000", "furiously")["class"].tolist() == ["intensifier"]
    assert not voices("000", "furiously").in_quote.any()
    assert voices("000", "slammed")["class"].tolist() == ["evaluative"]
    # Rowley's own "I completely understand" (001) is inside his quoted words.
    assert voices("001", "completely").in_quote.tolist() == [True]


def test_loaded_rates_synthetic():
    text = "The embattled chief was slammed. He said: 'We are hugely sorry and deeply sad.'"
    c = make_corpus(text)
    start = text.index("We are")
    quotes = pd.DataFrame({"article_id": ["000"], "kind": ["direct"], "start": [start],
                           "end": [text.index("'", start)]})
    rates = F.loaded_rates(c, quotes=quotes).set_index("class")
    # narration words: The embattled chief was slammed He said = 7; quoted: 7 words
    assert rates.loc["evaluative", "narration_count"] == 2
    assert rates.loc["evaluative", "narration_per_1000"] == pytest.approx(2000 / 7)
    assert rates.loc["intensifier", "quote_count"] == 2
    assert rates.loc["intensifier", "quote_per_1000"] == pytest.approx(2000 / 7)


def test_loaded_rates_outlet_without_quotes_is_nan():
    rates = F.loaded_rates(make_corpus("The embattled chief resigned."))
    assert rates["quote_per_1000"].isna().all()
    assert rates["narration_per_1000"].notna().all()


# --- 4. passives -------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Nine people were arrested.", [("were arrested", None)]),
    ("He was stopped from walking by a Met officer.", [("was stopped", "a Met officer")]),
    ("The statement has now been removed.", [("been removed", None)]),
    ("He is being investigated by the force.", [("is being investigated", "the force")]),
    ("They got arrested at the march.", [("got arrested", None)]),
    ("It was written by hand and sent.", [("was written", "hand")]),
    ("He was forced to apologise by releasing a video.", [("was forced", None)]),
    ("The rules will be published by Friday.", [("be published", None)]),
    ("She was Jewish and he was tall.", []),
    ("The crowd is gone and the talks were going well.", []),
    ("They used to march; it is the need of the hour.", []),
    ("The officer blocked him and the police arrested nine.", []),
    ("He wasn't seen by anyone.", [("wasn't seen", "anyone")]),
])
def test_find_passives_synthetic(sentence, expected):
    got = [(p["passive"], p["agent"]) for p in F.find_passives(sentence)]
    assert got == expected


def test_passives_seeds(seeds, passives_seeds, quotes, sentences):
    p = passives_seeds
    assert {"passive", "agent", "agentless", "in_quote", "outlet"} <= set(p.columns)
    # 003: 'Gideon Falter, was described by an officer as being "openly Jewish"'.
    d = p[(p.article_id == "003") & (p.passive == "was described")]
    assert d["agent"].tolist() == ["an officer"]
    # 000: 'Nine people were arrested following ...': no agent named.
    a = p[(p.article_id == "000") & (p.passive == "were arrested")]
    assert a["agentless"].tolist() == [True]
    # 002: 'but was forced to apologize': agentless.
    assert p[(p.article_id == "002") & (p.passive == "was forced")]["agentless"].all()
    # 001: 'some of the words exchanged during the incident were ...': reduced, no agent.
    r = p[(p.article_id == "001") & (p.participle == "exchanged")]
    assert r[["form", "agentless"]].values.tolist() == [["reduced", True]]
    # 000: 'a video released on Thursday evening by the Campaign Against Antisemitism'.
    r = p[(p.article_id == "000") & (p.participle == "released") & (p.form == "reduced")]
    assert r["agent"].tolist() == ["the Campaign Against Antisemitism"]
    # Feelings, not passives: 'I am worried about the reaction' (000, the officer's words)
    # and 'The public would be horrified' (001, Rowley's words).
    assert not p.participle.isin(["worried", "horrified"]).any()
    summary = F.passive_summary(seeds, p, quotes=quotes, sentences=sentences)
    assert set(summary.outlet) == set(seeds.outlet)
    assert (summary.agentless <= summary.passives).all()


# --- 5. distinctive terms ----------------------------------------------------------------

def test_fightin_words_by_hand():
    from collections import Counter

    import numpy as np

    counts = {"A": Counter(police=9, march=1), "B": Counter(police=1, march=9)}
    fw = F.fightin_words(counts, alpha0=10, min_count=1)
    row = fw[(fw.group == "A") & (fw.term == "police")].iloc[0]
    # alpha_police = 10 * 10/20 = 5; n_A = n_B = 10; a0 = 10
    delta = np.log(14 / (10 + 10 - 9 - 5)) - np.log(6 / (10 + 10 - 1 - 5))
    assert row.log_odds == pytest.approx(delta)
    assert row.z == pytest.approx(delta / np.sqrt(1 / 14 + 1 / 6))
    # symmetric: B's "march" has the same z
    assert fw[(fw.group == "B") & (fw.term == "march")].z.iloc[0] == pytest.approx(row.z)


def test_distinctive_terms_seeds(seeds, sentences):
    d = F.distinctive_terms(seeds, sentences=sentences)
    top = F.top_terms(d, n=5)
    # The community paper's own vocabulary: "communal" is in 003 three times, nowhere else.
    assert "communal" in top[top.group == "Jewish community paper"].term.tolist()
    assert d[(d.group == "MailOnline") & (d.term == "pro-palestine")].z.iloc[0] > 0
    fig = F.plot_distinctive_terms(d, n=5)
    assert len(fig.axes) == seeds.outlet.nunique()


def test_distinctive_terms_one_group_and_bad_column(seeds, sentences):
    one = seeds[seeds.article_id == "003"]
    assert len(F.distinctive_terms(one)) == 0
    by_article = F.distinctive_terms(seeds, by="article_id", sentences=sentences)
    assert set(by_article.group) <= set(seeds.article_id)
    with pytest.raises(ValueError, match="no such column"):
        F.distinctive_terms(seeds, by="author")


# --- 6. lede emphasis --------------------------------------------------------------------

def test_lede_emphasis_seeds(seeds, sentences):
    from analysis.actors import load_actors

    actors = load_actors("seeds/actors.csv")
    le = F.lede_emphasis(seeds, actors, sentences=sentences).set_index(["article_id", "actor"])
    # 001's headline names the commissioner ("Under-fire Met boss Sir Mark Rowley ...").
    assert le.loc[("001", "Sir Mark Rowley"), "in_headline"]
    # 000 opens on the Met and names the commissioner only late, inside the CAA's quote
    # (hand-checked: "Commissioner Sir Mark Rowley has sent ..." is three quarters down).
    assert le.loc[("000", "Metropolitan Police"), "first_sentence"] == 1
    assert le.loc[("000", "Sir Mark Rowley"), "first_position"] > 0.5
    # 004 names Rowley and Falter in its first sentence.
    assert le.loc[("004", "Gideon Falter"), "in_lede"]
    ledes = F.lede_text(seeds, sentences=sentences)
    assert ledes.set_index("article_id").loc["000", "note"] == (
        "no headline in the text or manifest")


def test_lede_emphasis_short_article():
    from analysis.actors import load_actors

    c = make_corpus("Sadiq Khan spoke.", "")
    le = F.lede_emphasis(c, load_actors("seeds/actors.csv"))
    assert le[["article_id", "actor", "in_lede", "in_closing"]].values.tolist() == [
        ["000", "Sadiq Khan", True, True]]
    lt = F.lede_text(c).set_index("article_id")
    assert lt.loc["001", "note"].endswith("no body sentences")


# --- 7. text reuse -----------------------------------------------------------------------

def test_text_reuse_seeds_statement(seeds, reuse_seeds):
    r = reuse_seeds
    assert list(r.columns[:4]) == ["article_a", "article_b", "similarity", "passages"]
    top = r.iloc[0]
    assert (top.article_a, top.article_b) == ("001", "003")
    joined = " | ".join(top.passages)
    assert "We urge the police and Government to work together" in joined
    # 000 shares no passage with any other seed.
    assert not ((r.article_a == "000") | (r.article_b == "000")).any()
    m = F.similarity_matrix(seeds)
    assert m.shape == (5, 5)
    assert m.iloc[1, 3] == pytest.approx(top.similarity)
    pd.testing.assert_frame_equal(F.similarity_matrix(seeds, reuse=r), m)
    # independent check of one cell: Jaccard of the two shingle sets
    a, b = (set(F.reuse.shingles(t)) for t in seeds.set_index("article_id").loc[
        ["001", "003"], "text"])
    assert top.similarity == pytest.approx(len(a & b) / len(a | b))
    ax = F.plot_similarity_matrix(m)
    assert ax.get_title()


def test_text_reuse_no_shared_passages_and_one_article():
    c = make_corpus("Police arrested nine people after the march in London today.",
                    "A completely different story about weather and rain in Leeds.")
    assert len(F.text_reuse(c)) == 0
    assert len(F.text_reuse(c.iloc[:1])) == 0
    assert F.similarity_matrix(c.iloc[:1]).shape == (1, 1)


def test_shared_passages_known_answer():
    a = "One two three. The quick brown fox jumps over the lazy dog today. Four."
    b = "the quick brown fox jumps over the lazy dog today, said nobody"
    assert F.shared_passages(a, b, k=4) == ["The quick brown fox jumps over the lazy dog today"]


# --- bad input across the module ---------------------------------------------------------

def test_outlet_with_one_short_article(seeds, quotes, sentences):
    from analysis import split_sentences

    tiny = pd.DataFrame({"article_id": ["900"], "outlet": ["Tiny"], "headline": [None],
                         "text": ["Police came."]})
    c = pd.concat([seeds[["article_id", "outlet", "headline", "text"]], tiny],
                  ignore_index=True)
    # the seeds' tables plus the tiny article's (it has no quotations)
    s = pd.concat([sentences, split_sentences(tiny)], ignore_index=True)
    kw = {"quotes": quotes, "sentences": s}
    af = F.article_frames(c, **kw).set_index("article_id")
    assert af.loc["900", "n_sentences"] == 1
    rates = F.loaded_rates(c, **kw)
    assert (rates[rates.outlet == "Tiny"].narration_count == 0).all()
    assert "Tiny" in set(F.passive_summary(c, **kw).outlet)
    d = F.distinctive_terms(c, sentences=s)
    assert len(d) > 0
    assert len(F.label_usage(c, actors="seeds/actors.csv", **kw)) > 0


def test_corpus_of_one_article_and_empty_text():
    c = make_corpus("")
    assert len(F.frame_sentences(c)) == 0
    af = F.article_frames(c)
    assert af["n_sentences"].tolist() == [0] and af["conflict"].isna().all()
    assert len(F.loaded_language(c)) == 0
    assert len(F.passives(c)) == 0
    assert len(F.label_usage(c)) == 0
    assert len(F.distinctive_terms(c)) == 0
    assert len(F.text_reuse(c)) == 0


@pytest.mark.parametrize("func", [F.frame_sentences, F.loaded_language, F.passives,
                                  F.label_usage, F.text_reuse, F.distinctive_terms])
def test_corpus_without_needed_columns_is_a_clear_error(func):
    with pytest.raises(ValueError, match="needs columns|no such column"):
        func(pd.DataFrame({"article_id": ["1"], "text": ["Police came."]}))


# --- precomputed sentences and quotations (the pipeline passes them) -----------------------

def test_precomputed_inputs_give_the_same_tables(seeds, quotes, sentences, frames_seeds,
                                                 loaded_seeds, passives_seeds, labels_seeds):
    from analysis.actors import load_actors

    kw = {"quotes": quotes, "sentences": sentences}
    same = pd.testing.assert_frame_equal
    same(F.frame_sentences(seeds, **kw), frames_seeds)
    same(F.loaded_language(seeds, **kw), loaded_seeds)
    same(F.passives(seeds, **kw), passives_seeds)
    same(F.label_occurrences(seeds, F.load_label_families(), **kw), labels_seeds)
    # the summaries, each once from scratch and once from the shared tables
    same(F.article_frames(seeds, **kw), F.article_frames(seeds, frames=frames_seeds))
    same(F.loaded_rates(seeds, **kw), F.loaded_rates(seeds, loaded_seeds))
    same(F.passive_summary(seeds, **kw), F.passive_summary(seeds, passives_seeds))
    same(F.label_usage(seeds, actors="seeds/actors.csv", **kw),
         F.label_usage(seeds, actors="seeds/actors.csv"))
    same(F.distinctive_terms(seeds, sentences=sentences), F.distinctive_terms(seeds))
    same(F.lede_text(seeds, sentences=sentences), F.lede_text(seeds))
    actors = load_actors("seeds/actors.csv")
    same(F.lede_emphasis(seeds, actors, sentences=sentences), F.lede_emphasis(seeds, actors))


def test_given_sentences_are_used_not_recomputed(seeds, quotes, sentences):
    # A pipeline chunk passes the sentences of a larger corpus: only the chunk's articles
    # are read; and sentences left out of the table are not split again.
    only_003 = sentences[sentences.article_id == "003"]
    fs = F.frame_sentences(seeds, quotes=quotes, sentences=only_003)
    assert set(fs.article_id) == {"003"}
    chunk = seeds[seeds.article_id.isin(["001", "003"])]
    ll = F.loaded_language(chunk, quotes=quotes, sentences=sentences)
    assert set(ll.article_id) <= {"001", "003"} and len(ll) > 0
    with pytest.raises(ValueError, match="sentences= needs"):
        F.frame_sentences(seeds, sentences=sentences.drop(columns=["kind"]))


def test_term_matcher_finds_what_a_full_scan_finds(sentences):
    # find() tries the pattern only where a term can begin; a plain finditer over every
    # character must give the same matches, for every word list of the module.
    from analysis.framing._common import TermIndex, TermMatcher

    frame_terms = [t for cell in F.load_frame_indicators()["terms"] for t in cell.split(";")]
    lists = [F.load_loaded_lexicon()["term"].tolist(), F.load_label_families()["term"].tolist(),
             frame_terms, ["£*", "$*", "cost*", "'row'"]]
    texts = sentences["text"].iloc[::4].tolist() + [
        "It cost £5m ($6m), costing-more.", "a 'row'", "",
        # letters that ignore-case matching equates with ASCII ones (ſ = s, K = k, ı İ = i)
        "ſlammed, Kriticised and ACCUſED; İ was in a ROW, ınsisted",
        "pro-row _row row_ 9row ROWS"]
    for terms in lists:
        m = TermMatcher.build(terms)
        for text in texts:
            scan = [(x.start(), x.end(), m.terms[int(x.lastgroup[1:])])
                    for x in m.pattern.finditer(text)]
            assert m.find(text) == scan
    # all lists at once (as the frame rules use them): each list's own matches
    matchers = [TermMatcher.build(terms, plural=plural) for terms in lists
                for plural in (False, True)]
    index = TermIndex(matchers)
    for text in texts:
        assert index.find(text) == [m.find(text) for m in matchers]


def test_ascii_fold_lists_every_letter_ignore_case_equates_with_ascii():
    # TermIndex looks terms up by lower-cased letters; a non-ASCII character that
    # re.IGNORECASE matches to an ASCII letter or digit must be folded to it first.
    from analysis.framing._common import ASCII_FOLD

    every = "".join(chr(i) for i in range(0x80, 0x110000) if not 0xD800 <= i < 0xE000)
    for ch in "abcdefghijklmnopqrstuvwxyz0123456789":
        equal = set(re.findall("(?i)" + ch, every))
        assert equal == {x for x in map(chr, ASCII_FOLD) if ASCII_FOLD[ord(x)] == ch}
    # and folding never makes a word character of another (the index looks for word starts
    # in the folded text)
    wordish = re.compile(r"[\w\-]")
    for ch in [c for c in every if c != c.lower()] + [chr(c) for c in ASCII_FOLD]:
        folded = ch.translate(ASCII_FOLD).lower()
        if len(folded) == 1:
            assert bool(wordish.match(ch)) == bool(wordish.match(folded)), ch


def test_quote_span_pair_equals_attribution_quote_spans(quotes):
    from analysis.attribution import quote_spans
    from analysis.framing._common import quote_span_pair

    no_parts = quotes.drop(columns=["parts"], errors="ignore")
    odd = pd.DataFrame({"article_id": ["1", "1", "1", "2"],
                        "kind": ["direct", "scare", "mixed", "indirect"],
                        "start": [10, 40, 18, 0], "end": [20, 40, 25, 5]})
    for q in (quotes, no_parts, odd, quotes.iloc[:0]):
        assert quote_span_pair(q) == (quote_spans(q, ("direct", "mixed")),
                                      quote_spans(q, ("scare",)))


def test_article_frames_of_a_table_with_number_columns(seeds, frames_seeds):
    # shares are means of each article's rows, whatever the columns' type
    as_float = frames_seeds.astype({f: float for f in FRAME_COLUMNS})
    pd.testing.assert_frame_equal(F.article_frames(seeds, frames=as_float),
                                  F.article_frames(seeds, frames=frames_seeds))


# --- passives: adjectives and reduced passives -----------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    # feelings and states after be/get: adjectives, unless a "by" agent follows
    ("I am worried about the reaction.", []),
    ("We are deeply concerned and very interested in it.", []),
    ("She was pleased with the result and got married.", []),
    ("He was surprised by the decision.", [("was surprised", "the decision", "be")]),
    ("Offences are committed by people.", [("are committed", "people", "be")]),
    # a degree word before the participle makes it an adjective; a manner adverb does not
    ("The officers were so tired.", []),
    ("He was so badly injured.", [("was so badly injured", None, "be")]),
    # reduced passives: after a noun, a preposition or "by" following, another main verb
    ("He apologised for the words exchanged during the incident.",
     [("exchanged", None, "reduced")]),
    ("The number of officers deployed to the march was criticised.",
     [("deployed", None, "reduced"), ("was criticised", None, "be")]),
    ("They shared a video of the man stopped by an officer at the march.",
     [("stopped", "an officer", "reduced")]),
    # ... and not the simple past of a verb without an object
    ("Hundreds of protesters marched to Whitehall.", []),
    ("In London protesters gathered in the square and sang.", []),
    ("Police said most of the protesters gathered in the square.", []),
    ("The crowd walked by the river.", []),
    # a "by" phrase belongs to the nearest verb, not to one in an earlier clause
    ("Jews were told to stay away and were worried about the words used by officers.",
     [("were told", None, "be"), ("used", "officers", "reduced")]),
])
def test_passives_adjectival_and_reduced(sentence, expected):
    got = [(p["passive"], p["agent"], p["form"]) for p in F.find_passives(sentence)]
    assert got == expected


def test_reduced_passives_can_be_left_out():
    text = "He apologised for the words exchanged during the incident."
    assert F.find_passives(text, reduced=False) == []


# --- text reuse: exact and MinHash/LSH -------------------------------------------------------

def test_text_reuse_lsh_finds_the_same_pairs_on_the_seeds(seeds, reuse_seeds):
    from analysis.framing import reuse

    lsh = F.text_reuse(seeds, method="lsh")
    assert lsh.attrs["method"] == "lsh" and reuse_seeds.attrs["method"] == "exact"
    # The same pairs as the exact index among those sharing a passage of LSH_MIN_WORDS
    # words, with identical rows: here 001/003 (the community statement).
    exact = F.text_reuse(seeds, method="exact", min_words=reuse.LSH_MIN_WORDS)
    pd.testing.assert_frame_equal(lsh, exact)
    assert lsh[["article_a", "article_b"]].values.tolist() == [["001", "003"]]
    # The exact default also reports the pairs that share only a name and title
    # ("Gideon Falter, chief executive of the Campaign Against ...", 8-9 words).
    short = reuse_seeds[~reuse_seeds.article_a.eq("001") | ~reuse_seeds.article_b.eq("003")]
    assert len(short) == 3 and (short.shared_words <= 9).all()
    with pytest.raises(ValueError, match="method"):
        F.text_reuse(seeds, method="fast")


def _random_corpus(n_articles: int, seed: int) -> tuple[pd.DataFrame, set, set]:
    import random

    rng = random.Random(seed)
    vocab = [f"w{i}" for i in range(5000)]

    def words(n: int) -> list[str]:
        return [rng.choice(vocab) for _ in range(n)]

    texts = [words(rng.randint(60, 200)) for _ in range(n_articles)]
    long_pairs, short_pairs = set(), set()
    for length, bucket in [(31, long_pairs), (45, long_pairs), (80, long_pairs),
                           (10, short_pairs), (12, short_pairs)] * 3:
        a, b = sorted(rng.sample(range(n_articles), 2))
        passage = words(length)
        for i in (a, b):
            at = rng.randint(0, len(texts[i]))
            texts[i] = texts[i][:at] + passage + texts[i][at:]
        bucket.add((f"{a:03d}", f"{b:03d}"))
    corpus = make_corpus(*[" ".join(t) + "." for t in texts])
    return corpus, long_pairs, short_pairs


def test_text_reuse_lsh_equals_exact_on_a_synthetic_corpus(monkeypatch):
    from analysis.framing import reuse

    corpus, long_pairs, short_pairs = _random_corpus(60, seed=5)
    exact = F.text_reuse(corpus, method="exact")
    got = set(zip(exact.article_a, exact.article_b, strict=True))
    assert long_pairs | short_pairs <= got
    lsh = F.text_reuse(corpus, method="lsh")
    assert set(zip(lsh.article_a, lsh.article_b, strict=True)) == long_pairs - short_pairs
    pd.testing.assert_frame_equal(
        lsh, F.text_reuse(corpus, method="exact", min_words=reuse.LSH_MIN_WORDS))
    # "auto" switches to LSH above LSH_MIN_ARTICLES articles
    monkeypatch.setattr(reuse, "LSH_MIN_ARTICLES", 50)
    assert F.text_reuse(corpus).attrs["method"] == "lsh"
    assert F.text_reuse(corpus.head(50)).attrs["method"] == "exact"


@pytest.mark.parametrize("offset_a", range(8))
def test_lsh_finds_a_passage_of_min_words_at_any_offset(offset_a):
    from analysis.framing import reuse

    passage = " ".join(f"p{i}" for i in range(reuse.LSH_MIN_WORDS))
    for offset_b in range(8):
        a = " ".join(f"a{i}" for i in range(offset_a)) + " " + passage + " a-end"
        b = " ".join(f"b{i}" for i in range(offset_b)) + " " + passage + " b-end"
        assert reuse.lsh_candidates({"1": a, "2": b}) == {("1", "2")}, offset_b


def test_no_passives_still_filters_by_voice():
    corpus = pd.DataFrame({"article_id": ["a"], "outlet": ["X"],
                           "text": ["The council met. It voted."]})
    found = F.passives(corpus)
    assert found.empty and found[~found.in_quote].columns.tolist() == found.columns.tolist()


def test_a_describing_word_opening_a_sentence_counts_with_its_lower_case_form():
    # "Former senator" opening a sentence is the "former senator" written mid-sentence; a
    # capitalised title ("Senator") stays as it is
    from analysis.framing.labels import actor_labels

    corpus = pd.DataFrame({"article_id": ["1"], "outlet": ["A"], "word_count": [30],
                           "text": ["Former senator Jane Doe spoke. Later the former senator Jane "
                                    "Doe left. Senator Jane Doe came back. Absent Jane Doe "
                                    "was missed."]})
    actors = pd.DataFrame({"actor": ["Jane Doe"], "aliases": ["Jane Doe"], "type": ["x"]})
    labels = actor_labels(corpus, actors)
    described = labels[labels["kind"] == "descriptor"]
    assert dict(zip(described["label"], described["count"], strict=True)) == {
        "former senator": 2, "Senator": 1, "Absent": 1}
