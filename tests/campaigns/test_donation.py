"""The donation block as a banking app sees it: every QR code on the page, decoded by zbar,
is exactly the payload for its amount; the IBAN and BIC are printed beside the codes."""

import re
from decimal import Decimal

import pytest

from campaigns.blocks.donation import DonationBlock
from campaigns.payments import epc_payload, spd_payload
from campaigns.payments.render import payload_encoding
from tests.campaigns.test_payments import decode, svg_to_png

from .conftest import CZ_IBAN, IBAN, block, html, items, translate

REMITTANCE = "Spende «Freiheit» für alle"


def donation(account, amounts=("10", "25", "50.50"), open_amount=True, remittance=REMITTANCE):
    return block(
        "donation",
        {
            "heading": "Donate",
            "text": "",
            "account": account.pk,
            "amounts": items(list(amounts)),
            "open_amount": open_amount,
            "remittance": remittance,
        },
    )


def codes_on(content):
    return re.findall(r"<svg .*?</svg>", content, flags=re.S)


def decoded(zbar, content, tmp_path):
    payloads = []
    for number, svg in enumerate(codes_on(content)):
        png = tmp_path / f"code-{number}.png"
        svg_to_png(svg, png)
        raw = decode(zbar, png)
        # SPD is Latin-1, EPC declares UTF-8 in its third line.
        text = raw.decode("latin-1") if raw.startswith(b"SPD*") else raw.decode("utf-8")
        payloads.append(text.rstrip("\n"))
    return payloads


def test_eur_account_gets_an_epc_code_per_amount_and_one_for_an_open_amount(
    make_campaign,
    eur_account,
    client,
    zbarimg,
    tmp_path,
):
    page = make_campaign(body=[donation(eur_account)])
    content = html(client.get(page.url))

    def epc(amount):
        return epc_payload(
            name="Polyphony & Friends e.V.",
            iban=IBAN,
            bic="COBADEFFXXX",
            amount=amount,
            remittance=REMITTANCE,
        )

    expected = [epc(Decimal("10")), epc(Decimal("25")), epc(Decimal("50.50")), epc(None)]
    assert decoded(zbarimg, content, tmp_path) == expected
    # The holder's "&" is escaped for HTML but reached the payload as it is.
    assert expected[0].split("\n")[5] == "Polyphony & Friends e.V."
    assert "Spende 'Freiheit' fuer alle" in expected[0]
    assert not any(p.startswith("SPD*") for p in decoded(zbarimg, content, tmp_path))


def test_czk_account_gets_qr_platba_codes_and_an_amountless_sepa_code(
    make_campaign,
    czk_account,
    client,
    zbarimg,
    tmp_path,
):
    page = make_campaign(body=[donation(czk_account, amounts=["500"], remittance="Dar Hlas")])
    content = html(client.get(page.url))

    def spd(amount):
        return spd_payload(
            iban=CZ_IBAN,
            bic="GIBACZPX",
            amount=amount,
            currency="CZK",
            name="Spolek Hlas",
            message="Dar Hlas",
        )

    sepa_open = epc_payload(name="Spolek Hlas", iban=CZ_IBAN, bic="GIBACZPX", remittance="Dar Hlas")
    assert decoded(zbarimg, content, tmp_path) == [spd(Decimal("500")), spd(None), sepa_open]
    assert payload_encoding(spd(None)) == "iso8859-1"
    assert "500\xa0CZK" in content and "QR Platba (Czech banks)" in content


def test_iban_and_bic_are_printed_as_selectable_text(make_campaign, eur_account, client):
    content = html(client.get(make_campaign(body=[donation(eur_account)]).url))
    assert '<code class="donation__iban" data-copy="DE89370400440532013000">' in content
    assert "DE89 3704 0044 0532 0130 00</code>" in content
    assert '<code data-copy="COBADEFFXXX">COBADEFFXXX</code>' in content
    assert "<dd>Polyphony &amp; Friends e.V.</dd>" in content
    # The copy buttons are an enhancement: the script only adds them, nothing depends on it.
    assert "<button" not in content


def test_codes_have_an_accessible_label_in_the_readers_language(make_campaign, eur_account, client):
    page = make_campaign(body=[donation(eur_account, amounts=["1234.5"])])
    ru = translate(page, "ru")
    en_labels = re.findall(r'<svg [^>]*aria-label="([^"]+)"', html(client.get(page.url)))
    assert en_labels[0] == (
        "QR code for a bank transfer of 1,234.50 EUR to Polyphony &amp; Friends e.V. "
        "(EPC QR code (SEPA))"
    )
    assert "an amount you choose" in en_labels[1]
    ru_labels = re.findall(r'<svg [^>]*aria-label="([^"]+)"', html(client.get(ru.url)))
    assert ru_labels[0].startswith("QR-код для банковского перевода 1 234,50 EUR")


def test_the_block_refuses_a_remittance_that_would_overflow_the_code(eur_account):
    from django.core.exceptions import ValidationError

    eur_account.holder_name = "Я" * 70  # 140 bytes of the 331 an EPC code holds
    eur_account.save()
    block_ = DonationBlock()

    def value(remittance):
        raw = {"account": eur_account.pk, "amounts": ["10"], "open_amount": True}
        return block_.to_python(raw | {"remittance": remittance, "heading": "", "text": ""})

    assert block_.clean(value("Spende"))["remittance"] == "Spende"
    # 60 letters, each transliterated to "shch": cut to 140 SEPA characters, too many bytes.
    with pytest.raises(ValidationError) as error:
        block_.clean(value("щ" * 60))
    assert "bytes" in str(error.value.block_errors["remittance"])
