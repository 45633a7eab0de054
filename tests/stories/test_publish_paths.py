"""Every way a page goes live, tried on a story in review as every role: none puts it live, and
nothing of it reaches an anonymous reader (its URL, the listings, the feeds). The one way that
works: the safety review, then a second person's approval (cms/core/publishing.py).

wagtail-localize's paths are in test_publish_paths_localize.py."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from cms.core.publishing import PublishingRefused
from stories.models import StoryPage
from tests.admin_client import edit_url
from tests.stories.publish_path_helpers import (
    CANARY,
    ROLES,
    approve,
    assert_not_served,
    assert_still_in_review,
)
from tests.stories.story_builders import edit_form_data, make_story

pytestmark = pytest.mark.django_db


def publish_post(client, page, paragraphs, url=None, **fields):
    """The editor's "Publish" with the story's body set to `paragraphs`."""
    data = edit_form_data(page, paragraphs, **fields)
    data["action-publish"] = "action-publish"
    return client.post(url or edit_url(page), data)


def test_the_legitimate_path_puts_it_live(
    client, users, in_review, make_user, django_capture_on_commit_callbacks
):
    """The positive control of every refusal below: the same checks see the canary here."""
    second = make_user("publisher2", "Publishers")
    approve(client, in_review, users["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, in_review, second)
    in_review.refresh_from_db()
    assert in_review.live
    assert in_review.live_revision_id == in_review.latest_revision_id
    state = WorkflowState.objects.for_instance(in_review).get()
    assert state.status == WorkflowState.STATUS_APPROVED
    reader = Client()
    assert CANARY in reader.get(in_review.url).content.decode()
    assert CANARY in reader.get("/en/stories/").content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_the_publish_button(client, users, in_review, role):
    client.force_login(users[role])
    publish_post(client, in_review, [CANARY])
    assert_still_in_review(in_review)
    assert_not_served(in_review)


@pytest.mark.parametrize("role", ROLES)
def test_a_change_to_a_live_story_published_directly(client, world, users, role):
    story = make_story(world.sections["stories"]["en"], "Reviewed", ["Reviewed."], publish=True)
    client.force_login(users[role])
    publish_post(client, story, [CANARY])
    story.refresh_from_db()
    assert story.live
    assert CANARY not in str(story.body.raw_data)
    assert CANARY not in Client().get(story.url).content.decode()
    assert_not_served(story)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("target", ["story", "index"])
def test_bulk_publish_with_descendants(client, world, users, in_review, role, target):
    page = in_review if target == "story" else world.sections["stories"]["en"]
    client.force_login(users[role])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    client.post(f"{url}?id={page.pk}", {"include_descendants": "on"})
    assert_still_in_review(in_review)
    assert_not_served(in_review)


@pytest.mark.parametrize("role", ROLES)
def test_the_admin_api_publish_action(client, users, in_review, role):
    client.force_login(users[role])
    response = client.post(f"/admin/api/main/pages/{in_review.pk}/action/publish/")
    assert response.status_code != 200
    assert_still_in_review(in_review)
    assert_not_served(in_review)


def _copy(client, page, parent, **extra):
    return client.post(
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        {
            "new_title": page.title + " copy",
            "new_slug": page.slug + "-copy",
            "new_parent_page": parent.pk,
            **extra,
        },
    )


@pytest.mark.parametrize("role", ROLES)
def test_copy_with_publish_copies(client, world, users, in_review, role):
    """A live story copied "published" would be a second live page no review governs; the
    story index copied with its stories, elsewhere, the same for all of them."""
    index = world.sections["stories"]["en"]
    live = make_story(index, "Already reviewed", ["Reviewed."], publish=True)
    live_before = set(StoryPage.objects.live().values_list("pk", flat=True))
    client.force_login(users[role])
    _copy(client, live, index, publish_copies="on")
    _copy(client, in_review, index, publish_copies="on")
    _copy(client, index, world.homes["en"], publish_copies="on", copy_subpages="on")
    assert set(StoryPage.objects.live().values_list("pk", flat=True)) == live_before
    assert_still_in_review(in_review)
    assert_not_served(in_review)
    assert Client().get("/en/stories-copy/").status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_aliases_of_a_story(client, world, users, in_review, role):
    index = world.sections["stories"]["en"]
    live = make_story(index, "Reviewed and live", ["Reviewed."], publish=True)
    client.force_login(users[role])
    for story in (live, in_review):
        _copy(client, story, index, alias="on")
        _copy(client, story, world.sections["stories"]["ru"], alias="on")
    assert not Page.objects.filter(alias_of__in=[live, in_review]).exists()
    with pytest.raises(PublishingRefused):
        live.create_alias(parent=world.sections["stories"]["ru"], update_slug="alias-in-ru")
    assert not Page.objects.filter(alias_of=live).exists()
    assert_not_served(in_review)


@pytest.mark.parametrize("role", ROLES)
def test_revert_to_a_revision_and_publish(client, users, in_review, role):
    """The moderator redacted the canary out; reverting to the raw revision and publishing
    it would put the raw text live."""
    raw = in_review.get_latest_revision()
    in_review.body = [("paragraph", "Redacted.")]
    in_review.save_revision(user=users["moderator"])
    client.force_login(users[role])
    url = reverse("wagtailadmin_pages:revisions_revert", args=[in_review.pk, raw.pk])
    publish_post(client, in_review, [CANARY], url=url)
    assert_still_in_review(in_review)
    assert_not_served(in_review)
    with pytest.raises(PublishingRefused):
        raw.publish(user=users[role], previous_revision=raw)
    assert_still_in_review(in_review)


def test_code_publishing_a_revision_without_a_user(users, in_review):
    for publish in (
        lambda: in_review.get_latest_revision().publish(),
        lambda: in_review.get_latest_revision().publish(skip_permission_checks=True),
        lambda: in_review.save_revision().publish(user=users["admin"]),
        lambda: in_review.specific.publish(in_review.get_latest_revision()),
    ):
        with pytest.raises(PublishingRefused):
            publish()
        assert_still_in_review(in_review)
    # Nor by writing the row itself.
    in_review.live = True
    with pytest.raises(PublishingRefused):
        in_review.save()
    assert_still_in_review(in_review)
    assert_not_served(in_review)


@pytest.mark.parametrize("role", ROLES)
def test_scheduled_go_live_is_not_a_way_around(client, users, in_review, role):
    """A go-live date in the past and the scheduler: nothing, unless the review approved it."""
    client.force_login(users[role])
    past = timezone.localtime() - datetime.timedelta(hours=1)
    publish_post(client, in_review, [CANARY], go_live_at=past.strftime("%Y-%m-%d %H:%M"))
    in_review.go_live_at = past
    in_review.save_revision(user=users[role])
    call_command("publish_scheduled")
    assert_still_in_review(in_review)
    assert_not_served(in_review)


def test_a_schedule_the_review_approved_goes_live_on_time(
    client, users, in_review, make_user, django_capture_on_commit_callbacks
):
    future = timezone.now() + datetime.timedelta(days=1)
    in_review.go_live_at = future
    in_review.save_revision(user=users["moderator"])
    approve(client, in_review, users["moderator"])
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, in_review, make_user("publisher2", "Publishers"))
    in_review.refresh_from_db()
    assert not in_review.live
    scheduled = in_review.revisions.get(approved_go_live_at__isnull=False)
    assert CANARY not in Client().get("/en/stories/").content.decode()

    # The day comes (moved, not waited for).
    past = timezone.now() - datetime.timedelta(minutes=1)
    content = dict(scheduled.content, go_live_at=past.isoformat())
    type(scheduled).objects.filter(pk=scheduled.pk).update(
        approved_go_live_at=past, content=content
    )
    StoryPage.objects.filter(pk=in_review.pk).update(go_live_at=past)
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")
    in_review.refresh_from_db()
    assert in_review.live
    assert in_review.live_revision_id == scheduled.pk
    assert CANARY in Client().get(in_review.url).content.decode()


@pytest.mark.parametrize("role", ["admin", "publisher", "moderator"])
def test_nobody_alone_approves_both_steps(client, users, in_review, role):
    """An administrator is bound by the second pair of eyes too; a publisher cannot give the
    safety review, nor a moderator the publication."""
    approve(client, in_review, users[role])
    approve(client, in_review, users[role])
    assert_still_in_review(in_review)
    assert_not_served(in_review)
