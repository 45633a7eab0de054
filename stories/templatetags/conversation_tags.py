"""Template helpers of the conversations (stories/conversation/): when to come back, and what
stands out in the moderators' lists (an unread answer, the consent state; never content).
The list helpers take the whole list, so a page of a listing costs the same few queries
however long it is."""

from django import template
from django.conf import settings

register = template.Library()

DEFAULT_COME_BACK_DAYS = 3


@register.simple_tag
def come_back_days():
    """How many days after sending a contributor should look again (STORY_COME_BACK_DAYS)."""
    return int(getattr(settings, "STORY_COME_BACK_DAYS", DEFAULT_COME_BACK_DAYS))


@register.simple_tag
def items_with_unread_answers(rows):
    """The ids of the sealed items among `rows` (each with .item) with an unread answer."""
    from django.db.models import F

    from stories.models import ConversationMessage

    ids = [row["item"].pk for row in rows]
    return set(
        ConversationMessage.objects.filter(
            conversation__submission__in=ids,
            from_contributor=True,
            position__gt=F("conversation__moderators_read"),
        ).values_list("conversation__submission_id", flat=True)
    )


@register.filter
def unread_answer(item):
    from stories.conversation.store import unread_answers

    return item is not None and unread_answers(item)


@register.simple_tag
def story_marks(rows):
    """{story pk: (unread answer?, consent text)} for the rows of the moderation listing."""
    from stories.conversation.consent import marks_for

    return marks_for([row["story"] if isinstance(row, dict) else row.story for row in rows])


@register.filter
def mark_of(marks, story):
    return marks.get(story.pk, (False, ""))
