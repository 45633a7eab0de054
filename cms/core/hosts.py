"""Many doors, one site: absolute URLs name the host the reader came to.

Readers reach the site under its primary clearnet name (PRIMARY_HOST), through Tor under the
onion name (ONION_HOST, with any older ONION_SERVICE_HOSTS), and under mirror names (MIRROR_HOSTS)
when the primary is blocked. A page must never send a reader to another door: an onion reader sent
to the clearnet name leaves Tor's protection, a mirror reader sent to the blocked primary finds
nothing. So every absolute URL Wagtail builds for a page (`get_full_url`, `full_url`: hreflang,
Open Graph, feeds, the campaigns API, attribution text, JSON-LD) takes its origin from the request,
not from the `Site` record.

Only configured names are echoed: the three settings above and the exact (non-pattern) names in
ALLOWED_HOSTS, which is also how `make run` on any port gets working links (127.0.0.1:PORT). A
Host header naming anything else keeps the Site's own root URL, so a forged Host cannot put an
attacker's name into a cached page. The edge cache keys on the host (site/nginx/), and so do the
template fragments (`host_key`, folded into `content_version` by cms/core/fragments.py).

The canonical link (`canonical_url`): on the primary and on mirrors it names the primary host, so
search engines list one address and mirrors do not compete with it (a reader never follows a
canonical link, so a blocked primary there costs nobody a page). On the onion it is omitted: search
engines do not crawl onion services, and an onion page names no clearnet host at all.
"""

import contextvars

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest
from django.http.request import split_domain_port

_current_request = contextvars.ContextVar("polyphony_reader_request", default=None)


def _names(values):
    return [v.lower() for v in values if v and "*" not in v and not v.startswith(".")]


def onion_hosts():
    return _names([getattr(settings, "ONION_HOST", ""), *settings.ONION_SERVICE_HOSTS])


def mirror_hosts():
    return _names(getattr(settings, "MIRROR_HOSTS", ()))


def primary_host():
    configured = getattr(settings, "PRIMARY_HOST", "")
    if configured:
        return configured.lower()
    names = _names(settings.ALLOWED_HOSTS)
    return names[0] if names else ""


def configured_hosts():
    """Every name whose requests may see their own name in the pages."""
    hosts = []
    for name in [primary_host(), *onion_hosts(), *mirror_hosts(), *_names(settings.ALLOWED_HOSTS)]:
        if name and name not in hosts:
            hosts.append(name)
    return hosts


def _host(request):
    try:
        return request.get_host()
    except DisallowedHost:
        return None


def is_onion(request):
    host = _host(request)
    return bool(host) and split_domain_port(host)[0] in onion_hosts()


def reader_origin(request):
    """'scheme://host[:port]' of the door `request` came through, or None if that name is not
    configured. Onion services have no TLS certificate: always http (nginx tells Django the
    connection is secure, site/nginx/polyphony-onion.conf, so request.scheme would say https)."""
    if not isinstance(request, HttpRequest):
        return None
    cached = getattr(request, "_polyphony_origin", False)
    if cached is not False:
        return cached
    origin = None
    host = _host(request)
    if host:
        domain, _port = split_domain_port(host)
        if domain in onion_hosts():
            origin = f"http://{host}"
        elif domain in configured_hosts():
            origin = f"{request.scheme}://{host}"
    request._polyphony_origin = origin
    return origin


def site_origin(request):
    """The origin to name in a URL that is not a page's (robots.txt, the sitemap index): the
    reader's door if it is a configured one, else the Site's own root URL — never a name that
    only matched a pattern of ALLOWED_HOSTS."""
    from wagtail.models import Site

    origin = reader_origin(request)
    if origin is not None:
        return origin
    site = Site.find_for_request(request) or Site.objects.filter(is_default_site=True).first()
    return site.root_url if site is not None else ""


def host_key(request):
    """What fragment cache keys add so that each door keeps its own copies."""
    return reader_origin(request) or "site"


def current_request():
    return _current_request.get()


def canonical_url(page, request):
    """The page's address on the primary host, or "" on the onion (see the module docstring)."""
    if is_onion(request) or not page.pk:
        return ""
    parts = page.get_url_parts(request)
    if not parts or parts[2] is None:
        return ""
    _site, root, path = parts
    primary = primary_host()
    if primary and primary not in {"localhost", "127.0.0.1", "testserver"}:
        scheme = "https" if not settings.DEBUG else request.scheme
        root = f"{scheme}://{primary}"
    return root + path


def reader_url_parts(parts, request=None):
    """Wagtail's (site id, root URL, path) for a page, with the reader's origin in place of the
    Site's root URL for pages of the Site the reader's door leads to. A request passed
    explicitly wins over the one the middleware recorded."""
    from wagtail.models import Site

    reader = request if isinstance(request, HttpRequest) else current_request()
    if not parts or parts[1] is None or reader is None:
        return parts
    origin = reader_origin(reader)
    if origin is None:
        return parts
    site = Site.find_for_request(reader)
    if site is not None and site.pk != parts[0]:
        return parts  # a page of another Site keeps that Site's own address
    return (parts[0], origin, parts[2])


UNRESTRICTED_LIFETIME_SECONDS = 24 * 60 * 60


class ReaderHostUrlsMixin:
    """For every page model (cms/core/checks.py fails `manage.py check` for one without it).

    `get_url_parts` is the method Wagtail documents for changing a page's URL, and everything
    Wagtail builds for a page goes through it (`get_url`, `get_full_url`, `full_url`, its API,
    its sitemaps) — for the specific page. A plain `Page` row (a query without `.specific()`)
    has Wagtail's own method: build its absolute URL with `full_url_for(page, request)`."""

    def get_url_parts(self, request=None):
        return reader_url_parts(super().get_url_parts(request=request), request)

    def get_view_restrictions(self):
        """Wagtail's, except that a page with none (nearly every reader page) is remembered as
        such in each process under `content_version`, which moves whenever a view restriction
        or its groups change, or a page moves (cms/core/fragments.py). Wagtail's serve hook asks
        this on every request, and it cost two queries (the ancestors, then their
        restrictions). A page with restrictions is asked afresh every time."""
        from wagtail.models import PageViewRestriction

        from cms.core.fragments import content_version
        from cms.core.routing import _local_cache

        if self.pk is None:
            return super().get_view_restrictions()
        key = f"unrestricted:{content_version()}:{self.pk}"
        cache = _local_cache()
        if cache.get(key):
            return PageViewRestriction.objects.none()
        restrictions = super().get_view_restrictions()
        if not restrictions:
            cache.set(key, True, UNRESTRICTED_LIFETIME_SECONDS)
        return restrictions


def full_url_for(page, request=None):
    """`page.get_full_url(request)` on the reader's host, for a specific page or a plain row."""
    parts = page.get_url_parts(request=request)
    if not isinstance(page, ReaderHostUrlsMixin):
        parts = reader_url_parts(parts, request)
    if parts is None or parts[1] is None and parts[2] is None:
        return None  # not routable, as Wagtail's get_full_url says
    return parts[1] + parts[2]


class ReaderHostMiddleware:
    """Records the request for URL building without one (`page.full_url`) and tells clearnet
    readers about the onion service (`Onion-Location`, which Tor Browser offers to follow)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            response = self.get_response(request)
        finally:
            _current_request.reset(token)
        onion = getattr(settings, "ONION_HOST", "")
        if onion and reader_origin(request) and not is_onion(request):
            response.headers.setdefault(
                "Onion-Location", f"http://{onion}{request.get_full_path()}"
            )
        return response
