"""Pages that go live only through their workflow, whoever asks and however.

For workflows declared `exclusive` in cms/core/workflows.py (Story moderation), nobody —
administrators included — may put a page live directly: the only way is the last approval of
the workflow. Asking the permission tester is not enough: wagtail-localize, `publish_scheduled`
and plain code publish a revision with no user, and copy ("publish copies"), aliases and
localize's draft save put a row live without publishing any revision. So the page classes under
such workflows (`WorkflowOnlyPublishingMixin`; cms/core/checks.py fails if one is missing) refuse
at the two points every path goes through:

- `publish()`, where Wagtail publishes a revision (`Revision.publish()` and every admin action end
  there): refused unless it runs inside the final approval (`workflow_approval()`, entered by
  WAGTAIL_FINISH_WORKFLOW_ACTION = cms.core.workflow_actions.publish_workflow_state), or the
  revision is one that approval scheduled (`approved_go_live_at`, which only a guarded publish
  sets), or it is set-up code (`setup_publishing()`: the demo loader and test builders);
  Before that, content apps may refuse any going live, the final approval included, through the
  `go_live_refusal` hook (a story whose contributor has not approved this version);
- `save()`, where a row changes: outside a guarded publish, a row may not become live, a live row
  may not change what readers see, and no row may be an alias (an alias is a second live copy
  that no review governs). A new translation is refused when its source says so
  (`translation_refusal()`: a story needs to be live and its contributor's consent).

The permission tester (`permissions_for_user`) refuses publishing too, so the admin offers no
Publish button; a refusal at either point raises `PublishingRefused`, whose message the admin
shows (`PublishingRefusedMessageMiddleware`).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import PagePermissionTester

# The pk of the page whose workflow is giving its final approval right now.
_approving = ContextVar("cms_workflow_approval", default=None)
# The pk of the page a guarded publish() is putting live right now.
_going_live = ContextVar("cms_going_live", default=None)
_setup = ContextVar("cms_setup_publishing", default=False)
# What was refused during the current request, for the admin's message.
_refusals = ContextVar("cms_publishing_refusals", default=None)

# Fields Wagtail writes on a live row without changing what readers see (save_revision, locking,
# moving): saving only these needs no review.
METADATA_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "owner",
        "path",
        "depth",
        "numchild",
        "url_path",
    }
)
# Not compared when asking whether a live row's content changed.
_NOT_CONTENT = METADATA_FIELDS | {
    "pk",
    "id",
    "content_type",
    "live_revision",
    "first_published_at",
    "last_published_at",
    "go_live_at",
    "expire_at",
    "expired",
    "index_entries",
}


class PublishingRefused(PermissionDenied):
    """A page under an exclusive workflow was to go live some other way than its workflow."""

    def __init__(self, message):
        super().__init__(message)
        refusals = _refusals.get()
        if refusals is not None:
            refusals.append(str(message))


@contextmanager
def _entered(var, value):
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)


def workflow_approval(page):
    """The final approval of `page`'s workflow is publishing it (workflow_actions only)."""
    return _entered(_approving, page.pk)


def setup_publishing():
    """Set-up, not an editor's action: the demo loader and test builders publish pages under
    exclusive workflows directly. Never call it from a view, a task or a command."""
    return _entered(_setup, True)


class WorkflowOnlyPermissionTester(PagePermissionTester):
    """What the admin may offer on such a page: everything Wagtail allows except publishing it
    or publishing a new page below it (the workflow publishes)."""

    def can_publish(self):
        return False

    def can_publish_subpage(self):
        return False


def _workflow_name(page):
    workflow = page.get_workflow() if page.pk and page.depth and page.depth > 1 else None
    return workflow.name if workflow else _("its review")


def publish_refusal(page, revision):
    """Why `revision` of `page` may not be published now, or None."""
    if _setup.get() or _approving.get() == page.pk:
        return None
    if revision.approved_go_live_at is not None:
        # Only a guarded publish schedules a revision: this one was approved.
        return None
    return _(
        "“%(title)s” goes live only when the last step of “%(workflow)s” approves it: nobody "
        "publishes it directly. Submit it for review instead."
    ) % {"title": page.get_admin_display_title(), "workflow": _workflow_name(page)}


def go_live_refusal(page, revision):
    """Why a content app says `revision` may not go live, whoever publishes it and however
    (the `go_live_refusal` hook, e.g. a story without its contributor's consent), or None.
    Asked even inside the final approval and for an approved schedule; not in set-up code."""
    if _setup.get():
        return None
    for fn in hooks.get_hooks("go_live_refusal"):
        refusal = fn(page, revision)
        if refusal:
            return refusal
    return None


def _content(page):
    return {k: v for k, v in page.serializable_data().items() if k not in _NOT_CONTENT}


def save_refusal(page, update_fields=None):
    """Why this save of `page` may not happen outside its workflow, or None."""
    if _setup.get() or (page.pk is not None and _going_live.get() == page.pk):
        return None
    if page.alias_of_id:
        return _("A page under review cannot be an alias: an alias is a copy no review governs.")
    adding = page._state.adding or page.pk is None
    if adding:
        if page.live:
            return _("A new page here cannot be live at once: it goes live through its review.")
        return _translation_refusal(page)
    if not page.live:
        return None
    stored = type(page).objects.filter(pk=page.pk).first()
    if stored is None or not stored.live:
        return _("This page goes live only through its review.")
    if update_fields is not None and set(update_fields) <= METADATA_FIELDS:
        return None
    if page.live_revision_id != stored.live_revision_id or _content(page) != _content(stored):
        return _(
            "What readers see of this page changes only through its review: save a draft and "
            "submit it."
        )
    return None


def _translation_refusal(page):
    from wagtail.models import Page

    sources = (
        Page.objects.filter(translation_key=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .specific()
    )
    for source in sources:
        refusal = getattr(source, "translation_refusal", lambda: None)()
        if refusal:
            return refusal
    return None


class WorkflowOnlyPublishingMixin:
    """For page classes under an exclusive workflow: put it first among the bases
    (`class StoryPage(WorkflowOnlyPublishingMixin, Page)`)."""

    def permissions_for_user(self, user):
        return WorkflowOnlyPermissionTester(user, self)

    def translation_refusal(self):
        """Why this page may not be translated now, or None. Content apps override it."""
        return None

    def publish(self, revision, *args, **kwargs):
        refusal = go_live_refusal(self, revision) or publish_refusal(self, revision)
        if refusal:
            raise PublishingRefused(refusal)
        with _entered(_going_live, self.pk):
            return super().publish(revision, *args, **kwargs)

    def save(self, *args, **kwargs):
        refusal = save_refusal(self, kwargs.get("update_fields"))
        if refusal:
            raise PublishingRefused(refusal)
        return super().save(*args, **kwargs)


class PublishingRefusedMessageMiddleware:
    """Admin views turn any PermissionDenied into a generic "no permission" message: this one
    adds what was refused and why. Place it after MessageMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        refusals = []
        token = _refusals.set(refusals)
        try:
            response = self.get_response(request)
        finally:
            _refusals.reset(token)
        for text in dict.fromkeys(refusals):
            try:
                messages.error(request, text)
            except messages.MessageFailure:
                break
        return response
