"""purge_submissions: what contributors sent is kept STORY_RETENTION_DAYS after their story left
review, then deleted; stories still in review are never touched."""

import datetime
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from wagtail.models import PageLogEntry, Revision, WorkflowState

from cms.core.publishing import setup_publishing
from stories.models import StoryPage, StoryPrivateRecord
from tests.stories.story_builders import make_private_record, make_story, submit_for_moderation

pytestmark = pytest.mark.django_db


def days_later(days):
    """Move the clock forward: every timezone.now()/localdate() call sees the future."""
    return mock.patch.object(
        timezone, "now", return_value=timezone.now() + datetime.timedelta(days=days)
    )


def purge():
    call_command("purge_submissions", verbosity=0)


@pytest.fixture
def index(world):
    return world.sections["stories"]["en"]


def published_story(index, users):
    page = make_story(index, "Published", ["Kept."], publish=True)
    record = make_private_record(page, contact="write to me at canary@example.invalid")
    return page, record


def rejected_story(index, users):
    page = make_story(index, "Rejected", ["Not publishable."], user=users["submitter"])
    record = make_private_record(page, contact="rejected-contact")
    state = submit_for_moderation(page, users["submitter"])
    state.current_task_state.specific.reject(user=users["moderator"], comment="Too risky")
    return page, record


def test_published_story_keeps_its_page_and_loses_its_private_record_after_retention(index, users):
    page, record = published_story(index, users)

    with days_later(29):
        purge()
    record.refresh_from_db()
    assert record.purge_after == timezone.localdate() + datetime.timedelta(days=30)

    with days_later(31):
        purge()
    assert not StoryPrivateRecord.objects.filter(pk=record.pk).exists()
    page.refresh_from_db()
    assert page.live


def test_rejected_story_is_deleted_with_everything_after_retention(client, index, users):
    page, record = rejected_story(index, users)
    assert WorkflowState.objects.get(object_id=str(page.pk)).status == "needs_changes"

    with days_later(29):
        purge()
    assert StoryPage.objects.filter(pk=page.pk).exists()

    with days_later(31):
        purge()
    assert not StoryPage.objects.filter(pk=page.pk).exists()
    assert not StoryPrivateRecord.objects.filter(pk=record.pk).exists()
    assert not Revision.objects.filter(object_id=str(page.pk)).exists()
    assert not WorkflowState.objects.filter(object_id=str(page.pk)).exists()
    assert not PageLogEntry.objects.filter(page_id=page.pk).exists()


def test_cancelled_workflow_is_not_a_rejection(index, users):
    page = make_story(index, "Cancelled", ["Text."], user=users["submitter"])
    record = make_private_record(page)
    state = submit_for_moderation(page, users["submitter"])
    state.cancel(user=users["admin"])
    record.refresh_from_db()
    assert record.purge_after is None

    with days_later(100):
        purge()
    assert StoryPage.objects.filter(pk=page.pk).exists()
    assert StoryPrivateRecord.objects.filter(pk=record.pk, page=page).exists()


def test_withdrawn_story_is_deleted_after_retention_from_its_unpublication(index, users):
    page = make_story(index, "Taken down", ["Text."], publish=True)
    page.unpublish(user=users["admin"])

    with days_later(29):
        purge()
    assert StoryPage.objects.filter(pk=page.pk).exists()
    with days_later(31):
        purge()
    assert not StoryPage.objects.filter(pk=page.pk).exists()


def test_story_resubmitted_after_rejection_is_in_review_again_and_kept(index, users):
    page, record = rejected_story(index, users)
    WorkflowState.objects.get(object_id=str(page.pk)).resume(user=users["moderator"])

    with days_later(100):
        purge()
    assert StoryPage.objects.filter(pk=page.pk).exists()
    assert StoryPrivateRecord.objects.filter(pk=record.pk).exists()


def test_story_in_review_is_kept_whatever_its_age(index, users):
    page = make_story(index, "Waiting", ["Text."], user=users["submitter"])
    record = make_private_record(page)
    submit_for_moderation(page, users["submitter"])

    with days_later(365):
        purge()
    assert StoryPrivateRecord.objects.filter(pk=record.pk, page=page).exists()


@override_settings(STORY_RETENTION_DAYS=5)
def test_retention_is_a_setting(index, users):
    _page, record = published_story(index, users)
    with days_later(6):
        purge()
    assert not StoryPrivateRecord.objects.filter(pk=record.pk).exists()


def test_record_of_a_deleted_story_is_kept_for_the_retention_period(index, users):
    page, record = rejected_story(index, users)
    page.delete()
    record.refresh_from_db()
    assert record.page is None
    assert record.purge_after == timezone.localdate() + datetime.timedelta(days=30)

    with days_later(29):
        purge()
    assert StoryPrivateRecord.objects.filter(pk=record.pk).exists()
    with days_later(31):
        purge()
    assert not StoryPrivateRecord.objects.filter(pk=record.pk).exists()


def test_leaving_review_stamps_the_purge_date_at_once_and_resubmitting_clears_it(index, users):
    in_30_days = timezone.localdate() + datetime.timedelta(days=30)
    page, record = rejected_story(index, users)
    record.refresh_from_db()
    assert record.purge_after == in_30_days

    WorkflowState.objects.get(object_id=str(page.pk)).resume(user=users["moderator"])
    record.refresh_from_db()
    assert record.purge_after is None

    _published, published_record = published_story(index, users)
    assert published_record.purge_after is None, "the record was made after publication"
    story = make_story(index, "Publish me", ["Text."])
    later_record = make_private_record(story)
    with setup_publishing():  # set-up, not the story workflow under test
        story.save_revision().publish(skip_permission_checks=True)
    later_record.refresh_from_db()
    assert later_record.purge_after == in_30_days


def test_rejected_story_takes_its_photos_but_not_photos_used_elsewhere(index, users):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    own = Image.objects.create(title="contributor photo", file=get_test_image_file())
    shared = Image.objects.create(title="shared photo", file=get_test_image_file())
    page = make_story(index, "With photos", ["Text."], user=users["submitter"])
    page.body = [
        ("photo", {"image": own, "alt_text": "A street"}),
        ("photo", {"image": shared, "alt_text": "A square"}),
    ]
    page.save_revision(user=users["submitter"])
    other = make_story(index, "Uses the shared photo", ["Text."])
    other.body = [("photo", {"image": shared, "alt_text": "A square"})]
    other.save()
    make_private_record(page)
    state = submit_for_moderation(page, users["submitter"])
    state.current_task_state.specific.reject(user=users["moderator"])

    with days_later(31):
        purge()
    assert not Image.objects.filter(pk=own.pk).exists()
    assert Image.objects.filter(pk=shared.pk).exists()
