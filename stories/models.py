from cms.models import IndexPage


class StoryIndexPage(IndexPage):
    """The stories of one language: `/<lang>/stories/`. Published stories are listed here; the
    submission form and the receipt check live below it."""

    class Meta:
        verbose_name = "story index page"
