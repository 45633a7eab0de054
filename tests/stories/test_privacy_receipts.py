"""Receipt codes: enough entropy, easy to retype, stored only as a keyed digest."""

import os
import re

import pytest

from stories.privacy.receipts import (
    ALPHABET,
    format_receipt_code,
    new_receipt_code,
    normalise_receipt_code,
    receipt_digest,
    receipt_key,
)

KEY = b"k" * 32
CODE = "7K2M-XQ9D-0A1B-CDEF-GH3J"
CANONICAL = "7K2MXQ9D0A1BCDEFGH3J"


def ensure_settings():
    """receipt_key reads settings; configure minimal ones only if nobody has."""
    from django.conf import settings

    if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        settings.configure(SECRET_KEY="test-secret-key-for-privacy-tests", USE_I18N=False)


def test_alphabet_is_crockford_base32():
    assert len(ALPHABET) == len(set(ALPHABET)) == 32
    assert not set("ILOU") & set(ALPHABET)


def test_new_code_has_100_bits_in_five_groups_of_four():
    code = new_receipt_code()
    assert re.fullmatch(rf"[{ALPHABET}]{{4}}(-[{ALPHABET}]{{4}}){{4}}", code)
    assert len(code.replace("-", "")) * 5 == 100


def test_codes_are_unique_and_use_the_whole_alphabet():
    codes = {new_receipt_code() for _ in range(1000)}
    assert len(codes) == 1000
    assert set("".join(codes).replace("-", "")) == set(ALPHABET)


def test_new_code_normalises_to_itself():
    code = new_receipt_code()
    assert format_receipt_code(normalise_receipt_code(code)) == code


@pytest.mark.parametrize(
    "typed",
    [
        CODE,
        CANONICAL,
        CODE.lower(),
        "7k2m xq9d 0a1b cdef gh3j",
        "  7K2M - XQ9D - 0A1B - CDEF - GH3J  ",
        "7K2M.XQ9D_0A1B/CDEF\tGH3J",
        "7K2M\u2013XQ9D\u2014OAIB\u00a0CDEF-GH3J",  # en/em dash, no-break space, O for 0, I for 1
        "7K2M-XQ9D-oalb-CDEF-GH3J",  # lower-case o and l
        "７Ｋ２Ｍ-XQ9D-0A1B-CDEF-GH3J",  # full-width characters from a phone keyboard
        "7К2М-XQ9D-0А1В-СDЕF-GН3J",  # Cyrillic К М А В С Е Н typed on a Russian layout
    ],
)
def test_typed_variants_normalise_to_the_same_code(typed):
    assert normalise_receipt_code(typed) == CANONICAL


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "7K2M-XQ9D-0A1B-CDEF",  # too short
        CODE + "-A",  # too long
        "7K2M-XQ9D-0A1B-CDEF-GH3U",  # U is not in the alphabet
        "7K2M-XQ9D-0A1B-CDEF-GH3Ж",  # a letter we cannot map
        "7K2M+XQ9D+0A1B+CDEF+GH3J",  # symbols are not separators
        "7K2M-XQ9D-0A1B-CDEF-GH3J" * 20,
        None,
        12345,
    ],
)
def test_invalid_input_is_none(typed):
    assert normalise_receipt_code(typed) is None


def test_digest_is_stable_and_ignores_how_the_code_was_typed():
    digest = receipt_digest(CODE, KEY)
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    assert receipt_digest(CODE.lower().replace("-", " "), KEY) == digest
    assert receipt_digest(CODE, KEY) == digest


def test_digest_depends_on_key_and_code():
    digest = receipt_digest(CODE, KEY)
    assert receipt_digest(CODE, b"another key") != digest
    assert receipt_digest(new_receipt_code(), KEY) != digest


def test_digest_is_not_a_plain_hash_of_the_code():
    import hashlib

    digest = receipt_digest(CODE, KEY)
    for text in (CODE, CANONICAL):
        assert digest != hashlib.sha256(text.encode()).hexdigest()


def test_digest_of_garbage_raises():
    with pytest.raises(ValueError):
        receipt_digest("not a code", KEY)


def test_a_retyped_code_finds_the_same_digest():
    """The status check looks the digest up in the database: a code typed in lower case or
    without dashes must give the stored digest, and no other code may."""
    digest = receipt_digest(CODE, KEY)
    assert receipt_digest(CODE.lower(), KEY) == digest
    assert receipt_digest(CANONICAL, KEY) == digest
    assert receipt_digest(new_receipt_code(), KEY) != digest


def test_key_is_derived_from_secret_key_with_a_salt():
    from django.conf import settings
    from django.test import override_settings

    ensure_settings()
    with override_settings(RECEIPT_HASH_KEY=None, SECRET_KEY="test-secret-key-one"):
        derived = receipt_key()
        assert len(derived) == 32
        assert settings.SECRET_KEY.encode() not in derived
        assert receipt_digest(CODE) == receipt_digest(CODE, derived)
    with override_settings(RECEIPT_HASH_KEY=None, SECRET_KEY="another-secret-key-entirely"):
        assert receipt_key() != derived


def test_dedicated_key_setting_wins():
    from django.test import override_settings

    ensure_settings()
    with override_settings(RECEIPT_HASH_KEY="a dedicated receipt key"):
        assert receipt_key() == b"a dedicated receipt key"
    with override_settings(RECEIPT_HASH_KEY=b"\x00\x01"):
        assert receipt_key() == b"\x00\x01"
