"""Bank accounts and partner organisations in the admin: validation a publisher sees when
saving, and who may manage or merely choose them."""

import pytest
from django.urls import reverse

from campaigns.models import BankAccount

ADD_URL = "/admin/snippets/campaigns/bankaccount/add/"


def post_account(client, **fields):
    data = {
        "label": "Main",
        "holder_name": "Polyphony e.V.",
        "iban": "de89 3704 0044 0532 0130 00",
        "bic": "cobadeffxxx",
        "currency": "EUR",
    }
    return client.post(ADD_URL, data | fields)


def test_a_valid_account_is_saved_in_compact_form(client, users):
    client.force_login(users["publisher"])
    response = post_account(client)
    assert response.status_code == 302
    account = BankAccount.objects.get()
    assert (account.iban, account.bic) == ("DE89370400440532013000", "COBADEFFXXX")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"iban": "DE89370400440532013001"}, "This is not a valid IBAN"),
        ({"iban": "XX00"}, "This is not a valid IBAN"),
        ({"bic": "COBADE"}, "This is not a valid BIC"),
        ({"holder_name": "Spolek Hlas, z. s., Praha – Nové Město a okolí", "currency": "CZK",
          "iban": "CZ6508000000192000145399", "bic": ""}, "at most 35"),
    ],
)  # fmt: skip
def test_invalid_details_are_refused_with_the_reason_on_the_field(client, users, fields, message):
    client.force_login(users["publisher"])
    response = post_account(client, **fields)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BankAccount.objects.exists()


def test_holder_name_help_says_never_translate(client, users):
    client.force_login(users["publisher"])
    assert "Never translate" in client.get(ADD_URL).content.decode()


def test_submitters_may_choose_accounts_but_not_create_or_change_them(client, users):
    account = BankAccount.objects.create(
        label="Main", holder_name="P", iban="DE89370400440532013000", currency="EUR"
    )
    client.force_login(users["submitter"])
    assert post_account(client).status_code in (302, 403)
    assert BankAccount.objects.count() == 1
    chooser = reverse("wagtailsnippetchoosers_campaigns_bankaccount:choose")
    response = client.get(chooser)
    assert response.status_code == 200 and "Main" in response.content.decode()
    edit = f"/admin/snippets/campaigns/bankaccount/edit/{account.pk}/"
    client.post(edit, {"label": "Mine", "holder_name": "X", "iban": account.iban})
    account.refresh_from_db()
    assert account.label == "Main"


def test_translators_cannot_see_bank_accounts(client, users):
    client.force_login(users["translator_ru"])
    response = client.get("/admin/snippets/campaigns/bankaccount/")
    assert response.status_code in (302, 403)
