"""The devices a staff member can prove their identity with: one authenticator app (TOTP) and
one sheet of single-use recovery codes (django_otp's static plugin)."""

from base64 import b32encode

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

TOTP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"
RECOVERY_CODE_COUNT = 10


def can_access_admin(user):
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def confirmed_totp(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def has_confirmed_device(user):
    return (
        TOTPDevice.objects.filter(user=user, confirmed=True).exists()
        or StaticDevice.objects.filter(user=user, confirmed=True, token_set__isnull=False).exists()
    )


def pending_totp(user):
    """The unconfirmed device being enrolled: the same secret on every reload of the page, so
    the QR code someone has already scanned stays valid until they confirm it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def secret_text(device):
    """The base32 secret, in groups of four, for typing into an app without a camera."""
    secret = b32encode(device.bin_key).decode("ascii")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@transaction.atomic
def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones and return them (shown once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def remove_all_devices(user):
    """What an administrator's reset does: the user must enrol again at next sign-in."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    return removed
