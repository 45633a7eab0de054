"""Numbers and money as the reader of each language expects them, without Babel.

Django's per-language formats give the separators (1,234,567 / 1.234.567); where a language
groups digits with a space, typography (and the Imprimerie nationale, GOST 8.417) asks for a
narrow no-break space, which also keeps a number from breaking across lines.
"""

from decimal import Decimal

from django.utils import translation
from django.utils.formats import number_format

NO_BREAK_SPACE = "\u00a0"
NARROW_NO_BREAK_SPACE = "\u202f"


def _plain(value):
    """1234567.00 -> 1234567, so whole numbers are shown without decimals."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def format_number(value, language=None, decimal_pos=None):
    """``value`` with the grouping and decimal separator of ``language`` (default: active)."""
    if value is None or value == "":
        return ""
    number = _plain(value) if decimal_pos is None else Decimal(value)
    with translation.override(language or translation.get_language()):
        text = number_format(number, decimal_pos=decimal_pos, use_l10n=True, force_grouping=True)
    return text.replace(NO_BREAK_SPACE, NARROW_NO_BREAK_SPACE)


def format_money(amount, currency, language=None):
    """``25 EUR``, ``25,50 EUR``, ``1 000 CZK``: cents only when there are any."""
    amount = Decimal(amount)
    decimals = None if amount == amount.to_integral_value() else 2
    return f"{format_number(amount, language, decimals)}{NO_BREAK_SPACE}{currency}"
