"""Rate limits of the stories pages, on top of cms.core.ratelimit.RateLimiter.

Two scopes:
- "story-submit": every POST of the story form counts against its address (before anything is
  parsed). Globally, per minute, two budgets that never mix: submissions that passed every check
  and the challenge ("story-submit-accepted", STORY_RATE_LIMIT_GLOBAL_PER_MINUTE), and refused
  ones ("story-submit-refused", STORY_RATE_LIMIT_REFUSED_PER_MINUTE). A flood of junk from many
  addresses uses up only the second: it then gets a bare 429 (no form, no new challenge row),
  while a contributor whose story passes the checks still gets in;
- "receipt-check": only wrong codes count, per address and globally. A blocked address gets no
  answer at all, even for a right code, so the limit cannot be used as an oracle; the global
  budget of wrong codes only cuts short further wrong ones, so others' wrong codes never lock
  out a right one.

The limits are settings (STORY_RATE_LIMIT_*, STORY_RECEIPT_RATE_LIMIT_*), so an operator can raise
them for a campaign day or a benchmark. Over the limit: HTTP 429 with a friendly page, in the
language of the page (LocaleMiddleware has activated it from the URL). The address comes from
cms.core.ratelimit.client_address (proxy header, onion service) and only ever reaches the limiter.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from cms.core.ratelimit import RateLimiter, client_address

__all__ = [
    "ACCEPTED_SCOPE",
    "RECEIPT_SCOPE",
    "REFUSED_SCOPE",
    "SUBMIT_SCOPE",
    "client_address",
    "receipt_limiter",
    "refused_budget",
    "submission_limiter",
    "too_many_requests",
]

SUBMIT_SCOPE = "story-submit"
ACCEPTED_SCOPE = "story-submit-accepted"
REFUSED_SCOPE = "story-submit-refused"
RECEIPT_SCOPE = "receipt-check"


def refused_budget():
    return settings.STORY_RATE_LIMIT_REFUSED_PER_MINUTE


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
