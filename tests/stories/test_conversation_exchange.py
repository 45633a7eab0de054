"""The conversation over HTTP, as people have it: a moderator asks from the sealed item, the
contributor reads it with their code and answers, the moderator sees the answer, the edited
version goes to the contributor, the story cannot go live until they approve it, and then a
second person publishes it. And a withdrawal, which deletes the story and says so."""

import pytest
from django.test import Client

from stories.models import ConversationMessage, SealedSubmission, StoryPage
from tests.stories.conversation_helpers import (
    check,
    conversation_url,
    ingest,
    send_and_draft,
    version_position,
)
from tests.stories.inbox_helpers import INBOX, moderator_client
from tests.stories.story_builders import workflow_action_url

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

QUESTION = "Can we say it was in the Urals rather than Perm?"
ANSWER = "Yes, the Urals is fine. Please leave out the street."


def approve(user, story):
    client = Client()
    client.force_login(user)
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    client.post(workflow_action_url(story, "approve", task_state), {"comment": ""})
    story.refresh_from_db()
    return task_state


def test_question_answer_consent_then_publication(form_pages, users):
    moderator = moderator_client(users["moderator"])
    contributor = Client()
    code, item = send_and_draft(contributor, moderator)
    story = item.page

    # Before anyone wrote: nothing new, come back later.
    html = check(contributor, code)
    assert "No message from the editors yet." in html and "Come back with your code" in html

    response = moderator.post(conversation_url(item, "write/"), {"text": QUESTION})
    assert response.status_code == 302

    html = check(contributor, code)
    assert QUESTION in html and "New: the editors wrote to you." in html
    assert 'name="code"' in html and "set-cookie" not in str(contributor.cookies).lower()

    html = check(contributor, code, action="answer", text=ANSWER)
    assert "Your answer is sent." in html and ANSWER in html
    assert not ConversationMessage.objects.filter(from_contributor=True).exists(), (
        "an answer reaches PostgreSQL only with the random-delay pass"
    )
    ingest()
    assert ConversationMessage.objects.filter(from_contributor=True).count() == 1

    # The moderator's queues and the story's editor show the unread answer; reading it
    # clears the mark.
    assert "data-unread-answer" in moderator.get(INBOX).content.decode()
    assert "data-unread-answer" in moderator.get("/admin/stories/moderation/").content.decode()
    assert "(new answer)" in moderator.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    thread = moderator.get(conversation_url(item)).content.decode()
    assert ANSWER in thread and QUESTION in thread
    assert "data-unread-answer" not in moderator.get(INBOX).content.decode()

    # The edited version goes out; without consent the last approval does not publish.
    assert (
        moderator.post(conversation_url(item, "version/"), {"note": "Is this right?"}).status_code
        == 302
    )
    approve(users["moderator"], story)
    publisher = Client()
    publisher.force_login(users["publisher"])
    editor_html = publisher.get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "the edited version was sent; no answer yet" in editor_html
    assert "Conversation with the contributor" not in editor_html, "only moderators read it"
    task_state = StoryPage.objects.get(pk=story.pk).current_workflow_task_state
    refused = publisher.post(
        workflow_action_url(story, "approve", task_state), {"comment": ""}, follow=True
    )
    assert "goes live only in a version its contributor approved" in refused.content.decode()
    story.refresh_from_db()
    assert not story.live, "published without the contributor's consent"
    assert StoryPage.objects.get(pk=story.pk).current_workflow_task_state.task.name == "Publication"

    html = check(contributor, code)
    assert "New: the editors ask you to approve the version they would publish." in html
    assert "A night visit" in html and "Someone was taken away at night." in html
    html = check(contributor, code, action="approve", version=version_position(html))
    assert "you approved this version" in html
    ingest()
    editor = Client()
    editor.force_login(users["publisher"])
    listing = editor.get("/admin/stories/moderation/").content.decode()
    assert "they approved this version" in listing

    approve(users["publisher"], story)
    assert story.live
    assert contributor.get(story.url).status_code == 200


