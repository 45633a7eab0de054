"""Imported by wagtail.models while it loads (WAGTAIL_FINISH_WORKFLOW_ACTION): no model imports
at module level here."""


def publish_workflow_state(workflow_state, user=None):
    """The workflow's last approval is itself the permission to publish: it publishes inside
    `workflow_approval()`, the one context in which pages under exclusive workflows may go live
    (cms/core/publishing.py)."""
    from cms.core.publishing import workflow_approval

    page = workflow_state.content_object
    with workflow_approval(page):
        page.get_latest_revision().publish(user=user, skip_permission_checks=True)
