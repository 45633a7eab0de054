"""Readers in Chromium: a campaign followed into another language, with a donation code to scan
and an IBAN to copy; a volunteer who filters positions by skill and applies without
JavaScript."""

import os
import shutil
import subprocess
import time

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser.site import captcha_answer

pytestmark = pytest.mark.browser

CAMPAIGN = "/en/campaigns/free-the-voices/"
IBAN = "DE89370400440532013000"


def test_a_reader_follows_a_campaign_into_russian_and_copies_the_iban(
    demo_server, context_factory, tmp_path
):
    context = context_factory()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=demo_server)
    page = context.new_page()
    page.goto(demo_server + CAMPAIGN)
    expect(page.get_by_role("heading", level=1)).to_have_text("Free the Voices")

    page.get_by_role("navigation", name="Languages").get_by_role("link", name="Русский").click()
    assert page.url == f"{demo_server}/ru/campaigns/free-the-voices/"
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.get_by_role("heading", level=1)).to_have_text("Свободу голосам")

    # The bank transfer codes are drawn on the page, big enough to scan.
    first_code = page.locator(".donation__code svg").first
    expect(first_code).to_be_visible()
    box = first_code.bounding_box()
    assert box["width"] >= 100 and box["height"] >= 100, box
    decoded = _scan(first_code, tmp_path)
    if decoded is not None:
        assert decoded.startswith("BCD"), decoded  # an EPC (SEPA) payment code
        assert IBAN in decoded

    # The IBAN shows in groups of four for reading, and copies without spaces for pasting.
    iban = page.locator(".donation__iban").first
    expect(iban).to_have_text("DE89 3704 0044 0532 0130 00")
    copy = iban.locator("xpath=following-sibling::button[1]")
    expect(copy).to_be_visible()
    copy.click()
    assert page.evaluate("navigator.clipboard.readText()") == IBAN
    copied = page.locator(".donation__account").first.get_attribute("data-copied-label")
    expect(copy).to_have_text(copied)


def _scan(element, tmp_path):
    """The text of the QR code as a phone would read it from the screen (zbarimg), or None when
    zbar-tools is not installed outside CI."""
    if shutil.which("zbarimg") is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true and zbarimg is missing (apt-get install zbar-tools)")
        return None
    picture = tmp_path / "code.png"
    element.screenshot(path=str(picture))
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(picture)], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_a_volunteer_filters_by_skill_and_applies_without_javascript(demo_server, context_factory):
    from volunteering.models import VacancyApplication

    page = context_factory(java_script_enabled=False).new_page()
    page.goto(f"{demo_server}/en/volunteer/")
    filters = page.get_by_role("navigation", name="Filter positions")
    # The filters are folded until opened (a <details>, which needs no JavaScript).
    django = filters.get_by_role("link", name="Django")
    expect(django).to_be_hidden()
    filters.get_by_text("Filter", exact=True).click()
    django.click()
    assert page.url.endswith("/en/volunteer/?skill=django")
    expect(page.locator(".vacancy-results__count")).to_contain_text("1 position matches")
    results = page.locator(".vacancy-listing .listing__title")
    expect(results).to_have_count(1)
    results.get_by_role("link").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Python and Wagtail developer")
    shown_at = time.monotonic()
    page.get_by_label("Name or pseudonym").fill("Sasha")
    page.get_by_label("Email or messenger handle").fill("sasha.volunteer@example.org")
    page.get_by_label("Languages you work in").fill("Russian, English")
    page.get_by_label("Availability").fill("8 hours a week from December")
    page.get_by_label("Why this role?").fill("I build Django sites and want to help.")
    page.get_by_label("I agree that the volunteer coordinators keep these answers").check()
    page.locator("input[name=captcha_1]").fill(captcha_answer(page))
    time.sleep(max(0, settings.FORM_MIN_FILL_SECONDS + 0.5 - (time.monotonic() - shown_at)))
    page.get_by_role("button", name="Send application").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Thank you for applying")
    application = VacancyApplication.objects.get(contact="sasha.volunteer@example.org")
    assert application.vacancy.title == "Python and Wagtail developer"
    assert application.name == "Sasha"
    assert application.consent is True
