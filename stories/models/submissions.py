"""The queue between the public form and the page tree.

The public POST only writes a QueuedSubmission (with its photos, already scrubbed); a scheduled
job (`manage.py ingest_submissions`, stories/pipeline.py) later turns each row into a draft
StoryPage. This keeps the write path cheap under bursts, keeps the page tree out of reach of the
public, and decorrelates every timestamp Wagtail stores from the moment someone pressed "Send".

What is deliberately NOT here: no address, user agent or referrer, no file name, and no time of
day — `received_on` is a date, set from the server's clock, and there is no auto_now timestamp.
The primary key is a random UUID rather than a sequence, so row ids do not reveal the order in
which people submitted either.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .pages import CREDIT_ANONYMOUS, CREDIT_CHOICES, REGION_CHOICES


class QueuedSubmission(models.Model):
    """One story as the contributor sent it, waiting to become a draft StoryPage."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("story"))
    # wagtail-localize translation keys of StoryTopic: the same topic in every locale, so the
    # story can be filed under its own language's topics whatever page the form was sent from.
    topic_keys = models.JSONField(default=list, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=REGION_CHOICES, blank=True)
    credit = models.CharField(
        _("credit"), max_length=20, choices=CREDIT_CHOICES, default=CREDIT_ANONYMOUS
    )
    pseudonym = models.CharField(_("pseudonym"), max_length=60, blank=True)
    consent_publication = models.BooleanField(default=False)
    consent_translation = models.BooleanField(default=False)
    contact = models.TextField(blank=True)
    receipt_digest = models.CharField(max_length=64, unique=True)
    # The day only (UTC): never a time that could be matched against network logs.
    received_on = models.DateField()

    class Meta:
        verbose_name = _("queued submission")
        verbose_name_plural = _("queued submissions")

    def __str__(self):
        return f"Queued submission ({self.language}, {self.received_on})"


class QueuedPhoto(models.Model):
    """A photo of a queued submission, already re-encoded from pixels (stories.privacy.images).

    The bytes live in the row, not in media storage, so nothing a contributor sent reaches the
    file system before the submission is materialised; deleting the submission deletes them.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    submission = models.ForeignKey(
        QueuedSubmission, on_delete=models.CASCADE, related_name="photos"
    )
    position = models.PositiveSmallIntegerField()
    content = models.BinaryField()
    extension = models.CharField(max_length=8)
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    alt_text = models.CharField(max_length=250, blank=True)

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "position"], name="stories_queuedphoto_unique_position"
            )
        ]

    def __str__(self):
        return f"Photo {self.position} of a queued submission"
