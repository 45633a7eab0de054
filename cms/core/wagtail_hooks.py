from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail_localize.views import convert as localize_convert

from cms.core.sharing import sharing_view

# Translation review (cms/core/translation/) registers its own hooks: the status report, the
# dashboard queue and the submit view. Wagtail discovers only this module of the app.
from cms.core.translation import wagtail_hooks as translation_hooks  # noqa: F401


@hooks.register("after_edit_page")
def review_again_after_edit(request, page):
    """An edit at a second-pair-of-eyes step sends the page back to the first step at once
    (cms/core/models/tasks.py)."""
    from cms.core.models.tasks import review_again_if_changed

    review_again_if_changed(page, request.user)


@hooks.register("register_admin_urls")
def sharing_urls():
    return [path("pages/<int:page_id>/sharing/", sharing_view, name="cms_page_sharing")]


class SharingButton(PageMenuItem):
    label = gettext_lazy("Sharing")
    icon_name = "group"

    @property
    def url(self):
        return reverse("cms_page_sharing", args=[self.page.pk])

    def is_shown(self, user):
        return user.is_superuser or self.page.permissions_for_user(user).can_edit()


@hooks.register("register_page_header_buttons")
def sharing_header_button(page, user, view_name, next_url=None):
    yield SharingButton(page=page, priority=66)


@hooks.register("register_page_listing_more_buttons")
def sharing_listing_button(page, user, next_url=None):
    yield SharingButton(page=page, priority=55)


def may_remove(page, user):
    """Deleting, or turning a translation into an alias, loses work that others depend on:
    Wagtail allows both to anyone who can edit an unpublished page, which includes translators
    in their whole locale. We require publish permission, except for someone removing only pages
    they own (a submitter discarding their own draft)."""
    if may_publish(page, user):
        return True
    return not page.get_descendants(inclusive=True).exclude(owner=user).exists()


@hooks.register("before_delete_page")
def refuse_delete_without_publish(request, page):
    if not may_remove(page, request.user):
        return HttpResponseForbidden(_("Only publishers may delete pages that others wrote."))


@hooks.register("before_bulk_action")
def refuse_bulk_delete_without_publish(request, action_type, objects, action):
    if action_type == "delete" and any(
        isinstance(obj, Page) and not may_remove(obj, request.user) for obj in objects
    ):
        return HttpResponseForbidden(_("Only publishers may delete pages that others wrote."))


def may_publish(page, user):
    return user.is_superuser or page.permissions_for_user(user).can_publish()


def guarded_convert_to_alias(request, page_id):
    """wagtail-localize's "Convert to alias page" throws away a translation and lets anyone who
    can edit it do so; it has no hook, so this route, registered before localize's, guards it."""
    page = get_object_or_404(Page, pk=page_id)
    if not may_publish(page, request.user):
        return HttpResponseForbidden(_("Only publishers may convert translations to aliases."))
    return localize_convert.convert_to_alias(request, page_id)


@hooks.register("register_admin_urls")
def guarded_localize_urls():
    # Same path and name as localize's own route; ours is found first (cms is listed first).
    return [path("localize/page/<int:page_id>/convert_to_alias/", guarded_convert_to_alias)]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias(menu_items, request, context):
    page = context.get("page")
    if page is not None and not may_publish(page, request.user):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]
