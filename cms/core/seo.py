"""What every page tells search engines and link previews: a meta description and OpenGraph data.

The description is the page's own `search_description` (its "Search description" in the
admin, translated with the page), else its section's, else a translated sentence about its
section, else one about the site: a reader who finds the page in a search result or a shared
link always gets a line in their language. OpenGraph data is built from the same page, on
same-origin URLs only; campaigns add their hero image (campaigns/seo.py).

Both are rendered inside a fragment cached per page, language and content version
(templates/components/page_meta.html), so the ancestor and translation queries run on a miss only.
"""

from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.core.sections import SECTIONS, section_model

# og:locale wants language_TERRITORY; the territory where most readers of each language live.
OG_LOCALES = {
    "en": "en_GB",
    "ru": "ru_RU",
    "uk": "uk_UA",
    "de": "de_DE",
    "fr": "fr_FR",
    "cs": "cs_CZ",
}


def og_locale(language_code):
    return OG_LOCALES.get(language_code, language_code)


def site_description(organisation):
    return _(
        "%(name)s: stories, campaigns and volunteer positions of Russian anti-war and "
        "human-rights initiatives, in exile and inside Russia."
    ) % {"name": organisation}


def section_description(section):
    texts = {
        "stories": _(
            "Stories told by people in and from Russia, sent anonymously and published after "
            "a safety review."
        ),
        "campaigns": _(
            "Campaigns for political prisoners and against the war: what we demand, the facts "
            "behind it, and how to help."
        ),
        "volunteering": _("Open volunteer positions: what each team needs, and how to apply."),
    }
    return texts.get(section, "")


def _section_of(page):
    """(section name, section index page) of the section `page` is in or is, or (None, None)."""
    labels = {
        model._meta.label_lower: name
        for name in SECTIONS
        if (model := section_model(name)) is not None
    }
    ancestors = (
        Page.objects.filter(path__in=[page.path[:end] for end in range(4, len(page.path) + 1, 4)])
        .select_related("content_type")
        .order_by("-depth")
    )
    for ancestor in ancestors:
        name = labels.get(f"{ancestor.content_type.app_label}.{ancestor.content_type.model}")
        if name:
            return name, ancestor
    return None, None


def description(page, organisation):
    """The meta description of `page` (any Wagtail page, or None for views outside the tree)."""
    own = (getattr(page, "search_description", "") or "").strip()
    if own:
        return own
    if isinstance(page, Page) and page.pk:
        section, index = _section_of(page)
        if index is not None and index.search_description.strip():
            return index.search_description.strip()
        # A section without a sentence of its own (the letters) gets the site's.
        if section and section_description(section):
            return section_description(section)
    return site_description(organisation)


def og_type(page):
    """ "website" for the homes and section listings, "article" for everything they list."""
    from cms.core.models import HomePage
    from cms.core.models.pages import IndexPage

    return "website" if isinstance(page, (HomePage, IndexPage)) else "article"


def opengraph(page, request, description, *, image="", image_alt="", kind=None):
    """OpenGraph data of `page`: what its include (templates/components/opengraph.html) shows."""
    live = page.get_translations().live().select_related("locale")
    return {
        "type": kind or og_type(page),
        "title": page.seo_title or page.title,
        "description": description,
        "url": page.get_full_url(request),
        "locale": og_locale(page.locale.language_code),
        "alternates": sorted(og_locale(p.locale.language_code) for p in live),
        "image": image,
        "image_alt": image_alt,
    }
