"""Media-literacy lessons: the template, the examples picked from the data, and the printed
handouts (student and teacher) on the seeds and on a small corpus of another story.

The end-to-end tests run ``python -m analysis.lessons`` (what ``make lesson`` runs) once per
corpus and are marked slow; the browser test prints a handout at A4 in headless Chromium and
saves its screenshots and PDF under ``build/test-output/lessons/``.
"""

from __future__ import annotations

import csv
import functools
import html
import io
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from analysis import lessons

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "build" / "test-output" / "lessons"
CHROMIUM = Path("/usr/bin/chromium")
HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"

# A story nobody here has written about before: a bridge closed in a small town, three
# outlets, one quotation that changes between two of them.
OTHER_STORY = [
    {"article_id": "b1", "outlet": "Valley Gazette",
     "headline": "Millbrook bridge to stay shut until spring",
     "text": (
         "Millbrook's only road bridge will stay closed until spring, the council said on "
         "Monday.\n"
         "Council leader Jane Ortiz said: \"We will reopen the bridge as soon as the "
         "engineers tell us it is safe to do so.\"\n"
         "Residents claimed the council had ignored cracks in the bridge for years.\n"
         "\"My children now walk an extra mile to school every morning,\" said Tom Baker, "
         "who runs the Bridge Action Group.\n"
         "The engineers' report will be published next week, a council spokesman said.\n")},
    {"article_id": "b2", "outlet": "Northshire Daily",
     "headline": "Fury as under-fire council leader admits bridge blunder",
     "text": (
         "The under-fire council leader has admitted the town's crumbling bridge was left "
         "to rot.\n"
         "Jane Ortiz insisted: \"We would reopen the bridge as soon as the engineers told us "
         "it was safe.\"\n"
         "Furious locals slammed the shambolic closure, which has left commuters stranded.\n"
         "\"It is a disgrace,\" said Tom Baker of the Bridge Action Group. \"The council "
         "has let this town down.\"\n"
         "Ms Ortiz admitted that inspections had been delayed.\n")},
    {"article_id": "b3", "outlet": "Riverside Radio News",
     "headline": f"Bridge closure: what we know {HOSTILE_IMG}",
     "text": (
         "The bridge over the River Mill has been closed since October after engineers "
         "found cracks in two of its supports.\n"
         "Millbrook Council says the repairs will cost about two million pounds.\n"
         f"A listener wrote {HOSTILE_SCRIPT} in a message to the station about the "
         "closure.\n"
         "\"We are working with the engineers every day,\" said council leader Jane Ortiz.\n"
         "Commuters said the detour adds forty minutes to their journey.\n")},
]
OTHER_ACTORS = [
    ("Millbrook Council", "Millbrook Council;the council;council bosses", "local government"),
    ("Jane Ortiz", "Jane Ortiz;Ms Ortiz;council leader Jane Ortiz;Council leader Jane Ortiz;"
                   "the under-fire council leader;The under-fire council leader",
     "politician"),
    ("Bridge Action Group", "Bridge Action Group;the Bridge Action Group", "campaign group"),
    ("Tom Baker", "Tom Baker;Mr Baker", "campaign group"),
    ("residents", "residents;locals;commuters;Residents;Commuters;Furious locals",
     "residents"),
]


def write_other_story(folder: Path) -> tuple[Path, Path]:
    """Write the other story's corpus (CSV) and actor table; return their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "bridge.csv"
    pd.DataFrame(OTHER_STORY).to_csv(corpus, index=False)
    actors = folder / "bridge_actors.csv"
    with open(actors, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["actor", "aliases", "type"])
        writer.writerows(OTHER_ACTORS)
    return corpus, actors


def seed_names() -> set[str]:
    """Seed article ids, outlets and proper names (actors and capitalised aliases), read
    from seeds/manifest.csv and seeds/actors.csv."""
    manifest = pd.read_csv(ROOT / "seeds" / "manifest.csv", dtype=str)
    actors = pd.read_csv(ROOT / "seeds" / "actors.csv", dtype=str)
    names = set(manifest["article_id"]) | set(manifest["outlet"].dropna()) - {"unknown"}
    names |= set(actors["actor"])
    for aliases in actors["aliases"]:
        names |= {a for a in aliases.split(";") if a[:1].isupper()}
    return {n for n in names if n[:1].isupper() or n.isdigit()}


def visible_text(page: str) -> str:
    """A page's text as a reader sees it: no style, no tags, entities decoded."""
    page = re.sub(r"<style.*?</style>", " ", page, flags=re.DOTALL)
    page = re.sub(r"<[^>]+>", " ", page)
    return re.sub(r"\s+", " ", html.unescape(page))


