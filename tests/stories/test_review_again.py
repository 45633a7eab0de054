"""Any change after the safety review is reviewed again: an edit during the Publication step
sends the story back to the safety review, and whoever changed it cannot approve it
(cms/core/models/tasks.py)."""

import pytest
from django.test import Client
from wagtail.models import WorkflowState

from tests.stories.publish_path_helpers import CANARY, approve, assert_still_in_review
from tests.stories.story_builders import edit_form_data, edit_url

pytestmark = pytest.mark.django_db

ADDED = "Added at the publication step."


def current_step(story):
    state = WorkflowState.objects.for_instance(story).get()
    return state.current_task_state.task.name


@pytest.fixture
def at_publication(client, users, in_review):
    approve(client, in_review, users["moderator"])
    assert current_step(in_review) == "Publication"
    return in_review


def edit(client, story, user, **actions):
    client.logout()
    client.force_login(user)
    story.refresh_from_db()
    data = edit_form_data(story, [CANARY, ADDED])
    data.update(actions)
    return client.post(edit_url(story), data)


def test_an_edit_at_publication_goes_back_to_the_safety_review(
    client, users, at_publication, make_user, django_capture_on_commit_callbacks
):
    editor, second = users["publisher"], make_user("publisher2", "Publishers")
    edit(client, at_publication, editor)
    assert current_step(at_publication) == "Safety review"
    assert_still_in_review(at_publication)
    assert ADDED not in Client().get("/en/stories/").content.decode()

    approve(client, at_publication, users["moderator"])
    assert current_step(at_publication) == "Publication"
    # Whoever changed it cannot approve it.
    approve(client, at_publication, editor)
    assert_still_in_review(at_publication)
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, at_publication, second)
    at_publication.refresh_from_db()
    assert at_publication.live
    assert ADDED in Client().get(at_publication.url).content.decode()


def test_an_edit_and_an_approval_in_one_post_go_back_to_the_safety_review(
    client, users, at_publication
):
    edit(
        client,
        at_publication,
        users["publisher"],
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    assert_still_in_review(at_publication)
    assert current_step(at_publication) == "Safety review"


def test_a_change_saved_outside_the_editor_is_caught_at_the_approval(
    client, users, at_publication, make_user
):
    at_publication.body = [("paragraph", ADDED)]
    at_publication.save_revision(user=users["moderator2"])
    approve(client, at_publication, make_user("publisher2", "Publishers"))
    assert_still_in_review(at_publication)
    assert current_step(at_publication) == "Safety review"


def test_whoever_changed_it_during_the_review_cannot_approve_even_after_others_saved(
    client, users, in_review, make_user
):
    publisher = users["publisher"]
    # The editor is locked for publishers during the safety review; code is not.
    in_review.save_revision(user=publisher)
    in_review.save_revision(user=users["moderator"])  # the moderator saves after them
    approve(client, in_review, users["moderator"])
    assert current_step(in_review) == "Publication"
    approve(client, in_review, publisher)
    assert_still_in_review(in_review)
    assert current_step(in_review) == "Publication"


def test_the_author_of_the_latest_revision_cannot_approve_the_publication(client, users, in_review):
    in_review.save_revision(user=users["publisher"])
    approve(client, in_review, users["moderator"])
    approve(client, in_review, users["publisher"])
    assert_still_in_review(in_review)


def test_whoever_changed_it_cannot_approve_the_safety_review_it_goes_back_to(
    client, users, at_publication, make_user, django_capture_on_commit_callbacks
):
    """Someone who is both moderator and publisher edits at the Publication step: the safety
    review restarts, and another moderator reviews that edit, not its author."""
    both = make_user("moderating_publisher", "Moderators", "Publishers")
    edit(client, at_publication, both)
    assert current_step(at_publication) == "Safety review"
    client.logout()
    client.force_login(both)
    html = client.get(edit_url(at_publication)).content.decode()
    assert "you changed it after this step approved it" in html
    assert "Max Moderator" in html, "the explanation names who can approve instead"
    approve(client, at_publication, both)
    assert current_step(at_publication) == "Safety review"
    assert_still_in_review(at_publication)
    approve(client, at_publication, users["moderator2"])
    assert current_step(at_publication) == "Publication"
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, at_publication, users["publisher"])
    at_publication.refresh_from_db()
    assert at_publication.live
