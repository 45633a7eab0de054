import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language_from_request
from django.views import defaults

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


def server_error(request, template_name="500.html"):
    """handler500. When the database or Redis is unreachable (a restart, a failover), say so plainly
    with a 503 in the reader's language, and tell someone who was sending a form that nothing
    arrived; the page needs no database. Every other error gets Django's 500 page."""
    if not is_outage(sys.exc_info()[1]):
        return defaults.server_error(request, template_name)
    from cms.core.models import SiteSettings

    context = {
        "was_sending": request.method == "POST",
        "quick_exit_url": SiteSettings._meta.get_field("quick_exit_url").default,
    }
    content = render_to_string("cms/unavailable.html", context)
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
    add_never_cache_headers(response)
    return response
