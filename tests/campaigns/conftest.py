"""Builders for campaign tests: bank accounts, a campaign with a body, and its translations."""

import json
import uuid

import pytest
from django.test import TestCase
from django.utils import translation

from campaigns.models import BankAccount, CampaignPage
from cms.core.demo import translate_page
from tests.builders import make_page

# The zbar command-line reader, for tests that decode the QR codes a page shows.
from tests.campaigns.test_payments import zbarimg  # noqa: F401

IBAN = "DE89370400440532013000"
CZ_IBAN = "CZ6508000000192000145399"


def block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def items(values):
    """A ListBlock's stored form."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


@pytest.fixture
def eur_account(db):
    return BankAccount.objects.create(
        label="Main",
        holder_name="Polyphony & Friends e.V.",
        iban=IBAN,
        bic="COBADEFFXXX",
        currency="EUR",
    )


@pytest.fixture
def czk_account(db):
    return BankAccount.objects.create(
        label="Czech", holder_name="Spolek Hlas", iban=CZ_IBAN, bic="GIBACZPX", currency="CZK"
    )


@pytest.fixture
def make_campaign(world):
    def make(title="Free them all", *, body=(), language="en", publish=True, **fields):
        fields.setdefault("standfirst", f"{title}: what we demand.")
        fields.setdefault("slug", title.lower().replace(" ", "-"))
        return make_page(
            world.sections["campaigns"][language],
            CampaignPage,
            title,
            user=world.users["admin"],
            publish=publish,
            body=json.dumps(list(body)),
            **fields,
        )

    return make


def translate(page, language, strings=None, *, publish=True):
    """A live wagtail-localize translation of `page` (the demo's own helper)."""
    # wagtail-localize publishes on commit, and a test's transaction never commits.
    with translation.override("en"), TestCase.captureOnCommitCallbacks(execute=True):
        translated = translate_page(page, language, strings or {}, publish=publish)
    translated.refresh_from_db()
    return translated


def html(response):
    assert response.status_code == 200, response.status_code
    return response.content.decode()
