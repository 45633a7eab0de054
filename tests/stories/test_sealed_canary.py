"""The sealed canary: a submission's title, text, contact and photo pixels are found nowhere at
rest — no table of a pg_dump, no WAL segment or table file of the PostgreSQL cluster, no Redis
value or Redis file, no media file, no log line (ours, and PostgreSQL's own server log with every
statement logged) — until a moderator starts a draft; and then
only what they kept, and only in the page tree.

Positive controls (the kept title after the draft, the receipt digest in Redis and PostgreSQL)
prove each search can see what is there.
"""

import contextlib
import io
import logging
import pathlib
import subprocess
import time

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from PIL import Image

from stories.models import SealedSubmission
from stories.privacy.images import scrub_image
from stories.privacy.receipts import receipt_digest
from tests.builders import World, build_world
from tests.stories.inbox_helpers import item_url, moderator_client
from tests.stories.submission_helpers import ensure_form_pages, receipt_from, submit_story, upload

DATA_DIR = pathlib.Path("/var/lib/postgresql/15/main")
TITLE = "Canary title wombat-3318"
TEXT = "Canary text: the neighbour is Pelageya Wombatova-7741.\n\nShe lives at Lenina 9."
CONTACT = "canary-contact: signal wombat-5529"
KEPT_TITLE = "Kept title okapi-2206"


