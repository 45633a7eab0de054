"""The cryptography of sealed submissions, all of it from libsodium through PyNaCl.

- An item is encrypted with a fresh random 32-byte key (XSalsa20-Poly1305, `SecretBox`), after
  its plaintext is padded (ISO/IEC 7816-4, libsodium's `sodium_pad`) to a size bucket: a power of
  two from 16 KiB up, so the length of a stored item says only "short story", "story with a
  photo", ... and never how many characters someone wrote.
- That key is sealed (`SealedBox`: X25519 + XSalsa20-Poly1305, anonymous sender) to each
  recipient's public key. Only a recipient's private key opens it; the server keeps none.
- A moderator's private key is stored wrapped with `SecretBox` under a key derived from their
  passphrase with Argon2id (`nacl.pwhash.argon2id`), with a random salt and the cost stored beside
  it, so the cost can grow without breaking old keys.
"""

from __future__ import annotations

import base64
import hashlib
import json

import nacl.bindings
import nacl.pwhash
import nacl.utils
from django.conf import settings
from nacl.exceptions import CryptoError
from nacl.public import PrivateKey, PublicKey, SealedBox
from nacl.secret import SecretBox

KEY_SIZE = SecretBox.KEY_SIZE
SMALLEST_BUCKET = 16 * 1024

__all__ = ["CryptoError", "PrivateKey", "PublicKey"]


class WrongPassphrase(Exception):
    """The passphrase does not unwrap this inbox key."""


def bucket_size(length: int) -> int:
    """The smallest power of two from SMALLEST_BUCKET up that holds `length` plus one byte of
    padding (the padding always has at least one byte, so the boundary can be found)."""
    size = SMALLEST_BUCKET
    while size <= length:
        size *= 2
    return size


def pad(data: bytes) -> bytes:
    return nacl.bindings.sodium_pad(data, bucket_size(len(data)))


def unpad(data: bytes) -> bytes:
    # The padded item is exactly one bucket long, so the bucket is its length.
    return nacl.bindings.sodium_unpad(data, len(data))


def new_item_key() -> bytes:
    return nacl.utils.random(KEY_SIZE)


def encrypt_item(payload: dict, item_key: bytes) -> bytes:
    plaintext = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    return bytes(SecretBox(item_key).encrypt(pad(plaintext)))


def decrypt_item(ciphertext: bytes, item_key: bytes) -> dict:
    plaintext = unpad(SecretBox(item_key).decrypt(bytes(ciphertext)))
    return json.loads(plaintext.decode())


def seal_key(item_key: bytes, public_key: bytes) -> bytes:
    return bytes(SealedBox(PublicKey(bytes(public_key))).encrypt(item_key))


def open_sealed_key(sealed: bytes, private_key: PrivateKey) -> bytes:
    return SealedBox(private_key).decrypt(bytes(sealed))


def fingerprint(public_key: bytes) -> str:
    """A short, stable name for a public key (the recovery key's, in SealedKey.recovery)."""
    return hashlib.sha256(bytes(public_key)).hexdigest()[:32]


def b64(data: bytes) -> str:
    return base64.b64encode(bytes(data)).decode()


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode(), validate=True)


# --- Passphrase-wrapped private keys ------------------------------------------------------------


def argon2_cost() -> tuple[int, int]:
    """(opslimit, memlimit): libsodium's "moderate" cost unless settings ask otherwise (the
    tests ask for the minimum: `STORY_INBOX_KDF = "min"`)."""
    argon = nacl.pwhash.argon2id
    level = getattr(settings, "STORY_INBOX_KDF", "moderate")
    if level == "min":
        return argon.OPSLIMIT_MIN, argon.MEMLIMIT_MIN
    if level == "interactive":
        return argon.OPSLIMIT_INTERACTIVE, argon.MEMLIMIT_INTERACTIVE
    return argon.OPSLIMIT_MODERATE, argon.MEMLIMIT_MODERATE


def _passphrase_key(passphrase: str, salt: bytes, opslimit: int, memlimit: int) -> bytes:
    return nacl.pwhash.argon2id.kdf(
        KEY_SIZE, passphrase.encode(), bytes(salt), opslimit=opslimit, memlimit=memlimit
    )


def wrap_private_key(private_key: PrivateKey, passphrase: str) -> dict:
    opslimit, memlimit = argon2_cost()
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    box = SecretBox(_passphrase_key(passphrase, salt, opslimit, memlimit))
    return {
        "public_key": bytes(private_key.public_key),
        "wrapped_private_key": bytes(box.encrypt(bytes(private_key))),
        "salt": salt,
        "opslimit": opslimit,
        "memlimit": memlimit,
    }


def unwrap_private_key(inbox_key, passphrase: str) -> PrivateKey:
    key = _passphrase_key(passphrase, inbox_key.salt, inbox_key.opslimit, inbox_key.memlimit)
    try:
        return PrivateKey(SecretBox(key).decrypt(bytes(inbox_key.wrapped_private_key)))
    except CryptoError:
        raise WrongPassphrase from None


def wrap_for_session(private_key: PrivateKey) -> tuple[bytes, bytes]:
    """(cookie key, wrapped key): the private key wrapped again under a random key that only
    the moderator's browser holds (an HttpOnly, Secure, SameSite=Strict cookie)."""
    cookie_key = nacl.utils.random(KEY_SIZE)
    return cookie_key, bytes(SecretBox(cookie_key).encrypt(bytes(private_key)))


def unwrap_from_session(cookie_key: bytes, wrapped: bytes) -> PrivateKey:
    return PrivateKey(SecretBox(cookie_key).decrypt(bytes(wrapped)))