def test_a_version_changed_after_approval_needs_consent_again(form_pages, users):
    from stories.conversation.consent import go_live_refusal

    moderator = moderator_client(users["moderator"])
    contributor = Client()
    code, item = send_and_draft(contributor, moderator)
    moderator.post(conversation_url(item, "version/"), {"note": ""})
    check(contributor, code, action="approve", version=version_position(check(contributor, code)))
    ingest()
    story = StoryPage.objects.get(pk=item.page_id)
    assert go_live_refusal(story, story.get_latest_revision()) is None
    story.title = "A different title"
    revision = story.save_revision(user=users["moderator"])
    assert go_live_refusal(story, revision), "consent to one version covered another"


def test_withdrawal_deletes_the_story_and_the_receipt_says_so(form_pages, users):
    moderator = moderator_client(users["moderator"])
    contributor = Client()
    code, item = send_and_draft(contributor, moderator, language="ru", title="Обыск")
    story_pk = item.page_id
    moderator.post(conversation_url(item, "version/"), {"note": ""})
    html = check(contributor, code, "ru")
    position = version_position(html)

    # Without the confirmation nothing is sent.
    html = check(contributor, code, "ru", action="withdraw", version=position)
    assert StoryPage.objects.filter(pk=story_pk).exists()
    html = check(contributor, code, "ru", action="withdraw", version=position, confirm="on")
    assert "data-sent" in html
    ingest()

    assert not StoryPage.objects.filter(pk=story_pk).exists()
    item.refresh_from_db()
    assert item.state == SealedSubmission.WITHDRAWN and item.ciphertext == b""
    assert not ConversationMessage.objects.exists()
    html = check(contributor, code, "ru")
    assert "data-conversation" not in html
    assert "status-heading" in html


def test_a_submitter_or_translator_cannot_read_the_conversation(form_pages, users):
    moderator = moderator_client(users["moderator"])
    code, item = send_and_draft(Client(), moderator)
    moderator.post(conversation_url(item, "write/"), {"text": QUESTION})
    for role in ("submitter", "translator_ru", "publisher"):
        if role not in users:
            continue
        other = Client()
        other.force_login(users[role])
        response = other.get(conversation_url(item))
        assert QUESTION not in response.content.decode()
        assert response.status_code in (302, 403)


def test_the_audit_trail_says_who_wrote_and_read_when_but_not_what(form_pages, users):
    from wagtail.models import ModelLogEntry

    moderator = moderator_client(users["moderator"])
    contributor = Client()
    code, item = send_and_draft(contributor, moderator)
    moderator.post(conversation_url(item, "write/"), {"text": QUESTION})
    check(contributor, code, action="answer", text=ANSWER)
    ingest()
    moderator.get(conversation_url(item))
    moderator.post(conversation_url(item, "version/"), {"note": ""})

    entries = ModelLogEntry.objects.filter(object_id=str(item.pk), action__startswith="stories.")
    assert sorted(e.action for e in entries) == [
        "stories.conversation.read",
        "stories.conversation.sent_version",
        "stories.conversation.wrote",
    ]
    assert {e.user_id for e in entries} == {users["moderator"].pk}
    for entry in entries:
        assert QUESTION not in str(entry.data) and ANSWER not in str(entry.data)
        assert "Urals" not in entry.label


def test_a_decision_sent_twice_arrives_once(form_pages, users):
    moderator = moderator_client(users["moderator"])
    contributor = Client()
    code, item = send_and_draft(contributor, moderator)
    moderator.post(conversation_url(item, "version/"), {"note": ""})
    position = version_position(check(contributor, code))
    check(contributor, code, action="approve", version=position)
    html = check(contributor, code, action="approve", version=position)  # Back, and again
    assert 'name="version"' not in html, "the decision is still offered while on its way"
    ingest()
    decisions = ConversationMessage.objects.filter(kind=ConversationMessage.APPROVE)
    assert decisions.count() == 1
