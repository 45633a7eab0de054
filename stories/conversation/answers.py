"""The contributor's side of a conversation: their answers and decisions wait in the spool,
then the random-delay pass moves them into PostgreSQL in shuffled batches (the package
docstring says why: no commit time of the WAL may date a contributor's visit).

Spool entry: a JSON header (the day, the kind, the version it answers, the message key sealed
to both sides) and the padded ciphertext. Field name "<receipt digest>:<random>": the status page
finds a contributor's own pending entries by their digest, and nothing else.
"""

from __future__ import annotations

import json
import secrets
import uuid

from django.db import DatabaseError, transaction
from django.utils import timezone

from stories.sealing import crypto
from stories.sealing.inbox import locked_shuffled_batch
from stories.sealing.spool import RedisSpool, SpoolUnavailable, get_spool

from . import keys

REDIS_HASH = "polyphony:stories:answers"
BATCH_SIZE = 500
# Message ids come from the spool field, so a move repeated after a crash adds nothing twice.
ID_NAMESPACE = uuid.UUID("6b7d3c52-5f0e-4b8e-9a43-1f3e2c9d7a10")


class _DatabaseAnswers:
    def put(self, key, entry):
        from stories.models import SpooledAnswer

        try:
            with transaction.atomic():
                SpooledAnswer.objects.create(key=key, entry=entry)
        except DatabaseError as error:
            raise SpoolUnavailable from error

    def pending(self, digest):
        from stories.models import SpooledAnswer

        rows = SpooledAnswer.objects.filter(key__startswith=f"{digest}:")
        return [bytes(row.entry) for row in rows]

    def batch(self, size):
        from stories.models import SpooledAnswer

        return [(row.key, bytes(row.entry)) for row in SpooledAnswer.objects.order_by("?")[:size]]

    def remove(self, names):
        from stories.models import SpooledAnswer

        SpooledAnswer.objects.filter(key__in=list(names)).delete()


class _RedisAnswers(RedisSpool):
    """The same Redis as the submissions' spool (appendfsync always), another hash."""

    hash_name = REDIS_HASH

    def pending(self, digest):
        try:
            found = dict(self.client.hscan_iter(self.hash_name, match=f"{digest}:*"))
        except self._errors as error:
            raise SpoolUnavailable from error
        return list(found.values())


def answer_spool():
    return get_spool(_DatabaseAnswers, _RedisAnswers)


def spool_answer(digest, conversation, kind, payload, answers=None) -> None:
    """Seal the contributor's `payload` to both sides and put it in the spool."""
    ciphertext, for_moderators, for_contributor = keys.seal_message(payload, conversation)
    header = {
        "v": 1,
        "day": timezone.now().date().isoformat(),
        "kind": kind,
        "answers": answers,
        "to_moderators": crypto.b64(for_moderators),
        "to_contributor": crypto.b64(for_contributor),
    }
    entry = json.dumps(header).encode() + b"\n" + ciphertext
    answer_spool().put(f"{digest}:{secrets.token_hex(16)}", entry)


def parse(entry: bytes) -> tuple[dict, bytes]:
    header, ciphertext = bytes(entry).split(b"\n", 1)
    return json.loads(header), ciphertext


def move_batch(size: int = BATCH_SIZE) -> int:
    """Move up to `size` spooled answers, shuffled, into their conversations in one transaction;
    apply decisions (consent.record_decision). Returns how many were written."""
    import datetime

    from stories.models import Conversation, ConversationMessage, SealedSubmission

    from . import consent

    spool = answer_spool()
    in_database = isinstance(spool, _DatabaseAnswers)
    written = 0
    with transaction.atomic():
        # The submissions' lock and order: two passes never move the same answers at once.
        entries = locked_shuffled_batch(spool, size)
        if not entries:
            return 0
        for name, entry in entries:
            message_id = uuid.uuid5(ID_NAMESPACE, name)
            if ConversationMessage.objects.filter(pk=message_id).exists():
                continue
            digest = name.split(":", 1)[0]
            conversation = (
                Conversation.objects.select_for_update()
                .filter(submission__receipt_digest=digest)
                .exclude(submission__ciphertext=b"")
                .select_related("submission")
                .first()
            )
            open_states = (SealedSubmission.SEALED, SealedSubmission.DRAFTED)
            if conversation is None or conversation.submission.state not in open_states:
                continue  # shredded meanwhile: the answer goes with it
            header, ciphertext = parse(entry)
            conversation.last_position += 1
            conversation.save(update_fields=["last_position"])
            message = ConversationMessage.objects.create(
                id=message_id,
                conversation=conversation,
                position=conversation.last_position,
                from_contributor=True,
                kind=header["kind"],
                sent_on=datetime.date.fromisoformat(header["day"]),
                ciphertext=ciphertext,
                key_for_moderators=crypto.unb64(header["to_moderators"]),
                key_for_contributor=crypto.unb64(header["to_contributor"]),
                answers=header.get("answers"),
            )
            written += 1
            consent.record_decision(conversation, message)
        names = [name for name, _entry in entries]
        if in_database:
            spool.remove(names)
    if not in_database:
        spool.remove(names)
    return written


def move_all() -> int:
    moved = 0
    while True:
        done = move_batch()
        moved += done
        if done < BATCH_SIZE:
            return moved
