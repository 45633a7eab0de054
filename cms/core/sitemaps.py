"""Per-language sitemaps with hreflang alternates, and a sitemap index.

Every page decides its own entries through Wagtail's `get_sitemap_urls(request)` (a closed
vacancy returns none), so the alternates link only pages that are themselves listed: a live,
public translation that its own page type wants indexed.
"""

from collections import defaultdict
from dataclasses import replace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Max, OuterRef
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from cms.core.hosts import site_origin
from cms.core.templatetags.polyphony import restriction_above


def _published(language=None):
    pages = Page.objects.live().filter(depth__gt=1, locale__language_code__isnull=False)
    # Not .public(), which reads every view restriction in a query of its own first.
    pages = pages.filter(~Exists(restriction_above(OuterRef("path"))))
    return pages.filter(locale__language_code=language) if language else pages


def _language_stats(request):
    """{language: (number of pages, latest change)} for the sitemap index, in one query for
    all languages, kept on the request."""
    if not hasattr(request, "_polyphony_sitemap_stats"):
        rows = (
            _published()
            .order_by()  # Page's default ordering by path would split the groups
            .values("locale__language_code")
            .annotate(
                number=Count("pk"),
                latest=Max(Coalesce("last_published_at", "latest_revision_created_at")),
            )
        )
        request._polyphony_sitemap_stats = {
            row["locale__language_code"]: (row["number"], row["latest"]) for row in rows
        }
    return request._polyphony_sitemap_stats


class LocaleSitemap(Sitemap):
    def __init__(self, request, language):
        super().__init__(request)
        self.language = language

    def items(self):
        # Base rows only: each page's own get_sitemap_urls runs on `specific_deferred`, an
        # instance of its class built from these rows, so the list costs one query whatever
        # the number of page types (.specific() costs one more per type).
        return _published(self.language).order_by("path")

    @property
    def paginator(self):
        paginator = Paginator(self._items(), self.limit)
        # The count the index needs, from the one query of all languages.
        paginator.count = _language_stats(self.request).get(self.language, (0, None))[0]
        return paginator

    def get_latest_lastmod(self):
        return _language_stats(self.request).get(self.language, (0, None))[1]

    def _urls(self, page, protocol, domain):
        # Wagtail's own loop, plus the alternates of each page's translations.
        items = list(self.paginator.page(page).object_list)
        alternates = self._alternates(items)
        urls, last_mods = [], set()
        for item in items:
            for url_info in item.specific_deferred.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates.get(item.translation_key, [])})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self, items):
        """translation_key -> hreflang entries for the listed `items`: one query for their
        translations in every language."""
        listed = defaultdict(dict)
        keys = {item.translation_key for item in items}
        translations = _published().filter(translation_key__in=keys).select_related("locale")
        for page in translations:
            entries = page.specific_deferred.get_sitemap_urls(self.request)
            if entries:
                listed[page.translation_key][page.locale.language_code] = entries[0]["location"]
        result = {}
        for key, by_language in listed.items():
            if len(by_language) < 2:
                continue
            entries = [
                {"lang_code": code, "location": by_language[code]}
                for code, _name in settings.LANGUAGES
                if code in by_language
            ]
            default = by_language.get(settings.LANGUAGE_CODE)
            if default:
                entries.append({"lang_code": "x-default", "location": default})
            result[key] = entries
        return result


def _sitemaps(request):
    return {code: LocaleSitemap(request, code) for code, _name in settings.LANGUAGES}


def index(request):
    response = sitemap_views.index(
        request, _sitemaps(request), sitemap_url_name="cms_sitemap_language"
    )
    # Django names the request's raw host in each entry; name the door instead (cms/core/hosts).
    origin = site_origin(request)
    response.context_data["sitemaps"] = [
        replace(item, location=origin + _path_and_query(item.location))
        for item in response.context_data["sitemaps"]
    ]
    return response


def _path_and_query(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def language_sitemap(request, section):
    if section not in dict(settings.LANGUAGES):
        raise Http404
    return sitemap_views.sitemap(request, _sitemaps(request), section=section)


def robots_txt(request):
    sitemap_url = site_origin(request) + reverse("cms_sitemap_index")
    body = f"User-agent: *\nDisallow: /admin/\nDisallow: /captcha/\n\nSitemap: {sitemap_url}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
