"""Send back, reject and cancel are three different things, each said as what it does: over HTTP
through the admin, with the saved workflow state and the contributor's receipt after each."""

import datetime
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Revision, TaskState, WorkflowState

from stories.models import SealedSubmission, StoryPage
from tests.builders import PASSWORD
from tests.stories.conversation_helpers import contributor_approves
from tests.stories.sealing_helpers import ingest_and_draft
from tests.stories.story_builders import edit_form_data, edit_url, workflow_action_url
from tests.stories.submission_helpers import receipt_from, submit_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

QUEUE = "/admin/stories/moderation/"


@pytest.fixture
def submitted(client, form_pages):
    """A story sent through the public form and ingested: (its page, its receipt code)."""
    code = receipt_from(submit_story(client, "/en/stories/tell/", title="Sent by the form"))
    ingest_and_draft()
    return StoryPage.objects.get(), code


def receipt_says(client, code):
    client.logout()
    html = client.post("/en/stories/status/", {"code": code}).content.decode()
    for label in ("Received.", "In review.", "Published.", "Not published."):
        if label in html:
            return label
    return None


def as_user(client, user):
    client.logout()
    client.force_login(user)


def act(client, story, user, action, data=None):
    as_user(client, user)
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    return client.post(workflow_action_url(story, action, task_state), data or {"comment": ""})


def workflow_of(story):
    return WorkflowState.objects.for_instance(story).order_by("-created_at").first()


def at_publication(client, story, users):
    response = act(client, story, users["moderator"], "approve")
    assert response.url.startswith(QUEUE)
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Publication"


def queue_message(client, response):
    """Follow the redirect into the queue and return its page."""
    assert response.status_code == 302 and response.url.startswith(QUEUE), response
    return client.get(response.url).content.decode()


def editor_actions(client, story):
    return client.get(edit_url(story)).content.decode()


def editor_post(story, **extra):
    """The editor's POST body for `story` as it is, plus `extra` (buttons, changed fields)."""
    story.refresh_from_db()
    paragraphs = [block.value for block in story.body if block.block_type == "paragraph"]
    data = edit_form_data(story, paragraphs, **{k: v for k, v in extra.items() if k == "title"})
    data.update({k: v for k, v in extra.items() if k != "title"})
    return data


def test_publisher_sends_a_story_back_to_safety_review_and_nothing_is_lost(
    client, users, submitted
):
    story, code = submitted
    at_publication(client, story, users)
    revisions_before = Revision.objects.for_instance(story).count()

    as_user(client, users["publisher"])
    html = editor_actions(client, story)
    assert "Send back to Safety review" in html
    assert "Request changes" not in html

    response = act(
        client, story, users["publisher"], "send_back", {"comment": "Blur the face, please."}
    )

    page = queue_message(client, response)
    assert "sent back to “Safety review”" in page
    assert "Nothing was deleted" in page
    state = workflow_of(story)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.task.name == "Safety review"
    sent_back = TaskState.objects.get(workflow_state=state, task__name="Publication")
    assert (sent_back.status, sent_back.comment) == ("cancelled", "Blur the face, please.")
    assert Revision.objects.for_instance(story).count() == revisions_before
    # Nothing destroyed: the sealed item stays readable while the story is in review.
    assert SealedSubmission.objects.get(page=story).state == SealedSubmission.DRAFTED
    # The moderators have it again, in their queue and in their review panel.
    as_user(client, users["moderator2"])
    assert f'data-story="{story.pk}"' in client.get(QUEUE).content.decode()
    assert receipt_says(client, code) == "In review."
    # Its history says what happened, with the comment.
    as_user(client, users["moderator"])
    history = client.get(f"/admin/pages/{story.pk}/history/").content.decode()
    assert "Sent back from “Publication” to “Safety review”" in history


def test_send_back_needs_a_comment(client, users, submitted):
    story, code = submitted
    at_publication(client, story, users)

    act(client, story, users["publisher"], "send_back", {"comment": ""})

    assert workflow_of(story).current_task_state.task.name == "Publication"


def test_reject_asks_for_a_reason_and_a_confirmation_and_says_what_follows(
    client, users, submitted
):
    story, code = submitted
    as_user(client, users["moderator"])
    story.refresh_from_db()
    task_state = story.current_workflow_task_state

    form = client.get(workflow_action_url(story, "reject", task_state))
    modal = json.loads(form.content)["html"]
    assert 'name="comment"' in modal and 'name="confirm"' in modal
    assert "deleted 30 days after the rejection" in modal

    # Without the confirmation (or without a reason) nothing happens.
    act(client, story, users["moderator"], "reject", {"comment": "Identifies a neighbour."})
    act(client, story, users["moderator"], "reject", {"comment": "", "confirm": "on"})
    assert workflow_of(story).status == WorkflowState.STATUS_IN_PROGRESS
    assert receipt_says(client, code) == "In review."

    response = act(
        client,
        story,
        users["moderator"],
        "reject",
        {"comment": "Identifies a neighbour.", "confirm": "on"},
    )

    due = timezone.localdate() + datetime.timedelta(days=30)
    page = queue_message(client, response)
    assert "is rejected" in page
    assert f'data-story="{story.pk}"' not in page, "a rejected story waits for nobody"
    state = workflow_of(story)
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert (state.current_task_state.status, state.current_task_state.comment) == (
        "rejected",
        "Identifies a neighbour.",
    )
    # The decision shreds the sealed item; its tombstone answers the receipt until `due`.
    call_command("purge_submissions", verbosity=0)
    item = SealedSubmission.objects.get(page=story)
    assert item.state == SealedSubmission.SHREDDED and not bytes(item.ciphertext)
    assert not item.sealed_keys.exists()
    assert item.closed_on + datetime.timedelta(days=30) == due
    history = client.get(f"/admin/pages/{story.pk}/history/").content.decode()
    assert "Rejected at “Safety review”: the decision is final" in history
    assert "Changes requested" not in history
    assert receipt_says(client, code) == "Not published."


