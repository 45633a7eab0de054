"""The Translation status report, read over HTTP the way a publisher or translator reads it."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail_localize.models import TranslationSource

from cms.core.demo import translate_page
from cms.core.models import StandardPage
from tests.builders import make_page
from tests.cms.translation.translation_support import (
    REPORT_URL,
    make_source_page,
    put_string,
    read_report,
    segment_ids,
    start_translation,
)

pytestmark = pytest.mark.django_db

# How the Reports submenu item appears in the sidebar's JSON.
MENU_LINK = b'"url": "/admin/translation/status/"'


def _client(world, username):
    client = Client()
    client.force_login(world.users[username])
    return client


def test_cells_say_missing_in_progress_up_to_date_and_outdated(
    world, django_capture_on_commit_callbacks
):
    publisher = world.users["publisher"]
    client = _client(world, "publisher")
    source = make_source_page(world)
    # ru: fully translated and published; uk: one string of three; de: never started.
    # localize publishes a translation on commit; tests run inside a transaction.
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(
            source,
            "ru",
            {
                "Free them all": "Свободу всем",
                "free-them-all": "svobodu-vsem",
                "Release the prisoners of the war.": "Освободите узников войны.",
            },
            user=publisher,
        )
    uk = start_translation(client, publisher, source, "uk")
    translator_uk = _client(world, "translator_uk")
    put_string(translator_uk, uk, segment_ids(uk)["Free them all"], "Свободу всім")

    report = read_report(client.get(REPORT_URL))
    assert report.columns == ["en", "ru", "uk", "de", "fr", "cs"]
    cells = {language: report.cells[source.pk, language] for language in report.columns}
    assert cells["en"][0] == "source"
    assert cells["ru"][:2] == ("up_to_date", "● Up to date")
    assert cells["uk"][:2] == ("in_progress", "◐ In progress (33%)")
    assert cells["de"][:2] == ("missing", "○ Missing")
    # A publisher is offered "Translate this page" with the language chosen.
    assert cells["de"][2] == f"/admin/localize/submit/page/{source.pk}/?select_locale=de"

    # Publishing the source makes every synced translation outdated, since that publication.
    source.title = "Free them all now"
    revision = source.save_revision(user=publisher)
    revision.publish(user=publisher)
    source.refresh_from_db()
    report = read_report(client.get(REPORT_URL))
    state, text, _link = report.cells[source.pk, "ru"]
    assert state == "outdated"
    assert source.last_published_at.strftime("%Y") in text
    # Publishing synced the source (memory.py): the never-published uk draft simply has a new
    # string to translate; nothing its readers see is old.
    assert report.cells[source.pk, "uk"][0] == "in_progress"

    # Syncing again ("Sync translated pages") changes nothing: still outdated until the
    # Russian page is published again.
    TranslationSource.objects.get_for_instance(source).update_from_db()
    assert read_report(client.get(REPORT_URL)).cells[source.pk, "ru"][0] == "outdated"
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(source, "ru", {"Free them all now": "Свободу всем сейчас"}, user=publisher)
    assert read_report(client.get(REPORT_URL)).cells[source.pk, "ru"][0] == "up_to_date"


def test_translator_sees_their_language_by_default_and_links_only_there(world):
    source = make_source_page(world)
    start_translation(Client(), world.users["publisher"], source, "ru")
    start_translation(Client(), world.users["publisher"], source, "uk")
    client = _client(world, "translator_ru")

    report = read_report(client.get(REPORT_URL))
    assert report.columns == ["ru"]
    ru_page = source.get_translation(
        source.get_translations().get(locale__language_code="ru").locale
    )
    assert report.cells[source.pk, "ru"][2] == f"/admin/pages/{ru_page.pk}/edit/"

    everything = read_report(client.get(REPORT_URL, {"locale": "all"}))
    assert everything.columns == ["en", "ru", "uk", "de", "fr", "cs"]
    assert everything.cells[source.pk, "uk"][0] == "in_progress"
    assert everything.cells[source.pk, "uk"][2] is None, "no link into another language"
    assert everything.cells[source.pk, "de"][2] is None, "translators cannot start translations"


def test_translator_does_not_see_unpublished_drafts_elsewhere(world):
    draft = make_page(world.homes["en"], StandardPage, "Unreviewed draft")
    assert not draft.live
    translator = read_report(_client(world, "translator_ru").get(REPORT_URL))
    publisher = read_report(_client(world, "publisher").get(REPORT_URL))
    assert (draft.pk, "ru") in publisher.cells
    assert (draft.pk, "ru") not in translator.cells


def test_filter_by_page_type(world):
    source = make_source_page(world)
    client = _client(world, "publisher")
    from django.contrib.contenttypes.models import ContentType

    standard = ContentType.objects.get_for_model(StandardPage)
    report = read_report(client.get(REPORT_URL, {"type": standard.pk}))
    assert (source.pk, "ru") in report.cells
    assert (world.homes["en"].pk, "ru") not in report.cells
    unfiltered = read_report(client.get(REPORT_URL))
    assert (world.homes["en"].pk, "ru") in unfiltered.cells


def test_report_is_for_publishers_translators_and_admins(world):
    for username in ("publisher", "translator_ru", "admin"):
        client = _client(world, username)
        assert client.get(REPORT_URL).status_code == 200
        assert MENU_LINK in client.get("/admin/").content
    for username in ("submitter", "moderator", "coordinator"):
        client = _client(world, username)
        response = client.get(REPORT_URL)
        assert response.status_code in (302, 403)
        assert b"translation-status" not in response.content
        assert MENU_LINK not in client.get("/admin/").content
    assert Client().get(REPORT_URL).status_code == 302  # to the login page


def test_report_queries_do_not_grow_with_rows(world, django_assert_max_num_queries):
    client = _client(world, "publisher")
    client.get(REPORT_URL)  # warm caches (content types, locales)
    with CaptureQueriesContext(connection) as few:
        client.get(REPORT_URL)
    for number in range(8):
        page = make_source_page(world, title=f"Campaign {number}", paragraph=f"Text {number}")
        for language in ("ru", "uk", "de"):
            translate_page(page, language, {f"Campaign {number}": f"{language} {number}"})
    with django_assert_max_num_queries(len(few)):
        response = client.get(REPORT_URL)
    assert len(read_report(response).cells) >= 8 * 6
