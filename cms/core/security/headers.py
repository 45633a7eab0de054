"""Response headers that every page of the site carries.

Two middlewares:

- ``PolyphonyCSPMiddleware`` (django-csp 4): the strict policy from ``CONTENT_SECURITY_POLICY``
  for the public site; the Wagtail admin gets ``POLYPHONY_ADMIN_CSP`` instead, because its
  editor still ships a few inline scripts and styles, and its preview frames the site's own pages
  (``frame-ancestors 'self'``). Public inline scripts need a nonce (``request.csp_nonce``).
- ``SecurityHeadersMiddleware``: Permissions-Policy and Cross-Origin-Resource-Policy on every
  response (Django's SecurityMiddleware already sends nosniff, COOP and HSTS), and
  ``Cache-Control: no-store`` + ``X-Robots-Tag: noindex`` on *private* responses. Reader pages
  get ``Referrer-Policy: no-referrer``; pages with a form and the admin get ``same-origin``,
  because browsers send ``Origin: null`` with POSTs from a no-referrer page and the CSRF check
  refuses it (found in Chromium). Neither policy tells another site anything.

A response is private when it answers a POST, when a CSRF token was put into it (so it carries
a POST form: the story form, the receipt check, a vacancy's application form), when its view
already said ``no-store``, when it comes from the admin, or when a view marks it explicitly with
``response.polyphony_private = True`` (e.g. a thank-you page after an application). Such pages
must not stay in a shared computer's cache or a proxy, and must not be indexed, except a page
that is there to be found and only carries a form (an open vacancy with its JobPosting data and
application form): its view sets ``response.polyphony_indexable = True`` for GET.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.urls import reverse
from django.utils.cache import add_never_cache_headers

from cms.core.edge_cache import apply_cache_policy

# Everything a page could ask the browser for, denied (only features Chromium recognises: an
# unknown one costs a console warning on every page). clipboard-write stays at its default
# ("self"): the campaigns' "copy the account number" button uses it.
PERMISSIONS_DENIED = (
    "accelerometer",
    "autoplay",
    "browsing-topics",
    "camera",
    "display-capture",
    "encrypted-media",
    "fullscreen",
    "gamepad",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "interest-cohort",
    "local-fonts",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "picture-in-picture",
    "publickey-credentials-get",
    "screen-wake-lock",
    "serial",
    "usb",
    "xr-spatial-tracking",
)
PERMISSIONS_POLICY = ", ".join(f"{feature}=()" for feature in PERMISSIONS_DENIED)


def admin_prefix():
    """Where cms/urls.py mounts the Wagtail admin: moving it there moves every check with it."""
    return reverse("wagtailadmin_home")


def is_admin_path(request):
    return request.path_info.startswith(admin_prefix())


class PolyphonyCSPMiddleware(CSPMiddleware):
    """django-csp with a second, looser policy for the Wagtail admin only."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if report_only:
            return parts
        if is_preview(request):
            # The public page as the editor's preview panel frames it: the public policy, but
            # framed by the admin (same origin).
            replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
            return PolicyParts(parts.config, parts.update, replace, parts.nonce)
        if not is_admin_path(request):
            return parts
        # A nonce in the header would make browsers ignore 'unsafe-inline', which the admin
        # needs; the admin policy has no nonce placeholder, so none is sent.
        return PolicyParts(
            config=settings.POLYPHONY_ADMIN_CSP, update=parts.update, replace=parts.replace
        )


def is_preview(request):
    """Wagtail renders previews by running a dummy request for the page's public URL through
    the whole middleware chain (PreviewableMixin.make_preview_request), flagged is_dummy."""
    return getattr(request, "is_dummy", False)


def is_private(request, response):
    if getattr(response, "polyphony_private", False) or is_preview(request):
        return True
    if request.method == "POST" or is_admin_path(request):
        return True
    # get_token() was called while rendering: the page carries a CSRF-protected form. This
    # middleware runs before CsrfViewMiddleware's response phase, which resets the flag.
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return True
    return "no-store" in response.get("Cache-Control", "")


def is_indexable(request, response):
    # A preview runs the same view: drafts are never for search engines.
    return (
        getattr(response, "polyphony_indexable", False)
        and request.method in ("GET", "HEAD")
        and not is_preview(request)
    )


class SecurityHeadersMiddleware:
    """Listed after CsrfViewMiddleware so that it sees the response first (see is_private)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if is_private(request, response):
            add_never_cache_headers(response)
            if not is_indexable(request, response):
                response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
            # Under "no-referrer" browsers send `Origin: null` with a form's POST, which
            # Django's CSRF check rightly refuses; "same-origin" still tells no other site.
            response["Referrer-Policy"] = "same-origin"
        else:
            response["Referrer-Policy"] = "no-referrer"
            apply_cache_policy(request, response)
        return response
