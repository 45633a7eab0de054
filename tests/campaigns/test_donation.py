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


def amount_links(content):
    return re.findall(r'<a href="\?amount=([^"#]+)#donate-\d+" rel="nofollow"', content)


def test_eur_account_shows_one_epc_code_for_the_amount_the_reader_picks(
    make_campaign,
    eur_account,
    client,
    zbarimg,
    tmp_path,
):
    page = make_campaign(body=[donation(eur_account)])

    def epc(amount):
        return epc_payload(
            name="Polyphony & Friends e.V.",
            iban=IBAN,
            bic="COBADEFFXXX",
            amount=amount,
            remittance=REMITTANCE,
        )

    first = html(client.get(page.url))
    # One code: by default the open amount (the donor decides), with links to the presets.
    assert decoded(zbarimg, first, tmp_path) == [epc(None)]
    assert amount_links(first) == ["10", "25", "50.50", "any"]
    assert "Any amount (EUR)" in first
    for key, amount in [("25", Decimal("25")), ("50.50", Decimal("50.50")), ("any", None)]:
        # Following a link (no JavaScript) re-renders the page with that amount's code only.
        content = html(client.get(page.url, {"amount": key}))
        assert decoded(zbarimg, content, tmp_path) == [epc(amount)], key
        assert f'data-amount="{key}" aria-current="true"' in content
    picked = html(client.get(page.url, {"amount": "10"}))
    assert "10.00\xa0EUR" in picked or "10\xa0EUR" in picked
    assert 'data-code-currency="EUR"' in picked
    # The holder's "&" is escaped for HTML but reached the payload as it is.
    assert epc(Decimal("10")).split("\n")[5] == "Polyphony & Friends e.V."
    assert "Spende 'Freiheit' fuer alle" in epc(Decimal("10"))
    # An amount the block does not offer is not a payment request: the default code is shown.
    assert decoded(zbarimg, html(client.get(page.url, {"amount": "9999"})), tmp_path) == [epc(None)]


def test_czk_account_shows_only_qr_platba_codes_never_a_euro_code(
    make_campaign,
    czk_account,
    client,
    zbarimg,
    tmp_path,
):
    page = make_campaign(body=[donation(czk_account, amounts=["500"], remittance="Dar Hlas")])

    def spd(amount):
        return spd_payload(
            iban=CZ_IBAN,
            bic="GIBACZPX",
            amount=amount,
            currency="CZK",
            name="Spolek Hlas",
            message="Dar Hlas",
        )

    default = html(client.get(page.url))
    chosen = html(client.get(page.url, {"amount": "500"}))
    assert decoded(zbarimg, default, tmp_path) == [spd(None)]
    assert decoded(zbarimg, chosen, tmp_path) == [spd(Decimal("500"))]
    assert payload_encoding(spd(None)) == "iso8859-1"
    assert "500\xa0CZK" in chosen and "QR Platba (Czech banks)" in chosen
    assert "EUR" not in re.sub(
        r"<svg .*?</svg>", "", chosen.split('class="donation"')[1], flags=re.S
    )


def test_two_accounts_on_one_page_each_show_one_code_in_their_currency(
    make_campaign, eur_account, czk_account, client, zbarimg, tmp_path
):
    page = make_campaign(
        body=[
            donation(eur_account, amounts=["10", "25"], open_amount=False),
            donation(czk_account, amounts=["500", "1000"], remittance="Dar Hlas"),
        ]
    )
    content = html(client.get(page.url, {"amount": "25"}))
    payloads = decoded(zbarimg, content, tmp_path)
    assert len(payloads) == 2
    assert payloads[0].startswith("BCD") and "EUR25" in payloads[0]
    # 25 is not one of the koruna account's amounts: it keeps its default (the open amount).
    assert payloads[1].startswith("SPD*") and "*AM:" not in payloads[1]
    assert re.findall(r'data-code-currency="(\w+)"', content) == ["EUR", "CZK"]
    # Without an amount chosen, a block without an open amount shows its first preset.
    assert "EUR10" in decoded(zbarimg, html(client.get(page.url)), tmp_path)[0]


def test_iban_and_bic_are_printed_as_selectable_text(make_campaign, eur_account, client):
    content = html(client.get(make_campaign(body=[donation(eur_account)]).url))
    assert '<code class="donation__iban" data-copy="DE89370400440532013000">' in content
    assert "DE89 3704 0044 0532 0130 00</code>" in content
    assert '<code data-copy="COBADEFFXXX">COBADEFFXXX</code>' in content
    assert "<dd>Polyphony &amp; Friends e.V.</dd>" in content
    # The copy buttons are an enhancement: the script only adds them, nothing depends on it.
    assert "<button" not in content


def test_codes_have_an_accessible_label_in_the_readers_language(make_campaign, eur_account, client):
    page = make_campaign(body=[donation(eur_account, amounts=["1234.5"], open_amount=True)])
    ru = translate(page, "ru")
    picked = {"amount": "1234.50"}
    en_labels = re.findall(r'<svg [^>]*aria-label="([^"]+)"', html(client.get(page.url, picked)))
    assert en_labels[0] == (
        "QR code for a bank transfer of 1,234.50 EUR to Polyphony &amp; Friends e.V. "
        "(EPC QR code (SEPA))"
    )
    assert (
        "an amount you choose"
        in re.findall(
            r'<svg [^>]*aria-label="([^"]+)"', html(client.get(page.url, {"amount": "any"}))
        )[0]
    )
    ru_labels = re.findall(r'<svg [^>]*aria-label="([^"]+)"', html(client.get(ru.url, picked)))
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
