"""ingest_submissions: sealed entries move from the spool into the sealed inbox, nothing enters
the page tree; a draft started from an item is whole or not at all."""

import pathlib

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from stories import pipeline
from stories.models import SealedSubmission, SpooledSubmission, StoryPage, StoryPrivateRecord
from stories.privacy.receipts import receipt_digest
from stories.sealing import drafts, inbox
from tests.stories.sealing_helpers import RECOVERY, ingest_and_draft, keep_everything
from tests.stories.story_builders import make_topic
from tests.stories.submission_helpers import jpeg_bytes, receipt_from, submit_story, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]


def media_files(settings):
    return {path for path in pathlib.Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def ingest():
    call_command("ingest_submissions", "--no-delay")


def test_ingestion_moves_sealed_items_and_makes_no_page(client, world, form_pages):
    code = receipt_from(submit_story(client, "/en/stories/tell/", title="Sealed one"))
    assert SpooledSubmission.objects.count() == 1 and not SealedSubmission.objects.exists()
    ingest()
    assert not SpooledSubmission.objects.exists()
    item = SealedSubmission.objects.get()
    assert item.receipt_digest == receipt_digest(code)
    assert item.state == SealedSubmission.SEALED
    assert b"Sealed one" not in bytes(item.ciphertext)
    assert not StoryPage.objects.exists(), "ingestion must not make drafts any more"
    ingest()  # again: nothing moves twice
    assert SealedSubmission.objects.count() == 1


def test_a_draft_keeps_what_the_moderator_keeps_in_the_stories_language(client, world, form_pages):
    en_topic = make_topic(world.homes["en"].locale, "Arrests", "arrests")
    uk_topic = make_topic(world.homes["uk"].locale, "Арешти", "arrests")
    uk_topic.translation_key = en_topic.translation_key
    uk_topic.save()
    submit_story(
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
    (story,) = ingest_and_draft()

    story = StoryPage.objects.get(pk=story.pk)
    assert story.get_parent().specific == world.sections["stories"]["uk"]
    assert not story.live and story.first_published_at is None
    assert story.title == "The night they came"
    assert [block.block_type for block in story.body] == ["paragraph", "paragraph", "photo"]
    assert story.body[2].value["alt_text"] == "A red square"
    assert list(story.topics.all()) == [uk_topic]
    assert (story.region, story.credit, story.pseudonym) == ("siberia", "pseudonym", "Sparrow")
    assert story.slug.startswith("story-") and "night" not in story.slug
    # Contact and consents never leave the sealed item.
    assert not StoryPrivateRecord.objects.exists()
    assert "x@example.org" not in str(story.get_latest_revision().content)

    state = WorkflowState.objects.for_instance(story).get()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Story moderation"
    assert state.current_task_state.task.name == "Safety review"
    assert SealedSubmission.objects.get().page_id == story.pk


def test_a_redacted_draft_holds_only_what_was_kept(client, world, form_pages):
    submit_story(client, "/en/stories/tell/", files={"photo_1": upload(jpeg_bytes())})
    ingest()
    item = SealedSubmission.objects.get()
    payload = inbox.open_item(item, RECOVERY)
    keep = drafts.Keep(title="A redacted title", text="Only this sentence.")
    page = drafts.start_draft(item, payload, keep, None)
    assert page.title == "A redacted title"
    assert [block.block_type for block in page.body] == ["paragraph"]
    assert (page.region, page.credit, page.pseudonym) == ("", "anonymous", "")
    assert not get_image_model().objects.exists()


def test_a_failed_draft_rolls_everything_back_and_removes_the_image_files(
    client, world, form_pages, monkeypatch, settings
):
    submit_story(client, "/en/stories/tell/", files={"photo_1": upload(jpeg_bytes())})
    ingest()
    item = SealedSubmission.objects.get()
    payload = inbox.open_item(item, RECOVERY)
    images_before = get_image_model().objects.count()
    files_before = media_files(settings)

    def broken_start(self, page, user=None):
        raise RuntimeError("workflow engine down")

    monkeypatch.setattr("wagtail.models.Workflow.start", broken_start)
    with pytest.raises(RuntimeError):
        drafts.start_draft(item, payload, keep_everything(payload), None)

    item.refresh_from_db()
    assert item.state == SealedSubmission.SEALED and item.page is None
    assert not StoryPage.objects.exists()
    assert get_image_model().objects.count() == images_before
    assert media_files(settings) == files_before, "an orphan file was left"

    monkeypatch.undo()
    drafts.start_draft(item, payload, keep_everything(payload), None)
    assert StoryPage.objects.count() == 1


def test_batches_are_written_in_random_order(client, world, form_pages, settings, monkeypatch):
    """Both orders happen: the order rows are written in is not the order they were sent."""
    settings.STORY_RATE_LIMIT_PER_ADDRESS = settings.STORY_RATE_LIMIT_GLOBAL_PER_MINUTE = 100
    written = []
    real = SealedSubmission.objects.bulk_create

    def recording(items, *args, **kwargs):
        written.append(tuple(item.receipt_digest for item in items))
        return real(items, *args, **kwargs)

    monkeypatch.setattr(SealedSubmission.objects, "bulk_create", recording)
    orders = set()
    for _attempt in range(12):
        first = receipt_digest(receipt_from(submit_story(client, "/en/stories/tell/")))
        second = receipt_digest(receipt_from(submit_story(client, "/en/stories/tell/")))
        ingest()
        orders.add(written[-1] == (first, second))
        SealedSubmission.objects.all().delete()
        if len(orders) == 2:
            break
    assert orders == {True, False}


def test_a_language_without_story_index_cannot_get_a_draft(client, world, form_pages):
    submit_story(client, "/en/stories/tell/", language="cs", title="Waits")
    world.sections["stories"]["cs"].delete()
    assert pipeline.ingest_all() == 1
    item = SealedSubmission.objects.get()
    payload = inbox.open_item(item, RECOVERY)
    with pytest.raises(pipeline.NoStoryIndex):
        drafts.start_draft(item, payload, keep_everything(payload), None)
    item.refresh_from_db()
    assert item.state == SealedSubmission.SEALED


def test_the_loop_mode_and_delay_are_options(monkeypatch, world):
    slept = []
    monkeypatch.setattr("time.sleep", slept.append)
    call_command("ingest_submissions", "--max-delay", "30")
    assert len(slept) == 1 and 0 <= slept[0] <= 30
