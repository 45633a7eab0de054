"""Two-factor authentication for staff, over HTTP with the real login form."""

import time
from io import StringIO

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .helpers import CODE, current_code, sign_in

pytestmark = pytest.mark.django_db


def enrolled(user):
    """A staff member who already set up an app and has recovery codes."""
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    codes = StaticDevice.objects.create(user=user, name="codes", confirmed=True)
    StaticToken.objects.create(device=codes, token="abcd2345")
    return device


def test_signed_in_staff_without_a_device_must_enrol_before_any_admin_page(world):
    client, response = sign_in("moderator")
    assert response.status_code == 302
    for path in ("/admin/", "/admin/pages/", "/admin/reports/site-history/"):
        blocked = client.get(path)
        assert blocked.status_code == 302, path
        assert blocked["Location"].startswith("/admin/two-factor/enrol/")


def test_enrolment_with_a_real_code_opens_the_admin_and_shows_recovery_codes(world):
    user = world.users["moderator"]
    client, _ = sign_in("moderator")
    page = client.get("/admin/two-factor/enrol/?next=/admin/pages/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "<svg" in html  # the QR code, inline: nothing loaded from elsewhere
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    from cms.core.security.otp.devices import secret_text

    assert secret_text(device) in html

    wrong = client.post("/admin/two-factor/enrol/", {"token": "000000", "next": "/admin/pages/"})
    assert "not right" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    assert not device.confirmed
    time.sleep(1.1)  # django-otp's back-off after one wrong code is one second

    done = client.post(
        "/admin/two-factor/enrol/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert done.status_code == 200
    codes = CODE.findall(done.content.decode())
    assert len(codes) == 10
    assert "no-store" in done["Cache-Control"]
    device.refresh_from_db()
    assert device.confirmed
    assert sorted(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    ) == (sorted(codes))
    assert client.get("/admin/").status_code == 200


def test_enrolled_staff_must_verify_and_cannot_enrol_a_second_device(world):
    user = world.users["publisher"]
    device = enrolled(user)
    client, _ = sign_in("publisher")
    response = client.get("/admin/pages/")
    assert response["Location"].startswith("/admin/two-factor/verify/")
    # Knowing only the password does not let anyone replace the owner's device.
    assert client.get("/admin/two-factor/enrol/")["Location"].startswith(
        "/admin/two-factor/verify/"
    )
    assert TOTPDevice.objects.filter(user=user).count() == 1

    ok = client.post(
        "/admin/two-factor/verify/", {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert ok.status_code == 302 and ok["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_wrong_codes_are_throttled(world):
    user = world.users["publisher"]
    device = enrolled(user)
    client, _ = sign_in("publisher")
    client.post("/admin/two-factor/verify/", {"token": "000000"})
    # Right after a failure even the right code is refused: django-otp's back-off.
    throttled = client.post("/admin/two-factor/verify/", {"token": current_code(device)})
    assert "Too many wrong codes" in throttled.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_recovery_code_works_once(world):
    user = world.users["coordinator"]
    enrolled(user)
    client, _ = sign_in("coordinator")
    first = client.post("/admin/two-factor/verify/", {"token": "ABCD 2345", "next": "/admin/"})
    assert first.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(device__user=user).exists()

    again, _ = sign_in("coordinator")
    second = again.post("/admin/two-factor/verify/", {"token": "abcd2345", "next": "/admin/"})
    assert second.status_code == 200
    assert "not right" in second.content.decode()
    assert again.get("/admin/").status_code == 302


def test_reset_command_makes_the_user_enrol_again(world):
    user = world.users["translator_ru"]
    enrolled(user)
    out = StringIO()
    call_command("reset_2fa", "translator_ru", stdout=out)
    assert "translator_ru" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    client, _ = sign_in("translator_ru")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/enrol/")


def test_a_session_verified_with_a_device_that_was_reset_is_closed_again(world):
    user = world.users["publisher"]
    device = enrolled(user)
    client, _ = sign_in("publisher")
    client.post("/admin/two-factor/verify/", {"token": current_code(device)})
    assert client.get("/admin/").status_code == 200
    call_command("reset_2fa", "publisher", stdout=StringIO())
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/enrol/")


def test_reset_command_refuses_an_unknown_user(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("reset_2fa", "nobody-here", stdout=StringIO())


def test_the_enrol_page_can_load_the_admins_own_scripts(world):
    client, _ = sign_in("moderator")
    assert client.get("/admin/jsi18n/").status_code == 200
    assert client.get("/admin/pages/").status_code == 302


def test_outside_the_admin_an_unverified_staff_session_is_anonymous(world):
    from wagtail.models import PageViewRestriction

    home = world.homes["en"]
    PageViewRestriction.objects.create(page=home, restriction_type=PageViewRestriction.LOGIN)
    client, _ = sign_in("moderator")
    response = client.get("/en/")
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(world.users["moderator"])  # the suite's verified sign-in
    assert client.get("/en/").status_code == 200
