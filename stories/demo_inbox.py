"""The sealed inbox of the demo: an inbox key for each demo moderator, unlocked with a
documented demo passphrase, and two sealed items waiting for them (stories/sealing/).

The passphrase is DEFAULT_PASSPHRASE below (a DEMO_INBOX_PASSPHRASE setting, if a settings file
defines one, replaces it); `load_demo_content` prints it with the demo users (DEMO_NOTES). Demo
keys are for a laptop only: the demo refuses to run under production settings.
"""

from django.conf import settings
from django.utils import timezone

from stories.models import SealedKey, SealedSubmission
from stories.privacy.receipts import new_receipt_code, receipt_digest
from stories.sealing import inbox, keyring

# A documented demo value (README, the demo users list), never a production secret.
DEFAULT_PASSPHRASE = "polyphony-inbox-demo"  # noqa: S105  # nosec B105

SEALED_ITEMS = [
    {
        "language": "en",
        "title": "They asked about my brother",
        "text": "Two men waited at the bus stop near our house and asked where my brother "
        "works now.\n\nI said I did not know. They wrote down the number of my flat.",
        "topic_keys": [],
        "region": "central",
        "credit": "anonymous",
        "pseudonym": "",
        "consent_publication": True,
        "consent_translation": True,
        "contact": "demo: a contact only moderators read (not a real address)",
    },
    {
        "language": "ru",
        "title": "Письмо из школы",
        "text": "Классный руководитель прислал родителям список «правильных» каналов.\n\n"
        "Тех, кто не подписался, вызывали к директору.",
        "topic_keys": [],
        "region": "",
        "credit": "pseudonym",
        "pseudonym": "Мама ученика",
        "consent_publication": True,
        "consent_translation": False,
        "contact": "",
    },
]


def passphrase():
    return getattr(settings, "DEMO_INBOX_PASSPHRASE", DEFAULT_PASSPHRASE)


DEMO_NOTES = (
    "Sealed inbox (moderator, moderator2): unlock the inbox key with the passphrase "
    f"'{DEFAULT_PASSPHRASE}'."
)


def ensure_inbox_keys(users):
    """An inbox key for every demo user in the inbox groups who has none (kept if present)."""
    made = []
    for user in users.values():
        if keyring.is_inbox_member(user) and keyring.key_of(user) is None:
            keyring.set_up(user, passphrase())
            made.append(user.get_username())
    return made


def ensure_sealed_items():
    """Two sealed items in the inbox, once (kept when the demo is loaded again)."""
    if SealedSubmission.objects.exists():
        return 0
    for data in SEALED_ITEMS:
        payload = {"v": inbox.FORMAT_VERSION, **data, "photos": []}
        ciphertext, keys = inbox.seal(payload)
        item = SealedSubmission.objects.create(
            # Nobody holds this code: demo items have no contributor to check on them.
            receipt_digest=receipt_digest(new_receipt_code()),
            received_on=timezone.now().date(),
            ciphertext=ciphertext,
        )
        SealedKey.objects.bulk_create(
            [
                SealedKey(submission=item, inbox_key_id=pk, recovery=fp, sealed_key=key)
                for pk, fp, key in keys
            ]
        )
    return len(SEALED_ITEMS)
