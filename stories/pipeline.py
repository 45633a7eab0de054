"""From the public form to a draft story in moderation.

1. ``queue_submission`` (in the POST): one QueuedSubmission row with its scrubbed photos, one
   transaction, and a receipt code returned to show once. Nothing else is written: no page, no
   file, no log line.
2. ``ingest_next`` (in `manage.py ingest_submissions`, later and in random order): per queued
   row, in ONE transaction, the Wagtail images, the draft StoryPage, its StoryPrivateRecord and
   the "Story moderation" workflow, then the row is deleted. A failure rolls all of it back and
   removes the image files already written, so a submission is never lost, duplicated or
   half-saved.

Concurrency (PostgreSQL): a row is claimed with SELECT ... FOR UPDATE SKIP LOCKED, so two
ingesters never process the same row; the story index is locked (SELECT ... FOR UPDATE on its page
row) before add_child, because treebeard computes a new sibling's path from the last one.
"""

from __future__ import annotations

import logging
import secrets

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Workflow

from cms.core.roles import SUBMITTED_PHOTOS_COLLECTION
from cms.core.workflows import STORY_MODERATION
from stories.models import (
    QueuedPhoto,
    QueuedSubmission,
    StoryIndexPage,
    StoryPage,
    StoryPrivateRecord,
    StoryTopic,
)
from stories.privacy.images import random_image_name
from stories.privacy.receipts import new_receipt_code, receipt_digest
from stories.privacy.text import paragraphs

logger = logging.getLogger(__name__)


class NoStoryIndex(Exception):
    """The submission's language has no story index yet: the row stays queued."""


@transaction.atomic
def queue_submission(form, language: str) -> str:
    """Store a validated StorySubmissionForm as a queue row; return the receipt code.

    The code is returned to be shown once and is not kept: only its keyed digest is stored.
    """
    data = form.cleaned_data
    code = new_receipt_code()
    topics = data.get("topics") or []
    submission = QueuedSubmission.objects.create(
        language=data.get("language") or language,
        title=data["title"],
        text=data["text"],
        topic_keys=sorted(str(topic.translation_key) for topic in topics),
        region=data.get("region") or "",
        credit=data["credit"],
        pseudonym=data.get("pseudonym") or "",
        consent_publication=data["consent_publication"],
        consent_translation=data.get("consent_translation", False),
        contact=data.get("contact") or "",
        receipt_digest=receipt_digest(code),
        # A date in UTC, never a time (see QueuedSubmission).
        received_on=timezone.now().date(),
    )
    for position, (image, alt_text) in enumerate(form.photos(), start=1):
        QueuedPhoto.objects.create(
            submission=submission,
            position=position,
            content=image.content,
            extension=image.extension,
            width=image.width,
            height=image.height,
            alt_text=alt_text,
        )
    return code


def ingest_next(skip_languages=()) -> bool:
    """Materialise one queued submission, chosen at random. False when none is left to claim
    (the queue is empty, or every remaining row is being handled by another ingester)."""
    written_files: list = []
    try:
        with transaction.atomic():
            submission = (
                QueuedSubmission.objects.select_for_update(skip_locked=True)
                .exclude(language__in=list(skip_languages))
                .order_by("?")
                .first()
            )
            if submission is None:
                return False
            _one_ingester_at_a_time()
            _materialise(submission, written_files)
            submission.delete()
    except Exception:
        # The database rolled back; the files it pointed to must go too.
        for image_file in written_files:
            image_file.storage.delete(image_file.name)
        raise
    return True


# Any constant: the key of the advisory lock below.
INGEST_LOCK_KEY = 0x5107_1E5


def _one_ingester_at_a_time():
    """Materialise under a transaction-wide advisory lock. Wagtail's PostgreSQL search backend
    rewrites the title norm of every index entry on each insert, so two ingesters' transactions
    deadlock on those rows (seen in tests/stories/test_concurrency.py). Claims stay skip-locked;
    only the writing waits its turn, and the lock ends with the transaction."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [INGEST_LOCK_KEY])


def _materialise(submission: QueuedSubmission, written_files: list) -> StoryPage:
    index = _locked_story_index(submission.language)
    body = [("paragraph", text) for text in paragraphs(submission.text)]
    for photo in submission.photos.all():
        image = _make_image(photo, written_files)
        body.append(("photo", {"image": image, "alt_text": photo.alt_text}))

    page = StoryPage(
        title=submission.title,
        # Not derived from the title: the unedited title may hold what moderators redact, and a
        # slug outlives redaction in URLs. Moderators choose a readable slug before publishing.
        slug=f"story-{secrets.token_hex(5)}",
        locale=index.locale,
        live=False,
        body=body,
        region=submission.region,
        credit=submission.credit,
        pseudonym=submission.pseudonym,
    )
    # The same topics in the story's own locale. A ParentalManyToManyField: set in memory,
    # written by add_child's save.
    page.topics.set(
        StoryTopic.objects.filter(translation_key__in=submission.topic_keys, locale=index.locale)
    )
    index.add_child(instance=page)
    page.save_revision(user=None, log_action=False)

    StoryPrivateRecord.objects.create(
        page=page,
        receipt_digest=submission.receipt_digest,
        contact=submission.contact,
        consent_publication=submission.consent_publication,
        consent_translation=submission.consent_translation,
        submitted_on=submission.received_on,
    )
    workflow = page.get_workflow() or Workflow.objects.get(name=STORY_MODERATION.name, active=True)
    workflow.start(page, user=None)
    return page


def _locked_story_index(language: str) -> StoryIndexPage:
    index = StoryIndexPage.objects.filter(locale__language_code=language).order_by("path").first()
    if index is None:
        raise NoStoryIndex(language)
    # Lock the page row itself (not the joined subclass row), then read it fresh: a concurrent
    # ingester may have added a child since, changing numchild and the next sibling path.
    Page.objects.select_for_update().filter(pk=index.pk).values_list("pk", flat=True).get()
    return StoryIndexPage.objects.get(pk=index.pk)


def submitted_photos_collection():
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=SUBMITTED_PHOTOS_COLLECTION).first() or root


def _make_image(photo: QueuedPhoto, written_files: list):
    image_model = get_image_model()
    image = image_model(
        title=f"story-photo-{secrets.token_hex(4)}",
        # Only reviewers see contributors' photos until they are published (cms/core/roles.py).
        collection=submitted_photos_collection(),
    )
    image.file.save(
        random_image_name(photo.extension), ContentFile(bytes(photo.content)), save=False
    )
    written_files.append(image.file)
    # Known from scrubbing; set after file.save(), which resets the dimension fields.
    image.width, image.height = photo.width, photo.height
    image._set_image_file_metadata()
    image.save()
    return image


def ingest_all() -> int:
    """Ingest until nothing is left to claim; return how many submissions were materialised.

    A submission whose language has no story index stays queued (logged without any of its
    content), and the others go on.
    """
    done = 0
    missing: set[str] = set()
    while True:
        try:
            if not ingest_next(skip_languages=missing):
                return done
            done += 1
        except NoStoryIndex as error:
            language = str(error)
            missing.add(language)
            logger.warning("No story index for %r: its submissions stay queued.", language)
