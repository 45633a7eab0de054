"""Enrolment (scan a QR code, confirm one code, receive recovery codes) and verification (a code
from the app or a recovery code) for staff. Both live under /admin/two-factor/ and are the only
admin pages open to a signed-in but unverified staff member (middleware.py)."""

from datetime import UTC, datetime

import segno
from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from .devices import (
    confirmed_totp,
    has_confirmed_device,
    new_recovery_codes,
    pending_totp,
    secret_text,
)
from .forms import TokenForm, is_totp_code


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _throttled_message(info):
    locked_until = (info or {}).get("locked_until")
    seconds = 30
    if locked_until is not None:
        seconds = max(1, int((locked_until - datetime.now(UTC)).total_seconds()) + 1)
    return ngettext(
        "Too many wrong codes. Please wait %(seconds)d second and try again.",
        "Too many wrong codes. Please wait %(seconds)d seconds and try again.",
        seconds,
    ) % {"seconds": seconds}


def enrol(request):
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if has_confirmed_device(user):
        # Someone who only knows the password must not replace the real owner's device.
        return redirect(
            reverse("polyphony_otp_verify") + "?" + urlencode({"next": _next_url(request)})
        )
    device = pending_totp(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            device = TOTPDevice.objects.select_for_update().get(pk=device.pk)
            allowed, info = device.verify_is_allowed()
            if not allowed:
                form.add_error("token", _throttled_message(info))
            elif device.verify_token(form.cleaned_data["token"]):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_recovery_codes(user)
                otp_login(request, device)
                return TemplateResponse(
                    request,
                    "cms/security/recovery_codes.html",
                    {"codes": codes, "next": _next_url(request)},
                )
            else:
                form.add_error("token", _("That code is not right. Check the clock of your phone."))
    qr = segno.make(device.config_url, error="m")
    context = {
        "form": form,
        "qr_svg": qr.svg_inline(scale=5, title=_("QR code for your authenticator app")),
        "secret": secret_text(device),
        "next": _next_url(request),
    }
    return TemplateResponse(request, "cms/security/enrol.html", context)


def verify(request):
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    if not has_confirmed_device(user):
        return redirect(
            reverse("polyphony_otp_enrol") + "?" + urlencode({"next": _next_url(request)})
        )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"]
        if is_totp_code(token):
            device = confirmed_totp(user)
        else:
            device = StaticDevice.objects.filter(user=user, confirmed=True).first()
        allowed, info = device.verify_is_allowed() if device else (True, None)
        if not allowed:
            form.add_error("token", _throttled_message(info))
        else:
            verified = device and verify_token(user, device.persistent_id, token)
            if verified:
                otp_login(request, verified)
                if isinstance(verified, StaticDevice):
                    left = verified.token_set.count()
                    messages.warning(
                        request,
                        ngettext(
                            "You signed in with a recovery code. %(count)d code is left: ask "
                            "an administrator to reset your two-factor authentication soon.",
                            "You signed in with a recovery code. %(count)d codes are left: ask "
                            "an administrator to reset your two-factor authentication soon.",
                            left,
                        )
                        % {"count": left},
                    )
                return redirect(_next_url(request))
            form.add_error("token", _("That code is not right."))
    return TemplateResponse(
        request, "cms/security/verify.html", {"form": form, "next": _next_url(request)}
    )
