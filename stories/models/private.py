"""What a contributor told us that must never be published.

StoryPrivateRecord is a plain model beside the page, not a ParentalKey child: Wagtail serialises
a page's cluster children into every revision, and wagtail-localize, the API and search all work
from the page and its children. A separate table keeps contact and consents out of all of them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoryPrivateRecord(models.Model):
    """The private side of one submitted story.

    Retention ("purge_submissions", after settings.STORY_RETENTION_DAYS from `purge_after`):

    - a story is *published* once its page has gone live: the record is deleted, the page stays;
    - a story is *rejected* when its page is not live and a reviewer pressed "Reject" (a reason
      and a confirmation; a cancelled run or a story sent back is not a rejection), or
      *withdrawn* when it was unpublished: the page and the record are deleted together
      (stories/retention.py);
    - a record whose page was deleted (page is NULL) goes STORY_RETENTION_DAYS after the
      deletion: until then the receipt check can still answer "not published".

    Stories still in review are kept whatever their age: deleting them would lose a story that
    a moderator has not yet read.
    """

    page = models.OneToOneField(
        "stories.StoryPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="private_record",
    )
    # Keyed hash of the receipt code (stories.privacy.receipts); never the code itself.
    receipt_digest = models.CharField(max_length=64, unique=True)
    contact = models.TextField(_("contact"), blank=True)
    consent_publication = models.BooleanField(
        _("consents to publication after editing"), default=False
    )
    consent_translation = models.BooleanField(_("consents to translation"), default=False)
    # A date, never a time: a timestamp could be matched against network logs.
    submitted_on = models.DateField(_("submitted on"))
    # The day after which purge_submissions deletes this record: set when the story leaves review
    # (published or rejected) to that day + STORY_RETENTION_DAYS.
    purge_after = models.DateField(null=True, blank=True)

    class Meta:
        verbose_name = _("private record of a story")
        verbose_name_plural = _("private records of stories")

    def __str__(self):
        return f"Private record #{self.pk}"
