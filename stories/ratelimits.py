"""Rate limits of the stories pages, on top of cms.ratelimit.RateLimiter.

Two scopes:
- "story-submit": every POST of the story form counts (before any photo is decoded, so the
  expensive work is what the limit protects), per address and globally per minute;
- "receipt-check": only wrong codes count; a blocked address gets no answer at all, even for a
  right code, so the limit cannot be used as an oracle.

The limits are settings (STORY_RATE_LIMIT_*, STORY_RECEIPT_RATE_LIMIT_*), so an operator can raise
them for a campaign day or a benchmark. Over the limit: HTTP 429 with a friendly page, in the
language of the page (LocaleMiddleware has activated it from the URL).
"""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from cms.ratelimit import RateLimiter

SUBMIT_SCOPE = "story-submit"
RECEIPT_SCOPE = "receipt-check"


def client_address(request):
    """The address to count against, or None where it means nothing.

    - Requests through the onion service (a Host ending in ".onion") all come from the local
      Tor daemon: only the global cap applies to them.
    - Behind a reverse proxy, STORY_CLIENT_ADDRESS_META names the META key the proxy sets (e.g.
      "HTTP_X_REAL_IP"); it must be a header the proxy always overwrites, never one a client can
      choose. Unset, REMOTE_ADDR is used.
    The address is only ever passed to the limiter, which keeps an HMAC of it under a daily
    secret; it is never stored or logged.
    """
    host = request.META.get("HTTP_HOST", "").split(":")[0].lower()
    if host.endswith(".onion"):
        return None
    key = getattr(settings, "STORY_CLIENT_ADDRESS_META", "") or "REMOTE_ADDR"
    address = request.META.get(key, "")
    if key != "REMOTE_ADDR":
        # A proxy may append; the last entry is the one it added itself.
        address = address.split(",")[-1]
    return address.strip() or None


def submission_limiter():
    return RateLimiter(
        cache,
        per_address=settings.STORY_RATE_LIMIT_PER_ADDRESS,
        global_per_minute=settings.STORY_RATE_LIMIT_GLOBAL_PER_MINUTE,
        window_seconds=settings.STORY_RATE_LIMIT_WINDOW_SECONDS,
    )


def receipt_limiter():
    return RateLimiter(
        cache,
        per_address=settings.STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS,
        global_per_minute=settings.STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE,
        window_seconds=settings.STORY_RATE_LIMIT_WINDOW_SECONDS,
    )


def too_many_requests(request, page, *, retry_after=None):
    """The friendly 429 page. No cookie, nothing cached."""
    response = TemplateResponse(
        request, "stories/rate_limited.html", {"page": page, "self": page}, status=429
    )
    response["Retry-After"] = str(retry_after or 60)
    response["Cache-Control"] = "no-store"
    return response
