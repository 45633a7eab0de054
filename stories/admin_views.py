"""The "Stories moderation" listing in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.models import TaskState

from .moderation import is_story_reviewer, waiting_states, with_stories
from .review import what_happened


class StoryPaginator(WagtailPaginator):
    """Counts "stories", not the workflow states it pages through."""

    @property
    def verbose_name(self):
        from .models import StoryPage

        return StoryPage._meta.verbose_name

    @property
    def verbose_name_plural(self):
        from .models import StoryPage

        return StoryPage._meta.verbose_name_plural


# A screenful: reviewers work from the oldest story, so the first page is the one that matters.
PER_PAGE = 50


def moderation_listing(request):
    if not is_story_reviewer(request.user):
        raise PermissionDenied
    done = request.GET.get("done", "")
    task_state = TaskState.objects.filter(pk=int(done)).first() if done.isdigit() else None
    said = what_happened(task_state, request.user) if task_state else None
    if said:
        # The reviewer's own last action, read back from the saved workflow state.
        messages.success(request, said)
    # A count and one page of states, then that page's stories: the same few queries whether
    # ten stories or ten thousand are waiting.
    paginator = StoryPaginator(waiting_states(), PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    return render(
        request,
        "stories/admin/moderation_listing.html",
        {
            "rows": with_stories(page.object_list),
            "items": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "page_title": _("Stories moderation"),
            "header_icon": "tasks",
        },
    )
