"""The story form at /<lang>/stories/tell/: a no-JS form that only seals into the spool, with
the receipt shown once, labels and errors in the contributor's language, and rate limits."""

import datetime

import pytest
from django.core.management import call_command

from stories.models import SealedSubmission, SpooledSubmission, StoryPage
from stories.privacy.receipts import normalise_receipt_code, receipt_digest
from stories.sealing.crypto import unb64
from tests.stories.sealing_helpers import received_count, received_payloads
from tests.stories.submission_helpers import (
    jpeg_bytes,
    receipt_from,
    solved_protection,
    story_fields,
    submit_story,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]


def test_form_works_without_javascript_and_sets_no_cookie(client, form_pages):
    tell, _status = form_pages["en"]
    response = client.get("/en/stories/tell/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'enctype="multipart/form-data"' in html and 'method="post"' in html
    for name in (
        "title",
        "text",
        "language",
        "credit",
        "pseudonym",
        "consent_publication",
        "consent_translation",
        "contact",
        "photo_1",
        "photo_3",
        "captcha_1",
        "website",
    ):
        assert f'name="{name}"' in html, name
    assert 'name="photo_4"' not in html
    # Public forms are checked by their Origin, not a cookie (cms/core/security/csrf.py).
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    # Nothing from another site: every src/href is local.
    assert (
        "http://" not in html.replace("http://testserver", "").split("<main")[1].split("</main>")[0]
    )


def test_a_submission_is_queued_with_a_date_and_the_receipt_shown_once(client, form_pages):
    pages_before = StoryPage.objects.count()
    response = submit_story(
        client,
        "/en/stories/tell/",
        files={"photo_1": upload(jpeg_bytes())},
        photo_1_alt="A red square",
        contact="signal: someone",
    )
    assert response.status_code == 200
    code = receipt_from(response)
    assert normalise_receipt_code(code) is not None
    assert "no-store" in response["Cache-Control"]
    assert code not in response.get("Location", "") and code not in response.request["PATH_INFO"]

    # Sealed in the spool: opened here with the tests' recovery key.
    (row,) = received_payloads()
    assert row["title"] == "The night they came"
    assert row["text"] == "First paragraph of what happened.\n\nSecond paragraph."
    assert (row["language"], row["region"], row["credit"], row["contact"]) == (
        "en",
        "siberia",
        "anonymous",
        "signal: someone",
    )
    assert row["consent_publication"] and row["consent_translation"]
    (photo,) = row["photos"]
    assert photo["alt_text"] == "A red square" and unb64(photo["data"]).startswith(b"\xff\xd8")
    spooled = SpooledSubmission.objects.get()
    assert spooled.receipt_digest == receipt_digest(code)
    assert code.replace("-", "") not in spooled.receipt_digest
    assert b"The night they came" not in bytes(spooled.entry)
    call_command("ingest_submissions", "--no-delay")
    assert SealedSubmission.objects.get().received_on == datetime.datetime.now(datetime.UTC).date()
    # The public POST never writes to the page tree.
    assert StoryPage.objects.count() == pages_before

    # Shown once: the form page never shows the code again.
    assert code not in client.get("/en/stories/tell/").content.decode()


def test_the_story_language_can_differ_from_the_page_language(client, form_pages):
    submit_story(client, "/ru/stories/tell/", language="uk")
    assert received_payloads()[0]["language"] == "uk"


def test_a_wrong_captcha_answer_queues_nothing(client, form_pages):
    data = {**solved_protection(client, "/en/stories/tell/"), **story_fields()}
    data["captcha_1"] = "999999"
    response = client.post("/en/stories/tell/", data)
    assert response.status_code == 200
    assert "That answer is not right" in response.content.decode()
    assert received_count() == 0


def test_the_honeypot_rejects_bots(client, form_pages):
    data = {**solved_protection(client, "/en/stories/tell/"), **story_fields()}
    data["website"] = "http://spam.example"
    client.post("/en/stories/tell/", data)
    assert received_count() == 0


def test_a_pseudonym_is_required_only_with_pseudonym_credit(client, form_pages):
    response = submit_story(client, "/en/stories/tell/", credit="pseudonym", pseudonym="")
    assert "Please choose a pseudonym" in response.content.decode()
    assert received_count() == 0

    submit_story(client, "/en/stories/tell/", credit="anonymous", pseudonym="Ignored Name")
    assert received_payloads()[0]["pseudonym"] == ""


def test_publication_consent_is_required(client, form_pages):
    response = submit_story(client, "/en/stories/tell/", consent_publication=None)
    assert "We can only publish your story if you agree" in response.content.decode()
    assert received_count() == 0


def test_story_text_has_a_maximum_length(client, form_pages, settings):
    settings.STORY_TEXT_MAX_LENGTH = 50
    response = submit_story(client, "/en/stories/tell/", text="x" * 51)
    assert 'maxlength="50"' in response.content.decode()
    assert "at most 50 characters" in response.content.decode()
    assert received_count() == 0


def test_invisible_and_control_characters_are_removed(client, form_pages):
    submit_story(
        client,
        "/en/stories/tell/",
        title="Night\u200b of\x07 fear",
        text="One\u200b\u2066 line\r\n\r\n\r\n\r\nTwo",
    )
    (row,) = received_payloads()
    assert row["title"] == "Night of fear"
    assert row["text"] == "One line\n\nTwo"


def test_labels_and_errors_are_in_the_contributors_language(client, form_pages):
    html = client.get("/ru/stories/tell/").content.decode()
    assert "Ваша история" in html and "Отправить мою историю" in html
    response = submit_story(client, "/ru/stories/tell/", credit="pseudonym", pseudonym="")
    assert "Пожалуйста, выберите псевдоним" in response.content.decode()


def test_too_many_submissions_from_one_address_get_a_friendly_429(client, form_pages, settings):
    settings.STORY_RATE_LIMIT_PER_ADDRESS = 2
    for _ in range(2):
        assert submit_story(client, "/ru/stories/tell/").status_code == 200
    response = submit_story(client, "/ru/stories/tell/")
    assert response.status_code == 429
    assert "Пожалуйста, подождите" in response.content.decode()
    assert response["Retry-After"]
    assert received_count() == 2
    # Another address is not affected by this one.
    assert (
        submit_story(client, "/ru/stories/tell/", headers={"REMOTE_ADDR": "10.9.8.7"}).status_code
        == 200
    )


def test_the_global_cap_covers_everyone_behind_tor(client, form_pages, settings):
    settings.STORY_RATE_LIMIT_GLOBAL_PER_MINUTE = 2
    for address in ("10.0.0.1", "10.0.0.2"):
        submit_story(client, "/en/stories/tell/", headers={"REMOTE_ADDR": address})
    response = submit_story(client, "/en/stories/tell/", headers={"REMOTE_ADDR": "10.0.0.3"})
    assert response.status_code == 429
    assert received_count() == 2


def test_onion_requests_count_only_against_the_global_cap(client, form_pages, settings):
    settings.STORY_RATE_LIMIT_PER_ADDRESS = 1
    settings.ALLOWED_HOSTS = ["testserver", "example.onion"]
    settings.ONION_SERVICE_HOSTS = ["example.onion"]
    for _ in range(3):
        response = submit_story(client, "/en/stories/tell/", headers={"HTTP_HOST": "example.onion"})
        assert response.status_code == 200
    assert received_count() == 3


def test_a_browser_with_csrf_checks_can_send_the_form(form_pages):
    """Real browsers send Origin with a POST; the page's referrer policy decides whether it is
    our origin or "null" (which Django's CSRF check refuses). The form pages ask for same-origin."""
    import re

    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    response = browser.get("/en/stories/tell/")
    assert response["Referrer-Policy"] == "same-origin"
    assert browser.get("/en/stories/status/")["Referrer-Policy"] == "same-origin"
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.content.decode())
    data = {
        **solved_protection(browser, "/en/stories/tell/"),
        **story_fields(),
        "csrfmiddlewaretoken": token.group(1),
    }
    sent = browser.post("/en/stories/tell/", data, HTTP_ORIGIN="http://testserver")
    assert sent.status_code == 200 and received_count() == 1