def pattern_png():
    """A photo whose pixels are a pattern that no other picture in the suite has."""
    image = Image.new("RGB", (96, 64))
    image.putdata(
        [((x * 37) % 256, (y * 91) % 256, (x * y) % 256) for y in range(64) for x in range(96)]
    )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def needles(photo):
    scrubbed = scrub_image(photo).content
    # A run of the re-encoded (deflated) pixels: what would be stored if the photo leaked.
    pixels = scrubbed[len(scrubbed) // 2 : len(scrubbed) // 2 + 48]
    words = [b"wombat-3318", b"Wombatova-7741", b"wombat-5529"]
    return {**{w.decode(): w for w in words}, "photo pixels": pixels}


def pg_dump_bytes():
    name = connection.settings_dict["NAME"]
    host = connection.settings_dict.get("HOST") or "127.0.0.1"
    user = connection.settings_dict.get("USER") or "postgres"
    return subprocess.run(  # noqa: S603 - fixed arguments
        ["pg_dump", "-h", host, "-U", user, "--data-only", name],  # noqa: S607
        check=True,
        capture_output=True,
    ).stdout


def cluster_files(since):
    """WAL segments written since `since`, and every table, TOAST and index file of this
    database after a checkpoint (so what is in shared buffers is on disk too)."""
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
        cursor.execute(
            "SELECT pg_relation_filepath(oid) FROM pg_class "
            "WHERE relkind IN ('r', 't', 'i', 'm') AND pg_relation_filepath(oid) IS NOT NULL"
        )
        relations = [row[0] for row in cursor.fetchall()]
    blobs = []
    for segment in (DATA_DIR / "pg_wal").iterdir():
        if segment.is_file() and segment.stat().st_mtime >= since:
            blobs.append(segment.read_bytes())
    for relative in relations:
        for path in DATA_DIR.glob(relative + "*"):
            blobs.append(path.read_bytes())
    return blobs


def media_bytes(settings):
    return [
        str(p).encode() + p.read_bytes()
        for p in pathlib.Path(settings.MEDIA_ROOT).rglob("*")
        if p.is_file()
    ]


class ServerLog:
    """PostgreSQL's own log, from now on, with every statement of this connection in it: what a
    server configured to log statements (or one logging a failed INSERT) would have kept."""

    def __init__(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_current_logfile()")
            current = cursor.fetchone()[0]
            cursor.execute("SET log_statement = 'all'")
        if current:
            self.path = DATA_DIR / current
        else:  # Debian's pg_ctlcluster sends the server's stderr here
            self.path = pathlib.Path("/var/log/postgresql/postgresql-15-main.log")
        assert self.path.exists(), f"the PostgreSQL server log is not at {self.path}"
        self.start = self.path.stat().st_size

    def bytes(self):
        with self.path.open("rb") as log:
            log.seek(self.start)
            return log.read()

    def close(self):
        with connection.cursor() as cursor:
            cursor.execute("RESET log_statement")


def log_bytes(caplog):
    return "\n".join(f"{r.name} {r.getMessage()} {vars(r)!r}" for r in caplog.records).encode()


@contextlib.contextmanager
def watched_stores(settings, redis_spool, caplog):
    """A world with the story form, every log at DEBUG, PostgreSQL logging every statement; yields
    `places()`: everything at rest a seizure would take, as blobs to search
    (test_conversation_canary.py searches the same)."""
    build_world()
    ensure_form_pages(World.load(), languages=("en",))
    settings.FORM_MIN_FILL_SECONDS = 0
    for name in (None, "django", "django.db.backends", "wagtail", "stories", "cms"):
        caplog.set_level(logging.DEBUG, logger=name)
    connection.force_debug_cursor = True
    start = time.time() - 1
    server_log = ServerLog()

    def places():
        return {
            "pg_dump": [pg_dump_bytes()],
            "PostgreSQL files": cluster_files(start),
            "Redis": redis_spool.all_bytes(),
            "media": media_bytes(settings),
            "logs": [log_bytes(caplog)],
            "PostgreSQL server log": [server_log.bytes()],
        }

    try:
        yield places
    finally:
        connection.force_debug_cursor = False
        server_log.close()


def hex_forms(needle):
    # pg_dump writes bytea as hex; the WAL and table files hold raw bytes.
    return [needle, needle.hex().encode()]


def leaks(found_in, needle_map):
    result = []
    for where, blobs in found_in.items():
        for name, needle in needle_map.items():
            if any(form in blob for blob in blobs for form in hex_forms(needle)):
                result.append(f"{name} in {where}")
    return result


@pytest.mark.skipif(not DATA_DIR.exists(), reason="needs the local PostgreSQL cluster's files")
@pytest.mark.django_db(transaction=True)
def test_a_sealed_canary_is_nowhere_until_a_moderator_keeps_something(
    settings,
    redis_spool,
    caplog,
):
    with watched_stores(settings, redis_spool, caplog) as places:
        moderator = moderator_client(World.load().users["moderator"])
        photo = pattern_png()
        canaries = needles(photo)
        code = receipt_from(
            submit_story(
                Client(),
                "/en/stories/tell/",
                title=TITLE,
                text=TEXT,
                contact=CONTACT,
                files={"photo_1": upload(photo, "pattern.png", "image/png")},
            )
        )
        digest = receipt_digest(code).encode()

        # 1. Sealed in the spool: the digest is in Redis (control), nothing readable anywhere.
        seen = places()
        assert any(digest in blob for blob in seen["Redis"])
        assert leaks(seen, canaries) == []

        # 2. Moved into PostgreSQL: the digest is in the dump (control), still nothing readable.
        call_command("ingest_submissions", "--no-delay")
        seen = places()
        assert any(digest in blob for blob in seen["pg_dump"])
        assert leaks(seen, canaries) == []

        # 3. Opened by a moderator (audited), photo included: still nothing at rest.
        item = SealedSubmission.objects.get()
        assert "Wombatova-7741" in moderator.get(item_url(item)).content.decode()
        assert moderator.get(item_url(item, "photo/0/")).status_code == 200
        assert leaks(places(), canaries) == []

        # 4. A draft keeping a redacted title and text, no photo: only that enters, in the tree.
        moderator.post(
            item_url(item, "draft/"), {"title": KEPT_TITLE, "text": "Someone was taken away."}
        )
        seen = places()
        kept = {"kept title": KEPT_TITLE.encode()}
        assert leaks({"pg_dump": seen["pg_dump"]}, kept), "the dump search is blind"
        assert leaks({"PostgreSQL files": seen["PostgreSQL files"]}, kept), "WAL search blind"
        server = {"PostgreSQL server log": seen["PostgreSQL server log"]}
        assert leaks(server, kept), "the server log search is blind"
        assert leaks(seen, canaries) == []
