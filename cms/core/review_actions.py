"""Workflow actions that say what they do (the actions of cms.ReviewTask and
cms.SecondPairOfEyesTask).

Wagtail's group approval offers "Request changes", which ends the run in "needs changes": for a
story that read as a rejection, and reviewers pressed it to ask for a blurred face. Our tasks
offer instead:

- "Send back to <first step>" (later steps only): a comment is required; the current step is
  cancelled and the first step starts again in the same run. Nothing is deleted, the run stays
  in progress, and the earlier approvals still count for the second-pair-of-eyes rule.
- "Reject": a reason and an explicit confirmation are required. Rejecting is a decision: the run
  ends with the task state "rejected", which is what retention counts (stories/retention.py);
  the content app says what follows (the `review_action_notice` hook).
- "Approve" / "Approve with comment", as Wagtail's.

After an action, a content app may send the reviewer back to its own queue (the
`after_review_action` hook returns a URL). Core names no content app: both hooks are how the
apps take part.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter, log
from wagtail.models import TaskState
from wagtail.signals import task_cancelled

SEND_BACK = "send_back"
REJECT = "reject"
APPROVE = "approve"
SEND_BACK_LOG_ACTION = "cms.workflow.send_back"


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What must change"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "The reviewers of the first step read this. Nothing is deleted and the story stays "
            "in review."
        ),
    )


class RejectForm(forms.Form):
    comment = forms.CharField(
        label=_("Reason for rejecting"),
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    confirm = forms.BooleanField(
        label=_("I am sure: reject it for good."),
        help_text=_("To ask for changes instead, use “Send back”."),
    )


def first_step(workflow_state):
    """The workflow's first active task, or None."""
    return workflow_state.workflow.tasks.filter(active=True).first()


def notice_for(obj, action_name):
    """What the content app says an action will do to `obj` (shown before it is done)."""
    for fn in hooks.get_hooks("review_action_notice"):
        text = fn(obj, action_name)
        if text:
            return text
    return ""


def url_after(task_state, user, action_name):
    for fn in hooks.get_hooks("after_review_action"):
        url = fn(task_state, user, action_name)
        if url:
            return url
    return None


def _validated(form_class, data):
    """Actions reach on_action from the modal (already validated) or from a hand-made POST of
    the editor with any extra data: check again, so a rejection always has its reason and its
    confirmation."""
    form = form_class(data=data)
    if not form.is_valid():
        raise PermissionDenied(_("This action needs its form filled in."))
    return form.cleaned_data


class ReviewActionsMixin:
    """For group-approval tasks (AbstractGroupApprovalTask subclasses)."""

    def approval_refusal(self, task_state, obj, user):
        """Why `user` may not approve, or None if they may."""
        return None

    def approvers(self, task_state, obj):
        """Who may give this approval: active members of the groups the task's rule does not
        bar (named to whoever is barred)."""
        from django.contrib.auth import get_user_model

        members = get_user_model().objects.filter(is_active=True, groups__in=self.groups.all())
        return [
            user
            for user in members.distinct().order_by("username")
            if self.approval_refusal(task_state, obj, user) is None
        ]

    def get_actions(self, obj, user):
        if not (user.is_superuser or self._user_in_groups(user)):
            return []
        actions = []
        task_state = obj.current_workflow_task_state
        workflow_state = task_state.workflow_state if task_state else None
        first = first_step(workflow_state) if workflow_state else None
        if first is not None and first.pk != self.pk:
            actions.append((SEND_BACK, _("Send back to %(step)s") % {"step": first.name}, True))
        actions.append((REJECT, _("Reject"), True))
        if task_state is None or self.approval_refusal(task_state, obj, user) is None:
            actions.append((APPROVE, _("Approve"), False))
            actions.append((APPROVE, _("Approve with comment"), True))
        return actions

    def get_form_for_action(self, action):
        if action == SEND_BACK:
            return SendBackForm
        if action == REJECT:
            return RejectForm
        return super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action in (SEND_BACK, REJECT):
            return "cms/admin/review_action_modal.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if action_name == APPROVE:
            refusal = self.approval_refusal(task_state, obj, user)
            if refusal is not None:
                raise PermissionDenied(refusal)
            task_state.approve(user=user, comment=kwargs.get("comment", ""))
        elif action_name == REJECT:
            data = _validated(RejectForm, kwargs)
            task_state.reject(user=user, comment=data["comment"])
        elif action_name == SEND_BACK:
            data = _validated(SendBackForm, kwargs)
            send_back(task_state, user, data["comment"])
        else:
            raise PermissionDenied
        return url_after(task_state, user, action_name)


def send_back(task_state, user, comment):
    """Cancel this step and start the workflow's first step again, in the same run."""
    workflow_state = task_state.workflow_state
    first = first_step(workflow_state)
    if task_state.status != TaskState.STATUS_IN_PROGRESS or first is None:
        raise PermissionDenied
    task_state.status = TaskState.STATUS_CANCELLED
    task_state.finished_at = timezone.now()
    task_state.finished_by = user
    task_state.comment = comment
    task_state.save()
    log(
        instance=task_state.revision.as_object(),
        action=SEND_BACK_LOG_ACTION,
        user=user,
        data={
            "workflow": {
                "id": workflow_state.workflow_id,
                "title": workflow_state.workflow.name,
                "task_state_id": task_state.pk,
                "task": {"id": task_state.task_id, "title": task_state.task.name},
                "next": {"id": first.pk, "title": first.name},
            },
            "comment": comment,
        },
        revision=task_state.revision,
    )
    # Wagtail's update() would move on to the next unapproved step; going back is explicit.
    workflow_state.current_task_state = first.specific.start(workflow_state, user=user)
    workflow_state.save()
    task_cancelled.send(
        sender=task_state.specific.__class__, instance=task_state.specific, user=user
    )


@hooks.register("register_log_actions")
def register_send_back_log_action(actions):
    @actions.register_action(SEND_BACK_LOG_ACTION)
    class SendBackFormatter(LogFormatter):
        label = _("Workflow: send back")

        def format_message(self, log_entry):
            try:
                return _("Sent back from “%(task)s” to “%(next)s”") % {
                    "task": log_entry.data["workflow"]["task"]["title"],
                    "next": log_entry.data["workflow"]["next"]["title"],
                }
            except (KeyError, TypeError):
                return _("Sent back")

        def format_comment(self, log_entry):
            return (log_entry.data or {}).get("comment", "")


@hooks.register("register_log_actions", order=1)  # after Wagtail's own, which it wraps
def register_final_reject_log_action(actions):
    """Wagtail logs every rejection as "Rejected at …. Changes requested": for our tasks a
    rejection is a decision, and the history must not say otherwise."""
    wagtails = actions.formatters.get("wagtail.workflow.reject")

    @actions.register_action("wagtail.workflow.reject")
    class RejectFormatter(LogFormatter):
        label = wagtails.label if wagtails else _("Workflow: reject task")

        def format_message(self, log_entry):
            from wagtail.models import Task

            try:
                task = log_entry.data["workflow"]["task"]
                ours = Task.objects.filter(pk=task["id"]).specific().first()
            except (KeyError, TypeError):
                ours = None
            if isinstance(ours, ReviewActionsMixin):
                return _("Rejected at “%(task)s”: the decision is final") % {"task": task["title"]}
            return wagtails.format_message(log_entry) if wagtails else _("Rejected")

        def format_comment(self, log_entry):
            return wagtails.format_comment(log_entry) if wagtails else ""
