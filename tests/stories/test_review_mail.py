"""Workflow e-mails about stories name no title and quote no text (issue 13, item 4): a mailbox
is read, forwarded and seized more easily than the admin. Other pages keep Wagtail's messages."""

from django.core import mail
from django.test import override_settings
from wagtail.models import WorkflowState

from campaigns.models import CampaignPage
from tests.builders import make_page
from tests.stories.story_builders import (
    make_private_record,
    make_story,
    submit_for_moderation,
    workflow_action_url,
)

CANARY = "Canary5512 Irkutsk"
TEXT = "Canary5512 the name of my cousin"


def _everything(message):
    parts = [message.subject, message.body]
    parts += [content for content, _type in getattr(message, "alternatives", [])]
    return "\n".join(parts)


@override_settings(WAGTAILADMIN_NOTIFICATION_USE_HTML=True)
def test_story_submitted_for_review_mails_a_neutral_subject_and_a_link(world):
    index = world.sections["stories"]["ru"]
    story = make_story(index, CANARY, [TEXT])
    make_private_record(story)
    mail.outbox.clear()
    submit_for_moderation(story, None)

    assert mail.outbox, "the moderators are told a story waits"
    recipients = {address for message in mail.outbox for address in message.to}
    assert world.users["moderator"].email in recipients
    for message in mail.outbox:
        assert "Canary5512" not in _everything(message)
        assert message.subject == "A story is waiting for review"
        assert f"/admin/pages/{story.pk}/edit/" in message.body


def test_story_resubmitted_by_a_moderator_mails_no_title(world):
    index = world.sections["stories"]["en"]
    story = make_story(index, CANARY, [TEXT])
    make_private_record(story)
    mail.outbox.clear()
    submit_for_moderation(story, world.users["moderator"])
    assert mail.outbox
    assert all("Canary5512" not in _everything(message) for message in mail.outbox)


def test_other_pages_keep_wagtails_messages(world):
    """The override is scoped to stories: a campaign's reviewers still read its title."""
    index = world.sections["campaigns"]["en"]
    campaign = make_page(index, CampaignPage, "Free the Canary5512 journalists", standfirst="x")
    mail.outbox.clear()
    campaign.get_workflow().start(campaign, world.users["submitter"])
    assert mail.outbox
    assert any("Free the Canary5512 journalists" in message.subject for message in mail.outbox)


def _in_review_by(world, user):
    story = make_story(world.sections["stories"]["en"], CANARY, [TEXT])
    make_private_record(story)
    submit_for_moderation(story, user)
    story.refresh_from_db()
    return story


def test_a_rejection_mails_neither_title_nor_reason(client, world):
    """The reason a moderator gives may quote the story: it stays in the admin."""
    story = _in_review_by(world, world.users["moderator"])
    mail.outbox.clear()
    client.force_login(world.users["moderator2"])
    response = client.post(
        workflow_action_url(story, "reject", story.current_workflow_task_state),
        {"comment": "Canary5512 names the cousin", "confirm": "on"},
    )
    assert response.status_code in (200, 302)
    story.refresh_from_db()
    # Rejected: Wagtail's word for it is "needs changes".
    assert story.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    to_requester = [m for m in mail.outbox if world.users["moderator"].email in m.to]
    assert to_requester, "whoever sent the story for review hears of the decision"
    for message in mail.outbox:
        assert "Canary5512" not in _everything(message)
    assert to_requester[0].subject == "A story you sent for review was rejected"


def test_sending_back_mails_the_first_step_without_the_comment(client, world):
    story = _in_review_by(world, world.users["moderator"])
    mail.outbox.clear()
    client.force_login(world.users["moderator2"])
    client.post(
        workflow_action_url(story, "send_back", story.current_workflow_task_state),
        {"comment": "Canary5512 blur the face"},
    )
    story.refresh_from_db()
    assert story.current_workflow_task.name == "Safety review"
    # Today sending back mails nobody (the first step starts without Wagtail's signal); whatever
    # is mailed must still say nothing of the story.
    for message in mail.outbox:
        assert "Canary5512" not in _everything(message)
