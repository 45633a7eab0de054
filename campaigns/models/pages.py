from cms.models import IndexPage


class CampaignIndexPage(IndexPage):
    """The campaigns of one language: `/<lang>/campaigns/`."""

    class Meta:
        verbose_name = "campaign index page"
