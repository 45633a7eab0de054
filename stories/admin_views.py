"""The "Stories moderation" listing in the Wagtail admin."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.admin import messages
from wagtail.admin.paginator import WagtailPaginator
from wagtail.models import TaskState

from . import queue
from .moderation import is_story_reviewer, waiting_states
from .panels import PERMISSION as PRIVATE_RECORD_PERMISSION
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
    known_languages = queue.languages()
    known_steps = queue.steps()
    filters = queue.Filters(request.GET, known_languages, known_steps)
    if "language" in filters.errors:
        messages.error(request, _("There is no such language. All languages are shown."))
    if "step" in filters.errors:
        messages.error(request, _("There is no such step. All steps are shown."))
    counts = queue.counts()
    # A count and one page of states, then that page's stories: the same few queries whether
    # ten stories or ten thousand are waiting.
    states = queue.filtered(waiting_states(), filters.language, filters.step)
    paginator = StoryPaginator(states, PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    language_choices = [
        {
            "code": code,
            "locale": locale,
            "count": counts["language"].get(code, 0),
            "query": filters.query(language=code),
            "current": code == filters.language,
        }
        for code, locale in known_languages.items()
    ]
    step_choices = [
        {
            "task": task,
            "count": counts["step"].get(task.pk, 0),
            "query": filters.query(step=task.pk),
            "current": filters.step is not None and task.pk == filters.step.pk,
        }
        for task in known_steps
    ]
    return render(
        request,
        "stories/admin/moderation_listing.html",
        {
            "rows": queue.rows(page.object_list, request.user),
            "items": page,
            "elided_page_range": paginator.get_elided_page_range(page.number),
            "page_title": _("Stories moderation"),
            "header_icon": "tasks",
            "filters": filters,
            "counts": counts,
            "language_choices": language_choices,
            "step_choices": step_choices,
            "all_languages_query": filters.query(language=None),
            "all_steps_query": filters.query(step=None),
            "may_see_contact": request.user.has_perm(PRIVATE_RECORD_PERMISSION),
        },
    )
