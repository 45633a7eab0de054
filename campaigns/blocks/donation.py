"""The donation block: a bank account, preset amounts and an open amount, each as a QR code.

EUR accounts get an EPC ("GiroCode") code per amount. CZK accounts get a Czech QR Platba (SPD)
code per amount, plus one EPC code without an amount for donors paying from a euro account:
an EPC code always means euros, so putting a koruna amount in one would ask for the wrong sum.
The account comes from a snippet and goes into the payload as saved, never HTML-escaped.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock

from campaigns.formatting import format_money
from campaigns.payments import PaymentPayloadError, epc_payload, qr_svg, spd_payload, to_sepa
from campaigns.payments.epc import MAX_REMITTANCE_LENGTH

EPC = "epc"
SPD = "spd"


def payload(kind, account, amount, remittance):
    """The text of one payment code; ``amount`` None means the donor chooses."""
    if kind == SPD:
        return spd_payload(
            iban=account.iban,
            bic=account.bic,
            amount=amount,
            currency=account.currency,
            name=account.holder_name,
            message=remittance,
        )
    return epc_payload(
        name=account.holder_name,
        iban=account.iban,
        bic=account.bic,
        amount=amount,
        remittance=remittance,
    )


def planned_codes(account, amounts, open_amount):
    """(kind, amount) for every code the block shows, in reading order."""
    kind = SPD if account.currency == "CZK" else EPC
    codes = [(kind, amount) for amount in amounts]
    if open_amount:
        codes.append((kind, None))
    if kind == SPD:
        codes.append((EPC, None))
    return codes


def code_label(kind, account, amount):
    """What a screen reader announces for one code, in the reader's language."""
    if amount is None:
        text = _("QR code for a bank transfer of an amount you choose to %(holder)s") % {
            "holder": account.holder_name
        }
    else:
        text = _("QR code for a bank transfer of %(amount)s to %(holder)s") % {
            "amount": format_money(amount, account.currency),
            "holder": account.holder_name,
        }
    scheme = _("QR Platba, for Czech banking apps") if kind == SPD else _("EPC QR code (SEPA)")
    return f"{text} ({scheme})"


class DonationBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    text = blocks.TextBlock(required=False)
    account = SnippetChooserBlock("campaigns.BankAccount")
    amounts = blocks.ListBlock(
        blocks.DecimalBlock(min_value=Decimal("1"), max_digits=11, decimal_places=2),
        default=[],
        help_text="Preset amounts in the account's currency. Each gets its own QR code.",
    )
    open_amount = blocks.BooleanBlock(
        required=False, default=True, help_text="Also show a code where the donor types the sum."
    )
    remittance = blocks.CharBlock(
        required=False,
        max_length=60,
        help_text=(
            "The payment reference, e.g. 'Donation Free them'. Banks accept only plain Latin "
            "letters, digits and a few signs: anything else is transliterated in the code."
        ),
    )

    class Meta:
        icon = "form"
        template = "components/blocks/campaigns_donation.html"
        description = "Bank details with a QR code per amount, for banking apps to scan."

    def clean(self, value):
        value = super().clean(value)
        account = value.get("account")
        if account is not None:
            for kind, amount in planned_codes(account, value["amounts"], value["open_amount"]):
                try:
                    qr_svg(payload(kind, account, amount, value["remittance"]), label="check")
                except PaymentPayloadError as error:
                    raise StructBlockValidationError(
                        block_errors={"remittance": ValidationError(str(error))}
                    ) from error
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        account = value.get("account")
        codes = []
        if account is not None:
            for kind, amount in planned_codes(account, value["amounts"], value["open_amount"]):
                try:
                    svg = qr_svg(
                        payload(kind, account, amount, value["remittance"]),
                        label=code_label(kind, account, amount),
                    )
                except PaymentPayloadError:
                    continue  # clean() refuses this when saving; an old revision may still hold it
                codes.append(
                    {
                        "kind": kind,
                        "amount": amount,
                        "currency": "EUR" if kind == EPC else account.currency,
                        "svg": svg,
                    }
                )
        # The reference as the bank will receive it (what the codes carry), for manual transfers.
        reference = to_sepa(value["remittance"] or "")[:MAX_REMITTANCE_LENGTH].rstrip()
        context.update(account=account, codes=codes, spd=SPD, reference=reference)
        return context
