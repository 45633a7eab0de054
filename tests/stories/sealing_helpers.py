"""Sealed submissions in tests: a recovery key the tests hold, and helpers that read what was
received (through that key, as an operator with the offline key would) or turn it into drafts
as a moderator keeping everything would."""

import pytest
from django.core.management import call_command

from stories.sealing import crypto, drafts, inbox
from stories.sealing.spool import get_spool

# The offline recovery key of the test suite: its public half is the site's setting below.
RECOVERY = crypto.PrivateKey.generate()


@pytest.fixture(autouse=True)
def sealed_to_test_recovery_key(settings):
    """Every submission is sealed to RECOVERY (and to moderators with keys); Argon2id at its
    minimum cost, so setting up and unlocking keys is quick."""
    settings.STORY_RECOVERY_PUBLIC_KEY = crypto.b64(RECOVERY.public_key)
    settings.STORY_INBOX_KDF = "min"


def spooled_payloads():
    """What waits in the spool, opened with the recovery key."""
    from stories.sealing.inbox import _parse_entry

    spool = get_spool()
    result = []
    for _digest, entry in spool.batch(10_000):
        _day, ciphertext, keys = _parse_entry(entry)
        for _pk, fp, sealed in keys:
            if fp == crypto.fingerprint(bytes(RECOVERY.public_key)):
                key = crypto.open_sealed_key(sealed, RECOVERY)
                result.append(crypto.decrypt_item(ciphertext, key))
    return result


def received_payloads():
    """Everything received and not yet drafted or shredded: the spool, then the sealed inbox."""
    from stories.models import SealedSubmission

    payloads = spooled_payloads()
    for item in SealedSubmission.objects.filter(state=SealedSubmission.SEALED):
        payloads.append(inbox.open_item(item, RECOVERY))
    return payloads


def received_count():
    from stories.models import SealedSubmission

    return get_spool().count() + SealedSubmission.objects.count()


def keep_everything(payload):
    return drafts.Keep(
        title=payload["title"],
        text=payload["text"],
        photos=list(range(len(payload["photos"]))),
        topic_keys=list(payload["topic_keys"]),
        region=True,
        credit=True,
    )


def ingest_and_draft(user=None):
    """ingest_submissions, then a draft from every sealed item, keeping everything (what the
    former pipeline did by itself). Returns the draft pages."""
    from stories.models import SealedSubmission

    call_command("ingest_submissions", "--no-delay")
    pages = []
    for item in SealedSubmission.objects.filter(state=SealedSubmission.SEALED):
        payload = inbox.open_item(item, RECOVERY)
        pages.append(drafts.start_draft(item, payload, keep_everything(payload), user))
    return pages
