"""How long we keep what contributors sent, and the purge that enforces it.

The rules (see StoryPrivateRecord's docstring) are computed from Wagtail's own state each time,
so nothing has to remember to stamp a date when a story is published or rejected:

- published (the page has gone live and is live): the private record goes
  `STORY_RETENTION_DAYS` after the first publication; the page stays;
- rejected (not live, and the latest workflow run ended with a step *rejected* through a review
  task of ours — the "Reject" action, which asks for a reason and a confirmation): page, private
  record, revisions, workflow history, log entries, photos and wagtail-localize's copies all go
  `STORY_RETENTION_DAYS` after the rejection. Resubmitting the story puts it back in review and
  stops the clock;
- withdrawn (was published, then unpublished, and not back in review): the same, counted from
  the unpublication;
- a record whose page was deleted goes `STORY_RETENTION_DAYS` after the deletion (until then
  its receipt still answers "not published").

Not a rejection: a cancelled run (an administrator stopped it; the story waits undecided), a
step sent back, and Wagtail's own "needs changes" from a plain group approval ("Request changes"
asks for changes, it does not decide). Such a story is kept, and its receipt says "in review".

stories/signals.py stamps `purge_after` when these things happen, so the receipt check and the
moderators' panel see the date at once; `purge` recomputes it and is the one that deletes.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from wagtail.models import PageLogEntry, TaskState, WorkflowState

from cms.core.review_actions import ReviewActionsMixin

DEFAULT_RETENTION_DAYS = 30
PUBLISHED, REJECTED, WITHDRAWN = "published", "rejected", "withdrawn"
ENDED = (WorkflowState.STATUS_NEEDS_CHANGES, WorkflowState.STATUS_CANCELLED)


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
    kind: str
    decided_on: datetime.date

    @property
    def published(self):
        return self.kind == PUBLISHED


def _latest_run(page):
    return (
        WorkflowState.objects.filter(
            base_content_type_id=page.get_base_content_type().pk, object_id=str(page.pk)
        )
        .select_related("current_task_state__task")
        .order_by("-created_at", "-pk")
        .first()
    )


def rejection_of(state):
    """The task state that rejected the run `state`, or None if the run did not end in a
    rejection (cancelled, sent back, changes requested, still going)."""
    if state is None or state.status not in ENDED or state.current_task_state is None:
        return None
    task_state = state.current_task_state
    if task_state.status != TaskState.STATUS_REJECTED:
        return None
    if not isinstance(task_state.task.specific, ReviewActionsMixin):
        return None
    return task_state


def _unpublished_on(page):
    entry = (
        PageLogEntry.objects.filter(page_id=page.pk, action__startswith="wagtail.unpublish")
        .order_by("-timestamp")
        .values_list("timestamp", flat=True)
        .first()
    )
    return timezone.localdate(entry or page.last_published_at or timezone.now())


def outcome_of(page):
    """How review of `page` ended and on which day, or None while it is undecided."""
    if page.live:
        return Outcome(PUBLISHED, timezone.localdate(page.first_published_at or timezone.now()))
    state = _latest_run(page)
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        return None
    if page.first_published_at:
        return Outcome(WITHDRAWN, _unpublished_on(page))
    rejection = rejection_of(state)
    if rejection is None:
        return None
    return Outcome(REJECTED, timezone.localdate(rejection.finished_at or state.created_at))


@transaction.atomic
def purge_story(page):
    """Delete a rejected or withdrawn story; its photos and wagtail-localize's copies go with
    it (stories/signals.py, on delete)."""
    page_pk = page.pk
    page.delete()
    PageLogEntry.objects.filter(page_id=page_pk).delete()


def _purge_withdrawn_without_record(today):
    """Withdrawn stories whose private record is already gone (published long ago)."""
    from stories.models import StoryPage

    deleted = 0
    candidates = StoryPage.objects.filter(
        live=False, first_published_at__isnull=False, private_record__isnull=True
    )
    for page in candidates:
        outcome = outcome_of(page)
        if outcome and outcome.kind == WITHDRAWN and outcome.decided_on + retention() <= today:
            purge_story(page)
            deleted += 1
    return deleted


def purge(today=None, stdout=None):
    """Apply the rules. Returns (private records deleted, stories deleted)."""
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
            purge_story(page)
            stories += 1
    stories += _purge_withdrawn_without_record(today)
    return records, stories
