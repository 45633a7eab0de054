from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

SETTINGS_LIFETIME_SECONDS = 24 * 60 * 60


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

    @classmethod
    def for_request(cls, request):
        """Wagtail's, remembered in each process per host and port under `content_version`
        (saving any site setting or Site moves it, cms/core/fragments.py): every reader page
        shows these (the quick-exit link, the licence), and asking the database cost every page
        two queries (its Site and this row) before its own work began. A page that builds links
        still asks for its Site through Wagtail, once per request."""
        from cms.core.fragments import content_version
        from cms.core.routing import _local_cache

        attr_name = cls.get_cache_attr_name()
        if hasattr(request, attr_name):
            return getattr(request, attr_name)
        key = f"site-settings:{content_version()}:{request.get_host()}:{request.get_port()}"
        cache = _local_cache()
        found = cache.get(key)
        if found is None:
            found = super().for_request(request)
            cache.set(key, found, SETTINGS_LIFETIME_SECONDS)  # pickled without the request
            return found
        found._request = request
        setattr(request, attr_name, found)
        return found
