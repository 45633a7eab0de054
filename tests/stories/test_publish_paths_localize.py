"""wagtail-localize's ways to put a story live: "Translate this page", "Publish in <language>",
"Update translations" with "Publish immediately", and localize's draft save. A story is
translated only once it is live and its contributor consented; the translation goes live only
through Story moderation in its own language (a safety review, then a second person)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import TranslationSource

from cms.core.publishing import PublishingRefused
from cms.core.workflows import STORY_MODERATION
from tests.cms.translation.translation_support import (
    put_string,
    segment_ids,
    submit_url,
    translation_for,
)
from tests.stories.publish_path_helpers import CANARY, approve, assert_not_served
from tests.stories.story_builders import make_private_record, make_story

pytestmark = pytest.mark.django_db


def translate(client, user, page, language="ru"):
    client.logout()
    client.force_login(user)
    locale = Locale.objects.get(language_code=language)
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )


def translations_of(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


@pytest.fixture
def live_story(world):
    def make(consent):
        page = make_story(world.sections["stories"]["en"], "Told", ["Reviewed."], publish=True)
        make_private_record(page, consent_translation=consent)
        return page

    return make


@pytest.mark.parametrize("role", ["publisher", "admin"])
def test_a_story_in_review_is_not_translated(client, users, in_review, role):
    translate(client, users[role], in_review)
    assert not translations_of(in_review).exists()
    assert_not_served(in_review)


@pytest.mark.parametrize("role", ["publisher", "admin"])
def test_a_story_whose_contributor_did_not_consent_is_not_translated(
    client, users, live_story, role
):
    story = live_story(consent=False)
    response = translate(client, users[role], story)
    assert not translations_of(story).exists()
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("did not consent" in m for m in messages), messages


def test_a_translation_goes_live_only_through_story_moderation_in_its_language(
    client, users, live_story, make_user, django_capture_on_commit_callbacks
):
    story = live_story(consent=True)
    response = translate(client, users["publisher"], story)
    assert response.status_code == 302
    translation = translation_for(story, "ru")
    ru_page = translations_of(story).get().specific
    assert not ru_page.live

    # The ru translator writes the canary as the translated paragraph.
    translator = Client()
    translator.force_login(users["translator_ru"])
    segments = segment_ids(translation)
    assert put_string(translator, translation, segments["Reviewed."], CANARY).status_code == 201

    # Every shortcut to live, as whoever holds localize's rights. Localize publishes when the
    # transaction commits: the callbacks run here, as they would after the request.
    source = TranslationSource.objects.get_for_instance(story)
    shortcuts = [
        (f"/admin/pages/{ru_page.pk}/edit/", {"action": "publish"}),
        (
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        ),
    ]
    for role in ("publisher", "admin", "translator_ru"):
        other = Client()
        other.force_login(users[role])
        for url, data in shortcuts:
            try:
                with django_capture_on_commit_callbacks(execute=True):
                    other.post(url, data)
            except PublishingRefused:
                pass
            ru_page.refresh_from_db()
            assert not ru_page.live
    with pytest.raises(PublishingRefused), django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=users["admin"], publish=True)
    ru_page.refresh_from_db()
    assert not ru_page.live
    assert_not_served(ru_page)

    # The way that works: the translator submits, a moderator, then a publisher.
    assert translator.post(submit_url(translation)).status_code == 302
    state = WorkflowState.objects.for_instance(ru_page).get()
    assert STORY_MODERATION.governs(state.workflow)
    assert state.current_task_state.task.name == "Safety review"
    approve(client, ru_page, users["moderator"])
    ru_page.refresh_from_db()
    assert not ru_page.live
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, ru_page, make_user("publisher2", "Publishers"))
    ru_page.refresh_from_db()
    assert ru_page.live
    assert CANARY in Client().get(ru_page.url).content.decode()

    # Once live, localize's draft save cannot change what readers see.
    put_string(translator, translation, segments["Reviewed."], "Canary-7f3k again")
    with pytest.raises(PublishingRefused), django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=users["admin"], publish=False)
    assert "again" not in Client().get(ru_page.url).content.decode()
