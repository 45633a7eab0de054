"""EPC QR code payloads ("GiroCode"): EPC069-12 version 2.1, SEPA credit transfer.

See shared/specs/payment-qr.md. The payload is built by hand because segno's
``helpers.make_epc_qr`` cannot make an open-amount code, which is what most donation pages need.
"""

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban
from stdnum import iso11649
from stdnum.exceptions import ValidationError

from .sepa import PaymentPayloadError, to_sepa

# QR version 13 at error correction level M holds 331 bytes: the EPC limit.
MAX_PAYLOAD_BYTES = 331
MAX_NAME_LENGTH = 70
MAX_REMITTANCE_LENGTH = 140
MAX_NOTE_LENGTH = 70
MIN_AMOUNT = Decimal("0.01")
MAX_AMOUNT = Decimal("999999999.99")
CENT = Decimal("0.01")

_PURPOSE = re.compile(r"[A-Z]{4}")


def _check_line(value: str, field: str) -> str:
    """Refuse control characters: a line break would shift every later element."""
    # Otherwise a name like "X\nDE89..." could smuggle in a different IBAN.
    if any(unicodedata.category(char) in {"Cc", "Zl", "Zp"} for char in value):
        raise PaymentPayloadError(f"The {field} may not contain line breaks or control characters.")
    return value


def _name(name: str) -> str:
    # Verification of Payee compares this with the account holder's registered name, so it is
    # never transliterated or shortened: an editor must fix a name that does not fit.
    name = _check_line(name or "", "beneficiary name").strip()
    if not name:
        raise PaymentPayloadError("The beneficiary name is required.")
    if len(name) > MAX_NAME_LENGTH:
        raise PaymentPayloadError(
            f"The beneficiary name has {len(name)} characters; an EPC QR code allows at most "
            f"{MAX_NAME_LENGTH}. Use the account holder's name exactly as the bank registered it."
        )
    return name


def validate_iban(iban: str) -> str:
    """Return the IBAN in compact upper-case form, or raise :class:`PaymentPayloadError`."""
    try:
        return stdnum_iban.validate(iban or "")
    except ValidationError as error:
        raise PaymentPayloadError(f"{iban!r} is not a valid IBAN: {error}") from error


def validate_bic(bic: str) -> str:
    """Return the BIC in compact upper-case form ("" if none), or raise an error."""
    if not (bic or "").strip():
        return ""
    try:
        return stdnum_bic.validate(bic)
    except ValidationError as error:
        raise PaymentPayloadError(f"{bic!r} is not a valid BIC: {error}") from error


def parse_amount(amount, *, maximum: Decimal, currency: str) -> Decimal | None:
    """Return ``amount`` as a Decimal with two places, ``None`` for an open amount.

    Money is never rounded silently: a third decimal place is an error, as is a float, whose
    binary value is not the amount the editor typed.
    """
    if amount is None or (isinstance(amount, str) and not amount.strip()):
        return None
    if isinstance(amount, bool | float):
        raise PaymentPayloadError("Give the amount as a Decimal or a string, not a float.")
    try:
        value = Decimal(amount.strip() if isinstance(amount, str) else amount)
    except (InvalidOperation, TypeError, ValueError) as error:
        raise PaymentPayloadError(f"{amount!r} is not an amount.") from error
    if not value.is_finite():
        raise PaymentPayloadError(f"{amount!r} is not an amount.")
    # Bounds first: quantize() cannot handle numbers beyond the context's precision.
    if not MIN_AMOUNT <= value <= maximum:
        raise PaymentPayloadError(
            f"The amount must be between {currency} {MIN_AMOUNT} and {currency} {maximum}; "
            f"got {value}."
        )
    cents = value.quantize(CENT)
    if cents != value:
        raise PaymentPayloadError(f"The amount {value} has more than two decimal places.")
    return cents


def _purpose(purpose: str) -> str:
    purpose = (purpose or "").strip().upper()
    if purpose and not _PURPOSE.fullmatch(purpose):
        raise PaymentPayloadError(
            f"The purpose code {purpose!r} must be four letters, such as CHAR for charity."
        )
    return purpose


def _reference(reference: str) -> str:
    if not (reference or "").strip():
        return ""
    try:
        return iso11649.validate(reference)
    except ValidationError as error:
        raise PaymentPayloadError(
            f"{reference!r} is not a valid RF creditor reference (ISO 11649): {error}"
        ) from error


def _note(note: str) -> str:
    note = _check_line(note or "", "note to the payer").strip()
    if len(note) > MAX_NOTE_LENGTH:
        raise PaymentPayloadError(
            f"The note to the payer has {len(note)} characters; at most {MAX_NOTE_LENGTH} fit."
        )
    return note


def epc_payload(
    *,
    name: str,
    iban: str,
    bic: str = "",
    amount=None,
    purpose: str = "",
    reference: str = "",
    remittance: str = "",
    note: str = "",
) -> str:
    """Build the text of an EPC QR code (version 002, UTF-8) for a SEPA credit transfer.

    ``amount`` may be ``None`` or empty for an open amount (the donor chooses). Give either a
    structured RF ``reference`` or a free-text ``remittance``, never both; the remittance is
    transliterated to the SEPA character set and cut to 140 characters. ``name`` must be the
    account holder's name exactly as registered: it is kept as given, in any script.

    Raises :class:`PaymentPayloadError` with a message for the editor when a rule is broken.
    """
    if (reference or "").strip() and (remittance or "").strip():
        raise PaymentPayloadError(
            "Give either a structured RF reference or a free-text remittance, not both."
        )
    value = parse_amount(amount, maximum=MAX_AMOUNT, currency="EUR")
    elements = [
        "BCD",
        "002",
        "1",  # UTF-8
        "SCT",
        validate_bic(bic),
        _name(name),
        validate_iban(iban),
        f"EUR{value}" if value is not None else "",
        _purpose(purpose),
        _reference(reference),
        to_sepa(remittance or "")[:MAX_REMITTANCE_LENGTH].rstrip(),
        _note(note),
    ]
    while not elements[-1]:
        elements.pop()
    payload = "\n".join(elements)
    size = len(payload.encode("utf-8"))
    if size > MAX_PAYLOAD_BYTES:
        raise PaymentPayloadError(
            f"The EPC QR code would hold {size} bytes; at most {MAX_PAYLOAD_BYTES} fit. "
            "Shorten the remittance text or the note."
        )
    return payload
