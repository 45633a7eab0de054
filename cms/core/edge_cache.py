"""The edge cache in front of the application (nginx proxy_cache, site/nginx/): what it may keep,
for how long, and purging it when content changes.

Cacheable: a GET or HEAD answered 200 under a language prefix (/en/...), the sitemaps and
robots.txt, for a visitor without a session (readers; staff are signed in), when the response
sets no cookie and said nothing about caching itself. Private responses (forms, receipt checks,
anything answering a POST, the admin: cms/core/security/headers.py) are "no-store" before this runs.

Freshness comes from purging, not from short lifetimes: publishing, unpublishing or deleting a
page purges, once the transaction has committed, the page and every translation (their language
links and hreflang alternates name each other), its ancestors (listings, the home page) with
their feeds (`get_cached_paths`), and the sitemaps. URLs with a query string (page 2 of a
listing, a filter) cannot all be named in a purge, so they get a short lifetime instead.

Why not wagtail.contrib.frontend_cache's own signal handlers: they purge inside the publishing
transaction, so a reader arriving between the purge and the commit puts the old page back into
the cache for its whole lifetime. Its PurgeBatch and backends are used, after the commit.
"""

import logging
import re
from functools import partial
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models.signals import pre_delete
from django.urls import reverse
from django.utils.cache import patch_cache_control
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

SITE_WIDE_PATHS = ("/sitemap.xml", "/robots.txt")
PURGE_TIMEOUT_SECONDS = 3

logger = logging.getLogger("wagtail.frontendcache")


def _language_prefix():
    codes = "|".join(re.escape(code) for code, _name in settings.LANGUAGES)
    return re.compile(rf"^/(?:{codes})/")


def _is_edge_cacheable_path(path):
    return (
        bool(_language_prefix().match(path))
        or path in SITE_WIDE_PATHS
        or path.startswith("/sitemap-")
    )


def has_session(request):
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def apply_cache_policy(request, response):
    """Called by SecurityHeadersMiddleware for responses that are not private (never the admin)."""
    if response.has_header("Cache-Control"):
        return
    if has_session(request):
        # Staff see their user bar on reader pages: their copy stays in their own browser.
        patch_cache_control(response, private=True)
        return
    cacheable = (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.cookies
        and _is_edge_cacheable_path(request.path_info)
    )
    if not cacheable:
        return
    shared = settings.EDGE_CACHE_QUERY_SECONDS if request.GET else settings.EDGE_CACHE_SECONDS
    patch_cache_control(
        response, public=True, max_age=settings.BROWSER_CACHE_SECONDS, s_maxage=shared
    )


# --- Purging ---------------------------------------------------------------------------------


def urls_to_purge(page):
    """Every cached URL whose content depends on `page` being live, as it is now."""
    batch = PurgeBatch()
    page = page.specific_deferred
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    related = [page, *page.get_translations().specific()]
    # Listings in every language: a vacancy index lists untranslated vacancies of the source
    # language too, and a new translation replaces its source there.
    for ancestor in ancestors:
        related += [ancestor.specific_deferred, *ancestor.get_translations().specific()]
    batch.add_pages(related)
    site = page.get_site()
    if site is not None:
        root = site.root_url.rstrip("/")
        batch.add_urls(root + path for path in SITE_WIDE_PATHS)
        batch.add_urls(
            root + reverse("cms_sitemap_language", args=[code]) for code, _n in settings.LANGUAGES
        )
    return batch.urls


def _purge(urls):
    PurgeBatch(urls).purge()


def schedule_purge(page):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    # Computed now (a deleted page has no URL after the commit); sent after the commit.
    transaction.on_commit(partial(_purge, urls_to_purge(page)))


def _on_change(sender, instance, **kwargs):
    schedule_purge(instance)


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        schedule_purge(instance)


def connect():
    page_published.connect(_on_change, dispatch_uid="polyphony-edge-published")
    page_unpublished.connect(_on_change, dispatch_uid="polyphony-edge-unpublished")
    pre_delete.connect(_on_delete, dispatch_uid="polyphony-edge-deleted")


class NginxPurgeBackend(HTTPBackend):
    """Wagtail's HTTP purge, for nginx's cache purge module: its 404 ("that URL was not in the
    cache") is no error, and a cache that does not answer cannot hold up a publish for long."""

    def __init__(self, params):
        super().__init__(params)
        if self.cache_scheme not in ("http", "https"):
            raise ImproperlyConfigured(
                f"FRONTEND_CACHE_PURGE_URLS must be http(s) addresses, not {self.cache_scheme!r}."
            )

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""))
        request = PurgeRequest(url=target, headers={"Host": host})
        try:
            # The scheme is http(s), checked above (docs/security-exceptions.md).
            urlopen(request, timeout=PURGE_TIMEOUT_SECONDS)  # noqa: S310  # nosec B310
        except HTTPError as error:
            if error.code != 404:
                logger.error("Could not purge %s from the edge cache: HTTP %s", url, error.code)
        except (URLError, TimeoutError) as error:
            logger.error("Could not purge %s from the edge cache: %s", url, error)
