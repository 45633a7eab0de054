"""Letters from the public, the batches they leave in, and the counts that outlive them.

Privacy: a letter keeps no IP, user agent or time of day; its dates are days. The return
address is stored only when the writer asked for a reply by post. The receipt code is stored only
as a keyed hash (cms.core.receipts). After a batch is sent and the retention period has passed,
the letters are deleted (letters.retention); LetterCount keeps only how many there were.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

RUSSIAN = "ru"

REPLY_NONE = "none"
REPLY_POST = "post"
REPLY_THROUGH_US = "through_us"
REPLY_CHOICES = [
    (REPLY_NONE, _("No reply needed")),
    (REPLY_POST, _("Reply by post to my return address")),
    (REPLY_THROUGH_US, _("Reply through you (the organisers' address is given)")),
]

REFUSAL_REASONS = [
    ("censor", _("It mentions topics the prison censor would not let through.")),
    ("danger", _("It could put the prisoner or someone else in danger.")),
    ("abuse", _("It is not a letter of support.")),
    ("unreadable", _("We could not understand or translate it.")),
]


class LetterQuerySet(models.QuerySet):
    def waiting(self):
        """What Letter volunteers still have to read: received, not yet ready or refused."""
        return self.filter(state=Letter.RECEIVED)

    def ready_unbatched(self):
        return self.filter(state=Letter.READY, batch__isnull=True)


class Letter(models.Model):
    RECEIVED = "received"
    READY = "ready"
    REFUSED = "refused"
    SENT = "sent"
    STATE_CHOICES = [
        (RECEIVED, _("Received")),
        (READY, _("Ready to send")),
        (REFUSED, _("Refused")),
        (SENT, _("Sent")),
    ]

    prisoner = models.ForeignKey(
        "letters.PrisonerPage", on_delete=models.CASCADE, related_name="letters"
    )
    language = models.CharField(max_length=10, choices=settings.LANGUAGES)
    text = models.TextField()
    # The Russian text the prison gets, for a letter written in another language: a machine
    # draft first (letters.translation), then what a volunteer checked.
    translation = models.TextField(blank=True)
    translation_checked = models.BooleanField(default=False)
    signature_name = models.CharField(max_length=60, blank=True)
    signature_city = models.CharField(max_length=60, blank=True)
    reply = models.CharField(max_length=12, choices=REPLY_CHOICES, default=REPLY_NONE)
    return_address = models.TextField(blank=True)
    state = models.CharField(max_length=10, choices=STATE_CHOICES, default=RECEIVED)
    refusal_reason = models.CharField(max_length=12, choices=REFUSAL_REASONS, blank=True)
    receipt_digest = models.CharField(max_length=64, unique=True)
    batch = models.ForeignKey(
        "letters.LetterBatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    # Days only: a time of day could be matched with a connection log.
    received_on = models.DateField()
    decided_on = models.DateField(null=True, blank=True)

    objects = LetterQuerySet.as_manager()

    def __str__(self):
        return f"Letter {self.pk} to {self.prisoner_id}"

    @property
    def needs_translation(self):
        return self.language != RUSSIAN

    @property
    def text_for_prison(self):
        """What is printed: the Russian text. None while a translation is missing or unchecked,
        so nothing reaches a prison untranslated."""
        if not self.needs_translation:
            return self.text
        if self.translation_checked and self.translation.strip():
            return self.translation
        return None

    @property
    def signature(self):
        return ", ".join(part for part in (self.signature_name, self.signature_city) if part)


class LetterBatch(models.Model):
    """The ready letters to one prison, printed together and sent on one day."""

    READY = "ready"
    SENT = "sent"
    STATE_CHOICES = [(READY, _("Ready to print")), (SENT, _("Sent"))]

    prison = models.ForeignKey("letters.Prison", on_delete=models.PROTECT, related_name="batches")
    state = models.CharField(max_length=10, choices=STATE_CHOICES, default=READY)
    created_on = models.DateField()
    sent_on = models.DateField(null=True, blank=True)
    # How many letters left in it: the letters themselves are deleted after the retention period.
    letter_count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("letter batch")
        verbose_name_plural = _("letter batches")
        ordering = ["-created_on", "-pk"]

    def __str__(self):
        return f"{self.prison} ({self.created_on})"


class LetterCount(models.Model):
    """Letters sent to one person in one year. Keyed by the prisoner's translation key, so every
    language's page shows the same number, and kept when the letters are deleted."""

    prisoner_key = models.UUIDField(db_index=True)
    year = models.PositiveSmallIntegerField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["prisoner_key", "year"], name="letters_count_unique")
        ]

    def __str__(self):
        return f"{self.prisoner_key} {self.year}: {self.count}"
