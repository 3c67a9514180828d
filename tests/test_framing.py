"""Tests of analysis.framing: hand-checked expectations on the seeds, synthetic texts with
known answers, and the bad inputs of issue 5."""

from __future__ import annotations

import math

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
def frames_seeds(seeds):
    return F.frame_sentences(seeds)


# --- 1. labels ---------------------------------------------------------------------------

def test_label_usage_seed_counts(seeds):
    usage = F.label_usage(seeds)
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


def test_label_voice_on_seeds(seeds):
    occ = F.label_occurrences(seeds)
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


@pytest.mark.parametrize("families", [{}, pd.DataFrame(columns=["family", "term"])])
def test_label_usage_empty_family_list(seeds, families):
    out = F.label_usage(seeds, families)
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
    # A religious practice in a personal vignette: human interest and morality (religion).
    r = row("000", "Mr Falter claimed in the video")
    assert r.human_interest and r.morality


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
    af = F.article_frames(seeds, sentences=frames_seeds)
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
    # Floors well under the measured values (see tests/data/README.md) so a broken rule
    # file fails: conflict and responsibility are the seeds' dominant frames.
    assert agree.loc["conflict", "kappa"] >= 0.6
    assert agree.loc["responsibility", "kappa"] >= 0.5
    assert agree.loc["morality", "kappa"] >= 0.4
    assert agree.loc["human_interest", "kappa"] >= 0.35
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

def test_loaded_language_seed_words(seeds):
    ll = F.loaded_language(seeds)
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


def test_passives_seeds(seeds):
    p = F.passives(seeds)
    assert {"passive", "agent", "agentless", "in_quote", "outlet"} <= set(p.columns)
    # 003: 'Gideon Falter, was described by an officer as being "openly Jewish"'.
    d = p[(p.article_id == "003") & (p.passive == "was described")]
    assert d["agent"].tolist() == ["an officer"]
    # 000: 'Nine people were arrested following ...': no agent named.
    a = p[(p.article_id == "000") & (p.passive == "were arrested")]
    assert a["agentless"].tolist() == [True]
    # 002: 'but was forced to apologize': agentless.
    assert p[(p.article_id == "002") & (p.passive == "was forced")]["agentless"].all()
    summary = F.passive_summary(seeds, p)
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


def test_distinctive_terms_seeds(seeds):
    d = F.distinctive_terms(seeds)
    top = F.top_terms(d, n=5)
    # The community paper's own vocabulary: "communal" is in 003 three times, nowhere else.
    assert "communal" in top[top.group == "Jewish community paper"].term.tolist()
    assert d[(d.group == "MailOnline") & (d.term == "pro-palestine")].z.iloc[0] > 0
    fig = F.plot_distinctive_terms(d, n=5)
    assert len(fig.axes) == seeds.outlet.nunique()


def test_distinctive_terms_one_group_and_bad_column(seeds):
    one = seeds[seeds.article_id == "003"]
    assert len(F.distinctive_terms(one)) == 0
    by_article = F.distinctive_terms(seeds, by="article_id")
    assert set(by_article.group) <= set(seeds.article_id)
    with pytest.raises(ValueError, match="no such column"):
        F.distinctive_terms(seeds, by="author")


# --- 6. lede emphasis --------------------------------------------------------------------

def test_lede_emphasis_seeds(seeds):
    from analysis.actors import load_actors

    actors = load_actors("seeds/actors.csv")
    le = F.lede_emphasis(seeds, actors).set_index(["article_id", "actor"])
    # 001's headline names the commissioner ("Under-fire Met boss Sir Mark Rowley ...").
    assert le.loc[("001", "Sir Mark Rowley"), "in_headline"]
    # 000 opens on the Met and names the commissioner only late, inside the CAA's quote
    # (hand-checked: "Commissioner Sir Mark Rowley has sent ..." is three quarters down).
    assert le.loc[("000", "Metropolitan Police"), "first_sentence"] == 1
    assert le.loc[("000", "Sir Mark Rowley"), "first_position"] > 0.5
    # 004 names Rowley and Falter in its first sentence.
    assert le.loc[("004", "Gideon Falter"), "in_lede"]
    ledes = F.lede_text(seeds)
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

def test_text_reuse_seeds_statement(seeds):
    r = F.text_reuse(seeds)
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

def test_outlet_with_one_short_article(seeds):
    tiny = pd.DataFrame({"article_id": ["900"], "outlet": ["Tiny"], "headline": [None],
                         "text": ["Police came."]})
    c = pd.concat([seeds[["article_id", "outlet", "headline", "text"]], tiny],
                  ignore_index=True)
    af = F.article_frames(c).set_index("article_id")
    assert af.loc["900", "n_sentences"] == 1
    rates = F.loaded_rates(c)
    assert (rates[rates.outlet == "Tiny"].narration_count == 0).all()
    assert "Tiny" in set(F.passive_summary(c).outlet)
    d = F.distinctive_terms(c)
    assert len(d) > 0
    assert len(F.label_usage(c)) > 0


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
