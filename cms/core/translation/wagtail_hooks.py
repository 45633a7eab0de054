"""Wagtail hooks of translation review: the status report, the dashboard queue, the submit view.

Wagtail discovers only an app's top-level `wagtail_hooks` module; cms/core/wagtail_hooks.py
imports this one, so the capability is there whichever content apps are installed."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import actions, report, views
from .access import can_view_report
from .dashboard import add_queue_panel

hooks.register("construct_homepage_panels", add_queue_panel)


@hooks.register("register_admin_urls")
def register_admin_urls():
    urls = [
        path("status/", report.report, name="report"),
        path("<int:translation_id>/submit/", views.submit, name="submit"),
        path("<int:translation_id>/update/", actions.update_from_source, name="update"),
        path("<int:translation_id>/stop/", actions.stop_translation, name="stop"),
        path("approve/", actions.approve_many, name="approve_many"),
    ]
    # "Convert to alias page" is guarded in cms/core/wagtail_hooks.py for every page type.
    return [path("translation/", include((urls, "cms_translation")))]


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return can_view_report(request.user)


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return ReportMenuItem(
        _("Translation status"),
        reverse("cms_translation:report"),
        icon_name="site",
        order=8900,
    )
