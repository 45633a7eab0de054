"""The "Stories moderation" listing in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _

from .moderation import is_story_reviewer, stories_in_review


def moderation_listing(request):
    if not is_story_reviewer(request.user):
        raise PermissionDenied
    return render(
        request,
        "stories/admin/moderation_listing.html",
        {
            "rows": stories_in_review(),
            "page_title": _("Stories moderation"),
            "header_icon": "tasks",
        },
    )
