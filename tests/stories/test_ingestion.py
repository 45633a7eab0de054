"""ingest_submissions: queued rows become draft stories in moderation, whole or not at all."""

import pathlib

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from stories import pipeline
from stories.models import QueuedSubmission, StoryPage, StoryPrivateRecord
from stories.privacy.receipts import receipt_digest
from tests.stories.story_builders import make_topic
from tests.stories.submission_helpers import (
    jpeg_bytes,
    receipt_from,
    submit_story,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]


def media_files(settings):
    return {path for path in pathlib.Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def ingest():
    call_command("ingest_submissions", "--no-delay")


def test_a_queued_story_becomes_a_draft_in_safety_review(client, world, form_pages):
    en_topic = make_topic(world.homes["en"].locale, "Arrests", "arrests")
    uk_topic = make_topic(world.homes["uk"].locale, "Арешти", "arrests")
    uk_topic.translation_key = en_topic.translation_key
    uk_topic.save()
    response = submit_story(
        client,
        "/en/stories/tell/",
        language="uk",
        topics=[en_topic.pk],
        credit="pseudonym",
        pseudonym="Sparrow",
        contact="mail: x@example.org",
        files={"photo_1": upload(jpeg_bytes())},
        photo_1_alt="A red square",
    )
    code = receipt_from(response)
    ingest()

    assert not QueuedSubmission.objects.exists()
    story = StoryPage.objects.get()
    assert story.get_parent().specific == world.sections["stories"]["uk"]
    assert story.locale.language_code == "uk"
    assert not story.live and story.first_published_at is None
    assert story.title == "The night they came"
    assert [block.block_type for block in story.body] == ["paragraph", "paragraph", "photo"]
    assert story.body[0].value == "First paragraph of what happened."
    assert story.body[2].value["alt_text"] == "A red square"
    assert list(story.topics.all()) == [uk_topic]
    assert (story.region, story.credit, story.pseudonym) == ("siberia", "pseudonym", "Sparrow")
    # The slug says nothing of the (unredacted) title.
    assert story.slug.startswith("story-") and "night" not in story.slug

    record = StoryPrivateRecord.objects.get(page=story)
    assert record.contact == "mail: x@example.org"
    assert record.consent_publication and record.consent_translation
    assert record.receipt_digest == receipt_digest(code)

    state = WorkflowState.objects.for_instance(story).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Story moderation"
    assert state.current_task_state.task.name == "Safety review"
    assert state.requested_by is None

    # Nothing private in the page's revision.
    revision = story.get_latest_revision()
    assert "x@example.org" not in str(revision.content)


def test_a_failure_rolls_everything_back_and_removes_the_image_files(
    client, world, form_pages, monkeypatch, settings
):
    submit_story(client, "/en/stories/tell/", files={"photo_1": upload(jpeg_bytes())})
    images_before = get_image_model().objects.count()
    files_before = media_files(settings)

    def broken_start(self, page, user=None):
        raise RuntimeError("workflow engine down")

    monkeypatch.setattr("wagtail.models.Workflow.start", broken_start)
    with pytest.raises(RuntimeError):
        ingest()

    assert QueuedSubmission.objects.count() == 1
    assert not StoryPage.objects.exists()
    assert not StoryPrivateRecord.objects.exists()
    assert get_image_model().objects.count() == images_before
    assert media_files(settings) == files_before, "an orphan file was left"

    monkeypatch.undo()
    ingest()
    assert StoryPage.objects.count() == 1 and not QueuedSubmission.objects.exists()


def test_rows_are_taken_in_random_order(client, world, form_pages, settings):
    """Both orders happen: ingestion order (hence page ids and times) is not submission order."""
    # Up to 24 stories from one address: the form's limit (10) would refuse them after five
    # rounds, and five rounds in one order happen one run in sixteen.
    settings.STORY_RATE_LIMIT_PER_ADDRESS = settings.STORY_RATE_LIMIT_GLOBAL_PER_MINUTE = 100
    orders = set()
    for _attempt in range(12):
        for title in ("First sent", "Second sent"):
            submit_story(client, "/en/stories/tell/", title=title)
        ingest()
        titles = list(StoryPage.objects.order_by("pk").values_list("title", flat=True))
        assert sorted(titles) == ["First sent", "Second sent"]
        orders.add(tuple(titles))
        StoryPage.objects.all().delete()
        if len(orders) == 2:
            break
    assert orders == {("First sent", "Second sent"), ("Second sent", "First sent")}


def test_a_language_without_story_index_keeps_its_rows_queued(client, world, form_pages):
    submit_story(client, "/en/stories/tell/", language="cs", title="Waits")
    submit_story(client, "/en/stories/tell/", language="en", title="Goes")
    world.sections["stories"]["cs"].delete()
    assert pipeline.ingest_all() == 1
    assert StoryPage.objects.get().title == "Goes"
    assert QueuedSubmission.objects.get().title == "Waits"


def test_the_loop_mode_and_delay_are_options(monkeypatch, world):
    slept = []
    monkeypatch.setattr("time.sleep", slept.append)
    call_command("ingest_submissions", "--max-delay", "30")
    assert len(slept) == 1 and 0 <= slept[0] <= 30
