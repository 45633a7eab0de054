"""JobPosting structured data (schema.org) for an open vacancy, built from the same template
fragment the page shows, so the markup always matches the visible text.

Closed vacancies get none at all (see VacancyServingMixin.get_context): removing the markup is
one of the ways search engines accept for a position that has ended.
"""

import json
from datetime import datetime, time

from django.template.loader import render_to_string
from django.templatetags.static import static
from django.utils import timezone
from django.utils.safestring import mark_safe

from cms.core.models import SiteSettings
from volunteering import choices

LOGO = "volunteering/logo.png"

# The characters json_script escapes, so the JSON cannot close its <script> element.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def description_html(vacancy):
    """The role's full description as HTML: the fragment vacancy_page.html includes."""
    return render_to_string(
        "volunteering/includes/vacancy_description.html", {"page": vacancy}
    ).strip()


def job_posting(vacancy, request):
    site_settings = SiteSettings.for_request(request)
    # Every URL from the origin vacancy.get_full_url() uses (the reader's configured host, else
    # the Site's address: cms/core/hosts.py), so one posting never mixes origins.
    root_url = vacancy.get_url_parts(request)[1]
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": description_html(vacancy),
        "identifier": {
            "@type": "PropertyValue",
            "name": site_settings.organisation_name,
            "value": str(vacancy.translation_key),
        },
        "datePosted": timezone.localtime(vacancy.first_published_at).date().isoformat(),
        "employmentType": "VOLUNTEER",
        "hiringOrganization": {
            "@type": "Organization",
            "name": site_settings.organisation_name,
            "sameAs": site_settings.organisation_url or root_url + "/",
            "logo": root_url + static(LOGO),
        },
        "workHours": choices.hours_text(vacancy.hours_per_week),
        "url": vacancy.get_full_url(request),
        "inLanguage": vacancy.locale.language_code,
    }
    if vacancy.deadline:
        # Applications are taken until the end of the deadline day.
        end = datetime.combine(vacancy.deadline, time(23, 59, 59))
        data["validThrough"] = timezone.make_aware(end).isoformat()
    skills = vacancy.skill_names()
    if skills:
        data["skills"] = ", ".join(skills)
    countries = [{"@type": "Country", "name": name} for name in vacancy.country_names()]
    if vacancy.remote:
        data["jobLocationType"] = "TELECOMMUTE"
        data["applicantLocationRequirements"] = countries
    else:
        address = {"@type": "PostalAddress", "addressLocality": vacancy.location}
        if vacancy.countries:
            address["addressCountry"] = vacancy.countries[0]
        data["jobLocation"] = {"@type": "Place", "address": address}
    if vacancy.takes_applications_here():
        data["directApply"] = True
    return data


def job_posting_json(vacancy, request):
    """The data as a string safe to put inside <script type="application/ld+json">."""
    text = json.dumps(job_posting(vacancy, request), ensure_ascii=False, indent=1)
    return mark_safe(text.translate(_SCRIPT_ESCAPES))  # noqa: S308 - escaped just above
