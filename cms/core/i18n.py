"""Which languages a page exists in, for the language switcher and hreflang alternates.

Only live translations count: a reader must never be sent to a draft, and search engines must
never be told about one. Where a page has no live translation, the switcher leads to that
language's home page and says so.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from wagtail.models import Page

from cms.core.hosts import full_url_for


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool
    # False when the link leads to the nearest translated ancestor (at worst the language's
    # home) because this page has no live translation; `fallback` is that page.
    same_page: bool
    fallback: Page | None = None


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    url: str


def live_homes(request=None):
    """{language: live home page}, asked once per request (the header and the language
    switcher both need it)."""
    cached = getattr(request, "_polyphony_live_homes", None)
    if cached is None:
        from cms.core.models import HomePage

        cached = {
            home.locale.language_code: home
            for home in HomePage.objects.live().select_related("locale")
        }
        if request is not None:
            request._polyphony_live_homes = cached
    return cached


def _translations_and_homes(request, page):
    """The live translations of `page` (itself included) and the live homes, in one query."""
    from cms.core.models import HomePage

    rows = (
        Page.objects.live()
        .filter(Q(translation_key=page.translation_key) | Q(content_type=_content_type(HomePage)))
        .select_related("locale")
    )
    translations, homes = {}, {}
    home_type = _content_type(HomePage).pk
    for row in rows:
        code = row.locale.language_code
        if row.translation_key == page.translation_key:
            translations[code] = row
        if row.content_type_id == home_type:
            homes[code] = row
    if request is not None and not hasattr(request, "_polyphony_live_homes"):
        request._polyphony_live_homes = homes
    return translations, homes


def _nearest_translated_ancestors(page):
    """{language: the deepest live page that translates an ancestor of `page`}, one query."""
    ancestors = Page.objects.filter(
        path__in=[page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)],
        depth__gt=1,
    ).values("translation_key")
    nearest = {}
    rows = Page.objects.live().filter(translation_key__in=ancestors).select_related("locale")
    for row in rows.order_by("depth"):
        nearest[row.locale.language_code] = row
    return nearest


def _content_type(model):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(model)


def language_links(request, page=None, current=None):
    """Switcher links and hreflang alternates for `page` (a Wagtail page or None)."""
    translations, nearest = {}, {}
    if isinstance(page, Page) and page.pk:
        translations, homes = _translations_and_homes(request, page)
        if len(translations) < len(settings.LANGUAGES):
            nearest = _nearest_translated_ancestors(page)
    else:
        homes = live_homes(request)
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url, same_page = target.get_url(request), True
        elif page is None and request is not None:
            # Views outside the page tree (a thank-you page) exist under every prefix.
            url, same_page = translate_url(request.path, code), True
        else:
            fallback = nearest.get(code) or homes.get(code)
            url = fallback.get_url(request) if fallback else f"/{code}/"
            links.append(LanguageLink(code, name, url, code == current, False, fallback))
            continue
        links.append(LanguageLink(code, name, url, code == current, same_page))

    alternates = [
        Alternate(code, full_url_for(translations[code], request))
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    if alternates:
        default = translations.get(settings.LANGUAGE_CODE) or translations.get(current)
        if default is not None:
            alternates.append(Alternate("x-default", full_url_for(default, request)))
    return links, alternates


@dataclass(frozen=True)
class Elsewhere:
    """A page of this section that exists only in other languages."""

    page: Page
    code: str


def elsewhere(index, limit=20):
    """Live children of `index`'s translations that have no live translation under `index`:
    what a reader of a smaller language would otherwise never find. Ordered by the site's
    language order, newest first within a language."""
    if not isinstance(index, Page) or not index.pk:
        return []
    others = list(index.get_translations().live().values_list("path", "depth"))
    if not others:
        return []
    here = index.get_children().live().values_list("translation_key", flat=True)
    under = Q()
    for path, depth in others:
        under |= Q(path__startswith=path, depth=depth + 1)
    rows = (
        Page.objects.live()
        .public()
        .filter(under)
        .exclude(translation_key__in=here)
        .select_related("locale")
        .specific()
        .order_by("-first_published_at", "pk")[: limit * len(settings.LANGUAGES)]
    )
    order = {code: position for position, (code, _name) in enumerate(settings.LANGUAGES)}
    # Stable sort: newest first within each language, languages in the site's order; a page
    # in several other languages is listed once, in the first of them.
    rows = sorted(rows, key=lambda row: order.get(row.locale.language_code, len(order)))
    seen, result = set(), []
    for row in rows:
        if row.translation_key not in seen:
            seen.add(row.translation_key)
            result.append(Elsewhere(row, row.locale.language_code))
    return result[:limit]
