"""Helpers for the translation workflow tests: drive wagtail-localize over HTTP the way its
editor does, and read the Translation status report the way a person reads it."""

from html.parser import HTMLParser
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from cms.core.models import StandardPage
from tests.builders import make_page

REPORT_URL = "/admin/translation/status/"


def make_source_page(world, title="Free them all", paragraph="Release the prisoners of the war."):
    """A published English page with a title and one paragraph (two strings to translate)."""
    return make_page(
        world.homes["en"],
        StandardPage,
        title,
        user=world.users["publisher"],
        publish=True,
        body=[("paragraph", f"<p>{paragraph}</p>")],
    )


def start_translation(client, publisher, page, language):
    """A publisher clicks "Translate this page" and picks one language."""
    client.force_login(publisher)
    locale = Locale.objects.get(language_code=language)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302, response.content[:500]
    return translation_for(page, language)


def translation_for(page, language):
    source = TranslationSource.objects.get_for_instance(page)
    return Translation.objects.get(source=source, target_locale__language_code=language)


def segment_ids(translation):
    """{source text: string segment id} of a translation's source."""
    return {
        segment.string.data: segment.pk
        for segment in translation.source.stringsegment_set.select_related("string")
    }


def put_string(client, translation, segment_id, value):
    """What the editor sends when a translator types a string and saves it."""
    url = reverse(
        "wagtail_localize:edit_string_translation",
        kwargs={"translation_id": translation.pk, "string_segment_id": segment_id},
    )
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def submit_url(translation):
    return reverse("cms_translation:submit", args=[translation.pk])


class _CellReader(HTMLParser):
    """Reads the report table: {(page id, language): (state, visible text, link or None)}."""

    def __init__(self):
        super().__init__()
        self.cells, self.columns = {}, []
        self._page = self._cell = None
        self._text, self._href = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "th" and "data-locale" in attrs:
            self.columns.append(attrs["data-locale"])
        if tag == "tr" and "data-page" in attrs:
            self._page = int(attrs["data-page"])
        if tag == "td" and self._page is not None and "data-state" in attrs:
            self._cell = (attrs["data-locale"], attrs["data-state"])
            self._text, self._href = [], None
        if tag == "a" and self._cell is not None:
            self._href = attrs.get("href")

    def handle_data(self, data):
        if self._cell is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "td" and self._cell is not None:
            language, state = self._cell
            text = " ".join("".join(self._text).split())
            self.cells[self._page, language] = (state, text, self._href)
            self._cell = None
        if tag == "tr":
            self._page = None


def read_report(response):
    reader = _CellReader()
    reader.feed(response.content.decode())
    return reader


@pytest.fixture
def translated(world):
    """An English page with draft translations into ru and uk, started by the publisher."""
    source = make_source_page(world)
    publisher_client = Client()
    ru = start_translation(publisher_client, world.users["publisher"], source, "ru")
    uk = start_translation(publisher_client, world.users["publisher"], source, "uk")
    return source, ru, uk


@pytest.fixture
def translator(world):
    client = Client()
    client.force_login(world.users["translator_ru"])
    return client
