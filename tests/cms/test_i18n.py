"""Languages: prefixes, hreflang alternates, the language switcher, complete catalogues."""

import re

import polib
import pytest
from django.conf import settings

from cms.core.demo import translate_page
from cms.core.models import StandardPage
from tests.builders import make_page

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_locale_home_answers_under_its_prefix(client, world, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert world.homes[language].title in html


def test_the_bare_root_sends_readers_to_their_language(client, world):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="uk,ru;q=0.8")
    assert response.status_code == 302
    assert response["Location"] == "/uk/"
    assert not response.cookies


@pytest.fixture
def translated_page(world):
    """An English page with a live Russian translation and a German one still in draft."""
    page = make_page(world.homes["en"], StandardPage, "Our principles", publish=True)
    translate_page(page, "ru", {"Our principles": "Наши принципы"})
    german = translate_page(page, "de", {"Our principles": "Unsere Grundsätze"}, publish=False)
    assert not german.live
    return page


def alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_hreflang_lists_exactly_the_live_translations_and_x_default(client, translated_page):
    html = client.get(translated_page.url).content.decode()
    found = alternates(html)
    assert set(found) == {"en", "ru", "x-default"}
    ru = translated_page.get_translations().get(locale__language_code="ru")
    assert found["ru"].endswith(ru.url)
    assert found["x-default"] == found["en"]


def test_switcher_leads_to_the_same_page_or_a_marked_home(client, world, translated_page):
    html = client.get(translated_page.url).content.decode()
    switcher = html.split('class="languages"', 1)[1].split("</nav>", 1)[0]
    links = re.findall(r'<a href="([^"]+)" hreflang="([^"]+)" lang="\2"', switcher)
    by_language = {language: href for href, language in links}
    ru_page = translated_page.get_translations().get(locale__language_code="ru")
    assert by_language["ru"] == ru_page.url
    # No live German translation: the German home, marked as such in German.
    assert by_language["de"] == world.homes["de"].url
    assert "Startseite: nicht übersetzt" in switcher
    assert 'aria-current="true"' in switcher.split('hreflang="en"', 1)[1].split("</a>", 1)[0]
    # And following the Russian link lands on the same page, in Russian.
    landed = client.get(by_language["ru"])
    assert landed.status_code == 200
    assert "Наши принципы" in landed.content.decode()


def test_a_page_without_translation_still_offers_every_language(client, world):
    page = make_page(world.homes["en"], StandardPage, "English only", publish=True)
    html = client.get(page.url).content.decode()
    assert set(alternates(html)) == {"en", "x-default"}
    for language in LANGUAGES:
        assert f'hreflang="{language}" lang="{language}"' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_is_complete(language):
    path = settings.LOCALE_PATHS[0] / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path))
    assert not catalogue.metadata_is_fuzzy
    gaps = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and (
            "fuzzy" in entry.flags
            or (not entry.msgstr_plural and not entry.msgstr)
            or (entry.msgstr_plural and not all(entry.msgstr_plural.values()))
        )
    ]
    assert gaps == []


def test_reader_pages_are_translated(client, world):
    html = client.get("/ru/").content.decode()
    assert "Перейти к содержанию" in html
    assert "Быстрый выход" in html
