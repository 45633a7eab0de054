"""What the moderation actions on a story do, said to the reviewer before and after.

The actions themselves are core's (cms/core/review_actions.py: send back, reject, approve); this
module is the stories app's side of the two hooks core asks:

- before an action, what it will do to this story (`notice`), e.g. that a rejection deletes
  everything the contributor sent after STORY_RETENTION_DAYS;
- after it, where the reviewer lands (the moderation queue) and the message there, worked out
  from the saved workflow state, so it can never claim what did not happen.

Also: why Approve is missing for someone the second-pair-of-eyes rule bars, and who can approve.
"""

from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import TaskState

from . import retention


def is_story(obj):
    from .models import StoryPage

    return isinstance(getattr(obj, "specific", obj), StoryPage)


def notice(obj, action_name):
    if not is_story(obj):
        return ""
    if action_name == "reject":
        days = retention.retention().days
        return ngettext(
            "Rejecting is final: the story will not be published, and the story, its photos and "
            "everything its contributor sent are deleted %(days)s day after the rejection. "
            "The contributor's receipt check will answer “not published”.",
            "Rejecting is final: the story will not be published, and the story, its photos and "
            "everything its contributor sent are deleted %(days)s days after the rejection. "
            "The contributor's receipt check will answer “not published”.",
            days,
        ) % {"days": days}
    if action_name == "send_back":
        return _(
            "The story goes back to the first step with your comment. Nothing is deleted, and "
            "the contributor's receipt check still answers “in review”."
        )
    return ""


def queue_url(task_state=None):
    url = reverse("stories_moderation")
    return f"{url}?done={task_state.pk}" if task_state is not None else url


def url_after(task_state, user, action_name):
    if not is_story(task_state.workflow_state.content_object):
        return None
    return queue_url(task_state)


def last_action_by(page, user):
    """The task state `user` most recently finished on `page`, or None."""
    return (
        TaskState.objects.filter(
            workflow_state__base_content_type_id=page.get_base_content_type().pk,
            workflow_state__object_id=str(page.pk),
            finished_by=user,
        )
        .order_by("-finished_at", "-pk")
        .first()
    )


def what_happened(task_state, user):
    """The message for the queue after `user` finished `task_state`, or None if it is not a
    story's or not theirs."""
    if task_state.finished_by_id != user.pk:
        return None
    workflow_state = task_state.workflow_state
    page = workflow_state.content_object
    if not is_story(page):
        return None
    page = page.specific
    title = page.get_admin_display_title()
    if task_state.status == TaskState.STATUS_REJECTED:
        outcome = retention.outcome_of(page)
        due = outcome.decided_on + retention.retention() if outcome else None
        return _(
            "“%(title)s” is rejected. It will not be published; it and everything its "
            "contributor sent will be deleted on %(date)s. Until then a reviewer can resubmit it."
        ) % {"title": title, "date": formats.date_format(due) if due else "—"}
    if task_state.status == TaskState.STATUS_APPROVED:
        if page.live and workflow_state.status == workflow_state.STATUS_APPROVED:
            return _("“%(title)s” is published: readers can see it now.") % {"title": title}
        current = workflow_state.current_task_state
        return _("“%(title)s” is approved at “%(step)s” and now waits for “%(next)s”.") % {
            "title": title,
            "step": task_state.task.name,
            "next": current.task.name if current else "—",
        }
    if task_state.status == TaskState.STATUS_CANCELLED and workflow_state.current_task_state:
        return _(
            "“%(title)s” is sent back to “%(next)s” with your comment. Nothing was deleted; the "
            "contributor's receipt check still answers “in review”."
        ) % {"title": title, "next": workflow_state.current_task_state.task.name}
    return None


def approval_explanation(page, user):
    """Why `user`, a member of the current step's groups, is not offered Approve, and who can
    approve instead; None when they are offered it or the step is not theirs."""
    task_state = page.current_workflow_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None
    task = task_state.task.specific
    if not hasattr(task, "approval_refusal") or not task.get_actions(page, user):
        return None
    reason = task.approval_refusal(task_state, page, user)
    if reason is None:
        return None
    approvers = [
        person.get_full_name() or person.get_username()
        for person in getattr(task, "approvers", lambda *a: [])(task_state, page)
    ]
    if approvers:
        who = _("These people can approve it: %(names)s.") % {"names": ", ".join(approvers)}
    else:
        who = _("Nobody else in the step's groups can approve it yet: ask an administrator.")
    return " ".join(
        [
            _(
                "You cannot approve “%(step)s”: %(reason)s, and a second person must publish "
                "what one person reviewed or changed."
            )
            % {"step": task.name, "reason": reason},
            who,
        ]
    )
