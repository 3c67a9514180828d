"""An actor table made from a corpus that comes without one (``actors_from_corpus``).

The texts are invented here, each written to show one rule; the expected tables were
worked out by hand from them.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.actors import load_actors
from analysis.corpus_actors import FOUND_FILE, actor_table_for, actors_from_corpus
from analysis.errors import CorpusError


def corpus_of(*texts: str, outlets: tuple[str, ...] = ()) -> pd.DataFrame:
    outlets = outlets or tuple(f"Outlet {i}" for i in range(len(texts)))
    return pd.DataFrame({"article_id": [f"a{i}" for i in range(len(texts))],
                         "outlet": list(outlets), "text": list(texts)})


def test_people_and_bodies_named_in_most_articles_come_first_with_their_evidence():
    corpus = corpus_of(
        "Councillor Priya Shah said the Northvale Council would close the library. "
        "Shah said it could not be saved.",
        "Ms Shah told the Northvale Council that Tomas Berg was wrong.",
        "Priya Shah and Tomas Berg met. Berg said the fight goes on.",
        outlets=("Courier", "Gazette", "Gazette"))
    found = actors_from_corpus(corpus)
    # Berg and the council are both named in two articles; Berg three times, the council
    # twice
    assert found["actor"].tolist() == ["Priya Shah", "Tomas Berg", "Northvale Council"]
    shah = found.iloc[0]
    # her full name twice, "Shah" once, "Ms Shah" once: four mentions in three articles
    assert (shah["n_articles"], shah["mentions"], shah["outlets"]) == (3, 4, 2)
    assert shah["aliases"] == ["Priya Shah", "Shah"]
    assert shah["type"] == "politician"              # "Councillor" was seen with her
    assert found.iloc[1]["type"] == "person"
    assert found.iloc[2]["type"] == "government"     # a council


def test_places_things_and_name_fragments_are_no_actors():
    corpus = corpus_of(
        "In the United States, Barack Obama backed the Paris Agreement. Obama spoke in "
        "New York City about climate change and the agreement. Chill Greta, it said.",
        "Barack Obama said the United States must change. In New York City the agreement "
        "was signed at the Climate Action Summit. Chill Greta, it said again.",
        "Obama left New York City after the Climate Action Summit.")
    found = actors_from_corpus(corpus)
    # "Barack" is no census first name, nor an English word: Obama is a person because he
    # is also named by surname alone; "United" and "Chill" are words, no first names; the
    # Paris Agreement's last word runs through the text in lower case; "York City" is cut
    # from a place named after "in"; a summit is an event
    assert found["actor"].tolist() == ["Barack Obama"]
    assert found.loc[0, "aliases"] == ["Barack Obama", "Obama"]


def test_an_acronym_and_another_spelling_join_the_name_they_spell():
    corpus = corpus_of(
        "The Federal Bureau of Investigation opened a case.",
        "The FBI said the Campaign Against Antisemitism had called.",
        "The Campaign Against Anti-Semitism (CAA) wrote to the FBI.")
    found = actors_from_corpus(corpus).set_index("actor")
    assert set(found.index) == {"Federal Bureau of Investigation",
                                "Campaign Against Antisemitism"}
    assert found.loc["Federal Bureau of Investigation", "aliases"] == [
        "Federal Bureau of Investigation", "FBI"]
    assert found.loc["Federal Bureau of Investigation", "n_articles"] == 3
    assert sorted(found.loc["Campaign Against Antisemitism", "aliases"]) == [
        "CAA", "Campaign Against Anti-Semitism", "Campaign Against Antisemitism"]


def test_a_shared_or_ambiguous_surname_is_no_alias():
    corpus = corpus_of(
        "Hillary Clinton and Bill Clinton arrived. Theresa May met Marie van der Zyl.",
        "Hillary Clinton spoke; Bill Clinton waved. Theresa May said Ms van der Zyl was "
        "right.")
    found = actors_from_corpus(corpus).set_index("actor")["aliases"].to_dict()
    assert found["Hillary Clinton"] == ["Hillary Clinton"]
    assert found["Bill Clinton"] == ["Bill Clinton"]
    assert found["Theresa May"] == ["Theresa May"]   # "May" is also a month and a verb
    assert found["Marie van der Zyl"] == ["Marie van der Zyl", "van der Zyl"]


def test_a_name_in_one_article_of_several_is_left_out_and_top_caps_the_rows():
    corpus = corpus_of("Jane Doe met John Roe.", "Jane Doe left.", "Jane Doe and Ann Poe.")
    assert actors_from_corpus(corpus)["actor"].tolist() == ["Jane Doe"]
    assert actors_from_corpus(corpus, min_articles=1)["actor"].tolist()[0] == "Jane Doe"
    assert len(actors_from_corpus(corpus, min_articles=1, top=2)) == 2
    # a corpus of one article keeps what that article names
    assert actors_from_corpus(corpus.iloc[:1])["actor"].tolist() == ["Jane Doe", "John Roe"]


def test_a_corpus_without_a_table_gets_one_written_that_load_actors_reads(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Jane Doe said the plan would fail. Doe left.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Mayor Jane Doe spoke to the Acme Corporation.\n",
                                  encoding="utf-8")
    path, note = actor_table_for(folder, None, tmp_path / "out")
    assert path == tmp_path / "out" / FOUND_FILE and "no actor table given" in note
    table = load_actors(path)
    assert table["actor"].tolist() == ["Jane Doe"]
    assert table.loc[0, "aliases"] == ["Jane Doe", "Doe"] and table.loc[0, "type"] == \
        "politician"
    own = tmp_path / "mine.csv"
    assert actor_table_for(folder, own, tmp_path / "out") == (own, "")


def test_a_corpus_naming_nobody_asks_for_a_table(tmp_path):
    (tmp_path / "a.txt").write_text("the council met on monday and voted.\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="give an actor table"):
        actor_table_for(tmp_path, None, tmp_path / "out")


def test_the_corpus_page_says_which_table_it_follows_and_shows_the_evidence(tmp_path):
    from analysis.corpus_actors import actors_followed

    folder = tmp_path / "news"
    folder.mkdir()
    for name in ("a", "b"):
        (folder / f"{name}.txt").write_text("Jane Doe said no. Doe left.\n", encoding="utf-8")
    made, _ = actor_table_for(folder, None, tmp_path / "out")
    sentence, table = actors_followed(made)
    assert sentence.startswith("The later pages follow the 1 actor of an actor table made "
                               "from this corpus (actors_from_corpus.csv)")
    # "Jane Doe" twice and "Doe" twice, in two articles of one outlet ("unknown")
    assert table.iloc[0].tolist() == ["Jane Doe", "Jane Doe; Doe", "person", 2, 4, 1]
    own = tmp_path / "mine.csv"
    own.write_text("actor,aliases,type\nJane Doe,Jane Doe;Ms Doe,politician\n",
                   encoding="utf-8")
    sentence, table = actors_followed(own)
    assert sentence == "The later pages follow the 1 actor of the actor table given (mine.csv)."
    assert list(table.columns) == ["actor", "aliases", "type"]


def test_a_shared_surname_goes_to_the_person_it_means_most_of_the_time():
    # In articles naming both, "Clinton" alone follows Hillary Clinton's full name four
    # times (read as her) and Bill Clinton's once.
    corpus = corpus_of(
        "Hillary Clinton spoke. Clinton said yes. Bill Clinton waved.",
        "Bill Clinton waved. Clinton smiled. Hillary Clinton spoke. Clinton said no.",
        "Hillary Clinton won. Clinton thanked voters. Clinton left. Bill Clinton stayed.")
    found = actors_from_corpus(corpus).set_index("actor")["aliases"].to_dict()
    assert found["Hillary Clinton"] == ["Hillary Clinton", "Clinton"]
    assert found["Bill Clinton"] == ["Bill Clinton"]
    table = load_actors(actors_from_corpus(corpus))
    from analysis.actors import find_mentions
    text = "Bill Clinton met Clinton."
    assert [actor for _, _, actor in find_mentions(text, table)] == ["Bill Clinton",
                                                                     "Hillary Clinton"]


def test_a_surname_alone_with_the_other_sexs_honorific_is_someone_else():
    corpus = corpus_of("Jane Doe spoke. Mrs. Doe left.", "Jane Doe arrived.",
                       "Mr. Doe said no.", "Mr. Doe left early.")
    found = actors_from_corpus(corpus).set_index("actor")
    # "Mr. Doe" in articles naming no Doe in full is not Jane Doe ("Mrs. Doe")
    assert found.loc["Jane Doe", "n_articles"] == 2
    women = corpus_of("Jane Doe spoke.", "Jane Doe arrived.", "Ms. Doe said no.")
    assert actors_from_corpus(women).set_index("actor").loc["Jane Doe", "n_articles"] == 3


def test_a_persons_type_is_what_most_of_its_titles_and_describing_words_say():
    corpus = corpus_of("Climate activist Jane Doe spoke. Doe left.",
                       "The activist Jane Doe marched.", "Senator Jane Doe? No: Jane Doe.",
                       "Economist Tom Roe said no.", "Tom Roe, a banker, agreed.")
    found = actors_from_corpus(corpus).set_index("actor")["type"].to_dict()
    # Jane Doe: "activist" twice against "Senator" once; Tom Roe: "Economist" once
    assert found == {"Jane Doe": "campaign group", "Tom Roe": "expert"}


def test_common_words_in_headlines_only_are_no_organisation():
    # articles written for this test: a headline in title case holds "Minimum Wage Hike";
    # "Black Lives Matter" is named in running text
    corpus = pd.DataFrame({
        "article_id": ["a", "b", "c"], "outlet": ["X", "Y", "Z"],
        "text": ["Candidates Reject The Idea Of A Minimum Wage Hike.\nThey spoke on Monday.",
                 "Voters Debate The Idea Of A Minimum Wage Hike.\nBlack Lives Matter marched.",
                 "Black Lives Matter issued a statement on Monday. Black Lives Matter said so."]})
    actors = set(actors_from_corpus(corpus)["actor"])
    assert "Black Lives Matter" in actors
    assert "Minimum Wage Hike" not in actors
