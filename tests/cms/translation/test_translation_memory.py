"""Translators work from one place: publishing a source syncs it, a changed paragraph arrives
prefilled with its earlier translation and a diff, and nothing prefilled reaches a reader until
the translator has checked it (cms/core/translation/memory.py, editor.py)."""

import json
from html import unescape

import pytest
from django.test import Client
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

from cms.core.models import SourceChange, StandardPage
from cms.core.translation.memory import MEMORY_TOOL
from tests.cms.translation.translation_support import (
    make_source_page,
    put_string,
    segment_ids,
    start_translation,
    submit_url,
)

pytestmark = pytest.mark.django_db

OLD = "Release the prisoners of the war."
NEW = "Release the prisoners of the war and the hostages."
TITLE_RU = "Свободу всем"
PARAGRAPH_RU = "Освободите узников войны."


def edit_paragraph_in_place(page, text, user):
    """What the page editor does when someone changes a paragraph: same block, new text."""
    page = StandardPage.objects.get(pk=page.pk)
    raw = list(page.body.raw_data)
    raw[0] = {**raw[0], "value": f"<p>{text}</p>"}
    page.body = raw
    page.save_revision(user=user).publish(user=user)
    return page


def props_of(response):
    html = response.content.decode()
    blob = html.split('class="js-translation-editor', 1)[1].split('data-props="', 1)[1]
    return json.loads(unescape(blob.split('"', 1)[0]))


@pytest.fixture
def ru_done(world, translated, translator):
    source, ru, _uk = translated
    segments = segment_ids(ru)
    assert put_string(translator, ru, segments["Free them all"], TITLE_RU).status_code == 201
    assert put_string(translator, ru, segments[OLD], PARAGRAPH_RU).status_code == 201
    return source, ru


def test_publishing_the_source_syncs_and_prefills_the_changed_paragraph(world, ru_done, translator):
    source, ru = ru_done
    edit_paragraph_in_place(source, NEW, world.users["publisher"])

    # Synced by the publication itself: the editor has the new text, nobody pressed "Sync".
    assert NEW in segment_ids(ru)
    prefilled = StringTranslation.objects.get(
        translation_of__data=NEW, locale=ru.target_locale, context__object_id=source.translation_key
    )
    assert prefilled.data == PARAGRAPH_RU
    assert prefilled.has_error and prefilled.tool_name == MEMORY_TOOL
    # The untouched title keeps its translation; uk, never translated, gets nothing invented.
    # Three strings: title, slug (left untranslated) and the paragraph.
    assert ru.get_progress() == (3, 1), "a prefill counts only once it is checked"
    assert not StringTranslation.objects.filter(
        locale__language_code="uk", context__object_id=source.translation_key
    ).exists()
    change = SourceChange.objects.get(locale=ru.target_locale)
    assert (change.old_source, change.string.data) == (OLD, NEW)

    ru_page = source.get_translation(ru.target_locale)
    editor = translator.get(f"/admin/pages/{ru_page.pk}/edit/")
    html = editor.content.decode()
    assert "1 of 3 strings translated." in html
    assert "1 prefilled string to check." in html
    assert "<del>war.</del> <ins>war and the hostages.</ins>" in html
    # localize's React editor shows the prefill with the change, as a warning to check.
    props = props_of(editor)
    paragraph_segment = segment_ids(ru)[NEW]
    shown = {item["segment_id"]: item for item in props["initialStringTranslations"]}
    assert shown[paragraph_segment]["data"] == PARAGRAPH_RU
    assert "the source changed" in shown[paragraph_segment]["error"]
    assert "[−war.] [+war and the hostages.]" in shown[paragraph_segment]["error"]

    # The translator checks it and saves: now it counts, and the diff says "checked".
    checked = PARAGRAPH_RU + " И заложников."
    assert put_string(translator, ru, paragraph_segment, checked).status_code == 200
    assert ru.get_progress() == (3, 2)
    html = translator.get(f"/admin/pages/{ru_page.pk}/edit/").content.decode()
    assert 'data-confirmed="yes"' in html
    assert "prefilled string to check" not in html


