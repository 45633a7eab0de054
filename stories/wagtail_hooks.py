from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from . import admin_views, queue_hooks, review_hooks  # noqa: F401 (hooks register on import)
from .queue_hooks import ModerationMenuItem
from .visibility import VisibilityPagePermissionPolicy, without_hidden_stories


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("stories/moderation/", admin_views.moderation_listing, name="stories_moderation"),
    ]


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Stories moderation"), reverse("stories_moderation"), icon_name="tasks", order=210
    )


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
