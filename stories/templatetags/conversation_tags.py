"""Template helpers of the conversations (stories/conversation/): when to come back, and what
stands out in the moderators' lists (an unread answer, the consent state; never content)."""

from django import template
from django.conf import settings

register = template.Library()

DEFAULT_COME_BACK_DAYS = 3


@register.simple_tag
def come_back_days():
    """How many days after sending a contributor should look again (STORY_COME_BACK_DAYS)."""
    return int(getattr(settings, "STORY_COME_BACK_DAYS", DEFAULT_COME_BACK_DAYS))


@register.filter
def unread_answer(item):
    from stories.conversation.store import unread_answers

    return item is not None and unread_answers(item)


@register.filter
def story_unread_answer(page):
    from stories.conversation.consent import submission_of

    return unread_answer(submission_of(page))


@register.filter
def consent_text(page):
    from stories.conversation.consent import consent_of, describe

    return describe(consent_of(page))