def test_an_unchecked_prefill_never_reaches_readers(world, ru_done, translator):
    source, ru = ru_done
    edit_paragraph_in_place(source, NEW, world.users["publisher"])
    translator.post(submit_url(ru))
    ru_page = Page.objects.get(pk=source.get_translation(ru.target_locale).pk)
    publisher = Client()
    publisher.force_login(world.users["publisher"])
    publisher.post("/admin/translation/approve/", {"page": [ru_page.pk]})
    ru_page.refresh_from_db()
    assert ru_page.live
    public = Client().get(ru_page.url).content.decode()
    assert TITLE_RU in public
    assert PARAGRAPH_RU not in public, "the unchecked prefill must not be published"
    assert NEW in public, "the untranslated segment falls back to the source"
    assert SourceChange.objects.get().published_at is None, "still to be answered"


def test_the_memory_reuses_translations_across_pages(world, ru_done):
    publisher = Client()
    other = make_source_page(world, title="Free them all today", paragraph=OLD)
    ru_other = start_translation(publisher, world.users["publisher"], other, "ru")
    rows = {
        row.translation_of.data: row
        for row in StringTranslation.objects.filter(
            locale=ru_other.target_locale, context__object_id=other.translation_key
        ).select_related("translation_of")
    }
    # The same paragraph elsewhere: its translation, still to be checked, without a diff.
    assert rows[OLD].data == PARAGRAPH_RU and rows[OLD].has_error
    # A similar title: the closest earlier translation, with what differs shown as a change.
    assert rows["Free them all today"].data == TITLE_RU
    change = SourceChange.objects.get(context__object_id=other.translation_key)
    assert change.old_source == "Free them all"


def test_the_translator_updates_from_source_in_the_editor(world, ru_done, translator):
    source, ru = ru_done
    # The row changes without a publication signal (as an import would): the editor is behind.
    StandardPage.objects.filter(pk=source.pk).update(title="Free them all, now")
    ru_page = source.get_translation(ru.target_locale)
    assert "Free them all, now" not in segment_ids(ru)

    html = translator.get(f"/admin/pages/{ru_page.pk}/edit/").content.decode()
    assert "Update from source" in html
    response = translator.post(f"/admin/translation/{ru.pk}/update/")
    assert response.status_code == 302
    assert "Free them all, now" in segment_ids(ru)
    title = StringTranslation.objects.get(translation_of__data="Free them all, now")
    assert title.data == TITLE_RU and title.has_error


def _refused(response):
    # Wagtail's admin answers a refused action with 403 or a redirect to the dashboard or login.
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"].split("?")[0] in REFUSED_TO
    )


REFUSED_TO = ("/admin/", "/admin/login/")


def test_other_languages_translators_cannot_update_or_stop(world, translated):
    source, ru, _uk = translated
    StandardPage.objects.filter(pk=source.pk).update(title="Changed by an import")
    uk_translator = Client()
    uk_translator.force_login(world.users["translator_uk"])
    assert _refused(uk_translator.post(f"/admin/translation/{ru.pk}/update/"))
    assert _refused(uk_translator.get(f"/admin/translation/{ru.pk}/stop/"))
    assert _refused(Client().post(f"/admin/translation/{ru.pk}/update/"))
    assert "Changed by an import" not in segment_ids(ru), "no refused request synced anything"


def test_stop_synced_translation_asks_first(world, translated, translator):
    _source, ru, _uk = translated
    page = translator.get(f"/admin/translation/{ru.pk}/stop/")
    assert page.status_code == 200
    assert "Yes, stop synced translation" in page.content.decode()
    ru.refresh_from_db()
    assert ru.enabled, "the confirmation page alone changes nothing"
