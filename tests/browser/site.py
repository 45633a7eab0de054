"""Building the demo site for browser tests and screenshots, and what the journeys share: signing
in as a staff member, answering the captcha, making a photo."""

import io

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.core.cache import cache
from django.core.management import call_command

from tests.builders import PASSWORD, build_world

# Debian's Chromium, headless, quiet: no GPU, no background requests to Google's services.
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

__all__ = [
    "LAUNCH_ARGS",
    "PASSWORD",
    "build_demo",
    "captcha_answer",
    "flush",
    "jpeg_file",
    "load_demo",
    "sign_in",
]


def load_demo():
    """The world of the other tests plus the demo content of every app (the same builders as
    `make run`), so journeys walk the pages a visitor of the demo site sees."""
    # A transactional test that ran before may have left the database flushed, and its flush may
    # have stopped before Django re-created the content types and permissions.
    for config in apps.get_app_configs():
        create_contenttypes(config, verbosity=0)
        create_permissions(config, verbosity=0)
    # Rate-limit counters of earlier tests (same process, same 127.0.0.1) must not count here.
    cache.clear()
    build_world()
    call_command("load_demo_content", verbosity=0)


def build_demo():
    """load_demo() with the world's password for every user, as the journeys sign in with it:
    what tests/dbtemplates.py keeps as the demo template."""
    from django.test.utils import override_settings

    with override_settings(DEMO_PASSWORD=PASSWORD):
        load_demo()


def flush():
    """Empty the database as a transactional test does when it ends, without cms's post_migrate
    role sync: it runs before Django re-creates the permissions the flush deleted, and fails.
    Whoever uses the database next builds its world again (build_world syncs the roles)."""
    from django.db.models.signals import post_migrate

    from cms.core.sync import sync_after_migrate

    sender = apps.get_app_config("cms")
    post_migrate.disconnect(sync_after_migrate, sender=sender)
    try:
        call_command("flush", interactive=False, verbosity=0)
    finally:
        post_migrate.connect(sync_after_migrate, sender=sender)


def sign_in(page, base_url, username, password=PASSWORD):
    """Sign in to the admin through its login form, as a person does: password, then (where staff
    two-factor authentication is installed) a code from the authenticator app."""
    device = _authenticator_app(username)
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").first.click()
    page.wait_for_url(lambda url: "/admin/login/" not in url)
    if "/two-factor/" in page.url:
        assert device is not None, f"{username} was asked for a code but has no device"
        page.fill("#id_token", _current_code(device))
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url(lambda url: "/two-factor/" not in url)


def _authenticator_app(username):
    """The user's confirmed TOTP device, created as if they had enrolled their phone earlier."""
    if not apps.is_installed("django_otp.plugins.otp_totp"):
        return None
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = get_user_model().objects.get(username=username)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Phone", confirmed=True)


def _current_code(device):
    """What the phone shows now. A code is accepted once: if this user already signed in during
    this time step, wait for the next one, as a person would."""
    import time

    from django_otp.oath import totp

    device.refresh_from_db()
    step = int((time.time() - device.t0) // device.step)
    if device.last_t is not None and device.last_t >= step:
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.5)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def captcha_answer(page):
    """The answer to the captcha shown on `page`: the one shortcut these journeys take, since a
    person reads the picture (or listens to it) and a test cannot."""
    from captcha.models import CaptchaStore

    hashkey = page.locator("input[name=captcha_0]").input_value()
    return CaptchaStore.objects.get(hashkey=hashkey).response


def jpeg_file(path, *, colour=(180, 40, 40), size=(640, 480)):
    """A real JPEG photo on disk, as a contributor would pick from their files."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG", quality=85)
    path.write_bytes(buffer.getvalue())
    return path
