"""The contributor's private record: shown in the editor to Moderators only, and never part of
a revision, the search index or a translator's view."""

import json

import pytest
from wagtail.models import Revision

from stories.models import StoryPage
from tests.stories.story_builders import (
    edit_form_data,
    edit_url,
    make_private_record,
    make_story,
    submit_for_moderation,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db

CONTACT = "Telegram @canary_contact_7731"


@pytest.fixture
def story(world, users):
    page = make_story(
        world.sections["stories"]["en"],
        "A story with a private record",
        ["They searched our flat at dawn."],
        user=users["submitter"],
    )
    make_private_record(page, contact=CONTACT, consent_translation=True)
    submit_for_moderation(page, users["submitter"])
    return page


def login(client, user):
    client.force_login(user)


def approve(client, story, user):
    login(client, user)
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    response = client.post(workflow_action_url(story, "approve", task_state), {"comment": ""})
    assert response.status_code == 302


def test_moderator_sees_contact_and_consents_in_the_editor(client, users, story):
    login(client, users["moderator"])
    response = client.get(edit_url(story))
    html = response.content.decode()
    assert response.status_code == 200
    assert CONTACT in html
    assert "data-story-private-record" in html
    assert "Consents to translation" in html
    # Reading it leaves an audit entry: who and which record, never the content.
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.filter(action="polyphony.private_data_viewed").latest("pk")
    assert entry.user == users["moderator"]
    assert entry.data["kind"] == "viewed"
    assert CONTACT not in str(entry.data) and CONTACT not in entry.label


@pytest.mark.parametrize("username", ["publisher", "submitter"])
def test_other_roles_open_the_editor_without_the_private_panel(client, users, story, username):
    login(client, users[username])
    response = client.get(edit_url(story))
    html = response.content.decode()
    assert response.status_code == 200, "the role can edit the story, so the test is meaningful"
    assert "A story with a private record" in html
    assert CONTACT not in html
    assert "data-story-private-record" not in html
    assert "Private: about the contributor" not in html


def test_translator_of_the_story_language_does_not_see_the_private_panel(client, world, users):
    story = make_story(world.sections["stories"]["ru"], "История", ["Пришли ночью."])
    make_private_record(story, contact=CONTACT)
    login(client, users["translator_ru"])
    response = client.get(edit_url(story))
    # A story that is not live is for its reviewers only (stories/visibility.py): the translator
    # of its language is turned away from the editor, and nothing of the record comes with it.
    assert response.status_code == 302
    assert CONTACT not in response.content.decode()
    assert CONTACT not in client.get(response["Location"]).content.decode()


def test_saving_and_publishing_never_puts_the_contact_in_a_revision_or_the_index(
    client, users, story, django_capture_on_commit_callbacks
):
    login(client, users["moderator"])
    response = client.post(
        edit_url(story), edit_form_data(story, ["They searched a flat at dawn."])
    )
    assert response.status_code == 302
    approve(client, story, users["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, story, users["publisher"])
    story.refresh_from_db()
    assert story.live

    revisions = Revision.objects.for_instance(story)
    assert revisions.exists()
    for revision in revisions:
        assert "canary_contact" not in json.dumps(revision.content)
        assert "private_record" not in revision.content
    # The body is searchable, the contact is not.
    assert [page.pk for page in StoryPage.objects.search("searched")] == [story.pk]
    assert list(StoryPage.objects.search("canary_contact")) == []
    assert list(StoryPage.objects.search("7731")) == []


def test_deleting_the_story_keeps_nothing_pointing_at_it(users, story):
    record = story.private_record
    story.delete()
    record.refresh_from_db()
    assert record.page is None


def test_translation_source_sent_to_translators_has_no_private_data(users, story):
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(story)

    assert "They searched our flat at dawn." in source.content_json
    assert "canary_contact" not in source.content_json
    assert "private_record" not in source.content_json
