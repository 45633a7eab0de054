"""The sealed inbox: what contributors sent, readable only with a moderator's key.

See stories/sealing/__init__.py for the design. Nothing in these tables is readable without a
private key the server does not hold: the ciphertext is padded to a size bucket, and the item's
key exists only sealed to each recipient's public key (SealedKey). Shredding an item deletes its
keys and its ciphertext; what is left is a tombstone (receipt digest, state, day) that lets the
receipt check answer until the retention period ends.

No field holds a time: `received_on` is a day, and the primary keys are random UUIDs, so
neither row ids nor column values say in which order or at what time people sent their stories.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class InboxKey(models.Model):
    """A moderator's inbox key pair. The private key is stored only wrapped under a key derived
    from the moderator's passphrase with Argon2id (stories.sealing.crypto.wrap_private_key)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="story_inbox_key"
    )
    public_key = models.BinaryField()
    wrapped_private_key = models.BinaryField()
    salt = models.BinaryField()
    opslimit = models.PositiveIntegerField()
    memlimit = models.PositiveBigIntegerField()
    created_on = models.DateField()

    class Meta:
        verbose_name = _("inbox key")
        verbose_name_plural = _("inbox keys")

    def __str__(self):
        return f"Inbox key #{self.pk}"


class SealedSubmission(models.Model):
    """One submission as it arrived, sealed. `page` is the draft a moderator started from it."""

    SEALED, DRAFTED, DECLINED, SHREDDED = "sealed", "drafted", "declined", "shredded"
    # The contributor withdrew it (stories/conversation/): shredded, and its story deleted.
    WITHDRAWN = "withdrawn"
    STATES = [
        (SEALED, _("waiting, sealed")),
        (DRAFTED, _("draft started")),
        (DECLINED, _("declined")),
        (SHREDDED, _("shredded")),
        (WITHDRAWN, _("withdrawn by the contributor")),
    ]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    receipt_digest = models.CharField(max_length=64, unique=True)
    # The day only (UTC), written into the spool entry at sending: never a time.
    received_on = models.DateField()
    state = models.CharField(max_length=10, choices=STATES, default=SEALED)
    # Empty once shredded.
    ciphertext = models.BinaryField(blank=True, default=b"")
    page = models.OneToOneField(
        "stories.StoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sealed_submission",
    )
    # Written by a moderator when declining; never the contributor's words.
    decline_reason = models.TextField(blank=True)
    # The day the item was declined or shredded: the tombstone goes STORY_RETENTION_DAYS later.
    closed_on = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("sealed submission")
        verbose_name_plural = _("sealed submissions")

    def __str__(self):
        return f"Sealed submission ({self.received_on})"

    @property
    def is_open_able(self):
        return bool(self.ciphertext) and self.state in (self.SEALED, self.DRAFTED)


class SealedKey(models.Model):
    """The item's key, sealed (libsodium sealed box) to one recipient: a moderator's inbox key,
    or the offline recovery key (`recovery` holds its public key's fingerprint)."""

    submission = models.ForeignKey(
        SealedSubmission, on_delete=models.CASCADE, related_name="sealed_keys"
    )
    inbox_key = models.ForeignKey(
        InboxKey, null=True, blank=True, on_delete=models.CASCADE, related_name="sealed_keys"
    )
    recovery = models.CharField(max_length=64, blank=True)
    sealed_key = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "inbox_key"], name="stories_sealedkey_one_per_inbox_key"
            )
        ]

    def __str__(self):
        return f"Sealed key #{self.pk}"


class SpooledSubmission(models.Model):
    """The simple spool of `make run` and the tests (STORY_SPOOL_URL unset): one opaque entry
    per submission, no time, no order. Production uses Redis (stories/sealing/spool.py)."""

    receipt_digest = models.CharField(max_length=64, primary_key=True)
    entry = models.BinaryField()

    def __str__(self):
        return "Spooled submission"
