from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """Site-wide choices an administrator may change without a deploy."""

    organisation_name = models.CharField(max_length=120, default="Polyphony")
    organisation_url = models.URLField(blank=True)
    licence_name = models.CharField(
        max_length=80,
        default="CC BY 4.0",
        help_text="The licence under which the site's content may be reused.",
    )
    licence_url = models.URLField(default="https://creativecommons.org/licenses/by/4.0/")
    # A neutral site someone can flee to when a person looks over their shoulder.
    quick_exit_url = models.URLField(
        default="https://www.wikipedia.org/",
        help_text="Where the quick-exit link leads. Choose a neutral, innocent-looking site.",
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("organisation_name"), FieldPanel("organisation_url")], "Organisation"
        ),
        MultiFieldPanel([FieldPanel("licence_name"), FieldPanel("licence_url")], "Licence"),
        FieldPanel("quick_exit_url"),
    ]

    class Meta:
        verbose_name = "site settings"
