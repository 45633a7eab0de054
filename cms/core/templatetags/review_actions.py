"""What a workflow action will do, shown in its form before the reviewer confirms it."""

from django import template

from cms.core.review_actions import notice_for

register = template.Library()


@register.simple_tag
def review_action_notice(obj, action_name):
    return notice_for(obj, action_name)
