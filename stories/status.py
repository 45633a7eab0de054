"""What a receipt code may tell its holder: one of four states, nothing more.

The answer never includes the title, the text, a date or who handled the story: the code may
have been found by someone else (on paper, on a seized phone), and the state alone tells them
little.
"""

from __future__ import annotations

from dataclasses import dataclass

from wagtail.models import WorkflowState

from stories.models import QueuedSubmission, StoryPage, StoryPrivateRecord

RECEIVED = "received"
IN_REVIEW = "in_review"
PUBLISHED = "published"
NOT_PUBLISHED = "not_published"


@dataclass(frozen=True)
class ReceiptStatus:
    state: str
    page: StoryPage | None = None  # only for PUBLISHED: the live story to link to


def status_for_digest(digest: str) -> ReceiptStatus | None:
    """The state of the story behind a receipt digest, or None if no story has it (a wrong
    code, or one whose private record has been purged)."""
    if QueuedSubmission.objects.filter(receipt_digest=digest).exists():
        return ReceiptStatus(RECEIVED)
    record = StoryPrivateRecord.objects.filter(receipt_digest=digest).select_related("page").first()
    if record is None:
        return None
    page = record.page
    if page is None:
        return ReceiptStatus(NOT_PUBLISHED)
    if page.live:
        return ReceiptStatus(PUBLISHED, page)
    if record.purge_after is not None or _workflow_was_cancelled(page):
        # The story left review without going live: it was rejected.
        return ReceiptStatus(NOT_PUBLISHED)
    return ReceiptStatus(IN_REVIEW)


def _workflow_was_cancelled(page) -> bool:
    latest = WorkflowState.objects.for_instance(page).order_by("-created_at").first()
    return latest is not None and latest.status == WorkflowState.STATUS_CANCELLED
