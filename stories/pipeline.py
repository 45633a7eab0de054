"""From the public form to the sealed inbox, and from there to a draft story in moderation.

1. ``queue_submission`` (in the POST): everything the contributor sent is sealed and put in the
   spool (stories/sealing/: the design, and why no time better than a day is ever stored).
   Nothing else is written: no page, no file, no log line, no PostgreSQL row in production.
2. ``ingest_all`` (in `manage.py ingest_submissions`, after a random delay): the spool's entries
   move into PostgreSQL as SealedSubmission rows in shuffled batches, one transaction each.
   Nothing enters the page tree here.
3. A moderator opens the item in the sealed inbox and starts a draft with what they keep
   (stories/sealing/drafts.py, which uses the helpers below): the draft StoryPage, its photos and
   the "Story moderation" workflow are written in ONE transaction, and the image files already
   written are removed if it fails.
4. ``seal_queued``: rows of the former plain-text queue (QueuedSubmission), sealed in place by
   `manage.py seal_queued_submissions`.

Concurrency (PostgreSQL): batch moves take an advisory lock; the story index is locked
(SELECT ... FOR UPDATE on its page row) before add_child, because treebeard computes a new
sibling's path from the last one.
"""

from __future__ import annotations

import logging
import secrets
import uuid
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Collection, Page

from cms.core.roles import SUBMITTED_PHOTOS_COLLECTION
from stories.models import QueuedSubmission, SealedKey, SealedSubmission, StoryIndexPage
from stories.privacy.images import random_image_name
from stories.sealing import inbox

logger = logging.getLogger(__name__)


class NoStoryIndex(Exception):
    """The submission's language has no story index yet: no draft can be started in it."""


def queue_submission(form, language: str) -> str:
    """Seal a validated StorySubmissionForm into the spool; return the receipt code, shown once
    and not kept (only its keyed digest is stored). Raises SpoolUnavailable: no receipt."""
    return inbox.seal_submission(form, language)


def ingest_all() -> int:
    """Move every spooled submission into PostgreSQL, sealed, then contributors' answers
    (stories/conversation/answers.py); return how many were moved."""
    from stories.conversation.answers import move_all as move_answers

    return inbox.move_all() + move_answers()


@transaction.atomic
def seal_queued() -> int:
    """Seal the rows of the former plain-text queue into the sealed inbox, then delete them.
    They are in PostgreSQL already, so they go straight into the inbox, not through the spool."""
    sealed = 0
    for row in QueuedSubmission.objects.prefetch_related("photos"):
        photos = [
            (
                SimpleNamespace(
                    content=bytes(p.content), extension=p.extension, width=p.width, height=p.height
                ),
                p.alt_text,
            )
            for p in row.photos.all()
        ]
        data = {
            "language": row.language,
            "title": row.title,
            "text": row.text,
            "topics": row.topic_keys,
            "region": row.region,
            "credit": row.credit,
            "pseudonym": row.pseudonym,
            "consent_publication": row.consent_publication,
            "consent_translation": row.consent_translation,
            "contact": row.contact,
        }
        ciphertext, keys = inbox.seal(inbox.payload_of(data, row.language, photos))
        item = SealedSubmission.objects.create(
            id=uuid.uuid4(),
            receipt_digest=row.receipt_digest,
            received_on=row.received_on,
            ciphertext=ciphertext,
        )
        SealedKey.objects.bulk_create(
            [
                SealedKey(submission=item, inbox_key_id=pk, recovery=fp, sealed_key=key)
                for pk, fp, key in keys
            ]
        )
        row.delete()
        sealed += 1
    return sealed


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


def _make_image(photo, written_files: list):
    """A Wagtail image from scrubbed bytes (`photo` has content, extension, width, height)."""
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
