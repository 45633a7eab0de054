"""Keeps every admin page closed until the staff member has passed a second factor.

Runs after django_otp's OTPMiddleware (which sets ``request.user.is_verified()``). Only the
paths needed to get verified stay open: sign-in, sign-out, password reset (before sign-in, so
nothing to protect yet), and our own enrol/verify pages. Wagtail's own login redirect handles
people who are not signed in at all. Elsewhere on the site such a session counts as anonymous.
"""

from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from ..headers import admin_prefix
from .devices import can_access_admin, has_confirmed_device


def _open_paths():
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("wagtailadmin_password_reset"),
        # Assets the enrol/verify pages themselves load; they reveal nothing.
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtailadmin_sprite"),
        reverse("polyphony_otp_enrol"),
        reverse("polyphony_otp_verify"),
    )


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        prefix = admin_prefix()
        path = request.path_info
        if not path.startswith(prefix):
            if can_access_admin(request.user) and not request.user.is_verified():
                # Outside the admin, a staff session without its second factor is nobody:
                # login-restricted pages and documents stay closed to a stolen password.
                request.user = AnonymousUser()
        elif not path.startswith(_open_paths()):
            user = request.user
            if can_access_admin(user) and not user.is_verified():
                target = (
                    "polyphony_otp_verify" if has_confirmed_device(user) else "polyphony_otp_enrol"
                )
                return redirect(
                    reverse(target) + "?" + urlencode({"next": request.get_full_path()})
                )
        return self.get_response(request)
