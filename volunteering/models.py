from cms.models import IndexPage


class VacancyIndexPage(IndexPage):
    """Open volunteer positions in one language: `/<lang>/volunteer/`."""

    class Meta:
        verbose_name = "vacancy index page"
