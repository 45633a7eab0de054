"""The ru translator translates into Russian and nothing else: no other language, no source
text, no publishing, no shortcut around the review (each refusal checked on saved state)."""

import html

import pytest
from django.test import Client
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation

from tests.cms.translation.translation_support import (
    put_string,
    segment_ids,
    submit_url,
)

pytestmark = pytest.mark.django_db


def _refused(response):
    # Wagtail's admin answers a refused page action with 403 or a redirect to the dashboard.
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin/login/")
    )


def test_translator_cannot_edit_the_uk_translation(translated, translator):
    source, _ru, uk = translated
    uk_page = source.get_translation(uk.target_locale)
    assert _refused(translator.get(f"/admin/pages/{uk_page.pk}/edit/"))

    segments = segment_ids(uk)
    response = put_string(translator, uk, segments["Free them all"], "Свободу всім")
    assert response.status_code == 403
    assert not StringTranslation.objects.filter(
        locale=uk.target_locale, context__object_id=source.translation_key
    ).exists()

    assert _refused(translator.post(submit_url(uk)))
    assert not WorkflowState.objects.for_instance(uk_page).exists()


def test_translator_cannot_edit_the_english_source(translated, translator):
    source, _ru, _uk = translated
    assert _refused(translator.get(f"/admin/pages/{source.pk}/edit/"))
    response = translator.post(
        f"/admin/pages/{source.pk}/edit/",
        {"title": "Hijacked", "slug": source.slug, "action-publish": "1"},
    )
    assert _refused(response)
    source.refresh_from_db()
    assert source.title == "Free them all"


def test_translator_cannot_publish_their_own_translation(translated, translator):
    source, ru, _uk = translated
    ru_page = source.get_translation(ru.target_locale)
    segments = segment_ids(ru)
    put_string(translator, ru, segments["Free them all"], "Свободу всем")

    # "Publish in Russian" in localize's editor.
    response = translator.post(f"/admin/pages/{ru_page.pk}/edit/", {"action": "publish"})
    assert _refused(response)
    # The normal editor's publish button, which localize intercepts.
    translator.post(
        f"/admin/pages/{ru_page.pk}/edit/",
        {"title": "Свободу всем", "slug": ru_page.slug, "action-publish": "1"},
    )
    # The editor no longer offers publishing at all.
    editor = html.unescape(translator.get(f"/admin/pages/{ru_page.pk}/edit/").content.decode())
    assert '"canPublish": false' in editor

    ru_page = Page.objects.get(pk=ru_page.pk)
    assert not ru_page.live
    assert ru_page.title != "Свободу всем"
    assert Client().get(f"/ru/{ru_page.slug}/").status_code == 404


def test_translator_cannot_approve_their_own_submission(translated, translator):
    source, ru, _uk = translated
    ru_page = source.get_translation(ru.target_locale)
    translator.post(submit_url(ru))
    state = WorkflowState.objects.for_instance(ru_page).get()

    translator.post(
        f"/admin/pages/workflow/action/{ru_page.pk}/approve/{state.current_task_state.pk}/",
        {"comment": "looks good to me"},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not Page.objects.get(pk=ru_page.pk).live


def test_submit_is_post_only_and_needs_the_csrf_token(translated, world):
    source, ru, _uk = translated
    ru_page = source.get_translation(ru.target_locale)
    client = Client(enforce_csrf_checks=True)
    client.force_login(world.users["translator_ru"])

    assert client.get(submit_url(ru)).status_code == 405
    assert client.post(submit_url(ru)).status_code == 403
    assert not WorkflowState.objects.for_instance(ru_page).exists()


def test_a_second_submission_while_in_review_is_refused(translated, translator):
    source, ru, _uk = translated
    ru_page = source.get_translation(ru.target_locale)
    translator.post(submit_url(ru))
    revisions = ru_page.revisions.count()

    response = translator.post(submit_url(ru), follow=True)
    assert "already waiting for review" in response.content.decode()
    assert WorkflowState.objects.for_instance(ru_page).count() == 1
    assert ru_page.revisions.count() == revisions


def test_rejected_translation_is_resubmitted_into_the_same_workflow(translated, translator, world):
    source, ru, _uk = translated
    ru_page = source.get_translation(ru.target_locale)
    translator.post(submit_url(ru))
    state = WorkflowState.objects.for_instance(ru_page).get()
    publisher = Client()
    publisher.force_login(world.users["publisher"])
    publisher.post(
        f"/admin/pages/workflow/action/{ru_page.pk}/reject/{state.current_task_state.pk}/",
        {"comment": "The title is missing"},
    )
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    editor = translator.get(f"/admin/pages/{ru_page.pk}/edit/").content.decode()
    assert "A reviewer asked for changes" in editor

    translator.post(submit_url(ru))
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.for_instance(ru_page).count() == 1


def test_translator_cannot_turn_a_translation_back_into_an_alias(translated, translator):
    source, ru, _uk = translated
    ru_page = source.get_translation(ru.target_locale)
    url = f"/admin/localize/page/{ru_page.pk}/convert_to_alias/"
    assert translator.get(url).status_code == 403
    assert translator.post(url).status_code == 403
    assert Page.objects.get(pk=ru_page.pk).alias_of_id is None


def test_publisher_can_still_convert_to_alias(translated, world):
    source, ru, _uk = translated
    ru_page = source.get_translation(ru.target_locale)
    client = Client()
    client.force_login(world.users["publisher"])
    assert client.get(f"/admin/localize/page/{ru_page.pk}/convert_to_alias/").status_code == 200
