"""The sealed inbox in the admin: a moderator's key, unlocked for the session only, opens items;
the listing shows a day and a state only; opening is audited; a draft takes only what the
moderator keeps; declining destroys the item."""

import pytest
from django.core.management import call_command
from wagtail.models import ModelLogEntry, Revision, WorkflowState

from stories.models import InboxKey, SealedSubmission, StoryPage
from stories.sealing import keyring
from tests.stories.inbox_helpers import (
    INBOX,
    PASSPHRASE,
    item_url,
    moderator_client,
    only_item,
    refused,
)
from tests.stories.submission_helpers import jpeg_bytes, receipt_from, submit_story, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env", "form_pages")]

TITLE = "The night they came for Ivan Petrov"
TEXT = "Ivan Petrov lives at Lenina 5.\n\nThey took his laptop."
CONTACT = "signal: inbox-canary-77"


def send(client, **fields):
    response = submit_story(
        client,
        "/en/stories/tell/",
        title=TITLE,
        text=TEXT,
        contact=CONTACT,
        files={"photo_1": upload(jpeg_bytes())},
        photo_1_alt="A red square",
        **fields,
    )
    code = receipt_from(response)
    call_command("ingest_submissions", "--no-delay")
    return code


def test_a_moderator_sets_up_unlocks_opens_and_starts_a_draft(world):
    moderator = world.users["moderator"]
    staff = moderator_client(moderator, unlock=False)
    assert InboxKey.objects.filter(user=moderator).exists()
    key = InboxKey.objects.get(user=moderator)
    assert PASSPHRASE.encode() not in bytes(key.wrapped_private_key)
    from django.test import Client

    send(Client())
    item = only_item()

    # Locked: the listing shows the day and the state, never what it says.
    listing = staff.get(INBOX)
    html = listing.content.decode()
    assert listing.status_code == 200 and "no-store" in listing["Cache-Control"]
    assert f'data-inbox-item="{item.pk}"' in html
    assert "Unlock your key to open it" in html
    assert "Ivan" not in html and "inbox-canary" not in html
    assert refused(staff.get(item_url(item)))

    wrong = staff.post(f"{INBOX}unlock/", {"passphrase": "not my passphrase"})
    assert "polyphony_inbox" not in wrong.cookies
    unlocked = staff.post(f"{INBOX}unlock/", {"passphrase": PASSPHRASE})
    cookie = unlocked.cookies["polyphony_inbox"]
    assert cookie["httponly"] and cookie["secure"] and cookie["samesite"] == "Strict"
    assert cookie["path"] == "/admin/" and not cookie["max-age"]
    # The cookie's key is nowhere at rest: the session keeps only the re-wrapped key.
    assert cookie.value not in str(dict(staff.session))

    opened = staff.get(item_url(item))
    html = opened.content.decode()
    assert opened.status_code == 200 and "no-store" in opened["Cache-Control"]
    assert "Ivan Petrov lives at Lenina 5." in html and CONTACT in html
    photo = staff.get(item_url(item, "photo/0/"))
    assert photo.status_code == 200 and photo["Content-Type"] == "image/jpeg"
    assert photo.content.startswith(b"\xff\xd8") and "no-store" in photo["Cache-Control"]

    # Who opened which item and when; nothing of its content.
    entries = ModelLogEntry.objects.filter(action="polyphony.private_data_viewed")
    assert entries.filter(user=moderator, object_id=str(item.pk)).count() == 2
    for entry in entries:
        assert "Ivan" not in str(entry.data) + entry.label and "canary" not in entry.label

    response = staff.post(
        item_url(item, "draft/"),
        {"title": "The night they came", "text": "They took a laptop.", "keep_credit": "on"},
    )
    story = StoryPage.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{story.pk}/edit/"
    assert story.title == "The night they came" and not story.live
    assert [block.block_type for block in story.body] == ["paragraph"]  # no photo kept
    dump = str(list(Revision.objects.values_list("content", flat=True)))
    assert "Ivan" not in dump and "Lenina" not in dump and "canary" not in dump
    state = WorkflowState.objects.for_instance(story).get()
    assert state.status == "in_progress" and state.current_task_state.task.name == "Safety review"
    item.refresh_from_db()
    assert item.state == SealedSubmission.DRAFTED and item.page_id == story.pk
    # The listing says a draft was started; a second draft from the same item is refused.
    assert "draft started" in staff.get(INBOX).content.decode()
    staff.post(item_url(item, "draft/"), {"title": "Again", "text": "Again"})
    assert StoryPage.objects.count() == 1

    # Locking: the same session reads nothing any more.
    staff.post(f"{INBOX}lock/")
    assert refused(staff.get(item_url(item)))


