"""CSRF protection of public forms without a cookie.

Django's check pairs a token in the form with a cookie. On the public site that cookie was the one
trace a contributor's browser kept: on a phone searched at a border it showed that this browser
had opened the story form, and roughly when; quick exit does not remove it; and Tor Browser's
"New Identity" between opening and sending the form dropped it, so the story was refused.

For a visitor without a session (every reader and contributor; staff are signed in), on any path
outside the admin, this middleware:

- sets no CSRF cookie (and removes one left from before), whatever the page renders;
- checks a POST by where the browser says it comes from, as Django does first anyway: the
  ``Origin`` header must name this site (or CSRF_TRUSTED_ORIGINS); without it, the ``Referer``
  must. A form posted from another site is refused. Without either the POST is refused too:
  every browser that can send our forms sends ``Origin`` (the form pages ask for
  ``Referrer-Policy: same-origin`` so that it is not "null").

What a forged POST could do is small: there is no session to ride, and a forged story still has
to pass the challenge. Staff (a session cookie) and the admin keep Django's full check, with a
cookie that ends with the browser session (CSRF_COOKIE_AGE = None). A refusal is answered by
CSRF_FAILURE_VIEW (cms/core/views.py), in the reader's language, keeping what they typed.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.csrf import REASON_BAD_ORIGIN, REASON_BAD_REFERER, CsrfViewMiddleware

from .headers import is_admin_path

REASON_NO_ORIGIN = "Neither Origin nor Referer says where this form was sent from."
SAFE_METHODS = ("GET", "HEAD", "OPTIONS", "TRACE")


def is_cookieless(request):
    return settings.SESSION_COOKIE_NAME not in request.COOKIES and not is_admin_path(request)


class PublicFormCsrfViewMiddleware(CsrfViewMiddleware):
    def process_view(self, request, callback, callback_args, callback_kwargs):
        if (
            not is_cookieless(request)
            or getattr(request, "csrf_processing_done", False)
            or getattr(callback, "csrf_exempt", False)
            or request.method in SAFE_METHODS
            or getattr(request, "_dont_enforce_csrf_checks", False)
        ):
            return super().process_view(request, callback, callback_args, callback_kwargs)
        origin = request.META.get("HTTP_ORIGIN")
        if origin is not None:
            if not self._origin_verified(request):
                return self._reject(request, REASON_BAD_ORIGIN % origin)
            return self._accept(request)
        referer = request.META.get("HTTP_REFERER")
        if referer:
            if urlsplit(referer).netloc != request.get_host():
                return self._reject(request, REASON_BAD_REFERER % referer)
            return self._accept(request)
        return self._reject(request, REASON_NO_ORIGIN)

    def _set_csrf_cookie(self, request, response):
        if is_cookieless(request):
            return
        super()._set_csrf_cookie(request, response)

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if is_cookieless(request) and settings.CSRF_COOKIE_NAME in request.COOKIES:
            response.delete_cookie(
                settings.CSRF_COOKIE_NAME,
                path=settings.CSRF_COOKIE_PATH,
                domain=settings.CSRF_COOKIE_DOMAIN,
                samesite=settings.CSRF_COOKIE_SAMESITE,
            )
        return response
