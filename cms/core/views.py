import sys

from django.db import InterfaceError, OperationalError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_request

UNAVAILABLE_RETRY_SECONDS = 30


def root_redirect(request):
    """`/` has no content of its own: send the reader to the language their browser asks for.
    Nothing is stored: no cookie, no session."""
    return HttpResponseRedirect(f"/{get_language_from_request(request)}/")


def is_outage(error):
    """The database or the shared cache (Redis: every request asks it) cannot be reached."""
    if isinstance(error, (OperationalError, InterfaceError)):
        return True
    try:
        from redis.exceptions import ConnectionError as RedisDown
        from redis.exceptions import TimeoutError as RedisSlow
    except ImportError:
        return False
    return isinstance(error, (RedisDown, RedisSlow))


def _default_quick_exit_url():
    # The field's default, not the site's setting: an error page must not need the database.
    from cms.core.models import SiteSettings

    return SiteSettings._meta.get_field("quick_exit_url").default


def server_error(request, template_name="500.html"):
    """handler500. When the database or Redis is unreachable (a restart, a failover), say so plainly
    with a 503 in the reader's language, and tell someone who was sending a form that nothing
    arrived. Every other error gets our 500 page, in the reader's language too. Neither needs the
    database, and both carry the quick exit."""
    context = {
        "was_sending": request.method == "POST",
        "quick_exit_url": _default_quick_exit_url(),
    }
    outage = is_outage(sys.exc_info()[1])
    template = "cms/unavailable.html" if outage else template_name
    response = HttpResponse(render_to_string(template, context), status=503 if outage else 500)
    if outage:
        response["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
    add_never_cache_headers(response)
    return response


def _routed_page(request):
    """The page a refused POST was sent to, if it is one of ours (None otherwise)."""
    from django.urls import Resolver404, resolve
    from wagtail.models import Site

    try:
        match = resolve(request.path_info)
    except Resolver404:
        return None
    if match.url_name != "wagtail_serve":
        return None
    site = Site.find_for_request(request)
    if site is None:
        return None
    path = match.kwargs.get("path") or (match.args[0] if match.args else "")
    components = [part for part in path.split("/") if part]
    try:
        page, _args, _kwargs = site.root_page.localized.specific.route(request, components)
    except Http404:
        return None
    return page


def csrf_failure(request, reason="", template_name="cms/csrf_failure.html"):
    """CSRF_FAILURE_VIEW: a POST whose origin or token could not be confirmed. In the reader's
    language (the URL's prefix has set it), with the quick exit. A page that can show its form
    again with what was typed (`serve_after_csrf_failure`: the story form) does so, with a new
    challenge; any other says plainly that nothing was sent and that Back keeps the text.
    The reason is not shown or logged: it could quote the Origin or Referer."""
    page = _routed_page(request) if request.method == "POST" else None
    answer = getattr(page, "serve_after_csrf_failure", None)
    if answer is not None:
        response = answer(request)
    else:
        response = TemplateResponse(request, template_name, {"page": page})
    response.status_code = 403
    add_never_cache_headers(response)
    return response
