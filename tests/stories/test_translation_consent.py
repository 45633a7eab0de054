"""The contributor's consent to translation, from the form to the translator: it leaves the
sealed item with the draft (the one consent that does), so a story sent through the form can be
translated when its contributor said yes — also after the retention purge shredded the item —
and never when they said no."""

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.core.publishing import setup_publishing
from stories.models import SealedSubmission, StoryPage
from tests.stories.sealing_helpers import ingest_and_draft
from tests.stories.submission_helpers import submit_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env", "form_pages")]


def sent_and_published(consent):
    submit_story(Client(), "/en/stories/tell/", consent_translation="on" if consent else None)
    (draft,) = ingest_and_draft()
    with setup_publishing():  # stands for the workflow's last approval
        draft.get_latest_revision().publish(skip_permission_checks=True)
    return StoryPage.objects.get(pk=draft.pk)


def translate_into_russian(client, user, page):
    client.force_login(user)
    ru = Locale.objects.get(language_code="ru")
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [ru.pk]}
    )
    return Page.objects.filter(translation_key=page.translation_key, locale=ru).first()


def test_a_story_whose_contributor_said_yes_is_translated_even_after_the_purge(
    client, users, settings
):
    story = sent_and_published(consent=True)
    assert story.translation_consented and story.translation_refusal() is None
    # The item is shredded once the story is published and retention has passed: the consent
    # stays with the page.
    settings.STORY_RETENTION_DAYS = 0
    call_command("purge_submissions")
    assert not SealedSubmission.objects.filter(page=story).exclude(ciphertext=b"").exists()
    assert translate_into_russian(client, users["publisher"], story) is not None


def test_a_story_whose_contributor_said_no_is_never_translated(client, users):
    story = sent_and_published(consent=False)
    assert not story.translation_consented
    assert translate_into_russian(client, users["publisher"], story) is None
    assert "did not consent" in str(story.translation_refusal())


def test_no_editor_is_offered_the_consent_to_change(client, users):
    """Only the contributor decides it: the story's editor shows no field for it, to anyone."""
    story = sent_and_published(consent=False)
    client.force_login(users["admin"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert edit.status_code == 200
    assert 'name="translation_consented"' not in edit.content.decode()
