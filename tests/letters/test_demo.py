"""The letters demo: five fictional prisoners across two campaigns in en, ru and uk, letters in
three languages waiting, one batch ready; and a second run adds nothing."""

import json

import pytest

from campaigns.models import CampaignPage
from cms.core.demo import DemoContext
from letters import demo
from letters.models import Letter, LetterBatch, PrisonerPage
from tests.builders import make_page

pytestmark = pytest.mark.django_db


def test_demo_builds_the_letters_section_and_is_safe_to_rerun(client, world):
    for slug in ("free-the-voices", "justice-for-the-letter-writers"):
        make_page(
            world.sections["campaigns"]["en"],
            CampaignPage,
            slug.replace("-", " ").title(),
            slug=slug,
            publish=True,
            standfirst="Demo.",
            body=json.dumps([]),
        )
    ctx = DemoContext(homes=world.homes, users=world.users, log=lambda message: None)
    demo.build(ctx)
    demo.build(ctx)

    people = PrisonerPage.objects.filter(locale__language_code="en")
    assert people.count() == 5
    assert len({page.campaign_id for page in people}) == 2
    for language in ("ru", "uk"):
        assert PrisonerPage.objects.filter(locale__language_code=language, live=True).count() == 5
    waiting = Letter.objects.waiting()
    assert set(waiting.values_list("language", flat=True)) == {"ru", "en", "de"}
    assert all(letter.translation for letter in waiting if letter.needs_translation)
    assert LetterBatch.objects.filter(state=LetterBatch.READY).count() == 1
    assert LetterBatch.objects.get().letters.count() == 2

    directory = client.get("/ru/letters/").content.decode()
    assert "Иван Демо" in directory and "Написать заключённому" in directory
    assert client.get("/de/letters/").status_code == 200
