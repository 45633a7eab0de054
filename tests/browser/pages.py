"""Every public page type, as a path in a given language, found in the demo content. Shared by
the accessibility tests and the screenshot script so that both cover the same pages."""

PAGE_TYPES = [
    "home",
    "standard page",
    "story index",
    "story",
    "story form",
    "receipt check",
    "campaign index",
    "campaign",
    "vacancy index",
    "vacancy index, filtered",
    "vacancy",
    "letters directory",
    "letters directory, filtered",
    "prisoner",
    "letter form",
    "letter receipt check",
    "if blocked",
    "not found",
]


def public_path(kind, language):
    """The path of a live page of this kind in this language (or of a missing one for 404)."""
    from campaigns.models import CampaignIndexPage, CampaignPage
    from cms.core.models import HomePage, StandardPage
    from letters.models import PrisonerDirectoryPage, PrisonerPage
    from stories.models import ReceiptStatusPage, StoryIndexPage, StoryPage, StorySubmissionPage
    from volunteering.models import VacancyIndexPage, VacancyPage

    models = {
        "home": HomePage,
        "standard page": StandardPage,
        "story index": StoryIndexPage,
        "story": StoryPage,
        "story form": StorySubmissionPage,
        "receipt check": ReceiptStatusPage,
        "campaign index": CampaignIndexPage,
        "campaign": CampaignPage,
        "vacancy index": VacancyIndexPage,
        "vacancy index, filtered": VacancyIndexPage,
        "vacancy": VacancyPage,
        "letters directory": PrisonerDirectoryPage,
        "letters directory, filtered": PrisonerDirectoryPage,
        "prisoner": PrisonerPage,
        "letter form": PrisonerPage,
        "letter receipt check": PrisonerDirectoryPage,
    }
    if kind == "not found":
        return f"/{language}/no-such-page/"
    if kind == "if blocked":
        return f"/{language}/if-blocked/"
    pages = models[kind].objects.live().public().filter(locale__language_code=language)
    # The first made: for campaigns the active one, with its donation codes.
    page = pages.order_by("path").first()
    assert page is not None, f"the demo content has no live {kind} in {language}"
    path = page.specific.url
    # Routes of those pages (letters.models.pages).
    suffix = {
        "vacancy index, filtered": "?remote=yes",
        "letters directory, filtered": "?birthday=soon",
        "letter form": "write/",
        "letter receipt check": "status/",
    }
    return path + suffix.get(kind, "")
