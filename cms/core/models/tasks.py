"""Workflow tasks of our own."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from cms.core.review_actions import APPROVE, ReviewActionsMixin, send_back, url_after


class ReviewTask(ReviewActionsMixin, AbstractGroupApprovalTask):
    """A group approval whose actions say what they do: send back, reject (with a reason and a
    confirmation), approve. See cms/core/review_actions.py."""

    def approval_refusal(self, task_state, obj, user):
        return changed_before_restart_refusal(task_state, obj, user)

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, send back or reject")

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")


def changed_before_restart_refusal(task_state, obj, user):
    """A step that starts again because the content changed after it approved it (an edit at a
    later step sends it back) is not approved by whoever made that change: their edit is what
    this step reviews again. Edits made during the step itself (a moderator's redaction) do not
    bar its reviewer."""
    if task_state is None or task_state.started_at is None:
        return None
    earlier = (
        TaskState.objects.filter(
            workflow_state_id=task_state.workflow_state_id,
            task_id=task_state.task_id,
            status=TaskState.STATUS_APPROVED,
            finished_at__lte=task_state.started_at,
        )
        .order_by("-finished_at")
        .first()
    )
    if earlier is None:
        return None
    changed = obj.revisions.filter(
        user=user, created_at__gt=earlier.finished_at, created_at__lte=task_state.started_at
    )
    if changed.exists():
        return _("you changed it after this step approved it")
    return None


def second_pair_of_eyes_refusal(task_state, obj, user):
    """Why `user` may not give the final approval, or None if they may: they must have approved
    no earlier step of this workflow run and not saved the revision under review. Superusers
    are bound by it too, since the rule exists to stop one person publishing alone, whoever
    they are."""
    workflow_state = task_state.workflow_state if task_state else obj.current_workflow_state
    if workflow_state is None:
        return None
    approved = (
        TaskState.objects.filter(
            workflow_state=workflow_state, status=TaskState.STATUS_APPROVED, finished_by=user
        )
        .select_related("task")
        .first()
    )
    if approved is not None:
        return _("you approved the step “%(step)s”") % {"step": approved.task.name}
    latest = obj.get_latest_revision()
    if latest is not None and latest.user_id == user.pk:
        return _("you saved the latest revision")
    # Whoever changed it during this run cannot approve it, even if someone saved after them.
    if obj.revisions.filter(user=user, created_at__gte=workflow_state.created_at).exists():
        return _("you changed it during this review")
    return None


def changed_since_approval(task_state):
    """True if the newest revision was saved after the last approval of this run: the steps
    approved so far did not see it."""
    workflow_state = task_state.workflow_state
    last = (
        TaskState.objects.filter(
            workflow_state=workflow_state,
            status=TaskState.STATUS_APPROVED,
            finished_at__isnull=False,
        )
        .order_by("-finished_at")
        .first()
    )
    if last is None:
        return False
    latest = workflow_state.content_object.get_latest_revision()
    return latest is not None and latest.created_at > last.finished_at


def review_again_if_changed(page, user):
    """If `page` is at a second-pair-of-eyes step and was changed after the earlier steps
    approved it, send it back to the first step (the safety review) now. Called after every
    edit in the admin (cms/core/wagtail_hooks.py); the approval itself checks again."""
    from wagtail.models import WorkflowState

    # A fresh row: the editor's page object holds the workflow state it was loaded with.
    workflow_state = type(page).objects.get(pk=page.pk).current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return False
    task_state = workflow_state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return False
    task = task_state.task.specific
    if not isinstance(task, SecondPairOfEyesTask) or not changed_since_approval(task_state):
        return False
    send_back(task_state, user, str(REVIEW_AGAIN_COMMENT))
    return True


REVIEW_AGAIN_COMMENT = _(
    "Changed after the earlier steps approved it: reviewed again from the first step."
)


class SecondPairOfEyesTask(ReviewActionsMixin, AbstractGroupApprovalTask):
    """A group approval that someone who already acted on the content cannot give."""

    def approval_refusal(self, task_state, obj, user):
        return second_pair_of_eyes_refusal(task_state, obj, user)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # What changed after the earlier approvals goes back to them, whoever approves now
        # (an edit and an approval can arrive in one POST of the editor).
        if action_name == APPROVE and changed_since_approval(task_state):
            send_back(task_state, user, str(REVIEW_AGAIN_COMMENT))
            return url_after(task_state, user, action_name)
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, except whoever approved an earlier step "
            "or saved the latest revision"
        )

    class Meta:
        verbose_name = _("second pair of eyes approval")
        verbose_name_plural = _("second pair of eyes approvals")
