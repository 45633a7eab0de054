"""The donation block: a bank account, its preset amounts and an open amount, and ONE QR code.

Eight look-alike codes side by side made readers guess which one to scan. The block shows one
code, for the amount the reader picked from a row of links (`?amount=25`, a query parameter the
campaign page declares, so the fragment and edge caches key on it; no JavaScript needed). The
default is the open amount if the block offers it, else the first preset.

EUR accounts get an EPC ("GiroCode") code, CZK accounts a Czech QR Platba (SPD) code: an EPC
code always means euros, so a koruna account never shows one (../shared/specs/payment-qr.md).
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


ANY = "any"  # the query value of the open amount


def code_kind(account):
    return SPD if account.currency == "CZK" else EPC


def planned_codes(account, amounts, open_amount):
    """(kind, amount) for every code the block can show, in the order the choices are listed."""
    kind = code_kind(account)
    codes = [(kind, amount) for amount in amounts]
    if open_amount:
        codes.append((kind, None))
    return codes


def amount_key(amount):
    """The query value of a preset amount (10, 50.50) or of the open amount."""
    if amount is None:
        return ANY
    return format(amount.normalize(), "f") if amount == amount.to_integral() else f"{amount:.2f}"


def chosen(codes, requested):
    """The (kind, amount) the reader asked for, if it is one of the block's; else the default:
    the open amount when offered (the donor decides), otherwise the first preset."""
    for code in codes:
        if amount_key(code[1]) == requested:
            return code
    open_codes = [code for code in codes if code[1] is None]
    return open_codes[0] if open_codes else (codes[0] if codes else None)


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
        request = (parent_context or {}).get("request")
        requested = request.GET.get("amount", "")[:20] if request is not None else ""
        choices, code = [], None
        if account is not None:
            planned = planned_codes(account, value["amounts"], value["open_amount"])
            current = chosen(planned, requested)
            for kind, amount in planned:
                choices.append(
                    {
                        "amount": amount,
                        "key": amount_key(amount),
                        "current": (kind, amount) == current,
                    }
                )
            if current is not None:
                code = self._code(current, account, value["remittance"])
        # The reference as the bank will receive it (what the codes carry), for manual transfers.
        reference = to_sepa(value["remittance"] or "")[:MAX_REMITTANCE_LENGTH].rstrip()
        context.update(
            account=account,
            code=code,
            codes=[code] if code else [],
            choices=choices if len(choices) > 1 else [],
            currency=account.currency if account is not None else "",
            spd=SPD,
            reference=reference,
        )
        return context

    @staticmethod
    def _code(planned, account, remittance):
        kind, amount = planned
        try:
            svg = qr_svg(
                payload(kind, account, amount, remittance), label=code_label(kind, account, amount)
            )
        except PaymentPayloadError:
            return None  # clean() refuses this when saving; an old revision may still hold it
        return {"kind": kind, "amount": amount, "currency": account.currency, "svg": svg}
