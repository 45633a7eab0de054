"""Page routing in one query instead of two per tree level, on Wagtail's public interfaces.

Wagtail finds the page for /en/campaigns/free-the-voices/ by walking the tree: the site, the
localized home, then a child lookup and a `.specific` fetch at every level, before a page's own
work begins, on every request. The answer only changes when a page is published, unpublished,
moved or deleted, which is exactly when `content_version` moves (cms/core/fragments.py). So the
route (page id, its type, how many path components are the page's own) is remembered per host,
port, language and path under that version, in each process's memory.

A remembered route still goes through the page's own `route()` (a RoutablePageMixin's feed/,
topic/... and the live check) and through the same hooks as Wagtail's serve view (every
before_serve_page and on_serve_page hook: view restrictions, our security checks). A miss is
routed by Wagtail itself (`Page.route_for_request`). Nothing is remembered for a 404.

Only public interfaces: `request.get_host()`/`get_port()` (what `Site.find_for_request` decides
by), `Page.route_for_request`, `Page.route`/`RouteResult`, the serve hooks and
`wagtail.views.serve_chain`; cms/urls.py keeps Wagtail's other front-end URLs by name. The cost
of staying public: Wagtail keeps the request's Site on the request privately, so a page that
asks for its Site (settings, links) pays Wagtail's one query for it, as it would without us.

In-process figures, 2 December 2026 (bench/routing_profile.py: Django's test client in one
process against a throwaway database with the demo site, then with 10,000 bench stories; median
of 200 requests per URL on a 2-core machine shared with other work, so compare the columns of one
run, not times across runs; `make bench` was not run for these):

    queries per request          demo site        10,000 stories   median ms (demo site)
    page                     remembered wagtail  remembered wagtail  remembered wagtail
    home                             6       7          6       7        33.7    33.5
    standard page                    5       8          5       8        25.4    31.9
    story index                      5       8          5       8        28.0    37.6
    story page                       7      11          7      11        31.7    46.8
    story index, topic               6       9          6       9        26.6    36.6
    story feed                       7      10          7      10        37.7    46.8
    story form                      10      16         10      16        91.2   127.4
    receipt check                    5      10          5      10        29.8    51.0
    campaign index                   8      11          8      11        34.7    47.0
    campaign page                    5      10          5      10        24.0    41.2
    campaign translation             5      11          5      11        27.1    39.4
    vacancy index                    5       8          5       8        26.3    32.2
    vacancy page                    10      16         10      16        77.3    85.7

Without the remembered routes five reader pages exceed tests/perf's budget of 10 queries. The
previous version (private attributes, the Site remembered too) cost one query less on every page;
fetching the page's locale with it wins that back only where the page reads its locale (the form
and vacancy pages, which sit exactly at the budget).

Rerun: DJANGO_SETTINGS_MODULE=cms.settings.test DATABASE_URL=postgres://…/<db>
.venv/bin/python -m bench.routing_profile [--requests 200] [--stories 10000] [--keep-db].
tests/perf holds every reader URL to at most 10 queries, the same with 10 and 10,000 stories.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.http import Http404, HttpResponse
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page, Site
from wagtail.views import serve_chain

from cms.core.fragments import content_version

CACHE_ALIAS = "template_fragments"
LIFETIME_SECONDS = 24 * 60 * 60


def _local_cache():
    from django.conf import settings

    return caches[CACHE_ALIAS if CACHE_ALIAS in settings.CACHES else "default"]


def _own_count(request, result, components):
    """How many leading components name the routed page itself (the rest are its own routes,
    such as feed/), or None when that cannot be told from its url_path."""
    site = Site.find_for_request(request)  # kept by Wagtail from the routing just done
    own = result.page.depth - site.root_page.depth
    if own < 0 or own > len(components):
        return None
    named = [part for part in result.page.url_path.split("/") if part]
    return own if named[len(named) - own :] == components[:own] else None


def find_route(request, path):
    """The RouteResult for `path`, or None for a 404."""
    components = [part for part in path.split("/") if part]
    # The host as Django validated it and the port: what Site.find_for_request decides by.
    key = (
        f"route:{content_version()}:{request.get_host()}:{request.get_port()}:"
        f"{get_language()}:{'/'.join(components)}"
    )
    cache = _local_cache()
    remembered = cache.get(key)
    if remembered is not None:
        page_id, content_type_id, own = remembered
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        # With its locale: nearly every page reads it (language links, forms, JSON-LD), and
        # Wagtail's own routing would leave that to one more query.
        page = model.objects.select_related("locale").filter(pk=page_id).first()
        # None: deleted without the version moving (a raw delete); route it afresh.
        if page is not None:
            try:
                return page.route(request, components[own:])
            except Http404:
                return None
    result = Page.route_for_request(request, path)
    if result is not None:
        own = _own_count(request, result, components)
        if own is not None:
            entry = (result.page.pk, result.page.content_type_id, own)
            cache.set(key, entry, LIFETIME_SECONDS)
    return result


def serve(request, path):
    """Wagtail's serve view (wagtail/views.py, 8.0) on the route found above: the same hooks in
    the same order. Re-check it against Wagtail's when Wagtail is upgraded."""
    route = find_route(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    return on_serve_chain(page, request, args, kwargs)
