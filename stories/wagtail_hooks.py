from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views
from .moderation import is_story_reviewer


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("stories/moderation/", admin_views.moderation_listing, name="stories_moderation"),
    ]


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_story_reviewer(request.user)


@hooks.register("register_admin_menu_item")
def register_moderation_menu_item():
    return ModerationMenuItem(
        _("Stories moderation"), reverse("stories_moderation"), icon_name="tasks", order=210
    )
