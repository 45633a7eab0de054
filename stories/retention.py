"""How long we keep what contributors sent, and the purge that enforces it.

The rules (see StoryPrivateRecord's docstring) are computed from Wagtail's own state each time,
so nothing has to remember to stamp a date when a story is published or rejected:

- published (the page has ever gone live): the private record goes `STORY_RETENTION_DAYS` after
  the first publication; the page stays;
- rejected (not live, and the latest workflow run ended "needs changes" — Wagtail's word for a
  rejected task — or "cancelled"): page, private record, revisions, workflow history, log
  entries and photos used by no other page all go `STORY_RETENTION_DAYS` after the run ended.
  Resubmitting the story puts it back in review and stops the clock;
- a record whose page was deleted goes `STORY_RETENTION_DAYS` after the deletion (until then
  its receipt still answers "not published").

stories/signals.py stamps `purge_after` when these things happen, so the receipt check and the
moderators' panel see the date at once; `purge` recomputes it and is the one that deletes.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import PageLogEntry, ReferenceIndex, Revision, TaskState, WorkflowState

DEFAULT_RETENTION_DAYS = 30
REJECTED = (WorkflowState.STATUS_NEEDS_CHANGES, WorkflowState.STATUS_CANCELLED)


def retention():
    return datetime.timedelta(
        days=getattr(settings, "STORY_RETENTION_DAYS", DEFAULT_RETENTION_DAYS)
    )


def due_from_today():
    return timezone.localdate() + retention()


def stamp(page, due, *, only_if_unset=False):
    """Set the `purge_after` of `page`'s private record, if it has one."""
    from stories.models import StoryPrivateRecord

    records = StoryPrivateRecord.objects.filter(page_id=page.pk)
    if only_if_unset:
        records = records.filter(purge_after__isnull=True)
    records.exclude(purge_after=due).update(purge_after=due)


@dataclass
class Outcome:
    published: bool
    decided_on: datetime.date


def outcome_of(page):
    """How review of `page` ended and on which day, or None while it is still in review."""
    if page.first_published_at:
        return Outcome(True, timezone.localdate(page.first_published_at))
    state = (
        WorkflowState.objects.filter(
            base_content_type_id=page.get_base_content_type().pk, object_id=str(page.pk)
        )
        .order_by("-created_at", "-pk")
        .first()
    )
    if state is None or state.status not in REJECTED:
        return None
    finished = (
        TaskState.objects.filter(workflow_state=state, finished_at__isnull=False)
        .order_by("-finished_at")
        .values_list("finished_at", flat=True)
        .first()
    )
    return Outcome(False, timezone.localdate(finished or state.created_at))


def images_of(page):
    """Images the story (any of its revisions) uses: contributors' photos end up here."""
    ids = set()
    for revision in Revision.objects.for_instance(page):
        for block in revision.as_object().body:
            if block.block_type == "photo" and block.value.get("image"):
                ids.add(block.value["image"].pk)
    return ids


@transaction.atomic
def purge_rejected_story(page):
    image_ids = images_of(page)
    page_pk = page.pk
    page.delete()
    PageLogEntry.objects.filter(page_id=page_pk).delete()
    for image in get_image_model().objects.filter(pk__in=image_ids):
        if not ReferenceIndex.get_references_to(image).exists():
            image.delete()


def purge(today=None, stdout=None):
    """Apply the rules. Returns (private records deleted, rejected stories deleted)."""
    from stories.models import StoryPrivateRecord

    today = today or timezone.localdate()
    records = stories = 0
    for record in StoryPrivateRecord.objects.select_related("page"):
        page = record.page
        if page is None:
            if record.purge_after is None:
                record.purge_after = today + retention()
                record.save(update_fields=["purge_after"])
            elif record.purge_after <= today:
                record.delete()
                records += 1
            continue
        outcome = outcome_of(page)
        due = outcome.decided_on + retention() if outcome else None
        if due is None or due > today:
            if record.purge_after != due:
                record.purge_after = due
                record.save(update_fields=["purge_after"])
            continue
        record.delete()
        records += 1
        if not outcome.published:
            purge_rejected_story(page)
            stories += 1
    return records, stories
