"""Upgrading: rows of the former plain-text queue are sealed in place by a command."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client

from stories.models import QueuedPhoto, QueuedSubmission, SealedSubmission
from stories.privacy.receipts import new_receipt_code, receipt_digest
from stories.sealing import inbox
from tests.stories.sealing_helpers import RECOVERY
from tests.stories.submission_helpers import jpeg_bytes

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env", "form_pages")]


def test_seal_queued_submissions_seals_old_rows_and_deletes_the_plain_text(world):
    code = new_receipt_code()
    day = datetime.date(2026, 11, 30)
    row = QueuedSubmission.objects.create(
        language="ru",
        title="Old plain-text row",
        text="Written before sealing.",
        credit="anonymous",
        consent_publication=True,
        contact="old contact",
        receipt_digest=receipt_digest(code),
        received_on=day,
    )
    QueuedPhoto.objects.create(
        submission=row, position=1, content=jpeg_bytes(), extension=".jpg", width=64, height=48
    )

    call_command("seal_queued_submissions", verbosity=0)
    call_command("seal_queued_submissions", verbosity=0)  # re-runnable: nothing left to seal

    assert not QueuedSubmission.objects.exists() and not QueuedPhoto.objects.exists()
    item = SealedSubmission.objects.get()
    assert item.received_on == day and item.receipt_digest == receipt_digest(code)
    assert b"Old plain-text row" not in bytes(item.ciphertext)
    payload = inbox.open_item(item, RECOVERY)
    assert (payload["title"], payload["contact"], payload["language"]) == (
        "Old plain-text row",
        "old contact",
        "ru",
    )
    assert len(payload["photos"]) == 1
    answer = Client().post("/en/stories/status/", {"code": code}).content.decode()
    assert "Received." in answer
