"""The production spool (Redis, append-only, fsync on every write): a receipt is shown only once
the sealed entry is on disk, an outage answers the translated 503 page and stores nothing, and
a crash loses nothing that got a receipt."""

import pytest
from django.core.management import call_command
from django.test import Client

from stories.models import SealedSubmission, SpooledSubmission
from stories.privacy.receipts import receipt_digest
from stories.sealing.spool import REDIS_HASH
from tests.stories.redis_spool import SpoolServer
from tests.stories.submission_helpers import receipt_from, submit_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env", "form_pages")]


def test_a_spool_outage_mid_burst_loses_no_receipted_story(redis_spool):
    codes = [receipt_from(submit_story(Client(), "/ru/stories/tell/")) for _ in range(3)]
    assert redis_spool.client().hlen(REDIS_HASH) == 3
    assert not SpooledSubmission.objects.exists(), "production spools nothing into PostgreSQL"

    redis_spool.kill()  # a crash, mid-burst
    refused = submit_story(Client(), "/ru/stories/tell/")
    html = refused.content.decode()
    assert refused.status_code == 503 and refused["Retry-After"]
    assert "receipt__code" not in html
    # "What you just sent did not reach us, and nothing of it was kept", in the reader's language.
    assert "до нас не дошло, и ничего из этого не сохранилось" in html
    status = Client().post("/ru/stories/status/", {"code": codes[0]})
    assert status.status_code == 503

    redis_spool.start()  # the same folder: the append-only file is read back
    codes.append(receipt_from(submit_story(Client(), "/ru/stories/tell/")))
    stored = {d.decode() for d in redis_spool.client().hkeys(REDIS_HASH)}
    assert stored == {receipt_digest(code) for code in codes}, "a receipted story was lost"
    for code in codes:
        answer = Client().post("/ru/stories/status/", {"code": code}).content.decode()
        assert "Получена." in answer

    call_command("ingest_submissions", "--no-delay")
    assert redis_spool.client().hlen(REDIS_HASH) == 0
    assert set(SealedSubmission.objects.values_list("receipt_digest", flat=True)) == stored


def test_an_entry_moved_but_not_removed_is_not_doubled(redis_spool, monkeypatch):
    """A crash between the PostgreSQL commit and the spool delete repeats the entry; the next
    batch skips it by its digest."""
    submit_story(Client(), "/en/stories/tell/")
    monkeypatch.setattr("stories.sealing.spool.RedisSpool.remove", lambda self, digests: None)
    call_command("ingest_submissions", "--no-delay")
    assert redis_spool.client().hlen(REDIS_HASH) == 1
    monkeypatch.undo()
    call_command("ingest_submissions", "--no-delay")
    assert SealedSubmission.objects.count() == 1
    assert redis_spool.client().hlen(REDIS_HASH) == 0


@pytest.fixture
def careless_spool(tmp_path, settings):
    """The spool's Redis started with a package default: writes reach the disk once a second."""
    server = SpoolServer(tmp_path / "spool", appendfsync="everysec")
    server.folder.mkdir()
    server.start()
    settings.STORY_SPOOL_URL = server.url
    yield server
    server.kill()


def test_a_redis_that_does_not_fsync_every_write_gets_no_story(careless_spool, monkeypatch):
    monkeypatch.setattr("stories.sealing.spool.DURABILITY_RECHECK_SECONDS", 0)  # ask every time
    refused = submit_story(Client(), "/ru/stories/tell/")
    assert refused.status_code == 503 and "receipt__code" not in refused.content.decode()
    assert careless_spool.client().hlen(REDIS_HASH) == 0, "nothing is kept without a receipt"

    careless_spool.client().config_set("appendfsync", "always")
    code = receipt_from(submit_story(Client(), "/ru/stories/tell/"))
    assert careless_spool.client().hexists(REDIS_HASH, receipt_digest(code))

    # Changed under a running site: refused again once the process asks the server again.
    careless_spool.client().config_set("appendfsync", "no")
    assert submit_story(Client(), "/ru/stories/tell/").status_code == 503
    assert careless_spool.client().hlen(REDIS_HASH) == 1
