"""The conversation in Chromium, in English and in Russian: a contributor with JavaScript off
tells a story and is told to come back; a moderator asks a question from the sealed item; the
contributor reads it with the code on the status page and answers; the moderator sees the
answer stand out and sends the edited version; the publisher cannot publish it until the
contributor, still without JavaScript, approves it; then it is live. And a withdrawal."""

import re
import time

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from playwright.sync_api import expect

from stories.demo_inbox import DEFAULT_PASSPHRASE
from stories.models import SealedSubmission, StoryPage
from stories.privacy.receipts import receipt_digest
from tests.browser import axe
from tests.browser.site import captcha_answer, sign_in

pytestmark = pytest.mark.browser

QUESTION = "Can we say it was in the Urals rather than Perm?"
ANSWER = {"en": "Yes, the Urals is fine.", "ru": "Да, Урал — хорошо."}
TITLE = {"en": "The tram stop at dawn", "ru": "Остановка на рассвете"}
WITHDRAWN = (
    "Withdrawn. You withdrew your story: it is not published, and everything you sent has "
    "been destroyed."
)
TEXT = {"en": "They took him at the tram stop at dawn.", "ru": "Его забрали на остановке утром."}


def t(language, text):
    with translation.override(language):
        return translation.gettext(text)


def tell(page, base_url, language):
    page.goto(f"{base_url}/{language}/stories/tell/")
    shown_at = time.monotonic()
    page.locator("input[name=title]").fill(TITLE[language])
    page.locator("textarea[name=text]").fill(TEXT[language])
    page.locator("input[name=consent_publication]").check()
    page.locator("input[name=captcha_1]").fill(captcha_answer(page))
    time.sleep(max(0, settings.FORM_MIN_FILL_SECONDS + 0.5 - (time.monotonic() - shown_at)))
    page.get_by_role("button", name=t(language, "Send my story")).click()
    expect(page.locator("[data-come-back]")).to_be_visible()
    return page.locator(".receipt__code code").inner_text().strip()


def check(page, base_url, language, code):
    page.goto(f"{base_url}/{language}/stories/status/")
    page.locator("input[name=code]").fill(code)
    page.get_by_role("button", name=t(language, "Check"), exact=True).click()
    return page.locator(".receipt-status")


def accessible(context_factory, page):
    """The page as this browser without JavaScript has it, checked by axe where it can run (as
    test_accessibility.py does), if axe-core is installed."""
    if not axe.AXE.exists():
        return
    checker = context_factory(bypass_csp=True).new_page()
    checker.goto(page.url)
    checker.set_content(axe.without_scripts(page.content()))
    found = axe.violations(checker)
    assert not found, axe.report(found)


def unlocked_moderator(context_factory, base_url):
    moderator = context_factory().new_page()
    sign_in(moderator, base_url, "moderator")
    moderator.goto(f"{base_url}/admin/stories/inbox/")
    moderator.get_by_label("Passphrase").fill(DEFAULT_PASSPHRASE)
    moderator.get_by_role("button", name="Unlock my key").click()
    expect(moderator.locator(".messages")).to_contain_text("unlocked for this session")
    return moderator


def approve(page, base_url, story):
    page.goto(f"{base_url}/admin/pages/{story.pk}/edit/")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile(r"^Approve( and Publish)?$")).click()


def started(moderator, base_url, code):
    call_command("ingest_submissions", "--no-delay")
    item = SealedSubmission.objects.get(receipt_digest=receipt_digest(code))
    moderator.goto(f"{base_url}/admin/stories/inbox/{item.pk}/")
    moderator.get_by_role("button", name="Start the draft").click()
    item.refresh_from_db()
    return item


@pytest.mark.parametrize("language", ["en", "ru"])
def test_question_answer_and_consent_without_javascript(demo_server, context_factory, language):
    contributor = context_factory(java_script_enabled=False).new_page()
    code = tell(contributor, demo_server, language)
    moderator = unlocked_moderator(context_factory, demo_server)
    item = started(moderator, demo_server, code)
    conversation = f"{demo_server}/admin/stories/inbox/{item.pk}/conversation/"

    moderator.goto(conversation)
    moderator.get_by_label("Message to the contributor").fill(QUESTION)
    moderator.get_by_role("button", name="Send", exact=True).click()
    expect(moderator.locator(".messages")).to_contain_text("Sent.")

    status = check(contributor, demo_server, language, code)
    expect(status.locator("[data-new]")).to_have_text(t(language, "New: the editors wrote to you."))
    expect(status).to_contain_text(QUESTION)
    contributor.get_by_label(t(language, "Your answer")).fill(ANSWER[language])
    contributor.get_by_role("button", name=t(language, "Send my answer")).click()
    expect(contributor.locator("[data-sent]")).to_be_visible()
    assert [c["name"] for c in contributor.context.cookies()] in ([], ["csrftoken"])

    call_command("ingest_submissions", "--no-delay")
    moderator.goto(f"{demo_server}/admin/stories/inbox/")
    expect(moderator.locator(f'[data-inbox-item="{item.pk}"] [data-unread-answer]')).to_be_visible()
    moderator.goto(conversation)
    expect(moderator.locator("[data-conversation]")).to_contain_text(ANSWER[language])
    moderator.get_by_role("button", name="Send this version").click()
    story = StoryPage.objects.get(pk=item.page_id)
    approve(moderator, demo_server, story)

    # The publisher sees where consent stands; the last approval does not publish without it.
    publisher = context_factory().new_page()
    sign_in(publisher, demo_server, "publisher")
    approve(publisher, demo_server, story)
    expect(publisher.locator(".messages")).to_contain_text("its contributor approved")
    story.refresh_from_db()
    assert not story.live

    status = check(contributor, demo_server, language, code)
    expect(status.locator("[data-conversation]")).to_contain_text(TEXT[language])
    accessible(context_factory, contributor)  # the thread, the version and three forms
    contributor.get_by_role("button", name=t(language, "Yes, publish this version")).click()
    expect(contributor.locator("[data-sent]")).to_be_visible()
    call_command("ingest_submissions", "--no-delay")

    approve(publisher, demo_server, story)
    expect(publisher.locator(".messages")).to_contain_text(TITLE[language])
    story.refresh_from_db()
    assert story.live
    expect(check(contributor, demo_server, language, code)).to_contain_text(
        t(language, "Published.")
    )


def test_a_contributor_withdraws_without_javascript(demo_server, context_factory):
    contributor = context_factory(java_script_enabled=False).new_page()
    code = tell(contributor, demo_server, "ru")
    moderator = unlocked_moderator(context_factory, demo_server)
    item = started(moderator, demo_server, code)
    moderator.goto(f"{demo_server}/admin/stories/inbox/{item.pk}/conversation/")
    moderator.get_by_role("button", name="Send this version").click()
    expect(moderator.locator(".messages")).to_contain_text("The version is sent.")

    check(contributor, demo_server, "ru", code)
    contributor.get_by_label(
        t("ru", "I am sure: do not publish my story, and destroy everything I sent.")
    ).check()
    contributor.get_by_role("button", name=t("ru", "Withdraw my story")).click()
    expect(contributor.locator("[data-sent]")).to_be_visible()
    call_command("ingest_submissions", "--no-delay")

    assert not StoryPage.objects.filter(pk=item.page_id).exists()
    expect(check(contributor, demo_server, "ru", code)).to_contain_text(t("ru", WITHDRAWN))
