"""Workflow tasks of our own."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from cms.core.review_actions import ReviewActionsMixin


class ReviewTask(ReviewActionsMixin, AbstractGroupApprovalTask):
    """A group approval whose actions say what they do: send back, reject (with a reason and a
    confirmation), approve. See cms/core/review_actions.py."""

    @classmethod
    def get_description(cls):
        return _("Members of the chosen groups approve, send back or reject")

    class Meta:
        verbose_name = _("review")
        verbose_name_plural = _("reviews")


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
    return None


class SecondPairOfEyesTask(ReviewActionsMixin, AbstractGroupApprovalTask):
    """A group approval that someone who already acted on the content cannot give."""

    def approval_refusal(self, task_state, obj, user):
        return second_pair_of_eyes_refusal(task_state, obj, user)

    def approvers(self, task_state, obj):
        """Who may give this approval: active members of the groups the rule does not bar."""
        from django.contrib.auth import get_user_model

        members = get_user_model().objects.filter(is_active=True, groups__in=self.groups.all())
        return [
            user
            for user in members.distinct().order_by("username")
            if second_pair_of_eyes_refusal(task_state, obj, user) is None
        ]

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve, except whoever approved an earlier step "
            "or saved the latest revision"
        )

    class Meta:
        verbose_name = _("second pair of eyes approval")
        verbose_name_plural = _("second pair of eyes approvals")
