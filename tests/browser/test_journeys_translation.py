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


ADDED = "Every letter reaches them."
ADDED_RU = "Каждое письмо до них доходит."


def test_a_changed_source_arrives_prefilled_and_is_approved_in_the_editor(
    demo_server, context_factory
):
    """Source change → (update) → the changed segment prefilled with its old translation and the
    change shown → the translator checks it and submits → the publisher approves in the editor."""
    from django.contrib.auth import get_user_model
    from wagtail_localize.models import StringTranslation

    from campaigns.models import CampaignPage
    from cms.core.publishing import setup_publishing

    english = CampaignPage.objects.get(slug="free-the-voices", locale__language_code="en")
    russian = CampaignPage.objects.get(
        translation_key=english.translation_key, locale__language_code="ru"
    )
    old_ru = (
        StringTranslation.objects.filter(
            locale=russian.locale,
            context__object_id=english.translation_key,
            context__path="standfirst",
            has_error=False,
        )
        .latest("updated_at")
        .data
    )
    # A publisher's change to the English campaign, published (the signal syncs it).
    english.standfirst = f"{english.standfirst} {ADDED}"
    with setup_publishing():
        publisher_user = get_user_model().objects.get(username="publisher")
        english.save_revision(user=publisher_user).publish(user=publisher_user)

    translator = context_factory().new_page()
    sign_in(translator, demo_server, "translator_ru")
    translator.goto(f"{demo_server}/admin/pages/{russian.pk}/edit/")
    panel = translator.locator("#translation-panel")
    expect(panel).to_contain_text("prefilled string to check")
    expect(panel.locator("#translation-source-changes ins")).to_contain_text(ADDED)
    # The first button of the footer is the translator's own work, not a destructive one.
    footer = translator.locator("#translation-editor-footer")
    expect(footer.get_by_role("button").first).to_have_text("Submit translation for review")
    # What throws work away is behind "More actions" and asks first.
    footer.locator("summary", has_text="More actions").click()
    footer.get_by_role("link", name="Stop synced translation…").click()
    expect(translator.get_by_role("button", name="Yes, stop synced translation")).to_be_visible()
    translator.get_by_role("link", name="No, keep it synced").click()
    translator.get_by_role("button", name="Update from source").click()
    expect(translator.locator(".messages")).to_contain_text("Updated from the source")

    translator.get_by_role("button", name="Next untranslated").click()
    expect(translator.locator("#translation-untranslated-where")).to_contain_text("1 /")

    segment = translator.locator(".js-translation-editor li:has(> h3:text-is('Standfirst'))")
    expect(segment).to_contain_text("the source changed")
    segment.get_by_role("button", name="Edit").click()
    expect(segment.locator("textarea")).to_have_value(old_ru)
    segment.locator("textarea").fill(f"{old_ru} {ADDED_RU}")
    segment.get_by_role("button", name="Save").click()
    expect(segment.locator("textarea")).to_have_count(0)
    expect(segment).not_to_contain_text("the source changed")
    translator.get_by_role("button", name="Submit translation for review").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")
    assert ADDED_RU not in _public_text(context_factory, demo_server)

    publisher = context_factory().new_page()
    sign_in(publisher, demo_server, "publisher")
    publisher.goto(f"{demo_server}/admin/pages/{russian.pk}/edit/")
    expect(publisher.locator("#translation-source-changes ins")).to_contain_text(ADDED)
    expect(publisher.locator("#translation-source-changes")).to_contain_text(ADDED_RU)
    publisher.get_by_role("button", name="Approve and publish").click()
    expect(publisher.locator(".messages")).to_contain_text("Approved")
    assert ADDED_RU in _public_text(context_factory, demo_server)
