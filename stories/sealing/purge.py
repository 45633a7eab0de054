"""Retention of sealed items (run by `purge_submissions`, with stories/retention.py's rules).

- waiting, untouched, STORY_RETENTION_DAYS after the day received: shredded and deleted;
- a draft was started and the story is now published or rejected (or its page is gone): shredded
  at once, the tombstone kept STORY_RETENTION_DAYS from that decision so the receipt answers;
  then the tombstone goes, and with it a rejected story (as for private records);
- declined: shredded when declined; the tombstone goes STORY_RETENTION_DAYS later;
- withdrawn by its contributor (stories/conversation/consent.py): shredded and its story deleted
  at once; the tombstone goes STORY_RETENTION_DAYS later.

Shredding or deleting an item takes its conversation with it, both sides (`inbox.shred`,
CASCADE): nothing of what was said through the receipt outlives the item.
"""

from __future__ import annotations

from stories.retention import outcome_of, purge_story, retention

from .inbox import shred


def purge(today) -> int:
    """Apply the rules; return how many items were shredded or deleted."""
    from stories.models import SealedSubmission

    changed = 0
    keep_for = retention()
    for item in SealedSubmission.objects.select_related("page"):
        if item.state == item.SEALED:
            if item.received_on + keep_for <= today:
                item.delete()  # its sealed keys go with it (CASCADE)
                changed += 1
            continue
        if item.state == item.DRAFTED:
            page = item.page
            outcome = outcome_of(page) if page is not None else None
            if page is not None and outcome is None:
                continue  # still in review: the item stays readable
            shred(item, item.SHREDDED, day=outcome.decided_on if outcome else today)
            changed += 1
        if item.closed_on is not None and item.closed_on + keep_for <= today:
            page = item.page
            item.delete()
            if page is not None:
                outcome = outcome_of(page)
                if outcome is not None and not outcome.published:
                    purge_story(page)
            changed += 1
    return changed
