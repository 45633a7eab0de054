"""The listing as a reader uses it: the count in the reader's language, filter links that
combine and carry their counts, and a feed for every filtered view."""

import re

import pytest

from tests.volunteering.helpers import feed_titles, listing, make_vacancy
from volunteering.models import VacancyPage

OPTION = re.compile(
    r'<a href="\?([^"]*)" class="vacancy-filters__option[^"]*"[^>]*>(.*?)</a>', re.S
)


def options(page_html):
    """{link label without count: (query, count)} for every filter option on the page."""
    found = {}
    for query, inner in OPTION.findall(page_html):
        text = re.sub(r"<[^>]+>", "", inner)
        label, _, count = text.rpartition("(")
        label = label.replace("Remove filter:", "").strip()
        found[label] = (query.replace("&amp;", "&"), int(count.rstrip(")")))
    return found


@pytest.fixture
def catalogue(index):
    make_vacancy(
        index,
        "Editor",
        team="writing",
        hours_per_week=4,
        skills=["editing"],
        languages=["ru", "en"],
    )
    make_vacancy(
        index, "Designer", team="design", hours_per_week=8, skills=["Figma"], languages=["en"]
    )
    make_vacancy(
        index,
        "Berlin helper",
        team="community",
        hours_per_week=12,
        remote=False,
        location="Berlin",
        countries=["DE"],
        skills=["events"],
        languages=["de"],
    )
    make_vacancy(
        index,
        "Translator",
        team="writing",
        hours_per_week=6,
        skills=["editing"],
        languages=["ru", "de"],
    )
    make_vacancy(index, "Filled one", team="writing", status="filled")
    return index


def test_filters_combine_and_their_counts_predict_the_result(client, catalogue):
    everything = listing(client, "/en/volunteer/")
    assert everything["count_text"] == "4 open positions"
    found = options(everything["html"])
    assert found["Writing and editing"] == ("team=writing", 2)
    assert found["In person"] == ("remote=no", 1)
    assert found["Russian"] == ("language=ru", 2)
    assert found["More than 10 hours a week"] == ("hours=11-", 1)
    assert "Filled one" not in everything["html"]

    writing = listing(client, "/en/volunteer/?team=writing")
    assert sorted(writing["titles"]) == ["Editor", "Translator"]
    assert "2 positions match these filters." in writing["html"]
    assert writing["count_text"] == "4 open positions"  # the total stays visible
    found = options(writing["html"])
    # Counts are what following the link would show, other filters kept.
    assert found["German"] == ("team=writing&language=de", 1)
    assert found["Writing and editing"] == ("", 2)  # selected: its link removes it

    both = listing(client, "/en/volunteer/?language=de&team=writing")
    assert both["titles"] == ["Translator"]
    assert "1 position matches these filters." in both["html"]

    by_hours = listing(client, "/en/volunteer/?hours=6-10")
    assert sorted(by_hours["titles"]) == ["Designer", "Translator"]
    assert listing(client, "/en/volunteer/?skill=editing&remote=yes")["titles"] in (
        ["Editor", "Translator"],
        ["Translator", "Editor"],
    )
    nothing = listing(client, "/en/volunteer/?team=legal")
    assert nothing["titles"] == []
    assert "No open position matches these filters." in nothing["html"]


def test_feed_follows_the_same_filters(client, catalogue):
    assert sorted(feed_titles(client, "/en/volunteer/feed/")) == [
        "Berlin helper",
        "Designer",
        "Editor",
        "Translator",
    ]
    assert sorted(feed_titles(client, "/en/volunteer/feed/?team=writing")) == [
        "Editor",
        "Translator",
    ]
    assert feed_titles(client, "/en/volunteer/feed/?remote=no") == ["Berlin helper"]
    page = client.get("/en/volunteer/?team=writing").content.decode()
    assert 'type="application/atom+xml"' in page
    assert 'href="/en/volunteer/feed/?team=writing"' in page


def test_listing_sets_no_cookie_and_works_in_every_language(client, world):
    for language, index in world.sections["volunteering"].items():
        make_vacancy(index, f"Role in {language}")
        response = client.get(f"/{language}/volunteer/")
        assert response.status_code == 200
        assert not response.cookies
        assert f"Role in {language}" in response.content.decode()
        feed = client.get(f"/{language}/volunteer/feed/").content.decode()
        assert f'xml:lang="{language}"' in feed
        assert f"Role in {language}" in feed


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 открытая вакансия"),
        (2, "2 открытые вакансии"),
        (5, "5 открытых вакансий"),
        (11, "11 открытых вакансий"),
        (21, "21 открытая вакансия"),
    ],
)
def test_count_uses_russian_plural_forms(client, world, count, expected):
    index = world.sections["volunteering"]["ru"]
    for number in range(count):
        make_vacancy(index, f"Вакансия {number}")
    assert VacancyPage.objects.child_of(index).open().count() == count
    assert listing(client, "/ru/volunteer/")["count_text"] == expected


def test_untranslated_vacancies_are_listed_in_the_source_language(client, world):
    from cms.core.demo import translate_page

    english = world.sections["volunteering"]["en"]
    translated = make_vacancy(english, "Researcher", team="research")
    make_vacancy(english, "Designer", team="design")
    make_vacancy(english, "Old role", status="closed")
    translate_page(translated, "ru", {"Researcher": "Исследователь"})

    shown = listing(client, "/ru/volunteer/?")
    assert shown["count_text"] == "2 открытые вакансии"
    assert sorted(shown["titles"]) == ["Designer", "Исследователь"]  # translation replaces it
    assert '<li class="listing__item vacancy-card" lang="en">' in shown["html"]
    assert sorted(feed_titles(client, "/ru/volunteer/feed/")) == ["Designer", "Исследователь"]
    assert listing(client, "/ru/volunteer/?team=design")["titles"] == ["Designer"]
    # The English listing is unchanged by translations.
    assert sorted(listing(client, "/en/volunteer/")["titles"]) == ["Designer", "Researcher"]
