"""A translation's path in Chromium: a Russian translator changes a segment in wagtail-localize's
editor (a React application) and submits the translation for review; a publisher approves it
from the dashboard; Russian readers see the new text."""

import pytest
from playwright.sync_api import expect

from tests.browser.site import sign_in

pytestmark = pytest.mark.browser

NEW_STANDFIRST = "Сотни людей в России сидят в тюрьме за слова против войны. Освободите их."


def test_a_translator_submits_a_campaign_and_a_publisher_approves(demo_server, context_factory):
    from campaigns.models import CampaignPage

    russian = CampaignPage.objects.get(slug="free-the-voices", locale__language_code="ru")
    assert NEW_STANDFIRST not in _public_text(context_factory, demo_server)

    translator = context_factory().new_page()
    sign_in(translator, demo_server, "translator_ru")
    translator.goto(f"{demo_server}/admin/pages/{russian.pk}/edit/")
    segment = translator.locator(".js-translation-editor li:has(> h3:text-is('Standfirst'))")
    segment.get_by_role("button", name="Edit").click()
    segment.locator("textarea").fill(NEW_STANDFIRST)
    segment.get_by_role("button", name="Save").click()
    expect(segment).to_contain_text(NEW_STANDFIRST)
    expect(segment.locator("textarea")).to_have_count(0)

    translator.get_by_role("button", name="Submit translation for review").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")
    expect(translator.get_by_role("button", name="Submit translation for review")).to_have_count(0)
    # In review, not yet published: readers still see the old text.
    assert NEW_STANDFIRST not in _public_text(context_factory, demo_server)

    publisher = context_factory().new_page()
    sign_in(publisher, demo_server, "publisher")
    publisher.goto(f"{demo_server}/admin/")
    row = publisher.locator("tr", has_text=russian.title)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(publisher.locator("tr", has_text=russian.title)).to_have_count(0)

    assert NEW_STANDFIRST in _public_text(context_factory, demo_server)


def _public_text(context_factory, base_url):
    page = context_factory(java_script_enabled=False).new_page()
    page.goto(f"{base_url}/ru/campaigns/free-the-voices/")
    return page.locator("main").inner_text()
