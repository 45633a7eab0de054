"""From a draft to a live story: a moderator redacts and approves the safety review, a second
person publishes, and the unredacted text is gone from every revision."""

import json

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageLogEntry, Revision, TaskState, WorkflowState

from stories.models import StoryPage
from tests.builders import PASSWORD
from tests.stories.story_builders import (
    edit_form_data,
    edit_url,
    make_private_record,
    make_story,
    submit_for_moderation,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db

ORIGINAL = "My neighbour Ivan Petrov from flat 12 told the police about me."
REDACTED = "A neighbour told the police about me."
ORIGINAL_TITLE = "What Petrov did"
REDACTED_TITLE = "The report"


@pytest.fixture
def story(world, users):
    page = make_story(
        world.sections["stories"]["en"],
        ORIGINAL_TITLE,
        [ORIGINAL, "Then they came."],
        user=users["submitter"],
        # Like ingestion: the slug is never derived from what the contributor wrote.
        slug="story-7k3q",
    )
    make_private_record(page, contact="no contact")
    submit_for_moderation(page, users["submitter"])
    page.refresh_from_db()
    return page


@pytest.fixture
def make_user(django_user_model):
    def make(username, *groups):
        user = django_user_model.objects.create_user(username, password=PASSWORD)
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


def login(client, user):
    client.logout()
    client.force_login(user)


def act(client, story, user, action="approve", comment=""):
    login(client, user)
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    return client.post(workflow_action_url(story, action, task_state), {"comment": comment})


def refused(response):
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 302 and response.url == "/admin/"


def done(response, story):
    """After an action the reviewer lands back in the moderation queue."""
    return response.status_code == 302 and response.url.startswith("/admin/stories/moderation/")


def redact(client, story, user, **fields):
    login(client, user)
    data = edit_form_data(story, [REDACTED, "Then they came."], **fields)
    response = client.post(edit_url(story), data)
    assert response.status_code == 302


def test_redacted_story_is_published_by_a_second_person_and_the_original_is_gone(
    client, users, story, django_capture_on_commit_callbacks
):
    redact(client, story, users["moderator"], title=REDACTED_TITLE)
    assert done(act(client, story, users["moderator"]), story)
    with django_capture_on_commit_callbacks(execute=True):
        assert done(act(client, story, users["publisher"]), story)

    story.refresh_from_db()
    assert story.live
    public = client.get(story.url).content.decode()
    assert REDACTED in public
    assert "Petrov" not in public

    revisions = list(Revision.objects.for_instance(story))
    assert [revision.pk for revision in revisions] == [story.live_revision_id]
    for revision in revisions:
        text = json.dumps(revision.content, ensure_ascii=False)
        assert "Petrov" not in text, text[
            max(0, text.find("Petrov") - 300) : text.find("Petrov") + 100
        ]
    assert not Revision.objects.filter(content__icontains="Petrov").exists()
    assert story.latest_revision_id == story.live_revision_id
    assert "Petrov" not in json.dumps(list(story.body.raw_data))
    assert story.title == story.draft_title == REDACTED_TITLE
    # Neither the audit log (labels keep the title of the day) nor the search index remember it.
    log_entries = PageLogEntry.objects.filter(page=story)
    assert log_entries.filter(action="wagtail.create").exists()
    assert not [entry.label for entry in log_entries if "Petrov" in entry.label]
    assert not [entry.data for entry in log_entries if "Petrov" in json.dumps(entry.data)]
    assert list(StoryPage.objects.search("Petrov")) == []
    assert [page.pk for page in StoryPage.objects.search("neighbour")] == [story.pk]

    # The workflow history is intact: both steps approved, by whom, on the kept revision.
    workflow_state = WorkflowState.objects.get(object_id=str(story.pk))
    assert workflow_state.status == WorkflowState.STATUS_APPROVED
    steps = TaskState.objects.filter(workflow_state=workflow_state).order_by("started_at")
    assert [(s.task.name, s.status, s.finished_by.username) for s in steps] == [
        ("Safety review", "approved", "moderator"),
        ("Publication", "approved", "publisher"),
    ]
    assert {s.revision_id for s in steps} == {story.live_revision_id}
    assert PageLogEntry.objects.filter(page=story, action="wagtail.publish").exists()
    history = client.get(f"/admin/pages/{story.pk}/workflow_history/")
    assert history.status_code == 200


def test_the_same_person_cannot_approve_both_steps(client, users, story, make_user):
    both = make_user("moderating_publisher", "Moderators", "Publishers")
    assert done(act(client, story, both), story)

    response = act(client, story, both)

    assert refused(response)
    story.refresh_from_db()
    assert not story.live
    assert story.current_workflow_task.name == "Publication"


def test_a_publisher_who_saved_the_latest_revision_cannot_approve(
    client, users, story, make_user, django_capture_on_commit_callbacks
):
    second_publisher = make_user("publisher_two", "Publishers")
    assert done(act(client, story, users["moderator"]), story)
    redact(client, story, users["publisher"], title=REDACTED_TITLE)
    # A change after the safety review goes back to it (tests/stories/test_review_again.py).
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Safety review"
    assert done(act(client, story, users["moderator"]), story)

    assert refused(act(client, story, users["publisher"]))
    story.refresh_from_db()
    assert not story.live

    with django_capture_on_commit_callbacks(execute=True):
        assert done(act(client, story, second_publisher), story)
    story.refresh_from_db()
    assert story.live
    assert not Revision.objects.filter(content__icontains="Petrov").exists()


def test_a_moderator_cannot_publish(client, users, story):
    assert done(act(client, story, users["moderator"]), story)
    assert refused(act(client, story, users["moderator2"]))
    story.refresh_from_db()
    assert not story.live


def test_reject_keeps_the_story_unpublished_with_the_reason(client, users, story):
    # Send back, reject and cancel each over HTTP: tests/stories/test_moderation_actions.py.
    login(client, users["moderator"])
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    response = client.post(
        workflow_action_url(story, "reject", task_state),
        {"comment": "Names must go.", "confirm": "on"},
    )
    assert done(response, story)
    workflow_state = WorkflowState.objects.get(object_id=str(story.pk))
    assert workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert workflow_state.current_task_state.comment == "Names must go."
    story.refresh_from_db()
    assert not story.live
