"""The demo's form and receipt check: in every language, translated through wagtail-localize,
and safe to build twice."""

import pytest

from cms.core.demo import DemoContext
from stories.demo_forms import build_form_pages
from stories.models import ReceiptStatusPage, StorySubmissionPage

pytestmark = pytest.mark.django_db


def test_form_pages_exist_in_every_language_and_rebuilding_changes_nothing(client, world):
    ctx = DemoContext(homes=world.homes, users=world.users, log=lambda message: None)
    build_form_pages(ctx, world.sections["stories"]["en"])
    build_form_pages(ctx, world.sections["stories"]["en"])
    assert StorySubmissionPage.objects.count() == 6
    assert ReceiptStatusPage.objects.count() == 6

    tell = client.get("/ru/stories/tell/").content.decode()
    assert "Расскажите свою историю" in tell and "Tor Browser" in tell
    assert 'name="captcha_1"' in tell
    status = client.get("/cs/stories/status/").content.decode()
    assert "Stav vašeho příběhu" in status
