"""What changed in a source under an existing translation, kept until the translation is published.

wagtail-localize re-extracts a source's segments on every sync and forgets the old ones: a changed
paragraph becomes a new String with no translation, and nobody can see what the change was. A
`SourceChange` row is written for each such segment at sync time (cms/core/translation/memory.py):
the old and new source text and the translation of the old text, which the translator gets
prefilled. The translator's and the reviewer's editor show these rows as a diff until the
translated page is published; then they are marked published and kept as the history of the page.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SourceChange(models.Model):
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    # The segment's place in the source (page × field or block); survives re-extraction.
    context = models.ForeignKey(
        "wagtail_localize.TranslationContext", on_delete=models.CASCADE, related_name="+"
    )
    # The new source string; the translation that answers this change is (string, context, locale).
    string = models.ForeignKey(
        "wagtail_localize.String", on_delete=models.CASCADE, related_name="+"
    )
    old_source = models.TextField()
    previous_translation = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the translated page goes live with an answer to this change.
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        app_label = "cms"
        verbose_name = _("source change under a translation")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "context", "string"], name="cms_sourcechange_once"
            )
        ]

    def __str__(self):
        return f"{self.old_source[:40]} → {self.string.data[:40]} ({self.locale})"
