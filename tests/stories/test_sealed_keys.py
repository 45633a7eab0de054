"""Who can open a sealed item: every moderator with a key at the time it was sealed, and the
recovery key; not a removed moderator, not a new one until a colleague re-seals; nobody once it
is shredded. Shredding follows the retention rules."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from cms.core.publishing import setup_publishing
from stories.models import SealedKey, SealedSubmission, StoryPage
from stories.sealing import crypto, inbox, keyring
from stories.sealing.purge import purge
from tests.stories.inbox_helpers import INBOX, item_url, moderator_client, only_item, refused
from tests.stories.sealing_helpers import RECOVERY, ingest_and_draft
from tests.stories.submission_helpers import receipt_from, submit_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env", "form_pages")]


def send(title="Sealed for several"):
    code = receipt_from(submit_story(Client(), "/en/stories/tell/", title=title))
    call_command("ingest_submissions", "--no-delay")
    return code


def test_two_moderators_and_the_recovery_key_each_open_the_same_item(world):
    first = moderator_client(world.users["moderator"])
    second = moderator_client(world.users["moderator2"])
    send()
    item = only_item()
    assert item.sealed_keys.count() == 3  # two moderators, one recovery key
    for staff in (first, second):
        response = staff.get(item_url(item))
        assert response.status_code == 200 and "Sealed for several" in response.content.decode()
    assert inbox.open_item(item, RECOVERY)["title"] == "Sealed for several"
    # A key that is none of these opens nothing.
    with pytest.raises(inbox.NotOpenable):
        inbox.open_item(item, crypto.PrivateKey.generate())


def test_a_removed_moderator_opens_nothing_new_and_a_revoked_key_nothing_at_all(world):
    leaving = world.users["moderator2"]
    staying = moderator_client(world.users["moderator"])
    gone = moderator_client(leaving)
    send("Before leaving")
    before = only_item()

    leaving.groups.remove(Group.objects.get(name="Moderators"))
    assert not keyring.is_inbox_member(leaving)
    # Out of the group: the inbox is closed to them, even with their unlocked session.
    assert refused(gone.get(INBOX)) and refused(gone.get(item_url(before)))
    send("After leaving")
    after = SealedSubmission.objects.exclude(pk=before.pk).get()
    assert not after.sealed_keys.filter(inbox_key__user=leaving).exists()
    assert staying.get(item_url(after)).status_code == 200

    # Even back in the group, what was sealed while they were out stays closed to them...
    leaving.groups.add(Group.objects.get(name="Moderators"))
    assert refused(gone.get(item_url(after)))
    # ...and revoking their key closes the older items too.
    call_command("inbox_keys", "revoke", leaving.username, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not SealedKey.objects.filter(inbox_key__user=leaving).exists()
    assert refused(gone.get(item_url(before)))


def test_a_new_moderator_opens_older_items_once_a_colleague_reseals(world):
    colleague = moderator_client(world.users["moderator"])
    send()
    item = only_item()
    newcomer = moderator_client(world.users["moderator2"])
    assert refused(newcomer.get(item_url(item)))
    colleague.post(f"{INBOX}reseal/")
    assert newcomer.get(item_url(item)).status_code == 200
    colleague.post(f"{INBOX}reseal/")  # twice: nothing doubled
    assert item.sealed_keys.count() == 3


def test_nobody_to_seal_to_gets_the_503_page_and_no_receipt(world, settings, client):
    settings.STORY_RECOVERY_PUBLIC_KEY = ""
    response = submit_story(client, "/en/stories/tell/")
    assert response.status_code == 503
    assert "receipt__code" not in response.content.decode()
    assert not SealedSubmission.objects.exists()


def test_retention_shreds_stale_decided_and_declined_items(world):
    today = timezone.now().date()
    later = today + datetime.timedelta(days=31)
    # 1. Nobody acted on it: gone after the retention period, keys and row.
    send("Untouched")
    assert purge(today) == 0 and SealedSubmission.objects.count() == 1
    assert purge(later) == 1 and not SealedSubmission.objects.exists()
    assert not SealedKey.objects.exists()

    # 2. A draft was started: readable while in review, shredded once published.
    code = send("Drafted")
    (story,) = ingest_and_draft()
    assert purge(today) == 0 and inbox.open_item(only_item(), RECOVERY)
    with setup_publishing():
        story.get_latest_revision().publish(skip_permission_checks=True)
    purge(today)
    item = only_item()
    assert item.state == SealedSubmission.SHREDDED and not item.sealed_keys.exists()
    with pytest.raises(inbox.NotOpenable):
        inbox.open_item(item, RECOVERY)
    assert "Published." in Client().post("/en/stories/status/", {"code": code}).content.decode()
    # The tombstone goes after the retention period; the published story stays.
    purge(later)
    assert not SealedSubmission.objects.exists() and StoryPage.objects.filter(pk=story.pk).live()
