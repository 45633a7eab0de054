"""Receipt codes for stories: the core's receipt codes (cms/core/receipts.py), which every public
form that hands out a receipt shares. Kept as a module so the story code reads from its own
privacy package; the logic lives once, in the core."""

from cms.core.receipts import (
    ALPHABET,
    CODE_LENGTH,
    format_receipt_code,
    new_receipt_code,
    normalise_receipt_code,
    receipt_digest,
    receipt_key,
)

__all__ = [
    "ALPHABET",
    "CODE_LENGTH",
    "format_receipt_code",
    "new_receipt_code",
    "normalise_receipt_code",
    "receipt_digest",
    "receipt_key",
]