def test_reject_by_a_publisher_from_the_editor_lands_in_the_queue(client, users, submitted):
    story, code = submitted
    at_publication(client, story, users)
    as_user(client, users["publisher"])
    data = editor_post(
        story,
        **{
            "action-workflow-action": "true",
            "workflow-action-name": "reject",
            "workflow-action-extra-data": json.dumps({"comment": "Too risky.", "confirm": True}),
        },
    )

    response = client.post(edit_url(story), data)

    assert "is rejected" in queue_message(client, response)
    assert workflow_of(story).current_task_state.status == "rejected"
    assert receipt_says(client, code) == "Not published."


def test_reviewers_are_not_offered_cancel_and_cannot_post_it(client, users, submitted):
    story, code = submitted
    as_user(client, users["moderator"])
    html = editor_actions(client, story)
    assert "Approve" in html
    assert "action-cancel-workflow" not in html

    response = client.post(edit_url(story), editor_post(story, **{"action-cancel-workflow": "1"}))

    assert response.status_code == 302
    assert workflow_of(story).status == WorkflowState.STATUS_IN_PROGRESS
    assert receipt_says(client, code) == "In review."


def test_an_administrator_may_cancel_and_that_is_not_a_rejection(client, users, submitted):
    story, code = submitted
    as_user(client, users["admin"])
    html = editor_actions(client, story)
    assert "action-cancel-workflow" in html

    client.post(edit_url(story), editor_post(story, **{"action-cancel-workflow": "1"}))

    assert workflow_of(story).status == WorkflowState.STATUS_CANCELLED
    assert receipt_says(client, code) == "In review."
    call_command("purge_submissions", verbosity=0)
    assert StoryPage.objects.filter(pk=story.pk).exists()
    assert SealedSubmission.objects.get(page=story).state == SealedSubmission.DRAFTED


def test_approving_says_where_the_story_goes_next(client, users, submitted):
    story, _code = submitted
    response = act(client, story, users["moderator"], "approve")
    page = queue_message(client, response)
    assert "is approved at “Safety review” and now waits for “Publication”" in page


def test_a_barred_publisher_is_told_why_and_who_can_approve(
    client, users, submitted, django_user_model
):
    story, _code = submitted
    second = django_user_model.objects.create_user(
        "publisher_two", password=PASSWORD, first_name="Petra", last_name="Second"
    )
    second.groups.set(Group.objects.filter(name="Publishers"))
    at_publication(client, story, users)
    as_user(client, users["publisher"])
    data = editor_post(story, title="Retitled by the publisher")
    assert client.post(edit_url(story), data).status_code == 302
    # The change goes back to the safety review first (tests/stories/test_review_again.py).
    act(client, story, users["moderator"], "approve")
    as_user(client, users["publisher"])

    html = editor_actions(client, story)

    assert "You cannot approve “Publication”: you saved the latest revision" in html
    assert "Petra Second" in html
    assert "Pavel Publisher" not in html.split("You cannot approve")[1].split("</")[0]
    assert 'data-workflow-action-name="approve"' not in html
    as_user(client, second)
    html = editor_actions(client, story)
    assert "You cannot approve" not in html
    assert 'data-workflow-action-name="approve"' in html


def test_a_story_sent_back_goes_through_both_steps_again_and_is_published(
    client, users, submitted, django_capture_on_commit_callbacks
):
    story, code = submitted
    at_publication(client, story, users)
    act(client, story, users["publisher"], "send_back", {"comment": "Blur the face."})

    act(client, story, users["moderator2"], "approve")
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Publication", "not published by the send-back"
    assert not story.live
    contributor_approves(story)
    with django_capture_on_commit_callbacks(execute=True):
        response = act(client, story, users["publisher"], "approve")

    assert "is published" in queue_message(client, response)
    story.refresh_from_db()
    assert story.live
    steps = TaskState.objects.filter(workflow_state=workflow_of(story)).order_by("started_at")
    assert [(s.task.name, s.status) for s in steps] == [
        ("Safety review", "approved"),
        ("Publication", "cancelled"),
        ("Safety review", "approved"),
        ("Publication", "approved"),
    ]
    assert receipt_says(client, code) == "Published."
