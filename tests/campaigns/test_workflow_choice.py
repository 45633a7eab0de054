"""A campaign's workflow follows what it is — original or translation — not its language."""

from campaigns.models import CampaignPage
from cms.core.demo import translate_page
from cms.core.workflows import CAMPAIGN_PUBLICATION, TRANSLATION_REVIEW
from tests.builders import make_page


def test_an_original_in_russian_is_published_and_its_english_translation_reviewed(world):
    original = make_page(
        world.sections["campaigns"]["ru"],
        CampaignPage,
        "Свободу голосам",
        standfirst="Кампания, написанная по-русски.",
        publish=True,
    )
    assert original.get_workflow().name == CAMPAIGN_PUBLICATION.name
    english = translate_page(original, "en", {"Свободу голосам": "Free the voices"}, publish=False)
    assert english.get_workflow().name == TRANSLATION_REVIEW.name


def test_an_english_original_and_its_russian_translation(world):
    original = make_page(
        world.sections["campaigns"]["en"],
        CampaignPage,
        "Free the voices",
        standfirst="Written in English.",
        publish=True,
    )
    russian = translate_page(original, "ru", {"Free the voices": "Свободу голосам"}, publish=False)
    assert original.get_workflow().name == CAMPAIGN_PUBLICATION.name
    assert russian.get_workflow().name == TRANSLATION_REVIEW.name
