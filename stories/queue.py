"""The moderation queue as a work queue: which stories wait, filtered by language and step, with
the counts the dashboard and the menu show, and what a reviewer needs to pick the next one.

Everything a row shows is read in a fixed number of queries per page of the listing (the
queue's own test counts them), and nothing about a contributor is more precise than a day.
"""

import json

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.models import Locale, Page, Task

from .moderation import story_workflow_name, waiting_states
from .panels import PERMISSION as PRIVATE_RECORD_PERMISSION


def steps():
    """The active tasks of the story workflow, in the workflow's order."""
    return list(
        Task.objects.filter(workflow_tasks__workflow__name=story_workflow_name(), active=True)
        .order_by("workflow_tasks__sort_order")
        .distinct()
    )


def languages():
    return {locale.language_code: locale for locale in Locale.objects.all()}


def _story_language():
    from .models import StoryPage

    return Subquery(
        StoryPage.objects.filter(pk=Cast(OuterRef("object_id"), IntegerField())).values(
            "locale__language_code"
        )[:1]
    )


def filtered(states, language=None, step=None):
    if language:
        from .models import StoryPage

        pages = StoryPage.objects.filter(locale__language_code=language).annotate(
            key=Cast("pk", CharField())
        )
        states = states.filter(object_id__in=pages.values("key"))
    if step:
        states = states.filter(current_task_state__task_id=step.pk)
    return states


def counts():
    """How many stories wait: in all, per language code and per task pk (two queries)."""
    by_step = dict(
        waiting_states()
        .order_by()
        .values_list("current_task_state__task_id")
        .annotate(n=Count("pk"))
    )
    by_language = dict(
        waiting_states()
        .order_by()
        .annotate(language=_story_language())
        .values_list("language")
        .annotate(n=Count("pk"))
    )
    by_language.pop(None, None)  # a state whose page is gone waits for nobody
    return {"total": sum(by_language.values()), "step": by_step, "language": by_language}


def total_waiting():
    return counts()["total"]


class Filters:
    """The listing's query parameters, checked: an unknown language or step is an error the
    reviewer reads, and the listing shows everything rather than a wrong empty page."""

    def __init__(self, params, known_languages, known_steps):
        self.errors = []
        self.language = None
        self.step = None
        language = params.get("language", "")
        if language:
            if language in known_languages:
                self.language = language
            else:
                self.errors.append("language")
        step = params.get("step", "")
        if step:
            match = [task for task in known_steps if str(task.pk) == step]
            if match:
                self.step = match[0]
            else:
                self.errors.append("step")

    def query(self, **overrides):
        """The query string of these filters with `overrides` (None drops a parameter)."""
        from urllib.parse import urlencode

        values = {"language": self.language, "step": self.step.pk if self.step else None}
        values.update(overrides)
        return urlencode({key: value for key, value in values.items() if value})


def _has_photo(page):
    revision = page.latest_revision
    content = revision.content if revision is not None else None
    body = content.get("body") if content else None
    if body is None:
        return any(block.block_type == "photo" for block in page.body)
    if isinstance(body, str):
        body = json.loads(body or "[]")
    return any(block.get("type") == "photo" for block in body)


def _age_in_days(state, record, today):
    # The private record's day of submission; for a story without one, the day its review began.
    day = record.submitted_on if record is not None else timezone.localdate(state.created_at)
    return max((today - day).days, 0), day


def rows(states, user):
    """One dict per waiting story of `states` (a page of the listing)."""
    from .models import StoryPage, StoryPrivateRecord

    states = list(states)
    pages = StoryPage.objects.filter(pk__in=[int(state.object_id) for state in states])
    pages = {
        page.pk: page for page in pages.select_related("locale", "latest_revision", "locked_by")
    }
    # A state whose page is gone is left out.
    pairs = [(s, pages[int(s.object_id)]) for s in states if int(s.object_id) in pages]
    page_ids = list(pages)
    records = {
        record.page_id: record
        for record in StoryPrivateRecord.objects.filter(page_id__in=page_ids).only(
            "page_id", "submitted_on", "contact"
        )
    }
    may_see_contact = user.has_perm(PRIVATE_RECORD_PERMISSION)
    # Wagtail records every open editor of a page (content type Page, whatever the page type);
    # "available" means it pinged in the last minutes.
    sessions = {}
    for session in (
        EditingSession.objects.available()
        .filter(content_type=ContentType.objects.get_for_model(Page), object_id__in=page_ids)
        .select_related("user")
    ):
        sessions.setdefault(int(session.object_id), []).append(session.user)
    today = timezone.localdate()
    result = []
    for state, story in pairs:
        record = records.get(story.pk)
        age, day = _age_in_days(state, record, today)
        result.append(
            {
                "state": state,
                "story": story,
                "age": age,
                "day": day,
                "has_photo": _has_photo(story),
                # None: this reviewer may not know (only who may read the private record does).
                "has_contact": bool(record and record.contact.strip()) if may_see_contact else None,
                "locked_by": story.locked_by if story.locked else None,
                "open_by": _distinct(sessions.get(story.pk, [])),
            }
        )
    return result


def _distinct(users):
    seen = {}
    for user in users:
        seen.setdefault(user.pk, user)
    return list(seen.values())


def display_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
