"""Conversations with contributors through their receipt (stories/conversation/ has the design).

Nothing here is readable at rest. Each message is padded and encrypted with its own random key
(stories.sealing.crypto.encrypt_item); that key is stored twice, sealed to two public keys:

- the contributor's, an X25519 key whose private half is Argon2id(receipt code, `salt`): only
  someone who types the code derives it, and the code itself is stored nowhere;
- the conversation's, whose private half is stored encrypted under the sealed item's own key,
  which only moderators open (SealedKey). Shredding the item shreds the conversation.

No field holds a time: `sent_on` is a day, messages are ordered by `position`, ids are random.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from .sealed import SealedSubmission


class Conversation(models.Model):
    """The two keys of one item's conversation, and how far each side has read."""

    submission = models.OneToOneField(
        SealedSubmission, on_delete=models.CASCADE, primary_key=True, related_name="conversation"
    )
    # The contributor's side, made in the form's POST while the receipt code was known.
    salt = models.BinaryField()
    opslimit = models.PositiveIntegerField()
    memlimit = models.PositiveBigIntegerField()
    contributor_public_key = models.BinaryField()
    # The moderators' side, made with the first message; the private half under the item key.
    public_key = models.BinaryField(blank=True, default=b"")
    wrapped_private_key = models.BinaryField(blank=True, default=b"")
    last_position = models.PositiveIntegerField(default=0)
    # Positions up to this one have been read by a moderator (staff side only).
    moderators_read = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return f"Conversation of {self.submission_id}"


class ConversationMessage(models.Model):
    """One message, either way. A `version` is the edited story sent for consent; `approve`,
    `changes` and `withdraw` are the contributor's decisions on the version at `answers`."""

    MESSAGE, VERSION, APPROVE, CHANGES, WITHDRAW = (
        "message",
        "version",
        "approve",
        "changes",
        "withdraw",
    )
    KINDS = [
        (MESSAGE, _("message")),
        (VERSION, _("version for consent")),
        (APPROVE, _("approved")),
        (CHANGES, _("asked for changes")),
        (WITHDRAW, _("withdrew")),
    ]

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    position = models.PositiveIntegerField()
    from_contributor = models.BooleanField(default=False)
    kind = models.CharField(max_length=10, choices=KINDS, default=MESSAGE)
    # A day (UTC), never a time.
    sent_on = models.DateField()
    ciphertext = models.BinaryField()
    key_for_moderators = models.BinaryField()
    key_for_contributor = models.BinaryField()
    # For a version: the fingerprint of what would be published (stories.conversation.consent).
    fingerprint = models.CharField(max_length=64, blank=True)
    # For a decision: the position of the version it answers.
    answers = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "position"], name="stories_message_one_per_position"
            )
        ]

    def __str__(self):
        return f"Message {self.position}"


class SpooledAnswer(models.Model):
    """A contributor's answer waiting to be moved into the conversation (the simple spool of
    `make run` and the tests; production keeps these in the spool's Redis)."""

    key = models.CharField(max_length=100, primary_key=True)
    entry = models.BinaryField()

    def __str__(self):
        return "Spooled answer"
