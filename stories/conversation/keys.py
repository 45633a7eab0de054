"""The keys of a conversation (see the package docstring): the contributor's, derived from the
receipt code, and the conversation's, kept under the sealed item's key."""

from __future__ import annotations

import hashlib
import hmac

import nacl.pwhash
import nacl.utils
from django.conf import settings
from nacl.public import PrivateKey
from nacl.secret import SecretBox

from cms.core.receipts import normalise_receipt_code, receipt_key
from stories.sealing import crypto

SEED_SIZE = 32


def cost() -> tuple[int, int]:
    """Argon2id's (opslimit, memlimit) for receipt codes: libsodium's minimum by default.

    A slow hash protects low-entropy secrets against guessing; a receipt code has 100 random
    bits and is mixed with the server's receipt key (`_password`), so no cost makes guessing
    any harder than it already is, and every cost is paid in the form's POST and in each
    status check, by every worker at once under a burst: libsodium's "interactive" cost took
    74 ms of CPU per POST here, 18 s for a 500-story burst on 2 cores (bench/README.md); the
    minimum takes 0.05 ms. STORY_CONVERSATION_KDF ("interactive", "moderate") raises it.
    Stored beside the salt, so a change of cost keeps old conversations readable."""
    argon = nacl.pwhash.argon2id
    level = getattr(settings, "STORY_CONVERSATION_KDF", "") or "min"
    if level == "interactive":
        return argon.OPSLIMIT_INTERACTIVE, argon.MEMLIMIT_INTERACTIVE
    if level == "moderate":
        return argon.OPSLIMIT_MODERATE, argon.MEMLIMIT_MODERATE
    return argon.OPSLIMIT_MIN, argon.MEMLIMIT_MIN


def _password(code: str) -> bytes:
    normalised = normalise_receipt_code(code) or ""
    return hmac.new(receipt_key(), b"conversation:" + normalised.encode(), hashlib.sha256).digest()


def contributor_private_key(code: str, salt: bytes, opslimit: int, memlimit: int) -> PrivateKey:
    seed = nacl.pwhash.argon2id.kdf(
        SEED_SIZE, _password(code), bytes(salt), opslimit=opslimit, memlimit=memlimit
    )
    return PrivateKey(seed)


def contributor_header(code: str) -> dict:
    """What the spool entry carries for the conversation: the salt, the cost, the public key."""
    opslimit, memlimit = cost()
    salt = nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES)
    public_key = contributor_private_key(code, salt, opslimit, memlimit).public_key
    return {
        "salt": crypto.b64(salt),
        "opslimit": opslimit,
        "memlimit": memlimit,
        "public_key": crypto.b64(bytes(public_key)),
    }


def conversation_fields(header: dict) -> dict:
    return {
        "salt": crypto.unb64(header["salt"]),
        "opslimit": int(header["opslimit"]),
        "memlimit": int(header["memlimit"]),
        "contributor_public_key": crypto.unb64(header["public_key"]),
    }


def for_code(conversation, code: str) -> PrivateKey | None:
    """The contributor's private key from their code, or None if it is not theirs."""
    private_key = contributor_private_key(
        code, conversation.salt, conversation.opslimit, conversation.memlimit
    )
    if bytes(private_key.public_key) != bytes(conversation.contributor_public_key):
        return None
    return private_key


def waste_like_a_check() -> None:
    """The same Argon2id work as a right code's, for a wrong code or an item with no
    conversation: every valid-looking code costs the same time."""
    opslimit, memlimit = cost()
    contributor_private_key(
        "", nacl.utils.random(nacl.pwhash.argon2id.SALTBYTES), opslimit, memlimit
    )


def ensure_moderators_key(conversation, item_key: bytes) -> None:
    if conversation.public_key:
        return
    private_key = PrivateKey.generate()
    conversation.public_key = bytes(private_key.public_key)
    conversation.wrapped_private_key = bytes(SecretBox(item_key).encrypt(bytes(private_key)))


def moderators_private_key(conversation, item_key: bytes) -> PrivateKey | None:
    if not conversation.wrapped_private_key:
        return None
    return PrivateKey(SecretBox(item_key).decrypt(bytes(conversation.wrapped_private_key)))


def seal_message(payload: dict, conversation) -> tuple[bytes, bytes, bytes]:
    """(ciphertext, key sealed to the moderators, key sealed to the contributor)."""
    message_key = crypto.new_item_key()
    return (
        crypto.encrypt_item(payload, message_key),
        crypto.seal_key(message_key, conversation.public_key),
        crypto.seal_key(message_key, conversation.contributor_public_key),
    )


def open_message(ciphertext: bytes, sealed_key: bytes, private_key: PrivateKey) -> dict:
    return crypto.decrypt_item(ciphertext, crypto.open_sealed_key(sealed_key, private_key))
