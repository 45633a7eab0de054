"""Readers of the smaller languages in Chromium, as issue #19 checks them: from the French or
Czech home page to a campaign that exists only in other languages, then to a donation code for
the amount they pick, on a phone and on a desktop, without JavaScript. Each code on the page is
read back by zbar from the screenshot, as a banking app would read it."""

import shutil
import subprocess

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SECTION = {"fr": "Campagnes", "cs": "Kampaně"}
HEADINGS = {"fr": "Dans d’autres langues", "cs": "V jiných jazycích"}
IBAN = "DE89370400440532013000"
CZ_ACCOUNT = "ACC:CZ6508000000192000145399"


def scanned(element, path):
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is missing (apt-get install zbar-tools)")
    element.screenshot(path=str(path))
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(path)], capture_output=True, check=True
    )
    return result.stdout.decode("latin-1").strip()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["fr", "cs"])
def test_a_reader_goes_from_the_home_page_to_a_campaign_and_a_donation_code(
    demo_server, context_factory, tmp_path, language, width
):
    context = context_factory(viewport={"width": width, "height": 900}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_server}/{language}/")

    # 1. The section link in the site's menu. No campaign is translated into this language:
    # the list says so and names the campaigns of the other languages, each with its language.
    page.locator("header").get_by_role("link", name=SECTION[language], exact=True).click()
    assert page.url == f"{demo_server}/{language}/campaigns/"
    expect(page.get_by_role("heading", name=HEADINGS[language])).to_be_visible()
    entry = page.locator("[data-elsewhere]", has_text="Free the Voices")
    expect(entry).to_contain_text("(In English)")

    # 2. The campaign, in English.
    entry.get_by_role("link", name="Free the Voices").click()
    assert page.url == f"{demo_server}/en/campaigns/free-the-voices/"
    # The way back to the reader's language leads to its campaigns, not its home page.
    back = page.get_by_role("navigation", name="Languages").locator(f"a[hreflang={language}]")
    expect(back).to_have_attribute("href", f"/{language}/campaigns/")

    # 3. One code per account; the reader picks 25 EUR from plain links.
    blocks = page.locator("section.donation")
    expect(blocks.locator(".donation__code svg")).to_have_count(blocks.count())
    euro = blocks.filter(has=page.locator('[data-code-currency="EUR"]')).first
    euro.get_by_role("link", name="25\xa0EUR").click()
    assert "amount=25" in page.url
    codes = page.locator(".donation__code")
    payloads = {}
    for number in range(codes.count()):
        code = codes.nth(number)
        currency = code.get_attribute("data-code-currency")
        # The currency is written beside the code it belongs to.
        expect(code.locator("figcaption")).to_contain_text(currency)
        payloads[currency] = scanned(code.locator("svg"), tmp_path / f"code-{number}.png")
    assert set(payloads) == {"EUR", "CZK"}
    assert payloads["EUR"].startswith("BCD") and IBAN in payloads["EUR"]
    assert "\nEUR25.00\n" in payloads["EUR"]
    # The koruna account keeps its own code (QR Platba, any amount), never a euro one.
    assert payloads["CZK"].startswith("SPD*") and CZ_ACCOUNT in payloads["CZK"]
    assert "CC:CZK" in payloads["CZK"] and "*AM:" not in payloads["CZK"]
