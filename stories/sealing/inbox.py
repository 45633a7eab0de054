"""Sealing a submission in the POST, moving the spool into PostgreSQL, opening, shredding.

See the package docstring for why each step is as it is.
"""

from __future__ import annotations

import datetime
import json
import secrets
import uuid

from django.db import connection, transaction
from django.utils import timezone

from stories.privacy.receipts import new_receipt_code, receipt_digest

from . import crypto
from .keyring import recipients, recovery_public_key
from .spool import DatabaseSpool, SpoolUnavailable, get_spool

FORMAT_VERSION = 1
BATCH_SIZE = 500
# Any constant: the key of the advisory lock that keeps two batch moves from interleaving.
MOVE_LOCK_KEY = 0x5EA1_ED
# Drafts are started by people, so one at a time costs nothing; two at once (two moderators, or
# the concurrency test) could deadlock in Wagtail's search index writes for the new pages.
DRAFT_LOCK_KEY = 0x5EA1_EE

_random = secrets.SystemRandom()


class NoRecipients(SpoolUnavailable):
    """Nobody could open what would be sealed now (no moderator has a key, no recovery key)."""


class NotOpenable(Exception):
    """No key of this person opens this item (never sealed to them, revoked, or shredded)."""


def payload_of(data: dict, language: str, photos) -> dict:
    """Everything the contributor sent, as the sealed JSON document."""
    topics = data.get("topics") or []
    return {
        "v": FORMAT_VERSION,
        "language": data.get("language") or language,
        "title": data["title"],
        "text": data["text"],
        "topic_keys": sorted(str(getattr(t, "translation_key", t)) for t in topics),
        "region": data.get("region") or "",
        "credit": data["credit"],
        "pseudonym": data.get("pseudonym") or "",
        "consent_publication": bool(data.get("consent_publication")),
        "consent_translation": bool(data.get("consent_translation")),
        "contact": data.get("contact") or "",
        "photos": [
            {
                "extension": image.extension,
                "width": image.width,
                "height": image.height,
                "alt_text": alt_text,
                "data": crypto.b64(image.content),
            }
            for image, alt_text in photos
        ],
    }


def seal(payload: dict) -> tuple[bytes, list]:
    """(ciphertext, [(inbox key id or None, recovery fingerprint, sealed key)])."""
    inbox_keys = list(recipients())
    recovery = recovery_public_key()
    if not inbox_keys and recovery is None:
        raise NoRecipients
    item_key = crypto.new_item_key()
    ciphertext = crypto.encrypt_item(payload, item_key)
    keys = [(k.pk, "", crypto.seal_key(item_key, k.public_key)) for k in inbox_keys]
    if recovery is not None:
        keys.append((None, crypto.fingerprint(recovery), crypto.seal_key(item_key, recovery)))
    return ciphertext, keys


def _entry(day: datetime.date, ciphertext: bytes, keys, contributor=None) -> bytes:
    header = {
        "v": FORMAT_VERSION,
        "day": day.isoformat(),
        "keys": [[str(pk) if pk else "", fp, crypto.b64(k)] for pk, fp, k in keys],
    }
    if contributor:
        # The conversation's public half, derived from the code (stories/conversation/keys.py).
        header["contributor"] = contributor
    return json.dumps(header).encode() + b"\n" + ciphertext


def _parse_entry(entry: bytes):
    header, ciphertext = bytes(entry).split(b"\n", 1)
    header = json.loads(header)
    keys = [(pk or None, fp, crypto.unb64(k)) for pk, fp, k in header["keys"]]
    return datetime.date.fromisoformat(header["day"]), ciphertext, keys


def _contributor_of(entry: bytes):
    return json.loads(bytes(entry).split(b"\n", 1)[0]).get("contributor")


def seal_submission(form, language: str) -> str:
    """Seal a valid StorySubmissionForm and put it in the spool; return the receipt code, to be
    shown once. Raises SpoolUnavailable (no receipt) if the spool cannot confirm it is durable."""
    from stories.conversation.keys import contributor_header

    ciphertext, keys = seal(payload_of(form.cleaned_data, language, form.photos()))
    code = new_receipt_code()
    entry = _entry(timezone.now().date(), ciphertext, keys, contributor_header(code))
    # A date in UTC, never a time.
    get_spool().put(receipt_digest(code), entry)
    return code


