"""The conversation over HTTP: a contributor with their code on the status page, moderators in
the admin, and the random-delay pass that moves answers in."""

import re

from django.core.management import call_command

from stories.models import SealedSubmission
from tests.stories.inbox_helpers import item_url
from tests.stories.submission_helpers import receipt_from, submit_story


def conversation_url(item, suffix=""):
    return item_url(item, f"conversation/{suffix}")


def ingest():
    call_command("ingest_submissions", "--no-delay")


def send_and_draft(contributor, moderator, language="en", title="A night visit", **fields):
    """The contributor sends a story, it is moved in, a moderator starts a draft from it."""
    code = receipt_from(
        submit_story(
            contributor, f"/{language}/stories/tell/", language=language, title=title, **fields
        )
    )
    ingest()
    item = SealedSubmission.objects.get()
    response = moderator.post(
        item_url(item, "draft/"), {"title": title, "text": "Someone was taken away at night."}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    return code, item


def check(contributor, code, language="en", **data):
    response = contributor.post(f"/{language}/stories/status/", {"code": code, **data})
    assert response.status_code == 200
    return response.content.decode()


VERSION = re.compile(r'name="version" value="(\d+)"')


def version_position(html):
    match = VERSION.search(html)
    assert match, "no version waiting for consent on the page"
    return match.group(1)


def contributor_approves(story, user=None):
    """The story as it stands goes to its contributor, who approves it: the exchange of
    test_conversation_exchange.py without HTTP, for journeys about something else. The version
    is sent with the item's key opened by the suite's recovery key (as a moderator's key would),
    and the approval is sealed, spooled and moved in as the status page does it."""
    from stories.conversation import answers, store
    from stories.models import Conversation, ConversationMessage
    from stories.sealing import inbox
    from tests.stories.sealing_helpers import RECOVERY

    item = SealedSubmission.objects.get(page_id=story.pk)
    position = store.send_version(item, inbox.item_key(item, RECOVERY), user, "")
    conversation = Conversation.objects.get(submission=item)
    answers.spool_answer(
        item.receipt_digest, conversation, ConversationMessage.APPROVE, {"text": ""}, position
    )
    answers.move_all()
