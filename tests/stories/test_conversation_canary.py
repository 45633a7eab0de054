"""The conversation's canaries: a moderator's question, an attached photo's pixels, the
contributor's answer and their request for changes are found nowhere at rest — no table of a
pg_dump, no WAL segment or table file of the cluster, no Redis value or file, no media file, no
log line, nothing in PostgreSQL's own log with every statement logged — at every step of the
exchange; nor is the receipt code. The machinery (and its positive controls) is the sealed
submissions' (test_sealed_canary.py)."""

import pytest
from django.test import Client

from cms.core.receipts import normalise_receipt_code
from stories.models import ConversationMessage
from stories.privacy.receipts import receipt_digest
from tests.builders import World
from tests.stories.conversation_helpers import (
    check,
    conversation_url,
    ingest,
    send_and_draft,
    version_position,
)
from tests.stories.inbox_helpers import moderator_client
from tests.stories.submission_helpers import upload
from tests.stories.test_sealed_canary import (
    DATA_DIR,
    leaks,
    needles,
    pattern_png,
    watched_stores,
)

QUESTION = "Canary question: was it Sredneuralsk-4471?"
ANSWER = "Canary answer: my cousin Akulina Wombatovna-8832 was there."
CHANGES = "Canary changes: leave out the tram stop Okapievo-6610."


@pytest.mark.skipif(not DATA_DIR.exists(), reason="needs the local PostgreSQL cluster's files")
@pytest.mark.django_db(transaction=True)
def test_messages_both_ways_are_nowhere_at_rest(settings, redis_spool, caplog):
    with watched_stores(settings, redis_spool, caplog) as places:
        moderator = moderator_client(World.load().users["moderator"])
        contributor = Client()
        code, item = send_and_draft(contributor, moderator)
        photo = pattern_png()
        canaries = {
            "question": b"Sredneuralsk-4471",
            "answer": b"Wombatovna-8832",
            "changes": b"Okapievo-6610",
            "receipt code": normalise_receipt_code(code).encode(),
            "photo pixels": needles(photo)["photo pixels"],
        }
        digest = receipt_digest(code).encode()

        # 1. The moderator asks, with a photo: sealed to both sides, nothing readable.
        response = moderator.post(
            conversation_url(item, "write/"),
            {"text": QUESTION, "photo": upload(photo, "pattern.png", "image/png")},
        )
        assert response.status_code == 302
        assert leaks(places(), canaries) == []

        # 2. The contributor reads it and answers: the answer waits in Redis under their
        # digest (control), sealed.
        html = check(contributor, code)
        assert QUESTION in html and "data:image/png;base64," in html
        check(contributor, code, action="answer", text=ANSWER)
        seen = places()
        assert any(digest in blob for blob in seen["Redis"])
        assert leaks(seen, canaries) == []

        # 3. Moved into PostgreSQL by the random-delay pass, read by the moderator.
        ingest()
        assert ConversationMessage.objects.filter(from_contributor=True).count() == 1
        assert ANSWER in moderator.get(conversation_url(item)).content.decode()
        assert leaks(places(), canaries) == []

        # 4. The edited version, and a request for changes.
        moderator.post(conversation_url(item, "version/"), {"note": ""})
        html = check(contributor, code)
        check(contributor, code, action="changes", version=version_position(html), text=CHANGES)
        ingest()
        assert CHANGES in moderator.get(conversation_url(item)).content.decode()
        seen = places()
        # Controls: the draft's title, which is in the page tree, is found.
        title = {"title": b"A night visit"}
        assert leaks({"pg_dump": seen["pg_dump"]}, title), "the dump search is blind"
        server = {"PostgreSQL server log": seen["PostgreSQL server log"]}
        assert leaks(server, title), "the server log search is blind"
        assert leaks(seen, canaries) == []
