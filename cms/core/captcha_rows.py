"""The challenge rows of django-simple-captcha (captcha_captchastore): bounded, and without a
moment in them.

- Expiry: the library stores "now + CAPTCHA_TIMEOUT" to the microsecond, which is the moment
  someone opened a form. It is rounded up here to a UTC midnight (at least CAPTCHA_TIMEOUT
  away), so a row says only which day; a challenge then stays valid until that midnight, and
  public forms expire after FORM_MAX_AGE_SECONDS anyway. The library deletes expired rows when a
  challenge is checked; the housekeeping timer runs `captcha_clean` too
  (site/systemd/polyphony-housekeeping.service).
- Number: every form shown makes one row, and /captcha/refresh/ (asked by the widget's
  JavaScript) makes one per call. The refresh is limited per address and in all
  (CAPTCHA_REFRESH_*, answered 429 beyond them); the form pages are bounded by the story
  form's budgets, which answer refused POSTs with a bare 429 instead of a form with a new
  challenge (stories/ratelimits.py).
"""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import pre_save
from django.http import HttpResponse
from django.utils import timezone

from cms.core.ratelimit import RateLimiter, client_address

REFRESH_PATH_SUFFIX = "/captcha/refresh/"
REFRESH_SCOPE = "captcha-refresh"


def day_granular_expiry(now=None):
    now = now or timezone.now()
    earliest = now.astimezone(datetime.UTC) + datetime.timedelta(minutes=settings.CAPTCHA_TIMEOUT)
    midnight = earliest.replace(hour=0, minute=0, second=0, microsecond=0)
    return midnight if midnight == earliest else midnight + datetime.timedelta(days=1)


def _round_expiry(sender, instance, **kwargs):
    if instance.expiration is None or instance.expiration.time() != datetime.time(0):
        instance.expiration = day_granular_expiry()


def connect():
    from captcha.models import CaptchaStore

    pre_save.connect(_round_expiry, sender=CaptchaStore, dispatch_uid="polyphony-captcha-expiry")


def refresh_limiter():
    return RateLimiter(
        cache,
        per_address=settings.CAPTCHA_REFRESH_PER_ADDRESS,
        global_per_minute=settings.CAPTCHA_REFRESH_GLOBAL_PER_MINUTE,
        window_seconds=3600,
    )


class CaptchaRefreshLimitMiddleware:
    """New challenges from /captcha/refresh/ are counted before the library makes a row."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.endswith(REFRESH_PATH_SUFFIX) and not refresh_limiter().hit(
            REFRESH_SCOPE, client_address(request)
        ):
            response = HttpResponse(status=429, content_type="application/json")
            response["Retry-After"] = "60"
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
