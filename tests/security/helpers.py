"""Signing in as a browser does: the real login form, a plain Client (no 2FA shortcut)."""

import re

from django.test import Client
from django_otp.oath import totp

from tests.builders import PASSWORD

CODE = re.compile(r"<code>([a-z2-7]{8})</code>")


def sign_in(username, password=PASSWORD, client=None, **extra):
    client = client or Client()
    response = client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )
    return client, response


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"
