"""Admin hooks of story moderation (imported by stories/wagtail_hooks.py): what the actions say,
where reviewers land after them, and no "Cancel workflow" for reviewers.

Cancelling a story's workflow is not a rejection (stories/retention.py): it leaves the story
undecided and out of the queue. Reviewers decide with Send back, Reject or Approve; only
administrators keep Cancel, as the way out of a broken run.
"""

from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from . import review

CANCEL_WORKFLOW = "action-cancel-workflow"


def _may_cancel(user):
    return user.is_superuser


@hooks.register("review_action_notice")
def story_action_notice(obj, action_name):
    return review.notice(obj, action_name)


@hooks.register("after_review_action")
def back_to_the_queue(task_state, user, action_name):
    return review.url_after(task_state, user, action_name)


@hooks.register("construct_page_action_menu")
def no_cancel_workflow_for_reviewers(menu_items, request, context):
    page = context.get("page")
    if page is not None and review.is_story(page) and not _may_cancel(request.user):
        menu_items[:] = [item for item in menu_items if item.name != CANCEL_WORKFLOW]


@hooks.register("before_edit_page")
def refuse_cancel_and_explain_approval(request, page):
    if not review.is_story(page):
        return None
    if request.method == "POST":
        if request.POST.get(CANCEL_WORKFLOW) and not _may_cancel(request.user):
            messages.error(
                request,
                _(
                    "Reviewers do not cancel a story's moderation: send it back or reject it. "
                    "Nothing was saved."
                ),
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
        return None
    explanation = review.approval_explanation(page.specific, request.user)
    if explanation:
        messages.warning(request, explanation)
    return None


@hooks.register("after_edit_page")
def queue_after_workflow_action(request, page):
    """The editor's own workflow buttons (Approve, Send back, Reject) land in the queue too."""
    if not request.POST.get("action-workflow-action") or not review.is_story(page):
        return None
    task_state = review.last_action_by(page, request.user)
    return redirect(review.queue_url(task_state))
