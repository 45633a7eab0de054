"""Receipt codes: the only link between a contributor and what they sent (a story, a letter).

Shared by every public form that hands out a receipt (stories/privacy/receipts.py re-exports it).

A contributor gets a code once, right after submitting, and can later use it to see the state of
their story. We never store the code, only a keyed hash of it (``receipt_digest``).

Why keyed and not a plain hash: 100 random bits cannot be guessed, but a code *can be found*, on
paper or on a seized phone. With a plain hash, anyone holding a copy of the database could hash
that code and link the person to their story. With an HMAC under a key that lives in the
settings (not in the database), the database alone cannot confirm any code.

Codes use Crockford's base32 (no I, L, O, U) because people copy them by hand, sometimes on a
Russian keyboard layout: ``normalise_receipt_code`` accepts the usual mistakes.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

from django.conf import settings
from django.utils.crypto import salted_hmac

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 20  # 20 symbols x 5 bits = 100 bits
GROUP_SIZE = 4
KEY_SALT = "polyphony.receipts"

# Crockford decoding: letters that look like digits are read as those digits.
_CONFUSABLES = {"O": "0", "I": "1", "L": "1"}

# Cyrillic capitals that look like Latin ones, for codes retyped on a Russian layout.
_CYRILLIC_LOOKALIKES = str.maketrans(
    {
        "А": "A",
        "В": "B",
        "С": "C",
        "Е": "E",
        "Н": "H",
        "К": "K",
        "М": "M",
        "О": "0",
        "Р": "P",
        "Т": "T",
        "Х": "X",
        "З": "3",
    }
)


def new_receipt_code() -> str:
    """A fresh code for display, e.g. ``7K2M-XQ9D-...`` (5 groups of 4, 100 random bits)."""
    code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return format_receipt_code(code)


def format_receipt_code(code: str) -> str:
    """Group a normalised code in blocks of four so it is easier to read and copy."""
    return "-".join(code[i : i + GROUP_SIZE] for i in range(0, len(code), GROUP_SIZE))


def normalise_receipt_code(text: str) -> str | None:
    """The canonical 20-symbol form of what someone typed, or None if it cannot be a code.

    Case, spaces, hyphens and other separators are ignored; O reads as 0 and I/L as 1.
    """
    if not isinstance(text, str) or len(text) > 200:
        return None
    text = unicodedata.normalize("NFKC", text).upper().translate(_CYRILLIC_LOOKALIKES)
    symbols = []
    for char in text:
        if char.isascii() and char.isalnum():
            symbols.append(_CONFUSABLES.get(char, char))
        elif not (char.isspace() or unicodedata.category(char)[0] in "PZC"):
            # Anything else (a letter from another script, an emoji) is not a typo we can fix.
            return None
    code = "".join(symbols)
    if len(code) != CODE_LENGTH or any(symbol not in ALPHABET for symbol in code):
        return None
    return code


def receipt_key() -> bytes:
    """The HMAC key for receipt digests.

    ``settings.RECEIPT_HASH_KEY`` if set, so the key can be kept apart from SECRET_KEY (and
    SECRET_KEY rotated without losing every receipt); otherwise derived from SECRET_KEY with a
    fixed salt, so it differs from any other use of SECRET_KEY.
    """
    configured = getattr(settings, "RECEIPT_HASH_KEY", None)
    if configured:
        return configured.encode() if isinstance(configured, str) else bytes(configured)
    return salted_hmac(KEY_SALT, "receipt-hash-key", algorithm="sha256").digest()


def receipt_digest(code: str, key: bytes | None = None) -> str:
    """HMAC-SHA256 (hex) of the normalised code: what the database stores and looks up.

    Raises ValueError if ``code`` is not a valid receipt code.
    """
    normalised = normalise_receipt_code(code)
    if normalised is None:
        raise ValueError("not a receipt code")
    if key is None:
        key = receipt_key()
    return hmac.new(key, normalised.encode("ascii"), hashlib.sha256).hexdigest()
