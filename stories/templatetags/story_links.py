"""Where a reader tells a story and checks a receipt, in their language.

Nobody could find the form: no page linked it. Every language's home and footer (through the
`register_site_links` hook, stories/wagtail_hooks.py), the story index and the end of every
story link both pages, found here once.
"""

from django import template
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.core.templatetags.polyphony import restriction_above

register = template.Library()


def form_pages(language=None):
    """{"tell": page, "status": page} for `language`: that language's live pages, or the source
    language's where a translation is missing or not live (a link must never lead to a draft
    or a 404). A key is absent when neither exists."""
    from stories.models import ReceiptStatusPage, StorySubmissionPage

    language = language or get_language()
    wanted = {StorySubmissionPage: "tell", ReceiptStatusPage: "status"}
    languages = [language, settings.SOURCE_LANGUAGE]
    pages = (
        Page.objects.live()
        # Not .public(): it reads every view restriction in a query of its own first.
        .filter(~Exists(restriction_above(OuterRef("path"))))
        .type(*wanted)
        .filter(locale__language_code__in=languages)
        .select_related("locale")
        .specific()
    )
    found = {}
    # The reader's own language first, then the source language.
    for page in sorted(pages, key=lambda page: languages.index(page.locale.language_code)):
        found.setdefault(wanted[type(page)], page)
    return found


def site_links(request, language):
    """(text, url) of both pages, for the footer of every reader page."""
    pages = form_pages(language)
    texts = {"tell": _("Tell your story"), "status": _("Check the state of a story")}
    return [(texts[key], pages[key].get_url(request)) for key in ("tell", "status") if key in pages]


@register.simple_tag
def get_story_form_pages():
    """{% get_story_form_pages as story_forms %}: story_forms.tell, story_forms.status."""
    return form_pages()
