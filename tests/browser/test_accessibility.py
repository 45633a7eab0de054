"""WCAG 2.2 AA in Chromium: axe-core on every public page type in English and Russian, with
JavaScript on and off; and the story form used by keyboard alone, with its errors tied to the
fields and a captcha that does not need eyes."""

import time

import pytest
from django.conf import settings
from playwright.sync_api import expect

from tests.browser import axe
from tests.browser.pages import PAGE_TYPES, public_path
from tests.browser.site import captcha_answer

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["en", "ru"])
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_serious_accessibility_violations(demo_server, context_factory, kind, language):
    axe.require_axe()
    url = demo_server + public_path(kind, language)
    checker = context_factory(bypass_csp=True).new_page()
    checker.goto(url)
    with_js = axe.violations(checker)

    # Without JavaScript axe cannot run in the page: take the page as that browser has it and
    # check it where axe can run, at the same address so that its styles apply.
    no_js = context_factory(java_script_enabled=False).new_page()
    no_js.goto(url)
    checker.goto(url)
    checker.set_content(axe.without_scripts(no_js.content()))
    without_js = axe.violations(checker)

    assert not with_js, f"{url} with JavaScript:\n{axe.report(with_js)}"
    assert not without_js, f"{url} without JavaScript:\n{axe.report(without_js)}"


FOCUS_STYLE = """() => {
    const el = document.activeElement, style = getComputedStyle(el);
    return {
        name: el.name || el.id || el.textContent.trim().slice(0, 30), tag: el.tagName,
        visible: el.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
    };
}"""


def test_the_story_form_works_by_keyboard_with_visible_focus(demo_server, context_factory):
    page = context_factory().new_page()
    page.goto(demo_server + public_path("story form", "en"))
    page.locator("#id_title").focus()
    reached = []
    for _ in range(60):
        focus = page.evaluate(FOCUS_STYLE)
        reached.append(focus["name"])
        assert focus["visible"] and focus["outline"], f"no visible focus on {focus}"
        if focus["tag"] == "BUTTON" and "Send my story" in focus["name"]:
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail(f"Tab never reached the send button: {reached}")
    for field in ["title", "text", "language", "region", "credit", "pseudonym"]:
        assert field in reached, f"{field} is not reachable by keyboard: {reached}"
    for field in ["consent_publication", "photo_1", "photo_1_alt", "captcha_1"]:
        assert field in reached, f"{field} is not reachable by keyboard: {reached}"
    # The honeypot is for bots only: keyboard users never land in it.
    assert "website" not in reached
    assert reached.index("captcha_1") < len(reached) - 1  # the captcha comes before sending


def test_form_errors_are_summarised_and_tied_to_their_fields(demo_server, context_factory):
    page = context_factory().new_page()
    page.goto(demo_server + public_path("story form", "en"))
    page.get_by_role("textbox", name="Title", exact=True).fill("A title")
    page.get_by_role("textbox", name="Your story", exact=True).fill("Some text.")
    page.get_by_label("I agree that my story is published").check()
    page.get_by_label("A pseudonym").check()  # ...but no pseudonym given
    wrong = str(int(captcha_answer(page)) + 1)
    page.locator("input[name=captcha_1]").fill(wrong)
    time.sleep(settings.FORM_MIN_FILL_SECONDS + 0.5)  # as long as a person takes, at least
    page.get_by_role("button", name="Send my story").press("Enter")

    summary = page.locator("#error-summary")
    expect(summary).to_be_visible()
    # The summary comes first in the form, before any field.
    assert page.evaluate(
        "() => document.querySelector('#error-summary').compareDocumentPosition("
        "document.querySelector('#id_title')) & Node.DOCUMENT_POSITION_FOLLOWING"
    )
    links = summary.get_by_role("link")
    texts = links.all_inner_texts()
    assert any(text.startswith("Pseudonym:") for text in texts), texts
    assert any(text.startswith("Anti-spam question:") for text in texts), texts
    for link in links.all():
        target = link.get_attribute("href")
        assert page.locator(target).count() == 1, f"the summary links to missing {target}"
        field = page.locator(target)
        # A screen reader on the field reads the error too: it is in what describes the field.
        error = link.inner_text().split(": ", 1)[1]
        described = (field.get_attribute("aria-describedby") or "").split()
        descriptions = " ".join(page.locator(f"[id='{ref}']").inner_text() for ref in described)
        assert error in descriptions, f"{target} is not described by its error {error!r}"
        # Following the link puts the keyboard in the field.
        link.click()
        expect(field).to_be_focused()


def test_the_captcha_can_be_heard(demo_server, context_factory):
    import shutil

    page = context_factory().new_page()
    page.goto(demo_server + public_path("story form", "en"))
    audio = page.get_by_role("link", name="Listen to the question (audio)")
    if shutil.which("flite") is None:
        pytest.skip("flite is not installed: django-simple-captcha offers audio only with it")
    expect(audio).to_be_visible()
    response = page.request.get(demo_server + audio.get_attribute("href"))
    assert response.ok
    assert response.headers["content-type"].startswith("audio/")
    assert len(response.body()) > 10_000  # a spoken sum, not an empty file


OBSCURED = """() => {
    const el = document.activeElement, box = el.getBoundingClientRect();
    const exit = document.getElementById("quick-exit").getBoundingClientRect();
    const overlap = box.right > exit.left && box.left < exit.right
        && box.bottom > exit.top && box.top < exit.bottom;
    return {name: el.name || el.id || el.textContent.trim().slice(0, 30),
            covered: el.id !== "quick-exit" && overlap && box.height <= 100};
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_focus_is_never_hidden_under_the_quick_exit_button(demo_server, context_factory, width):
    """WCAG 2.2, 2.4.11: the fixed quick-exit button must not cover what keyboard focus is on.
    A field taller than 100 px (the story's text) may pass partly under it and stays readable;
    a line input, a checkbox or a link must stay clear of it (site.css scroll-padding)."""
    page = context_factory(viewport={"width": width, "height": 640}).new_page()
    page.goto(demo_server + public_path("story form", "en"))
    for _ in range(60):
        page.keyboard.press("Tab")
        focus = page.evaluate(OBSCURED)
        assert not focus["covered"], f"{focus['name']} is under the quick-exit button"
        if "Send my story" in focus["name"]:
            break