def test_a_key_without_its_session_or_a_session_without_its_cookie_reads_nothing(world, client):
    staff = moderator_client(world.users["moderator"])
    send(client)
    item = only_item()
    assert staff.get(item_url(item)).status_code == 200
    cookie = staff.cookies["polyphony_inbox"].value

    # The session without the browser's cookie (what a copy of the session store holds).
    staff.cookies.pop("polyphony_inbox")
    assert refused(staff.get(item_url(item)))
    # The cookie after signing out and in again: the wrapped key left with the old session.
    staff.logout()
    staff.force_login(world.users["moderator"])
    staff.cookies["polyphony_inbox"] = cookie
    assert refused(staff.get(item_url(item)))


def test_only_moderators_reach_the_inbox(world, client):
    for name in ("publisher", "submitter", "translator_ru"):
        other = moderator_client(world.users[name], key=False, unlock=False)
        assert refused(other.get(INBOX))
        assert refused(other.post(f"{INBOX}key/", {"passphrase": PASSPHRASE}))
    assert not InboxKey.objects.exists()


def test_a_moderator_without_a_key_is_asked_to_make_one_and_reads_nothing(world, client):
    send(client)
    staff = moderator_client(world.users["moderator"], key=False, unlock=False)
    html = staff.get(INBOX).content.decode()
    assert "Set up your inbox key" in html and "Not sealed to your key" in html
    assert refused(staff.get(item_url(only_item())))
    # Set up after the item arrived: it is not sealed to the new key.
    staff = moderator_client(world.users["moderator"], key=True, unlock=True)
    assert refused(staff.get(item_url(only_item())))


def test_a_short_or_mistyped_passphrase_makes_no_key(world):
    staff = moderator_client(world.users["moderator"], key=False, unlock=False)
    staff.post(f"{INBOX}key/", {"passphrase": "short", "passphrase_again": "short"})
    staff.post(f"{INBOX}key/", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE + "x"})
    assert not InboxKey.objects.exists()


def test_declining_destroys_the_item_for_everyone(world, client):
    from tests.stories.sealing_helpers import RECOVERY

    staff = moderator_client(world.users["moderator"])
    code = send(client)
    item = only_item()
    assert staff.post(item_url(item, "decline/"), {"reason": ""}).status_code == 302
    assert only_item().state == SealedSubmission.SEALED, "a reason is needed"
    # Free text is not a reason: it could quote the story into the tombstone.
    staff.post(item_url(item, "decline/"), {"reason": "Ivan Petrov's story, an advertisement"})
    assert only_item().state == SealedSubmission.SEALED
    staff.post(item_url(item, "decline/"), {"reason": "not_a_story"})
    item = only_item()
    assert item.state == SealedSubmission.DECLINED and bytes(item.ciphertext) == b""
    assert item.decline_reason == "not_a_story"
    # Who declined it and why, in the audit trail, as the admin's history shows it.
    from wagtail.models import ModelLogEntry

    entry = ModelLogEntry.objects.get(action="polyphony.inbox_declined")
    assert entry.user == world.users["moderator"] and entry.object_id == str(item.pk)
    assert entry.message == "Declined a sealed item: Not a story for this site"
    assert not item.sealed_keys.exists()
    assert refused(staff.get(item_url(item)))
    from stories.sealing import inbox

    with pytest.raises(inbox.NotOpenable):
        inbox.open_item(item, RECOVERY)
    status = client.post("/en/stories/status/", {"code": code}).content.decode()
    assert "Not published." in status


def test_the_demo_moderators_open_the_demo_items_with_the_demo_passphrase(world):
    from cms.core.demo import DemoContext
    from stories import demo
    from stories.demo_inbox import DEFAULT_PASSPHRASE

    demo.build(DemoContext(homes=world.homes, users=world.users, log=lambda message: None))
    demo.build(DemoContext(homes=world.homes, users=world.users, log=lambda message: None))
    assert SealedSubmission.objects.count() == 2
    for name in ("moderator", "moderator2"):
        assert keyring.key_of(world.users[name]) is not None
        staff = moderator_client(world.users[name], key=False, passphrase=DEFAULT_PASSPHRASE)
        for item in SealedSubmission.objects.all():
            assert staff.get(item_url(item)).status_code == 200
