"""The demo's volunteering content: what `make run` shows must be what the brief promises, and
the listing's count must match the pages behind it."""

from cms.core.demo import DemoContext
from tests.volunteering.helpers import job_posting, listing
from volunteering import demo
from volunteering.models import VacancyPage


def test_demo_has_eleven_open_and_two_closed_positions_and_is_safe_to_rerun(client, world):
    ctx = DemoContext(homes=world.homes, users=world.users, log=lambda message: None)
    demo.build(ctx)
    demo.build(ctx)  # idempotent: nothing doubles

    english = VacancyPage.objects.filter(locale__language_code="en")
    assert english.count() == 13
    shown = listing(client, "/en/volunteer/")
    assert shown["count_text"] == "11 open positions"
    assert len(shown["titles"]) == 11
    for page in english:
        response = client.get(page.url)
        assert response.status_code == 200
        text = response.content.decode()
        is_listed = page.title in shown["titles"]
        assert (job_posting(text) is not None) == is_listed
        assert ('<meta name="robots" content="noindex">' in text) == (not is_listed)

    # Other languages list their translations, and the English original of the rest.
    for language, count_text in (
        ("ru", "11 открытых вакансий"),
        ("uk", "11 відкритих вакансій"),
        ("de", "11 offene Stellen"),
        ("fr", "11 postes ouverts"),
        ("cs", "11 otevřených pozic"),
    ):
        translated = VacancyPage.objects.filter(locale__language_code=language).live()
        shown = listing(client, f"/{language}/volunteer/")
        assert shown["count_text"] == count_text
        own = {page.title for page in translated.open()}
        assert own <= set(shown["titles"])
        if language in ("ru", "uk", "de"):
            assert own and not own & set(english.values_list("title", flat=True))
