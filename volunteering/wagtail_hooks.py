from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from volunteering import admin_views


@hooks.register("register_admin_urls")
def register_application_urls():
    return [
        path(
            "volunteering/applications/",
            admin_views.vacancy_list,
            name="volunteering_vacancies_with_applications",
        ),
        path(
            "volunteering/applications/<int:vacancy_id>/",
            admin_views.application_list,
            name="volunteering_applications",
        ),
        path(
            "volunteering/applications/<int:vacancy_id>/csv/",
            admin_views.application_csv,
            name="volunteering_applications_csv",
        ),
    ]


class ApplicationsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.VIEW)


@hooks.register("register_admin_menu_item")
def register_applications_menu_item():
    return ApplicationsMenuItem(
        _("Applications"),
        reverse("volunteering_vacancies_with_applications"),
        icon_name="mail",
        order=250,
    )
