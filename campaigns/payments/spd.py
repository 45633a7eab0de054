"""Czech "QR Platba" payloads: Short Payment Descriptor (SPD) 1.0.

See shared/specs/payment-qr.md. SPD is for domestic CZK payments; EUR donors get an EPC code.
"""

import datetime
import re
import unicodedata
from decimal import Decimal

from .epc import parse_amount, validate_bic, validate_iban
from .sepa import PaymentPayloadError, transliterate

# Up to 10 digits before the decimal point.
MAX_AMOUNT = Decimal("9999999999.99")
MAX_NAME_LENGTH = 35
MAX_MESSAGE_LENGTH = 60
MAX_VARIABLE_SYMBOL_LENGTH = 10

_CURRENCY = re.compile(r"[A-Z]{3}")
_DIGITS = re.compile(r"[0-9]+")
_SPACES = re.compile(r"\s+")


def _escape(value: str) -> str:
    # "%" first, or the escapes of "*" and "+" would be escaped again.
    return value.replace("%", "%25").replace("*", "%2A").replace("+", "%2B")


def _latin1(value: str) -> str:
    """Return ``value`` on one line in ISO 8859-1, transliterating it if it does not fit.

    Czech needs this: ř, ů, ě, č and š are not in Latin-1, while á, é and í are.
    """
    value = "".join(" " if unicodedata.category(char) == "Cc" else char for char in value)
    value = _SPACES.sub(" ", value).strip()
    try:
        value.encode("latin-1")
    except UnicodeEncodeError:
        # The whole value, not just the offending letters, so a name is not half-accented.
        value = _SPACES.sub(" ", transliterate(value)).strip()
    return value


def _currency(currency: str) -> str:
    currency = (currency or "").strip().upper()
    if not _CURRENCY.fullmatch(currency):
        raise PaymentPayloadError(f"{currency!r} is not an ISO 4217 currency code such as CZK.")
    return currency


def _name(name: str) -> str:
    name = _latin1(name or "")
    if len(name) > MAX_NAME_LENGTH:
        raise PaymentPayloadError(
            f"The recipient name {name!r} has {len(name)} characters; a QR Platba code allows "
            f"at most {MAX_NAME_LENGTH}."
        )
    return name


def _variable_symbol(symbol) -> str:
    symbol = str(symbol if symbol is not None else "").strip()
    if symbol and not (_DIGITS.fullmatch(symbol) and len(symbol) <= MAX_VARIABLE_SYMBOL_LENGTH):
        raise PaymentPayloadError(
            f"The variable symbol {symbol!r} must be at most {MAX_VARIABLE_SYMBOL_LENGTH} digits."
        )
    return symbol


def _due_date(due_date) -> str:
    if due_date is None:
        return ""
    if not isinstance(due_date, datetime.date):
        raise PaymentPayloadError(f"The due date {due_date!r} is not a date.")
    return due_date.strftime("%Y%m%d")


def spd_payload(
    *,
    iban: str,
    bic: str = "",
    amount=None,
    currency: str = "CZK",
    name: str = "",
    message: str = "",
    variable_symbol="",
    due_date: datetime.date | None = None,
) -> str:
    """Build the text of a Czech QR Platba code (SPD 1.0).

    Only ``iban`` is required; ``amount`` may be ``None`` or empty for an open amount. Text
    outside ISO 8859-1 is transliterated. The message is cut to 60 characters, but a recipient
    name longer than 35 is an error, as is a variable symbol that is not up to 10 digits.

    Raises :class:`PaymentPayloadError` with a message for the editor when a rule is broken.
    """
    account = validate_iban(iban)
    if bic_code := validate_bic(bic):
        # This "+" separates IBAN and BIC, so it is not escaped.
        account = f"{account}+{bic_code}"
    cents = parse_amount(amount, maximum=MAX_AMOUNT, currency=_currency(currency))
    fields = [
        ("ACC", account),
        ("AM", str(cents) if cents is not None else ""),
        ("CC", _currency(currency)),
        ("RN", _escape(_name(name))),
        ("DT", _due_date(due_date)),
        # Cut before escaping so that an escape sequence is never cut in half.
        ("MSG", _escape(_latin1(message or "")[:MAX_MESSAGE_LENGTH].rstrip())),
        ("X-VS", _variable_symbol(variable_symbol)),
    ]
    return "*".join(["SPD", "1.0", *(f"{key}:{value}" for key, value in fields if value)])
