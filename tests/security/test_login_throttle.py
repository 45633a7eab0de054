"""Staff sign-in throttling: a clear lockout in the user's language, before any password check."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from .helpers import sign_in

pytestmark = pytest.mark.django_db


def fail(username, times, **extra):
    for _ in range(times):
        _client, response = sign_in(username, password="wrong-password-0", **extra)
        assert response.status_code == 200  # the form again, with Wagtail's error


def test_after_five_failures_even_the_right_password_is_refused_with_a_clear_message(
    world, settings
):
    settings.STAFF_LOGIN_PER_ADDRESS = 5
    fail("moderator", 5)
    client, response = sign_in("moderator")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Too many failed sign-in attempts" in html
    assert "15 minutes" in html
    assert response["Retry-After"] == "900"
    # Not signed in: the admin still sends them to the login page.
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_the_lockout_is_per_account_and_address(world, settings):
    settings.STAFF_LOGIN_PER_ADDRESS = 3
    fail("moderator", 3, REMOTE_ADDR="198.51.100.7")
    _, locked = sign_in("moderator", REMOTE_ADDR="198.51.100.7")
    assert locked.status_code == 429
    # The owner elsewhere, and another account from the same place, can still sign in.
    _, elsewhere = sign_in("moderator", REMOTE_ADDR="203.0.113.9")
    assert elsewhere.status_code == 302
    _, other = sign_in("publisher", REMOTE_ADDR="198.51.100.7")
    assert other.status_code == 302


def test_a_spread_out_attack_on_one_account_is_capped_too(world, settings):
    settings.STAFF_LOGIN_PER_USERNAME = 4
    for number in range(4):
        fail("publisher", 1, REMOTE_ADDR=f"198.51.100.{number + 1}")
    _, response = sign_in("publisher", REMOTE_ADDR="203.0.113.50")
    assert response.status_code == 429


def test_successful_sign_ins_do_not_count(world, settings):
    settings.STAFF_LOGIN_PER_ADDRESS = 2
    TOTPDevice.objects.create(user=world.users["coordinator"], name="phone", confirmed=True)
    for _ in range(4):
        _, response = sign_in("coordinator")
        assert response.status_code == 302


def test_the_lockout_message_is_in_the_users_language(world, settings):
    settings.STAFF_LOGIN_PER_ADDRESS = 1
    fail("moderator", 1, HTTP_ACCEPT_LANGUAGE="ru")
    _, response = sign_in("moderator", HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 429
    assert "Слишком много неудачных попыток входа" in response.content.decode()
