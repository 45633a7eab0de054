"""Workflow tasks of our own."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState


def is_second_pair_of_eyes(task_state, obj, user):
    """True if `user` may give the final approval: they approved no earlier step of this workflow
    run and did not save the revision under review. Superusers are bound by it too, since the
    rule exists to stop one person publishing alone, whoever they are."""
    workflow_state = task_state.workflow_state if task_state else obj.current_workflow_state
    if workflow_state is None:
        return True
    approved_earlier = TaskState.objects.filter(
        workflow_state=workflow_state,
        status=TaskState.STATUS_APPROVED,
        finished_by=user,
    ).exists()
    if approved_earlier:
        return False
    latest = obj.get_latest_revision()
    return latest is None or latest.user_id != user.pk


class SecondPairOfEyesTask(AbstractGroupApprovalTask):
    """A group approval that someone who already acted on the content cannot give."""

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        task_state = obj.current_workflow_task_state
        if task_state is not None and not is_second_pair_of_eyes(task_state, obj, user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        # The admin only offers permitted actions, but a hand-made POST must meet the rule too.
        obj = task_state.workflow_state.content_object
        if action_name == "approve" and not is_second_pair_of_eyes(task_state, obj, user):
            raise PermissionDenied(
                _("A second person must approve this step: you approved or edited it before.")
            )
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