def run_lessons(corpus: Path, actors: Path, out: Path) -> subprocess.CompletedProcess:
    """Run the command ``make lesson`` runs."""
    return subprocess.run(
        [sys.executable, "-m", "analysis.lessons", "--corpus", str(corpus),
         "--actors", str(actors), "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, check=False)


@functools.cache
def _built(base: Path, which: str) -> tuple[Path, subprocess.CompletedProcess]:
    if which == "seeds":
        corpus, actors = ROOT / "seeds", ROOT / "seeds" / "actors.csv"
    else:
        corpus, actors = write_other_story(base / "other")
    out = base / f"lessons-{which}"
    return out, run_lessons(corpus, actors, out)


@pytest.fixture(scope="session")
def lesson_base(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("lessons")


@pytest.fixture(scope="session", params=["seeds", "other"])
def built(request, lesson_base) -> tuple[str, Path]:
    out, result = _built(lesson_base, request.param)
    assert result.returncode == 0, result.stdout + result.stderr
    return request.param, out


def _pages(out: Path, version: str) -> dict[str, str]:
    return {stem.stem: (out / f"{stem.stem}.{version}.html").read_text(encoding="utf-8")
            for stem in lessons.find_lessons()}


# ---------------------------------------------------------------------------- template


def test_every_lesson_and_the_template_follow_the_template():
    paths = [*lessons.find_lessons(), ROOT / "notebooks" / "lesson_template.ipynb"]
    assert len(paths) >= 3, "two lessons and the template"
    for path in paths:
        assert lessons.template_problems(nbformat.read(path, as_version=4)) == [], path.name


def _lesson() -> nbformat.NotebookNode:
    return nbformat.read(lessons.find_lessons()[0], as_version=4)


def test_template_check_finds_a_missing_section():
    nb = _lesson()
    nb.cells = [c for c in nb.cells if not c.source.startswith("## Quiz")]
    assert "missing section: Quiz" in lessons.template_problems(nb)


def test_template_check_finds_a_table_above_the_prediction():
    nb = _lesson()
    heads = lessons.headings(nb)
    # An exercise whose prediction is asked in a later cell than its heading (exercise 3
    # shows one version of a quotation first): a table slipped in there gives it away.
    exercise = next(h for k, h in enumerate(heads) if h.text.startswith("Exercise")
                    and next(p for p in heads[k:] if p.text == "Your prediction").cell > h.cell)
    nb.cells.insert(exercise.cell + 1, nbformat.v4.new_code_cell(
        "x", outputs=[nbformat.v4.new_output(
            "display_data", data={"text/html": "<table><tr><td>1</td></tr></table>"})]))
    problems = lessons.template_problems(nb)
    assert any("above the prediction" in p for p in problems), problems


def test_template_check_finds_an_untagged_model_answer():
    nb = _lesson()
    for cell in nb.cells:
        if cell.source.startswith("### Model answer"):
            cell.metadata["tags"] = []
            break
    assert any("not tagged 'answer'" in p for p in lessons.template_problems(nb))


def test_student_version_drops_answers_and_teacher_notes():
    nb = _lesson()
    student = lessons.lesson_version(nb, "student")
    tags = [set(c.get("metadata", {}).get("tags", [])) for c in student.cells]
    assert not any(t & {"answer", "teacher"} for t in tags)
    assert len(lessons.lesson_version(nb, "teacher").cells) == len(nb.cells)
    with pytest.raises(ValueError, match="student"):
        lessons.lesson_version(nb, "pupil")


# ---------------------------------------------------------------------- picked from data


def test_changed_quotation_is_the_one_with_most_changes():
    matches = pd.DataFrame({
        "cluster": [1, 1, 2, 2], "article_id": ["a", "b", "a", "c"],
        "outlet": ["X", "Y", "X", "Z"], "speaker": ["S", "S", "T", "T"],
        "n_articles": [2, 2, 2, 2],
        "quote": ["we press on today", "we press on now",
                  "you should know that it is late", "you must know it is very late"]})
    change = lessons.changed_quotation(matches)
    assert change["cluster"] == 2
    assert (change["first"]["article_id"], change["second"]["article_id"]) == ("a", "c")
    assert change["changes"] == ["‘should’ became ‘must’", "‘that’ was left out",
                                 "‘very’ was added"]
    assert lessons.changed_quotation(matches.iloc[:0]) is None


def test_changed_quotation_prefers_a_change_between_outlets_to_one_within_an_outlet():
    matches = pd.DataFrame({
        "cluster": [1, 1, 2, 2], "article_id": ["a", "b", "c", "d"],
        "outlet": ["X", "X", "X", "Y"], "speaker": ["S"] * 4, "n_articles": [2] * 4,
        "quote": ["you should know that it is late", "you must know it is very late",
                  "we press on today", "we press on now"]})
    change = lessons.changed_quotation(matches)
    assert (change["first"]["outlet"], change["second"]["outlet"]) == ("X", "Y")
    assert change["changes"] == ["‘today’ became ‘now’"]
    # with no change between outlets, one within an outlet is still shown
    within = lessons.changed_quotation(matches.iloc[:2])
    assert (within["first"]["article_id"], within["second"]["article_id"]) == ("a", "b")


def test_changed_quotation_prefers_two_articles_naming_the_same_speaker():
    # two speakers who share a phrase differ most, but are less likely one quotation
    matches = pd.DataFrame({
        "cluster": [1, 1, 2, 2], "article_id": ["a", "b", "c", "d"],
        "outlet": ["X", "Y", "X", "Y"], "speaker": ["S", "S", "T", "U"],
        "n_articles": [2] * 4,
        "quote": ["we press on today", "we press on now",
                  "you should know that it is late", "you must know it is very late"]})
    change = lessons.changed_quotation(matches)
    assert change["cluster"] == 1 and change["changes"] == ["‘today’ became ‘now’"]
    # with no pair naming one speaker, the pair that changed most is still shown (one
    # article may credit a spokesman, the other his organisation)
    assert lessons.changed_quotation(matches.iloc[2:])["cluster"] == 2


def test_a_changed_quotation_from_articles_weeks_apart_may_be_two_statements():
    # a speaker saying "we can't afford to be politically correct" in June and "we cannot
    # afford to be so politically correct" in July had been taught as one quotation changed
    matches = pd.DataFrame({
        "cluster": [1, 1], "article_id": ["a", "b"], "outlet": ["X", "X"],
        "speaker": ["S", "S"], "n_articles": [2, 2],
        "quote": ["we can't afford to be careless now", "we cannot afford to be so careless now"]})
    corpus = pd.DataFrame({"article_id": ["a", "b"], "published": ["2016-06-13", "2016-07-22"]})
    change = lessons.changed_quotation(matches, corpus)
    answer = lessons.change_answer(change)
    assert answer.splitlines()[1] == "- ‘so’ was added"
    assert "published 39 days apart (2016-06-13 and 2016-07-22)" in answer
    # the same day, or no dates: the changes alone
    corpus["published"] = ["2016-06-13", "2016-06-13"]
    assert "apart" not in lessons.change_answer(lessons.changed_quotation(matches, corpus))
    assert "apart" not in lessons.change_answer(lessons.changed_quotation(matches))
    assert lessons.change_answer(None).startswith("No quotation changed")


def test_a_quotation_quoted_at_different_lengths_is_compared_on_the_shared_words():
    a, b = lessons.overlap_part("He said: they must know that it hurts. Then he left.",
                                "should know that it hurts")
    assert (a, b) == ("must know that it hurts", "should know that it hurts")
    assert lessons.describe_changes(a, b) == ["‘must’ became ‘should’"]


def test_voice_shares_by_hand():
    quotes = pd.DataFrame({
        "outlet": ["A", "A", "A", "B"], "speaker_type": ["police", "police", "", "residents"],
        "quote": ["one two three", "four five", "six seven eight nine ten", "a b"],
        "speaker": ["P", "P", "", "R"]})
    shares = lessons.voice_shares(quotes)
    # A: police 5 words, unidentified 5 words of 10; B: residents 2 of 2.
    assert shares.loc["A", "police"] == 50.0 and shares.loc["A", "unidentified"] == 50.0
    assert shares.loc["B", "residents"] == 100.0 and shares.loc["B", "police"] == 0.0
    assert shares["quoted words"].tolist() == [10, 2]
    lines = lessons.voice_answer(shares, pd.DataFrame({"type": ["police", "protesters"]}))
    assert "Officials (police) get the largest share in A: 50%" in " ".join(lines)
    assert lines[-1].endswith("quoted words: protesters.")


def test_most_differently_named_actor_and_its_names():
    names = pd.DataFrame({
        "actor": ["P", "P", "P", "Q", "Q", "R"], "outlet": ["A", "B", "B", "A", "B", "A"],
        "name": ["Ann", "Ann", "the boss", "Bo", "Bo", "Rex"], "n": [2, 1, 1, 1, 1, 5]})
    assert lessons.most_differently_named(names) == "P"  # R is named by one outlet only
    assert lessons.names_answer(names, "P") == ["Only B calls P ‘the boss’.",
                                                "Names several outlets share: ‘Ann’."]


def test_wilson_interval_by_hand():
    # k = 0: the upper bound is z² / (n + z²).
    low, high = lessons.wilson_interval(0, 8)
    assert low == 0.0 and high == pytest.approx(1.96**2 / (8 + 1.96**2))
    low, high = lessons.wilson_interval(8, 8)
    assert high == 1.0 and low == pytest.approx(8 / (8 + 1.96**2))


def test_content_note_names_the_seed_topics_and_asks_to_check_elsewhere():
    from analysis import load_corpus

    seeds = lessons.content_note(load_corpus(ROOT / "seeds"))
    for topic in ("antisemitism", "casualty figures", "genocide"):
        assert topic in seeds
    calm = pd.DataFrame({"article_id": ["1"], "text": ["The bridge reopened on Monday."]})
    note = lessons.content_note(calm)
    assert "found none" in note and "Read every article yourself" in note


@pytest.mark.parametrize("verdict", ["validated", "experimental", "unmeasured"])
def test_trust_sentences_cope_with_every_status(monkeypatch, verdict):
    from analysis.evaluation import report

    rows = pd.DataFrame({
        "data_set": ["X", "X"], "split": ["test", "test"], "measure": ["quotations"] * 2,
        "metric": ["F1", "F1"], "system": ["workbook", "every sentence"],
        "role": ["workbook", "baseline"],
        "value": [0.8, 0.5] if verdict == "validated" else [0.4, 0.5], "n": [200, 200],
        "note": ["", ""]})
    monkeypatch.setattr(report, "load_results",
                        lambda: rows if verdict != "unmeasured" else rows.iloc[:0])
    assert report.status("quotations") == verdict
    line = lessons.trust_lines(["quotations"])[0]
    answer = lessons.trust_answer(["quotations"])
    if verdict == "validated":
        assert "beats its naive baseline" in line and "0.80" in line
        assert "better than a naive guess" in answer
    elif verdict == "experimental":
        assert "it is experimental" in line and "0.40 against 0.50" in line
        assert "not better than a naive guess" in answer
    else:
        assert "not yet measured" in line and answer.startswith("Nobody has yet")
    assert len(lessons.trust_figures(["quotations"])) == (0 if verdict == "unmeasured" else 2)


def test_a_corpus_that_does_not_load_stops_with_exit_code_2(tmp_path):
    result = run_lessons(tmp_path / "missing", ROOT / "seeds" / "actors.csv", tmp_path / "o")
    assert result.returncode == 2
    assert "could not be loaded" in result.stderr


# ----------------------------------------------------------------- rendered handouts


@pytest.mark.slow
def test_both_versions_follow_the_template(built):
    _, out = built
    for version in ("student", "teacher"):
        for stem, page in _pages(out, version).items():
            text = visible_text(page)
            for section in lessons.TEMPLATE_SECTIONS:
                if section in lessons.TEACHER_SECTIONS and version == "student":
                    continue
                assert section in text, f"{stem}.{version}: no {section}"
            assert text.count("Your prediction") >= 2 and text.count("The measurement") >= 2


@pytest.mark.slow
def test_student_handout_has_no_answers_and_teacher_copy_has_them(built):
    _, out = built
    student, teacher = _pages(out, "student"), _pages(out, "teacher")
    for stem in student:
        s, t = visible_text(student[stem]), visible_text(teacher[stem])
        for marker in ("Model answer", "Reasoning.", "Answers.", "Teacher notes", "Rubric",
                       "In short"):
            assert marker not in s, f"{stem}: {marker} in the student handout"
            assert marker in t, f"{stem}: {marker} missing from the teacher's copy"
        assert "Student handout" in s and "Teacher's copy" in t


@pytest.mark.slow
def test_pages_are_offline_and_escaped(built):
    _, out = built
    for page_file in out.glob("*.html"):
        page = page_file.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*\bsrc\s*=", page, flags=re.IGNORECASE), page_file
        assert "<script" not in page.lower(), page_file
        # Nothing that loads anything: no link, frame, object, font or remote address.
        assert not re.search(r"<(link|iframe|object|embed)\b", page, re.IGNORECASE), page_file
        assert not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", page, re.IGNORECASE)
        assert not re.search(r"url\(\s*[\"']?(https?:)?//|@import", page, re.IGNORECASE)
        assert "Content-Security-Policy" in page, page_file
        assert HOSTILE_SCRIPT not in page and HOSTILE_IMG not in page, page_file
        if page_file.name != "index.html":
            assert "@page" in page and "A4" in page, page_file


@pytest.mark.slow
def test_the_articles_page_holds_every_article_once(built):
    which, out = built
    page = (out / "articles.html").read_text(encoding="utf-8")
    expected = 5 if which == "seeds" else len(OTHER_STORY)
    assert page.count("<article>") == expected
    assert 'href="articles.html"' in (out / "index.html").read_text(encoding="utf-8")
    if which == "other":
        assert html.escape(HOSTILE_SCRIPT) in page  # shown as text


@pytest.mark.slow
def test_seed_remarks_only_on_the_seeds_and_no_seed_name_elsewhere(built):
    which, out = built
    names = seed_names()
    for version in ("student", "teacher"):
        for stem, page in _pages(out, version).items():
            text = visible_text(page)
            if which == "seeds":
                assert "About the seed articles" in text
                continue
            assert "About the seed articles" not in text
            found = sorted(n for n in names
                           if re.search(rf"(?<![\w,.]){re.escape(n)}(?![\w])", text))
            assert found == [], f"{stem}.{version} names seed material: {found}"


@pytest.mark.slow
def test_other_story_examples_come_from_its_own_articles(lesson_base):
    out, result = _built(lesson_base, "other")
    assert result.returncode == 0, result.stderr
    teacher = {stem: visible_text(p) for stem, p in _pages(out, "teacher").items()}
    who, same = (teacher[s.stem] for s in lessons.find_lessons()[:2])
    # The quotation planted to change: "will reopen ... tell us it is safe" became
    # "would reopen ... told us it was safe" (Valley Gazette, then Northshire Daily).
    for change in ("‘will’ became ‘would’", "‘tell’ became ‘told’", "‘is’ became ‘was’"):
        assert change in who
    assert "-[" not in who and "+[" not in who
    # Jane Ortiz is the actor the outlets name most differently.
    assert "Only Northshire Daily calls Jane Ortiz ‘the under-fire council leader’" in same \
        or "Only Northshire Daily calls Jane Ortiz ‘The under-fire council leader’" in same
    # The content note tells the teacher to check: no topic of the list is in this story.
    assert "found none of the sensitive topics" in who


# ----------------------------------------------------------------------- in a browser


def _not_blank(png: bytes) -> bool:
    import matplotlib.image

    pixels = matplotlib.image.imread(io.BytesIO(png), format="png")[..., :3]
    grey = pixels.mean(axis=2)
    return bool(grey.std() > 0.02 and (grey < 0.4).mean() > 0.001 and (grey > 0.9).mean() > 0.3)


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(),
                    reason=f"{CHROMIUM} is not installed (run `make browser` as root)")
def test_handouts_print_at_a4_in_chromium(built):
    which, out = built
    sync_api = pytest.importorskip("playwright.sync_api")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--no-first-run", "--disable-sync"])
        for stem in _pages(out, "student"):
            for version in ("student", "teacher"):
                path = out / f"{stem}.{version}.html"
                seen: dict[str, list] = {"errors": [], "requests": [], "dialogs": []}
                page = browser.new_page(viewport={"width": 900, "height": 1270})
                page.on("console", lambda m, s=seen: m.type == "error"
                        and s["errors"].append(m.text))
                page.on("pageerror", lambda e, s=seen: s["errors"].append(str(e)))
                page.on("request", lambda r, s=seen: s["requests"].append(r.url))
                page.on("dialog", lambda d, s=seen: (s["dialogs"].append(d.message),
                                                     d.dismiss()))
                page.goto(path.as_uri(), wait_until="load")
                page.emulate_media(media="print")
                png = page.screenshot(full_page=False)
                (SHOTS / f"{which}-{stem}.{version}.png").write_bytes(png)
                pdf = page.pdf(format="A4", print_background=True)
                (SHOTS / f"{which}-{stem}.{version}.pdf").write_bytes(pdf)
                scripts = page.evaluate("document.querySelectorAll('script').length")
                page.close()
                name = f"{which}/{stem}.{version}"
                assert _not_blank(png), f"{name}: blank"
                assert seen["errors"] == [] and seen["dialogs"] == [], (name, seen)
                assert scripts == 0, name
                assert all(u == path.as_uri() or u.startswith("data:")
                           for u in seen["requests"]), (name, seen["requests"])
                # A4 pages (595 x 842 points), each exercise's prediction and measurement
                # on pages of their own: at least two pages per exercise, plus the opening.
                boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
                assert boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2
                                     for w, h in boxes), (name, boxes[:3])
                n_pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
                exercises = visible_text(path.read_text(encoding="utf-8")).count(
                    "Your prediction")
                assert n_pages >= 2 * exercises + 1, (name, n_pages, exercises)
        browser.close()


def test_a_large_corpus_gives_a_class_reading_set_one_outlet_at_a_time():
    # 12 articles: outlet A has 6, B 4, C 2; the weights (quotations) pick within an outlet
    corpus = pd.DataFrame({"article_id": [f"a{i}" for i in range(6)] + [f"b{i}" for i in
                                                                        range(4)] + ["c0", "c1"],
                           "outlet": ["A"] * 6 + ["B"] * 4 + ["C"] * 2,
                           "word_count": [500] * 12})
    weight = pd.Series({"a3": 5, "a1": 2, "b2": 4, "c1": 1})
    reading = lessons.reading_set(corpus, weight, keep=["b0"], n=5)
    # b0 kept; then A (most articles, none read yet) a3, C c1; then A again a1 (A and B have
    # one each, A is larger); then B's next best b2
    assert reading["article_id"].tolist() == ["a1", "a3", "b0", "b2", "c1"]
    note = lessons.reading_note(corpus, reading, "the one quoting most")
    assert note.startswith("The class reads 5 of the 12 articles (from 3 outlets;")
    # a small corpus is read whole, with no note
    assert lessons.reading_set(corpus.iloc[:4]).equals(corpus.iloc[:4])
    assert lessons.reading_note(corpus.iloc[:4], corpus.iloc[:4], "x") == ""


def test_the_reading_note_says_how_many_articles_read_lack_what_chose_them():
    corpus = pd.DataFrame({"article_id": ["a0", "a1", "b0", "b1", "c0", "c1"],
                           "outlet": ["A", "A", "B", "B", "C", "C"], "word_count": [300] * 6})
    weight = pd.Series({"a1": 3})              # only outlet A names the person
    reading = lessons.reading_set(corpus, weight, n=3)
    assert reading["article_id"].tolist() == ["a1", "b0", "c0"]
    note = lessons.reading_note(corpus, reading, "the one naming Jane Doe most", weight,
                                "Jane Doe is not named")
    assert note.endswith(" In 2 of them, as in every other article of their outlets, Jane Doe "
                         "is not named.")
    assert "In " not in lessons.reading_note(corpus, reading, "x")


def test_the_printed_articles_are_the_reading_sets_when_lessons_saved_them(tmp_path):
    corpus = pd.DataFrame({"article_id": ["1", "2", "3"], "outlet": ["X", "Y", "Z"],
                           "headline": ["One", "Two", "Three"], "published": [None] * 3,
                           "text": ["First text.", "Second text.", "Third text."]})
    lessons.save_reading(corpus.iloc[[0, 2]], tmp_path, "06_a")
    lessons.save_reading(corpus.iloc[[2]], tmp_path, "07_b")
    page = lessons.write_articles_page(corpus, tmp_path,
                                       lessons.read_readings(tmp_path)).read_text()
    assert page.count("<article>") == 2
    assert "First text." in page and "Third text." in page and "Second text." not in page
    assert "2 articles of the corpus's 3, those the lessons give the class to read" in page
    # without reading sets, every article is printed
    assert lessons.write_articles_page(corpus, tmp_path).read_text().count("<article>") == 3


def test_loaded_examples_name_the_kind_of_each_word_judging_words_first():
    # text written for this test: one word of four kinds, the hedge first in the text
    from analysis.lessons import loaded_by_voice

    c = pd.DataFrame({"article_id": ["1"], "outlet": ["X"],
                      "text": ["It could be a very big crisis, he claimed on Monday."]})
    examples = loaded_by_voice(c)["in its own words, e.g."].iloc[0]
    assert examples == "crisis (judges), very (inflates), claimed (asserts), could (hedges)"


def test_the_names_exercise_follows_a_person_where_the_table_has_one():
    # a table and articles written for this test: the body has more names only one outlet
    # uses, but the exercise asks how a person is named
    from analysis.actors import load_actors
    from analysis.lessons import actor_names, most_differently_named, people

    actors = load_actors(pd.DataFrame({
        "actor": ["Ann Lowe", "Town Council"],
        "aliases": ["Ann Lowe;Lowe", "Town Council;the council;TC"], "type": ["", ""]}))
    corpus = pd.DataFrame({"outlet": ["A", "B", "C"], "text": [
        "Ann Lowe spoke. The council met. Town Council agreed.",
        "Lowe spoke. TC met. Town Council agreed.",
        "Ann Lowe spoke. Lowe left. Town Council agreed."]})
    names = actor_names(corpus, actors)
    assert most_differently_named(names) == "Town Council"
    assert most_differently_named(names, people(actors)) == "Ann Lowe"


def test_changed_quotation_leaves_out_two_statements_of_one_cluster():
    # one speaker's two statements, joined in a cluster through a third quotation that
    # holds both, are not one quotation that changed
    matches = pd.DataFrame({
        "cluster": [1, 1, 2, 2], "article_id": ["a", "b", "c", "d"],
        "outlet": ["X", "Y", "X", "Y"], "speaker": ["S"] * 4, "n_articles": [2] * 4,
        "quote": ["we press on today", "we press on now",
                  "it would be a dereliction of duty to fail to act",
                  "the schedule was full of meetings with donors, and no one is above the law"]})
    assert lessons.changed_quotation(matches)["cluster"] == 1
    assert lessons.changed_quotation(matches.iloc[2:]) is None
