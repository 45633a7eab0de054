"""What a receipt code may tell its holder: one of five states, nothing more (and, to the holder
of the code only, the conversation with the editors: stories/conversation/public.py).

The answer never includes the title, the text, a date or who handled the story: the code may
have been found by someone else (on paper, on a seized phone), and the state alone tells them
little.
"""

from __future__ import annotations

from dataclasses import dataclass

from stories.models import QueuedSubmission, SealedSubmission, StoryPage, StoryPrivateRecord
from stories.retention import outcome_of
from stories.sealing.spool import get_spool

RECEIVED = "received"
IN_REVIEW = "in_review"
PUBLISHED = "published"
NOT_PUBLISHED = "not_published"
# The contributor withdrew it through their receipt (stories/conversation/).
WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class ReceiptStatus:
    state: str
    page: StoryPage | None = None  # only for PUBLISHED: the live story to link to


def status_for_digest(digest: str) -> ReceiptStatus | None:
    """The state of the story behind a receipt digest, or None if no story has it (a wrong
    code, or one whose private record has been purged)."""
    item = SealedSubmission.objects.filter(receipt_digest=digest).select_related("page").first()
    if item is not None:
        return _sealed_status(item)
    if get_spool().contains(digest):
        return ReceiptStatus(RECEIVED)
    if QueuedSubmission.objects.filter(receipt_digest=digest).exists():
        return ReceiptStatus(RECEIVED)  # the former plain-text queue, not yet sealed
    record = StoryPrivateRecord.objects.filter(receipt_digest=digest).select_related("page").first()
    if record is None:
        return None
    return _page_status(record.page)


def _sealed_status(item) -> ReceiptStatus:
    if item.state == item.SEALED:
        return ReceiptStatus(RECEIVED)
    if item.state == item.DECLINED:
        return ReceiptStatus(NOT_PUBLISHED)
    if item.state == item.WITHDRAWN:
        return ReceiptStatus(WITHDRAWN)
    return _page_status(item.page)


def _page_status(page) -> ReceiptStatus:
    if page is None:
        return ReceiptStatus(NOT_PUBLISHED)
    if page.live:
        return ReceiptStatus(PUBLISHED, page)
    outcome = outcome_of(page)
    if outcome is not None and not outcome.published:
        # Rejected, or taken down: it will not be (or is no longer) published.
        return ReceiptStatus(NOT_PUBLISHED)
    # Still in review, sent back, or its run cancelled: nobody has decided against it.
    return ReceiptStatus(IN_REVIEW)
