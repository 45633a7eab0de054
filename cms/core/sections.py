"""Where roles and workflows attach in the page tree.

`cms` never imports a content app: sections are named by model label and found through Django's
app registry, so a section whose app is not installed simply has no pages.
"""

from django.apps import apps
from django.conf import settings
from wagtail.models import Locale, Page

# The section index page type of each content app.
SECTIONS = {
    "stories": "stories.StoryIndexPage",
    "campaigns": "campaigns.CampaignIndexPage",
    "volunteering": "volunteering.VacancyIndexPage",
    "letters": "letters.PrisonerDirectoryPage",
}


def section_model(section):
    try:
        return apps.get_model(SECTIONS[section])
    except LookupError:
        return None


def section_models():
    return [model for name in SECTIONS if (model := section_model(name)) is not None]


def section_pages(section, locale=None):
    """The index pages of a section, in every locale or in one language code."""
    model = section_model(section)
    if model is None:
        return Page.objects.none()
    pages = model.objects.all()
    if locale is not None:
        pages = pages.filter(locale__language_code=locale)
    return pages


def home_pages(locale=None):
    from cms.core.models import HomePage

    pages = HomePage.objects.all()
    if locale is not None:
        pages = pages.filter(locale__language_code=locale)
    return pages


def translation_languages():
    """Every content language except the source one: each gets a Translators group."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES if code != source_language()]


def source_language():
    return settings.SOURCE_LANGUAGE


def sync_locales():
    """One Locale row per content language, so a fresh database can hold every language."""
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
