"""Only the holder of the code learns anything: every wrong code gets the same page, after the
same work (one Argon2id derivation, as for a right code), and the same rate limit as today.
The key derivation itself: the code derives the contributor's key, nothing else does."""

import re

import pytest
from django.test import Client

from cms.core.receipts import new_receipt_code
from stories.conversation import keys
from stories.models import Conversation
from tests.stories.conversation_helpers import check, conversation_url, send_and_draft
from tests.stories.inbox_helpers import moderator_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def shape(html, code):
    # The check form shows back what was typed after an error, as it always did.
    return TOKEN.sub("", html).replace(code, "CODE")


@pytest.fixture
def derivations(monkeypatch):
    calls = []
    real = keys.contributor_private_key

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(keys, "contributor_private_key", counted)
    return calls


def test_wrong_codes_are_indistinguishable_and_cost_what_a_right_one_costs(
    form_pages, users, derivations
):
    moderator = moderator_client(users["moderator"])
    contributor = Client()
    code, item = send_and_draft(contributor, moderator)
    moderator.post(conversation_url(item, "write/"), {"text": "A question for you"})

    derivations.clear()
    right = check(contributor, code)
    assert "A question for you" in right and len(derivations) == 1

    pages = []
    for _ in range(3):
        derivations.clear()
        typed = new_receipt_code()
        wrong = Client().post(
            "/en/stories/status/", {"code": typed, "action": "answer", "text": "x"}
        )
        assert wrong.status_code == 200
        assert len(derivations) == 1, "a wrong code must cost the same derivation"
        pages.append(shape(wrong.content.decode(), typed))
    assert pages[0] == pages[1] == pages[2]
    assert "We know no story with this code" in pages[0]
    assert "A question for you" not in pages[0] and "data-conversation" not in pages[0]


def test_wrong_codes_with_an_action_stay_rate_limited(form_pages, settings):
    settings.STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE = 5
    stranger = Client()
    answers = [
        stranger.post(
            "/en/stories/status/", {"code": new_receipt_code(), "action": "withdraw"}
        ).status_code
        for _ in range(8)
    ]
    assert answers[:5] == [200] * 5 and 429 in answers[5:]


def test_the_code_derives_the_key_and_another_code_does_not(form_pages, users):
    moderator = moderator_client(users["moderator"])
    code, item = send_and_draft(Client(), moderator)
    conversation = Conversation.objects.get(submission=item)
    assert keys.for_code(conversation, code) is not None
    assert keys.for_code(conversation, code.lower().replace("-", " ")) is not None
    assert keys.for_code(conversation, new_receipt_code()) is None
    # Another item's salt gives another key from the same code: the salt is per item.
    other = Conversation(
        salt=b"\x01" * 16,
        opslimit=conversation.opslimit,
        memlimit=conversation.memlimit,
        contributor_public_key=conversation.contributor_public_key,
    )
    assert keys.for_code(other, code) is None
