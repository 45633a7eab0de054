"""The edge cache in front of the application (nginx proxy_cache, site/nginx/): what it may keep,
for how long, and purging it when content changes.

Cacheable: a GET or HEAD answered 200 under a language prefix (/en/...), the sitemaps and
robots.txt, for a visitor without a session (readers; staff are signed in), when the response
sets no cookie and said nothing about caching itself. Private responses (forms, receipt checks,
anything answering a POST, the admin: cms/core/security/headers.py) are "no-store" before this runs.

Freshness comes from purging, not from short lifetimes: publishing, unpublishing or deleting a
page purges, once the transaction has committed, the page and every translation (their language
links and hreflang alternates name each other), its ancestors (listings, the home page) with
their feeds (`get_cached_paths`), and the sitemaps, under every host name the site answers to
(ALLOWED_HOSTS, ONION_HOST, ONION_SERVICE_HOSTS, MIRROR_HOSTS: nginx keys its cache on the
host). Moving a page purges its old and new addresses; changing who may view a page purges it
and everything below it.

URLs with a query string cannot all be named in a purge. A page stores them only for the
parameters it reads (`query_parameters`: a listing's page number, a filter), with a short
lifetime; any other query string (`/en/stories/x/?utm=1`) is never stored, so a purged story
does not live on under it.

When the application answers 5xx, nginx may serve a stale copy only where the response said
`stale-if-error` (EDGE_STALE_IF_ERROR_SECONDS): reader pages keep working through an outage, but
pages with `edge_serve_stale = False` (stories) never come back from the cache once unpublished.

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
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
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


def page_of(response):
    context = getattr(response, "context_data", None) or {}
    return context.get("page") if isinstance(context, dict) else None


def declared_query(page, request):
    """The request's query string as the page reads it, or None if it has any other parameter."""
    allowed = getattr(page, "query_parameters", ()) if page is not None else ()
    if any(name not in allowed for name in request.GET):
        return None
    return sorted((name, request.GET.get(name, "")[:100]) for name in request.GET)


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
    page = page_of(response)
    if request.GET and declared_query(page, request) is None:
        return
    shared = settings.EDGE_CACHE_QUERY_SECONDS if request.GET else settings.EDGE_CACHE_SECONDS
    directives = {"public": True, "max_age": settings.BROWSER_CACHE_SECONDS, "s_maxage": shared}
    if getattr(page, "edge_serve_stale", True) and settings.EDGE_STALE_IF_ERROR_SECONDS:
        directives["stale_if_error"] = settings.EDGE_STALE_IF_ERROR_SECONDS
    patch_cache_control(response, **directives)


# --- Purging ---------------------------------------------------------------------------------


def purge_hosts():
    """Every host name readers may reach the site under: nginx keeps a copy per name."""
    from .hosts import mirror_hosts, onion_hosts

    # Every door (cms/core/hosts.py): the onion name and each mirror keep their own copies.
    names = [*settings.ALLOWED_HOSTS, *onion_hosts(), *mirror_hosts()]
    hosts = []
    for name in names:
        # "*" and ".example.org" are patterns, not names a purge could be sent to.
        if name and "*" not in name and not name.startswith(".") and name not in hosts:
            hosts.append(name)
    return hosts


def on_every_host(urls):
    result = []
    for url in urls:
        parts = urlsplit(url)
        result.append(url)
        for host in purge_hosts():
            netloc = host + (f":{parts.port}" if parts.port else "")
            other = urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))
            if other not in result:
                result.append(other)
    return result


def urls_to_purge(page, *, with_descendants=False):
    """Every cached URL whose content depends on `page` being live, as it is now, under every
    host name."""
    batch = PurgeBatch()
    page = page.specific_deferred
    ancestors = list(page.get_ancestors().filter(depth__gt=1))
    related = [page, *page.get_translations().specific()]
    if with_descendants:
        related += list(page.get_descendants().live().specific())
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
    return on_every_host(batch.urls)


def _purge(urls):
    PurgeBatch(urls).purge()


def schedule_purge(page, *, with_descendants=False):
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    # Computed now (a deleted page has no URL after the commit, a moved one has a new one);
    # sent after the commit.
    transaction.on_commit(partial(_purge, urls_to_purge(page, with_descendants=with_descendants)))


def _on_change(sender, instance, **kwargs):
    schedule_purge(instance)


def _on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        schedule_purge(instance)


def _on_move(sender, instance, **kwargs):
    # Before the move: the old addresses of the page and its subtree, and the old listings;
    # after it: the new ones.
    if instance.live:
        schedule_purge(Page.objects.get(pk=instance.pk), with_descendants=True)


def _on_restriction_change(sender, instance, **kwargs):
    page = getattr(instance, "page", None)
    if page is not None:
        schedule_purge(page, with_descendants=True)


def connect():
    from wagtail.models import PageViewRestriction
    from wagtail.signals import post_page_move, pre_page_move

    page_published.connect(_on_change, dispatch_uid="polyphony-edge-published")
    page_unpublished.connect(_on_change, dispatch_uid="polyphony-edge-unpublished")
    pre_delete.connect(_on_delete, dispatch_uid="polyphony-edge-deleted")
    pre_page_move.connect(_on_move, dispatch_uid="polyphony-edge-moving")
    post_page_move.connect(_on_move, dispatch_uid="polyphony-edge-moved")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_restriction_change,
            sender=PageViewRestriction,
            dispatch_uid=f"polyphony-edge-restriction-{signal is post_save}",
        )
    m2m_changed.connect(
        _on_restriction_change,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="polyphony-edge-restriction-groups",
    )


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
