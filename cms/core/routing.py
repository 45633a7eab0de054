"""Page routing in two queries instead of one per tree level.

Wagtail finds the page for /en/campaigns/free-the-voices/ by walking the tree: the site, the
localized home, then a child lookup and a `.specific` fetch at every level, about eight queries
before a page's own work begins, on every request. The answer only changes when a page is
published, unpublished, moved or deleted, which is exactly when `content_version` moves
(cms/core/fragments.py). So the route (page id, its type, how many path components are the page's
own) is remembered per site, language and path under that version, in each process's memory.

A remembered route still goes through the page's own `route()` for the components that are not
its own (a RoutablePageMixin's feed/, topic/...) and for the live check, and through Wagtail's
serve view with every before_serve_page hook (view restrictions, our security checks); a miss
is routed by Wagtail itself. Nothing is remembered for a 404.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import caches
from django.http import Http404
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Site

from cms.core.fragments import content_version

CACHE_ALIAS = "template_fragments"
LIFETIME_SECONDS = 24 * 60 * 60


def _local_cache():
    from django.conf import settings

    return caches[CACHE_ALIAS if CACHE_ALIAS in settings.CACHES else "default"]


def _site(request, version):
    hostname, port = request._get_raw_host(), request.get_port()
    key = f"route-site:{version}:{hostname}:{port}"
    site = _local_cache().get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            _local_cache().set(key, site, LIFETIME_SECONDS)
    request._wagtail_site = site
    return site


def _own_components(page, root):
    """The path components that name `page` below the localized home `root`, or None."""
    if not page.url_path.startswith(root.url_path):
        return None
    return [part for part in page.url_path[len(root.url_path) :].split("/") if part]


def _route(request, path):
    version = content_version()
    site = _site(request, version)
    if site is None:
        return None
    components = [part for part in path.split("/") if part]
    key = f"route:{version}:{site.pk}:{get_language()}:{'/'.join(components)}"
    cache = _local_cache()
    remembered = cache.get(key)
    if remembered is not None:
        page_id, content_type_id, own = remembered
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        try:
            page = model.objects.get(pk=page_id)
        except model.DoesNotExist:
            pass  # deleted without the version moving (a raw delete): route it afresh
        else:
            return page.route(request, components[own:])
    root = site.root_page.localized.specific
    result = root.route(request, components)
    own = _own_components(result.page, root)
    if own is not None and components[: len(own)] == own:
        entry = (result.page.pk, result.page.content_type_id, len(own))
        cache.set(key, entry, LIFETIME_SECONDS)
    return result


def serve(request, path):
    """Wagtail's serve view, with the route found as above."""
    if not hasattr(request, "_wagtail_route_for_request"):
        try:
            request._wagtail_route_for_request = _route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)
