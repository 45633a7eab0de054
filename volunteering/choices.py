"""The fixed vocabularies of a vacancy: teams, hours ranges, languages, countries, statuses.

They are codes in the database and labels from the gettext catalogues on screen, so a filter
link means the same thing in every language and translators never have to retype a team name
in the page editor (wagtail-localize synchronises these fields instead of translating them).
"""

from django.db import models
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    PAUSED = "paused", _("Paused")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


class Team(models.TextChoices):
    WRITING = "writing", _("Writing and editing")
    TRANSLATION = "translation", _("Translation")
    RESEARCH = "research", _("Research and fact-checking")
    DESIGN = "design", _("Design")
    DEVELOPMENT = "development", _("Software development")
    COMMUNICATIONS = "communications", _("Communications and social media")
    LEGAL = "legal", _("Legal support")
    COMMUNITY = "community", _("Community support")
    FUNDRAISING = "fundraising", _("Fundraising")


class ApplyMethod(models.TextChoices):
    FORM = "form", _("The form on this page")
    EXTERNAL = "external", _("An external link")


class ContactRole(models.TextChoices):
    """Who answers questions about a vacancy: a team, never a person, so that no volunteer's
    name ends up on a public page (or in a search engine's cache of it)."""

    COORDINATION = "coordination", _("Volunteer coordination team")
    EDITORIAL = "editorial", _("Editorial team")
    TECHNICAL = "technical", _("Technical team")
    CAMPAIGNS = "campaigns", _("Campaigns team")
    SAFETY = "safety", _("Digital safety team")


# (key, label, lowest, highest or None): the hours-per-week filter. The key is what the GET
# parameter carries, so it must stay stable once links to it exist.
HOURS_RANGES = (
    ("1-5", _("Up to 5 hours a week"), 0, 5),
    ("6-10", _("6 to 10 hours a week"), 6, 10),
    ("11-", _("More than 10 hours a week"), 11, None),
)


def hours_range_of(hours):
    for key, _label, low, high in HOURS_RANGES:
        if hours >= low and (high is None or hours <= high):
            return key
    return None


def hours_text(hours):
    """ "5 hours a week" in the active language, as the page, the feed and JSON-LD say it."""
    return ngettext("%(count)d hour a week", "%(count)d hours a week", hours) % {"count": hours}


# Languages a volunteer may need. Their names come from Django's own catalogues
# (get_language_info), which already speak all six of our languages.
LANGUAGE_CODES = (
    "en", "ru", "uk", "de", "fr", "cs", "be", "pl", "es", "it",
    "ka", "hy", "kk", "lt", "lv", "et", "he", "tr",
)  # fmt: skip


def language_name(code):
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


def language_choices():
    return [(code, language_name(code)) for code in LANGUAGE_CODES]


# Where applicants may live. ISO 3166-1 alpha-2 codes, because JobPosting's
# applicantLocationRequirements and addressCountry want them.
COUNTRIES = {
    "AM": _("Armenia"),
    "AT": _("Austria"),
    "BE": _("Belgium"),
    "CA": _("Canada"),
    "CH": _("Switzerland"),
    "CY": _("Cyprus"),
    "CZ": _("Czechia"),
    "DE": _("Germany"),
    "EE": _("Estonia"),
    "ES": _("Spain"),
    "FI": _("Finland"),
    "FR": _("France"),
    "GB": _("United Kingdom"),
    "GE": _("Georgia"),
    "IL": _("Israel"),
    "IT": _("Italy"),
    "KZ": _("Kazakhstan"),
    "LT": _("Lithuania"),
    "LV": _("Latvia"),
    "ME": _("Montenegro"),
    "NL": _("Netherlands"),
    "PL": _("Poland"),
    "PT": _("Portugal"),
    "RS": _("Serbia"),
    "RU": _("Russia"),
    "SE": _("Sweden"),
    "TR": _("Turkey"),
    "US": _("United States"),
}


def country_name(code):
    return str(COUNTRIES.get(code, code))


def country_choices():
    return [(code, COUNTRIES[code]) for code in COUNTRIES]
