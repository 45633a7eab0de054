"""A conversation lives and dies with its sealed item, its messages are padded like
submissions, and the consent gate holds on every way a story can go live."""

import pytest
from django.test import Client
from django.utils import timezone

from cms.core.publishing import PublishingRefused, setup_publishing, workflow_approval
from stories.models import Conversation, ConversationMessage, SealedSubmission, SpooledAnswer
from stories.sealing import purge
from tests.stories.conversation_helpers import (
    check,
    conversation_url,
    ingest,
    send_and_draft,
    version_position,
)
from tests.stories.inbox_helpers import item_url, moderator_client

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]


@pytest.fixture
def exchange(form_pages, users):
    moderator = moderator_client(users["moderator"])
    contributor = Client()
    code, item = send_and_draft(contributor, moderator)
    return moderator, contributor, code, item


def test_message_lengths_are_padded_like_submissions(exchange):
    moderator, contributor, code, item = exchange
    moderator.post(conversation_url(item, "write/"), {"text": "Yes?"})
    moderator.post(conversation_url(item, "write/"), {"text": "A much longer question. " * 200})
    check(contributor, code, action="answer", text="No.")
    ingest()
    lengths = {len(bytes(m.ciphertext)) for m in ConversationMessage.objects.all()}
    assert len(lengths) == 1, "a message's stored length says how long it is"


def test_declining_the_item_shreds_its_conversation_and_drops_late_answers(form_pages, users):
    moderator = moderator_client(users["moderator"])
    contributor = Client()
    from tests.stories.submission_helpers import receipt_from, submit_story

    code = receipt_from(submit_story(contributor, "/en/stories/tell/", title="Kept sealed"))
    ingest()
    item = SealedSubmission.objects.get()
    moderator.post(conversation_url(item, "write/"), {"text": "Before we start: a question."})
    check(contributor, code, action="answer", text="An answer that arrives too late.")
    assert SpooledAnswer.objects.count() == 1
    moderator.post(item_url(item, "decline/"), {"reason": "unsafe"})
    assert not Conversation.objects.exists() and not ConversationMessage.objects.exists()
    ingest()
    assert not ConversationMessage.objects.exists() and not SpooledAnswer.objects.exists()
    assert "data-conversation" not in check(contributor, code)


def test_publication_then_purge_shreds_the_conversation(exchange):
    moderator, contributor, code, item = exchange
    moderator.post(conversation_url(item, "write/"), {"text": "A question."})
    story = item.page.specific
    with setup_publishing():
        story.get_latest_revision().publish()
    purge.purge(timezone.now().date())
    item.refresh_from_db()
    assert item.state == SealedSubmission.SHREDDED
    assert not Conversation.objects.exists() and not ConversationMessage.objects.exists()


def _approved_publish(story):
    with workflow_approval(story):
        story.get_latest_revision().publish()


def test_the_gate_holds_for_the_final_approval_and_a_schedule(exchange, settings):
    moderator, contributor, code, item = exchange
    story = item.page.specific
    with pytest.raises(PublishingRefused):
        _approved_publish(story)
    revision = story.get_latest_revision()
    revision.approved_go_live_at = timezone.now()
    revision.save()
    with pytest.raises(PublishingRefused):
        revision.publish()  # what publish_scheduled does
    story.refresh_from_db()
    assert not story.live

    # The policy is a setting; off, the workflow alone decides.
    settings.STORY_CONSENT_REQUIRED = False
    _approved_publish(story)
    story.refresh_from_db()
    assert story.live


def test_an_approved_version_goes_live_through_the_final_approval(exchange):
    moderator, contributor, code, item = exchange
    story = item.page.specific
    moderator.post(conversation_url(item, "version/"), {"note": ""})
    check(contributor, code, action="approve", version=version_position(check(contributor, code)))
    ingest()
    _approved_publish(story)
    story.refresh_from_db()
    assert story.live


def test_a_story_without_a_conversation_is_not_held(form_pages, users):
    """Sent before conversations existed: nobody can be asked, the workflow decides."""
    moderator = moderator_client(users["moderator"])
    code, item = send_and_draft(Client(), moderator)
    Conversation.objects.filter(submission=item).delete()
    story = item.page.specific
    _approved_publish(story)
    story.refresh_from_db()
    assert story.live
    assert "cannot be reached" in moderator.get(conversation_url(item)).content.decode()
