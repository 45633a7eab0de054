"""A translation taken through the admin by a translator and a publisher, over HTTP:
translate → the ru translator edits → submits → a publisher approves → live in /ru/; then the
source changes and the report and the translator's dashboard say the translation is outdated."""

import pytest
from django.test import Client
from wagtail.models import Page, WorkflowState

from cms.core.workflows import TRANSLATION_REVIEW
from tests.cms.translation.translation_support import (
    REPORT_URL,
    make_source_page,
    put_string,
    read_report,
    segment_ids,
    start_translation,
    submit_url,
)

pytestmark = pytest.mark.django_db

TITLE_RU = "Свободу всем"
PARAGRAPH_RU = "Освободите узников войны."


def test_translation_goes_live_only_through_review_and_then_shows_outdated(world):
    publisher, translator = world.users["publisher"], world.users["translator_ru"]
    source = make_source_page(world)
    publisher_client, translator_client = Client(), Client()

    translation = start_translation(publisher_client, publisher, source, "ru")
    ru_page = source.get_translation(translation.target_locale)
    assert not ru_page.live, "a new translation must not go live with English text"

    # The translator opens localize's editor: our review bar offers "Submit for review".
    translator_client.force_login(translator)
    editor = translator_client.get(f"/admin/pages/{ru_page.pk}/edit/")
    assert editor.status_code == 200
    assert b"js-translation-editor" in editor.content
    assert b"Submit translation for review" in editor.content

    segments = segment_ids(translation)
    assert (
        put_string(translator_client, translation, segments["Free them all"], TITLE_RU).status_code
        == 201
    )
    response = put_string(
        translator_client,
        translation,
        segments["Release the prisoners of the war."],
        PARAGRAPH_RU,
    )
    assert response.status_code == 201

    response = translator_client.post(submit_url(translation))
    assert response.status_code == 302
    ru_page.refresh_from_db()
    state = WorkflowState.objects.for_instance(ru_page).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert TRANSLATION_REVIEW.governs(state.workflow)
    assert not ru_page.live
    assert publisher_client.get(ru_page.url).status_code == 404

    # Typed after submitting: waits for the next review, must not go live with this one.
    put_string(translator_client, translation, segments["Free them all"], "Черновик заголовка")

    task_state = state.current_task_state
    response = publisher_client.post(
        f"/admin/pages/workflow/action/{ru_page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)
    ru_page = Page.objects.get(pk=ru_page.pk).specific
    assert ru_page.live
    assert ru_page.title == TITLE_RU

    public = Client().get(ru_page.url)
    assert public.status_code == 200
    assert TITLE_RU in public.content.decode()
    assert PARAGRAPH_RU in public.content.decode()
    assert "Черновик заголовка" not in public.content.decode()

    report = read_report(publisher_client.get(REPORT_URL, {"locale": "ru"}))
    state, text, _link = report.cells[source.pk, "ru"]
    assert state == "in_progress", "the string edited after submission is not live yet"

    # The source is edited and published again: the Russian text is now behind.
    source.title = "Free them all, now"
    source.save_revision(user=publisher).publish(user=publisher)

    report = read_report(publisher_client.get(REPORT_URL, {"locale": "ru"}))
    state, text, link = report.cells[source.pk, "ru"]
    assert state == "outdated"
    assert text.startswith("▲ Outdated since"), "a shape and words, not colour alone"
    assert link == f"/admin/pages/{ru_page.pk}/edit/"
    assert report.columns == ["ru"]

    dashboard = translator_client.get("/admin/")
    assert b"Your translation queue" in dashboard.content
    queue = dashboard.content.decode().split('id="translation-queue-section"')[1]
    assert "Свободу всем" in queue or "Free them all" in queue
    assert 'data-translation-status="outdated"' in queue
