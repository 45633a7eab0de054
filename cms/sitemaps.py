"""Per-language sitemaps with hreflang alternates, and a sitemap index.

Every page decides its own entries through Wagtail's `get_sitemap_urls(request)` (a closed
vacancy returns none), so the alternates link only pages that are themselves listed: a live,
public translation that its own page type wants indexed.
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocaleSitemap(Sitemap):
    def __init__(self, request, language):
        super().__init__(request)
        self.language = language

    def items(self):
        return (
            Page.objects.live()
            .public()
            .filter(locale__language_code=self.language, depth__gt=1)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        # Wagtail's own loop, plus the alternates of each page's translations.
        alternates = self._alternates()
        urls, last_mods = [], set()
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                urls.append({**url_info, "alternates": alternates.get(item.translation_key, [])})
                last_mods.add(url_info.get("lastmod"))
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls

    def _alternates(self):
        """translation_key -> hreflang entries, across every language, in a few queries."""
        listed = defaultdict(dict)
        pages = (
            Page.objects.live()
            .public()
            .filter(depth__gt=1)
            .select_related("locale")
            .defer_streamfields()
            .specific()
        )
        for page in pages:
            entries = page.get_sitemap_urls(self.request)
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
    return sitemap_views.index(request, _sitemaps(request), sitemap_url_name="cms_sitemap_language")


def language_sitemap(request, section):
    if section not in dict(settings.LANGUAGES):
        raise Http404
    return sitemap_views.sitemap(request, _sitemaps(request), section=section)


def robots_txt(request):
    sitemap_url = request.build_absolute_uri(reverse("cms_sitemap_index"))
    body = f"User-agent: *\nDisallow: /admin/\nDisallow: /captcha/\n\nSitemap: {sitemap_url}\n"
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
