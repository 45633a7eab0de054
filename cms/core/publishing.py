"""Pages that may go live only through their workflow.

Wagtail lets anyone with publish permission press "Publish" even when a workflow applies, so a
single publisher could skip a story's safety review. For workflows declared `exclusive` in
cms/core/workflows.py, nobody — administrators included — may publish directly: the only way live is
the workflow's last approval. Wagtail offers no hook for this, so `install()` wraps
`PagePermissionTester.can_publish`, which every publishing path consults (the editor, bulk
actions, scheduled publishing, wagtail-localize's "Publish in <language>").
"""

from wagtail.models import PagePermissionTester

from cms.core.workflows import exclusive_workflow_names


def requires_workflow(page):
    """True if `page` is governed by an exclusive workflow (cached on the instance)."""
    if page.pk is None:
        # An unsaved page: its parent's answer counts (can_publish_subpage).
        return False
    cached = getattr(page, "_cms_requires_workflow", None)
    if cached is None:
        workflow = page.get_workflow() if page.depth > 1 else None
        cached = bool(workflow and workflow.active and workflow.name in exclusive_workflow_names())
        page._cms_requires_workflow = cached
    return cached


_wagtail_can_publish = PagePermissionTester.can_publish


_wagtail_can_publish_subpage = PagePermissionTester.can_publish_subpage


def _can_publish(self):
    return _wagtail_can_publish(self) and not requires_workflow(self.page)


def _can_publish_subpage(self):
    # Creating and publishing in one go: a new child inherits its parent's workflow.
    return _wagtail_can_publish_subpage(self) and not requires_workflow(self.page)


def install():
    PagePermissionTester.can_publish = _can_publish
    PagePermissionTester.can_publish_subpage = _can_publish_subpage
