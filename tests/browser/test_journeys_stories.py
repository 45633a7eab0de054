"""A story's whole path in Chromium: a contributor without JavaScript tells it with a photo, keeps
the receipt, checks its state; a moderator unlocks the sealed inbox, opens it, starts a draft
without the sentence that identifies someone, and approves; a publisher publishes; readers find
it in its language's listing, and the contributor's code now says "Published"."""

import re
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import expect

from stories.demo_inbox import DEFAULT_PASSPHRASE
from stories.models import SealedSubmission
from stories.privacy.receipts import receipt_digest
from tests.browser.site import captcha_answer, jpeg_file, sign_in

pytestmark = pytest.mark.browser

TITLE = "The night the drones came"
KEPT = "We slept in the corridor with the children until the morning."
IDENTIFYING = "My neighbour Ivan Petrovich from house 14 filmed it from his balcony."
LAST = "In the morning the school had no windows left."


def tell_story(page, base_url, photo):
    page.goto(f"{base_url}/en/stories/tell/")
    shown_at = time.monotonic()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell your story")
    page.get_by_role("textbox", name="Title", exact=True).fill(TITLE)
    story = page.get_by_role("textbox", name="Your story", exact=True)
    story.fill(f"{KEPT} {IDENTIFYING}\n\n{LAST}")
    page.get_by_label("I agree that my story is published").check()
    page.get_by_label("Photo 1 (optional)").set_input_files(str(photo))
    page.get_by_label("What does photo 1 show? (optional)").fill("A school with broken windows")
    # By name, not label: see test_accessibility.py for the captcha label.
    page.locator("input[name=captcha_1]").fill(captcha_answer(page))
    # A person takes longer than the form's minimum fill time; so does this test.
    time.sleep(max(0, settings.FORM_MIN_FILL_SECONDS + 0.5 - (time.monotonic() - shown_at)))
    page.get_by_role("button", name="Send my story").click()
    thanks = page.get_by_role("heading", name="Thank you. Your story has been received.")
    expect(thanks).to_be_visible()
    return page.locator(".receipt__code code").inner_text().strip()


def check_status(page, base_url, code):
    page.goto(f"{base_url}/en/stories/status/")
    page.get_by_label("Your receipt code").fill(code)
    page.get_by_role("button", name="Check").click()
    return page.locator(".receipt-status")


def test_a_story_from_the_form_to_the_listing(demo_server, context_factory, tmp_path):
    # The contributor, with JavaScript off as the form's safety tips suggest (Tor Browser).
    contributor = context_factory(java_script_enabled=False).new_page()
    code = tell_story(contributor, demo_server, jpeg_file(tmp_path / "school.jpg"))
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", code), code
    expect(check_status(contributor, demo_server, code)).to_contain_text("Received.")
    # The code is not shown back on the status page (it is not in any URL either).
    assert code not in contributor.content()

    # Later, the scheduled job moves the sealed submission into the sealed inbox.
    call_command("ingest_submissions", "--no-delay")
    expect(check_status(contributor, demo_server, code)).to_contain_text("Received.")

    # A moderator unlocks their inbox key, opens the item, keeps it without the sentence that
    # identifies a neighbour, and approves the draft's safety review.
    moderator = context_factory().new_page()
    sign_in(moderator, demo_server, "moderator")
    moderator.goto(f"{demo_server}/admin/stories/inbox/")
    moderator.get_by_label("Passphrase").fill(DEFAULT_PASSPHRASE)
    moderator.get_by_role("button", name="Unlock my key").click()
    expect(moderator.locator(".messages")).to_contain_text("unlocked for this session")
    item = SealedSubmission.objects.get(receipt_digest=receipt_digest(code))
    moderator.goto(f"{demo_server}/admin/stories/inbox/{item.pk}/")
    expect(moderator.locator("[data-sealed-item]")).to_contain_text(IDENTIFYING)
    text = moderator.locator("textarea[name='text']")
    expect(text).to_have_value(f"{KEPT} {IDENTIFYING}\n\n{LAST}")
    text.fill(f"{KEPT}\n\n{LAST}")
    moderator.get_by_role("button", name="Start the draft").click()
    expect(check_status(contributor, demo_server, code)).to_contain_text("In review.")
    moderator.goto(f"{demo_server}/admin/stories/moderation/")
    moderator.get_by_role("link", name=TITLE).click()
    expect(moderator.locator("textarea[name='body-0-value']")).to_have_value(KEPT)
    approve(moderator)
    moderator.goto(f"{demo_server}/admin/stories/moderation/")
    expect(moderator.locator("tr", has_text=TITLE)).to_contain_text("Publication")

    # The edited version goes to the contributor, who approves it (test_conversation_journey.py).
    moderator.goto(f"{demo_server}/admin/stories/inbox/{item.pk}/conversation/")
    moderator.get_by_role("button", name="Send this version").click()
    check_status(contributor, demo_server, code)
    contributor.get_by_role("button", name="Yes, publish this version").click()
    call_command("ingest_submissions", "--no-delay")

    # The publisher, a second person, publishes it.
    publisher = context_factory().new_page()
    sign_in(publisher, demo_server, "publisher")
    publisher.goto(f"{demo_server}/admin/stories/moderation/")
    publisher.get_by_role("link", name=TITLE).click()
    expect(publisher.locator("textarea[name='body-0-value']")).to_have_value(KEPT)
    approve(publisher)

    # Readers find it in the English listing, redacted, with its photo.
    reader = context_factory(java_script_enabled=False).new_page()
    reader.goto(f"{demo_server}/en/stories/")
    reader.get_by_role("link", name=TITLE).click()
    expect(reader.locator(".story__body")).to_contain_text(KEPT)
    expect(reader.locator(".story__body")).to_contain_text(LAST)
    assert "Ivan Petrovich" not in reader.content()
    expect(reader.get_by_role("img", name="A school with broken windows")).to_have_count(1)
    story_url = reader.url

    # The contributor's code now leads to the published story.
    status = check_status(contributor, demo_server, code)
    expect(status).to_contain_text("Published.")
    status.get_by_role("link", name="Read your story").click()
    assert contributor.url == story_url


def approve(page):
    """Approve the current workflow step from the page editor's action menu ("Approve", or
    "Approve and Publish" on the last step)."""
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile(r"^Approve( and Publish)?$")).click()
    expect(page.locator(".messages")).to_contain_text(TITLE)
