"""The canary: a contributor's address, forwarded address, user agent and referrer appear nowhere
— not in any column of any table (revisions and the search index included), not in the cache,
not in the logs at DEBUG level, not in media files — on the success path and on the error path.

A positive control (the story's title) must be found by the same searches, so the test cannot
pass because a search is blind.
"""

import logging
import pathlib
import pickle

import pytest
from django.db import connection
from django.test import Client

from stories.models import SpooledSubmission
from tests.stories.sealing_helpers import ingest_and_draft
from tests.stories.submission_helpers import jpeg_bytes, receipt_from, submit_story, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

CANARIES = {
    "REMOTE_ADDR": "198.51.100.173",
    "HTTP_X_FORWARDED_FOR": "203.0.113.219",
    "HTTP_USER_AGENT": "CanaryAgent/7.3 (quokka-zebra-5521)",
    "HTTP_REFERER": "https://referer-canary.invalid/quokka-7713",
}
NEEDLES = [*CANARIES.values(), "quokka", "canary.invalid"]
CONTROL = "Control title kiwi-4471"


def tables_containing(needle):
    """Every table with a row whose text form contains `needle` (bytea shows as hex)."""
    found = []
    patterns = [f"%{needle}%", f"%{needle.encode().hex()}%"]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT count(*) FROM {quoted} AS r WHERE r::text ILIKE ANY(%s)",  # noqa: S608
                [patterns],
            )
            if cursor.fetchone()[0]:
                found.append(table)
    return found


def cache_blobs():
    from django.core.cache.backends.locmem import _caches

    for store in _caches.values():
        for key, value in list(store.items()):
            yield (
                key.encode()
                + b"\x00"
                + (value if isinstance(value, bytes) else pickle.dumps(value))
            )


def log_text(records):
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(
        formatter.format(record) + " " + " ".join(f"{k}={v!r}" for k, v in vars(record).items())
        for record in records
    )


def media_blobs(settings):
    for path in pathlib.Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file():
            yield str(path).encode() + path.read_bytes()


@pytest.fixture
def debug_logs(caplog):
    for name in (
        None,
        "django",
        "django.request",
        "django.server",
        "django.db.backends",
        "wagtail",
        "stories",
        "cms",
    ):
        caplog.set_level(logging.DEBUG, logger=name)
    # SQL with its parameters at DEBUG, as a verbose production log would show it.
    connection.force_debug_cursor = True
    yield caplog
    connection.force_debug_cursor = False


def test_no_trace_of_the_contributor_anywhere(form_pages, settings, debug_logs, monkeypatch):
    browser = Client(raise_request_exception=False, **CANARIES)

    # 1. A successful submission with a photo, then its receipt checked.
    response = submit_story(
        browser,
        "/en/stories/tell/",
        title=CONTROL,
        files={"photo_1": upload(jpeg_bytes())},
        contact="kept apart",
    )
    code = receipt_from(response)
    assert browser.post("/en/stories/status/", {"code": code}).status_code == 200

    # 2. A submission that dies with a server error half-way through its transaction.
    def broken_create(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(SpooledSubmission.objects, "create", broken_create)
    response = submit_story(
        browser, "/en/stories/tell/", title="Doomed", files={"photo_1": upload(jpeg_bytes())}
    )
    assert response.status_code == 500
    monkeypatch.undo()

    # 3. The spool moves into the sealed inbox; a moderator makes a draft keeping everything:
    # pages, revisions, images, workflow states and search entries.
    ingest_and_draft()

    # The searches see what is there: the title is in pages, revisions and the search index.
    control_tables = tables_containing(CONTROL)
    assert {"wagtailcore_page", "wagtailcore_revision", "wagtailsearch_indexentry"} <= set(
        control_tables
    )
    assert any(CONTROL in record.getMessage() for record in debug_logs.records), (
        "the SQL log is not being captured"
    )
    # The forced 500 was logged (traceback kept, request line dropped: security/logging.py).
    assert "Server error on a public page" in debug_logs.text

    logs = log_text(debug_logs.records)
    blobs = list(cache_blobs())
    files = list(media_blobs(settings))
    assert files, "the photo reached media storage"
    for needle in NEEDLES:
        assert tables_containing(needle) == [], needle
        assert needle not in logs, needle
        assert not any(needle.encode() in blob for blob in blobs), needle
        assert not any(needle.encode() in blob for blob in files), needle
