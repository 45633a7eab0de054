"""What letters need beside the pages: prisons (where batches go), the censor's word list, and
prisoners' answers transcribed by volunteers.

None of them is translatable: a prison's address and its FSIN-pismo names are the same whatever
the reader's language, a forbidden word belongs to one language, and an answer is quoted as the
prisoner wrote it.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, PageChooserPanel


class Prison(models.Model):
    """A colony, pre-trial detention centre or prison: one batch of letters goes to each."""

    name = models.CharField(_("name"), max_length=200, help_text=_("For example ИК-6."))
    region = models.CharField(
        _("region"), max_length=100, help_text=_("The region, as the directory's filter shows it.")
    )
    address = models.TextField(
        _("postal address"),
        help_text=_("The address block in Russian form, as written on the envelope."),
    )
    fsin_region = models.CharField(_("FSIN-pismo region"), max_length=200, blank=True)
    fsin_institution = models.CharField(_("FSIN-pismo institution"), max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("region"),
        FieldPanel("address"),
        FieldPanel("fsin_region"),
        FieldPanel("fsin_institution"),
    ]

    class Meta:
        verbose_name = _("prison")
        verbose_name_plural = _("prisons")
        ordering = ["region", "name"]

    def __str__(self):
        return f"{self.name} ({self.region})"


class ForbiddenWord(models.Model):
    """A word or phrase the prison censor throws letters away for, in one language. Matched
    case-insensitively as the start of a word, so "войн" also finds "войне" and "войны"."""

    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    word = models.CharField(_("word or phrase"), max_length=80)
    explanation = models.CharField(
        _("why"),
        max_length=200,
        blank=True,
        help_text=_("Shown to writers next to the finding, in this word's language."),
    )

    panels = [FieldPanel("language"), FieldPanel("word"), FieldPanel("explanation")]

    class Meta:
        verbose_name = _("forbidden word")
        verbose_name_plural = _("forbidden words")
        ordering = ["language", "word"]
        constraints = [
            models.UniqueConstraint(fields=["language", "word"], name="letters_unique_word")
        ]

    def __str__(self):
        return f"{self.word} ({self.language})"


class PrisonerAnswer(models.Model):
    """A prisoner's answer, transcribed by a volunteer. Only a short quote, only with the
    prisoner's consent, is ever published on their page."""

    prisoner = models.ForeignKey(
        "letters.PrisonerPage",
        verbose_name=_("prisoner"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    quote = models.TextField(_("quote"), max_length=400)
    received_on = models.DateField(_("received on"))
    consent_to_publish = models.BooleanField(_("the prisoner agreed to publication"), default=False)
    published = models.BooleanField(_("show on the prisoner's page"), default=False)

    panels = [
        PageChooserPanel("prisoner", page_type="letters.PrisonerPage"),
        FieldPanel("quote"),
        FieldPanel("received_on"),
        FieldPanel("consent_to_publish"),
        FieldPanel("published"),
    ]

    class Meta:
        verbose_name = _("answer from a prisoner")
        verbose_name_plural = _("answers from prisoners")
        ordering = ["-received_on"]

    def __str__(self):
        return self.quote[:60]

    def save(self, *args, **kwargs):
        from cms.core.edge_cache import schedule_purge

        super().save(*args, **kwargs)
        # The quote shows on the prisoner's page in every language.
        schedule_purge(self.prisoner)

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.published and not self.consent_to_publish:
            raise ValidationError(
                {"published": _("Only an answer the prisoner agreed to publish can be shown.")}
            )
