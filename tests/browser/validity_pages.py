"""The pages a reader gets back from a form or an error, for the Nu Html Checker
(test_html_validity.py): each form after a refused POST, the letter form after its check, the
status page with a conversation's three forms, a rate limit's 429 and the 500 and 503 pages.

They are made through Django's test client on the live server's demo copy, in this process:
the same views and templates as over HTTP, without a CSRF cookie dance, and each client with an
address of its own (documentation range), so the rate limits it meets are not the journeys'.
"""

import itertools

from django.core.management import call_command
from django.db import OperationalError
from django.test import Client, RequestFactory, override_settings
from django.utils import translation

from tests.browser.pages import public_path

_ADDRESSES = (f"198.51.100.{n}" for n in itertools.count(10))
WRONG_CODE = "AAAA-AAAA-AAAA-AAAA-AAAA"


def _client():
    return Client(REMOTE_ADDR=next(_ADDRESSES))


def _html(response, status):
    assert response.status_code == status, (response.status_code, response.get("Location"))
    return response.content.decode()


def _refused(path, data, status=200):
    return _html(_client().post(path, data), status)


def _too_many(path):
    """Wrong codes from one address until the receipt check says: too many."""
    client = _client()
    for _ in range(100):
        response = client.post(path, {"code": WRONG_CODE})
        if response.status_code == 429:
            return response.content.decode()
    raise AssertionError(f"{path} never answered 429")


def _failure(language, error):
    from cms.core.views import server_error

    request = RequestFactory().post(f"/{language}/stories/tell/")
    with translation.override(language):
        try:
            raise error
        except type(error):
            return server_error(request).content.decode()


def status_with_thread(language):
    """A story told, moved in, drafted by a demo moderator who asks a question and sends the
    edited version: the status page then shows the thread, the answer form and the decision."""
    from django.contrib.auth import get_user_model

    from stories.demo_inbox import DEFAULT_PASSPHRASE
    from stories.models import SealedSubmission
    from stories.privacy.receipts import receipt_digest
    from tests.stories.inbox_helpers import item_url, moderator_client
    from tests.stories.submission_helpers import receipt_from, submit_story

    contributor = _client()
    tell = public_path("story form", language)
    # People are slow; this client is not (the minimum fill time is tested in tests/cms).
    with override_settings(FORM_MIN_FILL_SECONDS=0):
        response = submit_story(contributor, tell, language=language, title="At dawn")
    code = receipt_from(response)
    call_command("ingest_submissions", "--no-delay")
    item = SealedSubmission.objects.get(receipt_digest=receipt_digest(code))
    moderator = get_user_model().objects.get(username="moderator")
    staff = moderator_client(moderator, key=False, passphrase=DEFAULT_PASSPHRASE)
    draft = {"title": "At dawn", "text": "Someone was taken away at dawn."}
    assert staff.post(item_url(item, "draft/"), draft).status_code == 302
    conversation = item_url(item, "conversation/")
    assert staff.post(conversation + "write/", {"text": "Perm, or the Urals?"}).status_code == 302
    assert staff.post(conversation + "version/", {"note": ""}).status_code == 302
    html = _html(contributor.post(public_path("receipt check", language), {"code": code}), 200)
    for form in ('name="action" value="answer"', 'name="action" value="approve"', "withdraw"):
        assert form in html, form
    return html


def answered_pages(language):
    """{kind: html} of every answer above, in `language`."""
    from tests.volunteering.helpers import ANSWERS

    vacancy = public_path("vacancy", language)
    letter_form = public_path("letter form", language)
    letter_status = public_path("letter receipt check", language)
    checked = {
        "text": "Hello! I think of you every day, and hope that the spring reaches you too.",
        "language": "en",
        "reply": "none",
        "action": "check",
    }
    return {
        "vacancy application, refused": _refused(vacancy, {**ANSWERS, "name": ""}, 400),
        "letter form, refused": _refused(letter_form, {"text": "x", "action": "send"}),
        "letter form, checked": _refused(letter_form, checked),
        "receipt check, refused": _refused(public_path("receipt check", language), {"code": "x"}),
        "letter receipt check, refused": _refused(letter_status, {"code": "x"}),
        "receipt check, 429": _too_many(public_path("receipt check", language)),
        "letter receipt check, 429": _too_many(letter_status),
        "status page with a conversation": status_with_thread(language),
        "500": _failure(language, ValueError("a bug")),
        "503": _failure(language, OperationalError("the database is down")),
    }
