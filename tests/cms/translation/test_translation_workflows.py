""" "Any locale can be the source": which review a page goes through depends on whether it is a
translation, not on the language it is written in (cms/core/translation/review.py)."""

import pytest
from django.test import Client
from wagtail.models import Page

from cms.core.models import StandardPage
from cms.core.translation.review import workflow_for
from cms.core.workflows import CAMPAIGN_PUBLICATION, TRANSLATION_REVIEW
from tests.builders import make_page
from tests.cms.translation.translation_support import start_translation

pytestmark = pytest.mark.django_db


def test_a_russian_original_gets_its_section_workflow_and_its_english_translation_review(world):
    russian = make_page(
        world.homes["ru"], StandardPage, "Кампания", user=world.users["publisher"], publish=True
    )
    # By tree position alone the Russian original would go through Translation review.
    assert TRANSLATION_REVIEW.governs(russian.get_workflow())
    assert CAMPAIGN_PUBLICATION.governs(workflow_for(russian, CAMPAIGN_PUBLICATION))

    translation = start_translation(Client(), world.users["publisher"], russian, "en")
    english = Page.objects.get(
        translation_key=russian.translation_key, locale=translation.target_locale
    ).specific
    assert TRANSLATION_REVIEW.governs(workflow_for(english, CAMPAIGN_PUBLICATION))


def test_only_translators_get_a_queue_on_the_dashboard(world):
    for username, expected in (("translator_ru", True), ("publisher", False), ("admin", False)):
        client = Client()
        client.force_login(world.users[username])
        content = client.get("/admin/").content
        assert (b"Your translation queue" in content) is expected, username