def advisory_lock(key: int) -> None:
    """Until the transaction ends, nobody else holding `key` runs (PostgreSQL; SQLite, the
    `make run` database, has one writer at a time anyway)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _lock_moves():
    advisory_lock(MOVE_LOCK_KEY)


def locked_shuffled_batch(spool, size: int) -> list:
    """Inside the caller's transaction: take the moves' lock (two passes never move the same
    entries at once), then up to `size` entries of `spool` in a random order (the order rows
    are written in says nothing about the order they arrived in)."""
    _lock_moves()
    entries = spool.batch(size)
    _random.shuffle(entries)
    return entries


def move_batch(size: int = BATCH_SIZE) -> int:
    """Move up to `size` spooled entries, shuffled, into PostgreSQL in one transaction, then
    remove them from the spool. Returns how many new items were written."""
    from stories.conversation.keys import conversation_fields
    from stories.models import Conversation, InboxKey, SealedKey, SealedSubmission

    spool = get_spool()
    in_database = isinstance(spool, DatabaseSpool)
    with transaction.atomic():
        entries = locked_shuffled_batch(spool, size)
        if not entries:
            return 0
        digests = [digest for digest, _entry_bytes in entries]
        known = set(
            SealedSubmission.objects.filter(receipt_digest__in=digests).values_list(
                "receipt_digest", flat=True
            )
        )
        live_keys = {str(pk) for pk in InboxKey.objects.values_list("pk", flat=True)}
        items, sealed_keys, conversations = [], [], []
        for digest, entry in entries:
            if digest in known:
                continue  # moved before, the spool delete did not happen: nothing to redo
            day, ciphertext, keys = _parse_entry(entry)
            item = SealedSubmission(
                id=uuid.uuid4(), receipt_digest=digest, received_on=day, ciphertext=ciphertext
            )
            items.append(item)
            contributor = _contributor_of(entry)
            if contributor:
                conversations.append(
                    Conversation(submission=item, **conversation_fields(contributor))
                )
            for pk, fp, key in keys:
                if pk is not None and pk not in live_keys:
                    continue  # that moderator's key was revoked meanwhile
                sealed_keys.append(
                    SealedKey(submission=item, inbox_key_id=pk, recovery=fp, sealed_key=key)
                )
        SealedSubmission.objects.bulk_create(items)
        SealedKey.objects.bulk_create(sealed_keys)
        Conversation.objects.bulk_create(conversations)
        if in_database:
            spool.remove(digests)
    if not in_database:
        # After the commit: a crash in between leaves entries the next batch skips.
        spool.remove(digests)
    return len(items)


def move_all() -> int:
    moved = 0
    while True:
        done = move_batch()
        moved += done
        if done < BATCH_SIZE:
            return moved


# --- Opening ------------------------------------------------------------------------------------


def item_key(item, private_key, inbox_key=None) -> bytes:
    """The item's key, opened with `private_key`: through the SealedKey of `inbox_key`, or
    through a recovery SealedKey when `inbox_key` is None. NotOpenable otherwise."""
    if not item.ciphertext:
        raise NotOpenable
    candidates = item.sealed_keys.all()
    if inbox_key is not None:
        candidates = candidates.filter(inbox_key=inbox_key)
    else:
        fp = crypto.fingerprint(bytes(private_key.public_key))
        candidates = candidates.filter(inbox_key__isnull=True, recovery=fp)
    for sealed in candidates:
        try:
            return crypto.open_sealed_key(sealed.sealed_key, private_key)
        except crypto.CryptoError:
            continue
    raise NotOpenable


def open_item(item, private_key, inbox_key=None) -> dict:
    return crypto.decrypt_item(bytes(item.ciphertext), item_key(item, private_key, inbox_key))


def reseal(private_key, inbox_key) -> int:
    """Seal every item this moderator can open to each current recipient who lacks it (a new
    colleague). Returns how many item keys were added."""
    from stories.models import SealedKey, SealedSubmission

    added = 0
    wanted = list(recipients())
    items = SealedSubmission.objects.filter(sealed_keys__inbox_key=inbox_key).exclude(
        ciphertext=b""
    )
    for item in items.distinct():
        have = set(item.sealed_keys.values_list("inbox_key_id", flat=True))
        missing = [k for k in wanted if k.pk not in have]
        if not missing:
            continue
        key = item_key(item, private_key, inbox_key)
        SealedKey.objects.bulk_create(
            [
                SealedKey(
                    submission=item, inbox_key=k, sealed_key=crypto.seal_key(key, k.public_key)
                )
                for k in missing
            ]
        )
        added += len(missing)
    return added


# --- Shredding ----------------------------------------------------------------------------------


@transaction.atomic
def shred(item, state, *, reason="", day=None) -> None:
    """Destroy what `item` holds: its sealed keys and its ciphertext. The row stays as a
    tombstone (digest, state, day) for the receipt check."""
    from stories.models import Conversation

    item.sealed_keys.all().delete()
    # Its conversation goes with it, both sides (stories/conversation/).
    Conversation.objects.filter(submission=item).delete()
    item.ciphertext = b""
    item.state = state
    item.decline_reason = reason
    item.closed_on = day or timezone.now().date()
    item.save()


DECLINED_ACTION = "polyphony.inbox_declined"


def decline(item, reason: str, user=None) -> None:
    """Shred `item` as declined; `reason` is a key of stories.inbox_forms.DECLINE_REASONS. The
    audit trail says who declined it and why (the key), never what it said."""
    from wagtail.log_actions import log

    shred(item, item.DECLINED, reason=reason)
    log(instance=item, action=DECLINED_ACTION, user=user, data={"reason": reason})
