from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from . import admin_views, inbox_views, queue_hooks, review_hooks  # noqa: F401 (hooks register)
from .conversation import hooks as conversation_hooks  # noqa: F401 (hooks register)
from .inbox_forms import DECLINE_REASONS
from .queue_hooks import InboxMenuItem, ModerationMenuItem
from .sealing import inbox
from .visibility import VisibilityPagePermissionPolicy, without_hidden_stories


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("stories/moderation/", admin_views.moderation_listing, name="stories_moderation"),
        # The sealed inbox (stories/inbox_views.py).
        path("stories/inbox/", inbox_views.inbox_listing, name="stories_inbox"),
        path("stories/inbox/key/", inbox_views.key_setup, name="stories_inbox_key_setup"),
        path("stories/inbox/unlock/", inbox_views.unlock, name="stories_inbox_unlock"),
        path("stories/inbox/lock/", inbox_views.lock, name="stories_inbox_lock"),
        path("stories/inbox/reseal/", inbox_views.reseal, name="stories_inbox_reseal"),
        path("stories/inbox/<uuid:pk>/", inbox_views.item_view, name="stories_inbox_item"),
        path(
            "stories/inbox/<uuid:pk>/photo/<int:position>/",
            inbox_views.photo,
            name="stories_inbox_photo",
        ),
        path("stories/inbox/<uuid:pk>/draft/", inbox_views.start_draft, name="stories_inbox_draft"),
        path("stories/inbox/<uuid:pk>/decline/", inbox_views.decline, name="stories_inbox_decline"),
    ]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Stories moderation"), reverse("stories_moderation"), icon_name="tasks", order=210
    )


@hooks.register("register_admin_menu_item")
def register_inbox_menu_item():
    return InboxMenuItem(_("Sealed inbox"), reverse("stories_inbox"), icon_name="lock", order=205)


# Stories in review are for their reviewers only (stories/visibility.py). The policy must be in
# place before any view asks for Page's; wagtail_hooks modules load with the admin's URLs.
register_permission_policy(Page, VisibilityPagePermissionPolicy())


@hooks.register("construct_page_chooser_queryset")
def hide_stories_in_review_from_chooser(pages, request):
    # The chooser (browse and search) lists pages without asking the permission policy.
    return without_hidden_stories(pages, request.user)


@hooks.register("construct_explorer_page_queryset")
def hide_stories_in_review_from_explorer(parent_page, pages, request):
    # The policy already filters non-administrators' explorer; this keeps it so for any listing
    # that passes its queryset through the hook alone.
    return without_hidden_stories(pages, request.user)


@hooks.register("register_site_links")
def story_form_links(request, language):
    # The footer of every reader page links the form and the receipt check.
    from .templatetags.story_links import site_links

    return site_links(request, language)


@hooks.register("register_log_actions")
def inbox_log_actions(actions):
    @actions.register_action(inbox.DECLINED_ACTION)
    class Declined(LogFormatter):
        label = _("Declined a sealed item")

        def format_message(self, log_entry):
            reasons = dict(DECLINE_REASONS)
            reason = reasons.get(log_entry.data.get("reason"), reasons["other"])
            return gettext("Declined a sealed item: %(reason)s") % {"reason": reason}
