"""Staff sign-in throttling.

Wagtail's login view (Django's LoginView underneath) has no throttle of its own. This middleware
wraps it: before a POST to the login URL it checks two counters in cms.core.ratelimit, and after a
failed attempt it counts one:

- username + address (STAFF_LOGIN_PER_ADDRESS per window): someone guessing one password from
  one place; the real owner elsewhere can still sign in;
- username alone (STAFF_LOGIN_PER_USERNAME per window): a guesser spread over many addresses.

Both keys are HMACs under cms.core.ratelimit's daily secret: neither a username nor an address is
stored. A locked attempt is refused before the password is checked, with a 429 page in the
user's language that says for how long. Successful sign-ins are not counted.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.urls import reverse

from cms.core.ratelimit import RateLimiter, client_address

SCOPE_ADDRESS = "staff-login"
SCOPE_USERNAME = "staff-login-user"


def _window():
    return getattr(settings, "STAFF_LOGIN_WINDOW_SECONDS", 15 * 60)


def limiters():
    window = _window()
    global_cap = getattr(settings, "STAFF_LOGIN_GLOBAL_PER_MINUTE", 120)
    return (
        (
            SCOPE_ADDRESS,
            RateLimiter(
                cache,
                per_address=getattr(settings, "STAFF_LOGIN_PER_ADDRESS", 5),
                global_per_minute=global_cap,
                window_seconds=window,
            ),
        ),
        (
            SCOPE_USERNAME,
            RateLimiter(
                cache,
                per_address=getattr(settings, "STAFF_LOGIN_PER_USERNAME", 20),
                global_per_minute=global_cap,
                window_seconds=window,
            ),
        ),
    )


def _keys(request):
    username = (request.POST.get("username") or "").strip().lower()[:150]
    address = client_address(request) or "onion"
    return {SCOPE_ADDRESS: f"{username}\x00{address}", SCOPE_USERNAME: username}


class LoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path_info != reverse("wagtailadmin_login"):
            return self.get_response(request)
        keys = _keys(request)
        pairs = limiters()
        if not all(limiter.check(scope, keys[scope]) for scope, limiter in pairs):
            return self.locked(request)
        response = self.get_response(request)
        if not request.user.is_authenticated:
            for scope, limiter in pairs:
                limiter.hit(scope, keys[scope])
        return response

    def locked(self, request):
        minutes = max(1, _window() // 60)
        response = TemplateResponse(
            request, "cms/security/login_locked.html", {"minutes": minutes}, status=429
        )
        response["Retry-After"] = str(_window())
        # Returned by a middleware, so nothing else would render it.
        return response.render()
