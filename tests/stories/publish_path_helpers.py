"""What the publish-path tests share: a story in review carrying a canary, the people who try to
put it live, and the check that nothing of it is served to an anonymous reader."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.models import WorkflowState

from tests.builders import PASSWORD
from tests.stories.story_builders import (
    make_private_record,
    make_story,
    submit_for_moderation,
    workflow_action_url,
)

CANARY = "Canary-7f3k unreviewed words"
# Everyone who might try: who may publish other pages, who reviews, who only drafts.
ROLES = [
    "publisher",
    "admin",
    "moderator",
    "translator_ru",
    "submitter",
    "coordinator",
    "letters",
]


def anonymous_pages(language="en"):
    reader = Client()
    return [
        reader.get(f"/{language}/stories/"),
        reader.get(f"/{language}/stories/feed/"),
    ]


def assert_not_served(*pages, languages=("en", "ru")):
    """Neither the story's own URL nor any listing or feed shows the canary to a reader."""
    reader = Client()
    for page in pages:
        page.refresh_from_db()
        url = page.url
        if url:
            assert CANARY not in reader.get(url).content.decode()
    for language in languages:
        for response in anonymous_pages(language):
            assert CANARY not in response.content.decode()


def assert_still_in_review(story):
    story.refresh_from_db()
    assert not story.live
    assert story.live_revision_id is None
    state = WorkflowState.objects.for_instance(story).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS


@pytest.fixture
def make_user(django_user_model):
    def make(username, *groups):
        user = django_user_model.objects.create_user(username, password=PASSWORD)
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def in_review(world, users):
    """A story waiting for its safety review, whose contributor consents to translation (so
    any refusal below comes from the review, not the consent)."""
    page = make_story(
        world.sections["stories"]["en"],
        "A canary story",
        [CANARY, "The rest of it."],
        user=users["submitter"],
        slug="canary-story",
    )
    make_private_record(page, consent_translation=True)
    submit_for_moderation(page, users["submitter"])
    page.refresh_from_db()
    return page


def approve(client, story, user):
    client.logout()
    client.force_login(user)
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    return client.post(workflow_action_url(story, "approve", task_state), {"comment": ""})
