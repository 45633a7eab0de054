"""Applications in the Wagtail admin: only for holders of volunteering.view_vacancyapplication
(Volunteer coordinators, via cms/core/roles.py) and superusers. Everyone else gets 403, whatever
page permissions they hold: reading applicants' contacts is not part of editing vacancy pages."""

import csv
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django.views.defaults import permission_denied

from cms.core.security.audit import record
from volunteering.models import ApplicationStatus, VacancyApplication, VacancyPage

VIEW = "volunteering.view_vacancyapplication"
CHANGE = "volunteering.change_vacancyapplication"
# A spreadsheet would run text starting with these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def requires(permission):
    """403 for anyone without `permission`. Returned rather than raised: Wagtail's admin wrapper
    turns a raised PermissionDenied into a redirect to the dashboard, which hides the refusal."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(permission):
                return permission_denied(request, PermissionDenied())
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


@requires(VIEW)
def vacancy_list(request):
    vacancies = (
        VacancyPage.objects.annotate(
            total=Count("applications"),
            new=Count("applications", filter=Q(applications__status=ApplicationStatus.NEW)),
        )
        .filter(total__gt=0)
        .select_related("locale")
        .order_by("-new", "-total", "title")
    )
    return TemplateResponse(
        request, "volunteering/admin/vacancy_list.html", {"vacancies": vacancies}
    )


@requires(VIEW)
@require_http_methods(["GET", "HEAD", "POST"])
def application_list(request, vacancy_id):
    vacancy = get_object_or_404(VacancyPage.objects.select_related("locale"), pk=vacancy_id)
    if request.method == "POST":
        if not request.user.has_perm(CHANGE):
            return permission_denied(request, PermissionDenied())
        application = get_object_or_404(
            VacancyApplication, pk=request.POST.get("application"), vacancy=vacancy
        )
        status = request.POST.get("status")
        if status in ApplicationStatus.values:
            application.status = status
            application.save(update_fields=["status"])
            messages.success(request, _("Status changed."))
        else:
            messages.error(request, _("Choose a status from the list."))
        return redirect("volunteering_applications", vacancy_id=vacancy.pk)
    # Who read applicants' answers, and when (never what): cms/core/security/audit.py.
    record(request, "listed", vacancy)
    applications = vacancy.applications.all()
    status = request.GET.get("status")
    if status in ApplicationStatus.values:
        applications = applications.filter(status=status)
    return TemplateResponse(
        request,
        "volunteering/admin/application_list.html",
        {
            "vacancy": vacancy,
            "applications": applications,
            "statuses": ApplicationStatus.choices,
            "current_status": status,
            "can_change": request.user.has_perm(CHANGE),
        },
    )


def _cell(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


CSV_COLUMNS = (
    "received_on",
    "status",
    "name",
    "contact",
    "languages",
    "availability",
    "motivation",
    "consent",
)


@requires(VIEW)
def application_csv(request, vacancy_id):
    vacancy = get_object_or_404(VacancyPage.objects.select_related("locale"), pk=vacancy_id)
    record(request, "exported", vacancy)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"applications-{vacancy.slug}-{vacancy.locale.language_code}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Personal data: no proxy or browser cache should keep a copy.
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # so spreadsheet programs read UTF-8 (Cyrillic names)
    writer = csv.writer(response)
    fields = [VacancyApplication._meta.get_field(name) for name in CSV_COLUMNS]
    writer.writerow([str(field.verbose_name) for field in fields])
    for application in vacancy.applications.all():
        writer.writerow([_cell(field.value_from_object(application)) for field in fields])
    return response
