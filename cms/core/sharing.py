"""The "Sharing" view: who may do what on a page, and where that right comes from.

Like Plone's Sharing tab. Page permissions in Wagtail are granted on a page and inherited by
everything below it, so the answer is the grants on the page and on each of its ancestors.
"""

from collections import defaultdict

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import GroupPagePermission, Page, WorkflowPage


def sharing_rows(page):
    """[(group name, [actions], source page)] for every grant that applies to `page`, nearest
    source last, in one query."""
    ancestors = {p.pk: p for p in page.get_ancestors(inclusive=True).specific(defer=True)}
    grants = (
        GroupPagePermission.objects.filter(page_id__in=ancestors)
        .select_related("group", "permission")
        .order_by("group__name", "permission__codename")
    )
    actions = defaultdict(list)
    for grant in grants:
        action = grant.permission.codename.removesuffix("_page")
        actions[(grant.group.name, grant.page_id)].append(action)
    rows = [
        (group, sorted(actions_), ancestors[page_id])
        for (group, page_id), actions_ in actions.items()
    ]
    return sorted(rows, key=lambda row: (row[2].depth, row[0]))


def workflow_source(page):
    """The workflow that governs `page` and the page it is attached to (nearest ancestor)."""
    ancestors = page.get_ancestors(inclusive=True).values_list("pk", flat=True)
    attachment = (
        WorkflowPage.objects.filter(page_id__in=list(ancestors), workflow__active=True)
        .select_related("workflow", "page")
        .order_by("-page__depth")
        .first()
    )
    return (attachment.workflow, attachment.page) if attachment else (None, None)


def sharing_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not (request.user.is_superuser or page.permissions_for_user(request.user).can_edit()):
        raise PermissionDenied
    workflow, workflow_page = workflow_source(page)
    return TemplateResponse(
        request,
        "cms/admin/sharing.html",
        {
            "page": page,
            "rows": sharing_rows(page),
            "workflow": workflow,
            "workflow_page": workflow_page,
            "header_title": _("Sharing: %(title)s") % {"title": page.get_admin_display_title()},
            "page_title": _("Sharing"),
            "page_subtitle": page.get_admin_display_title(),
            "header_icon": "group",
        },
    )
