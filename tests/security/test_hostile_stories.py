"""Hostile input to the story form and the receipt check, sent as a browser (or a bot) would.

Every refused case must give a clear error — a 4xx status and the reason on the page, never a
500 — save nothing and leave nothing on disk. Cases that are accepted on purpose (a valid photo
under a hostile file name, a PNG carrying a payload) must come out neutralised.
"""

import pytest
from wagtail.images import get_image_model

from stories.sealing.crypto import unb64
from tests.security.hostile_helpers import (
    DISGUISED_FILES,
    PAYLOAD,
    png_bytes,
    row_counts,
    watched_disk_fixture,  # noqa: F401 - registers the watched_disk fixture
)
from tests.stories.sealing_helpers import ingest_and_draft, received_count, received_payloads
from tests.stories.submission_helpers import (  # noqa: F401 - fixtures
    form_pages,
    jpeg_bytes,
    receipt_from,
    solved_protection,
    story_fields,
    story_form_env,
    submit_story,
    upload,
)

TELL = "/en/stories/tell/"
STATUS = "/en/stories/status/"
PHOTO_REFUSED = 'id="id_photo_1-errors"'
# The story pages re-render a refused form with its errors and status 200 (their own tests rely
# on it), where the vacancy form answers 400. Both are clear errors; 500 never is.
REFUSED_STATUSES = {200, 400, 413}

pytestmark = pytest.mark.usefixtures("story_form_env", "form_pages")


def assert_refused(response, before, leftovers, marker):
    html = response.content.decode()
    assert response.status_code in REFUSED_STATUSES, response.status_code
    assert marker in html
    assert "receipt__code" not in html
    assert row_counts() == before
    assert leftovers() == []


@pytest.mark.parametrize("case", sorted(DISGUISED_FILES))
def test_disguised_and_polyglot_photos_are_refused(client, watched_disk, case):
    content, name, content_type = DISGUISED_FILES[case]
    before = row_counts()
    response = submit_story(client, TELL, files={"photo_1": upload(content, name, content_type)})
    assert_refused(response, before, watched_disk, PHOTO_REFUSED)


def test_oversized_photo_is_refused_without_touching_disk(client, settings, watched_disk):
    settings.STORY_UPLOAD_MAX_BYTES = 200_000  # the real limit is 10 MB; the logic is the same
    big = upload(jpeg_bytes() + b"\x00" * 300_000)
    before = row_counts()
    response = submit_story(client, TELL, files={"photo_1": big})
    assert_refused(response, before, watched_disk, PHOTO_REFUSED)


def test_png_with_appended_payload_is_re_encoded_without_it(client, watched_disk):
    hostile = png_bytes() + PAYLOAD
    response = submit_story(client, TELL, files={"photo_1": upload(hostile, "x.png", "image/png")})
    assert response.status_code == 200 and receipt_from(response)
    (photo,) = received_payloads()[0]["photos"]
    content = unb64(photo["data"])
    assert content != hostile
    assert b"<?php" not in content and b"<script" not in content
    assert content.startswith(b"\x89PNG") and (photo["width"], photo["height"]) == (40, 30)
    assert watched_disk() == []


def test_path_traversal_in_the_file_name_is_not_kept(client, settings, watched_disk):
    evil = upload(jpeg_bytes(), "../../etc/passwd.jpg")
    response = submit_story(client, TELL, files={"photo_1": evil})
    assert response.status_code == 200 and receipt_from(response)
    assert watched_disk() == []  # sealed in the spool, nowhere on disk yet

    ingest_and_draft()
    image = get_image_model().objects.order_by("-id").first()
    stored = image.file.name
    assert "passwd" not in stored and ".." not in stored and "etc" not in stored.split("/")
    assert stored.rsplit("/", 1)[-1][:32].isalnum()  # secrets.token_hex(16) + extension
    assert image.file.path.startswith(str(settings.MEDIA_ROOT))


@pytest.mark.parametrize(
    "field, value, marker",
    [
        ("title", "x" * 5000, 'id="id_title-errors"'),
        ("pseudonym", "p" * 1000, 'id="id_pseudonym-errors"'),
        ("title", "Night\x00raid", 'id="id_title-errors"'),
        ("contact", "me@example.org\x00", 'id="id_contact-errors"'),
    ],
    ids=["long_title", "long_pseudonym", "nul_title", "nul_contact"],
)
def test_oversized_fields_and_nul_bytes_are_refused(client, watched_disk, field, value, marker):
    before = row_counts()
    extra = {"credit": "pseudonym"} if field == "pseudonym" else {}
    response = submit_story(client, TELL, **{field: value, **extra})
    assert_refused(response, before, watched_disk, marker)


def test_oversized_body_is_refused(client, settings, watched_disk):
    """A text field far over DATA_UPLOAD_MAX_MEMORY_SIZE: Django refuses the body (400)."""
    before = row_counts()
    data = {**solved_protection(client, TELL), **story_fields(text="a" * (3 * 1024 * 1024))}
    response = client.post(TELL, data)
    assert response.status_code == 400
    assert row_counts() == before and watched_disk() == []


def test_invalid_utf8_never_reaches_the_queue_as_raw_bytes(client, watched_disk):
    """Bytes that are not UTF-8 are decoded with replacement characters by Django; the queue
    keeps valid text only, and the request does not fail."""
    data = {**solved_protection(client, TELL), **story_fields()}
    body = "&".join(f"{key}={value}" for key, value in data.items() if key != "title")
    body += "&title=Bad%C3%28%FF%FEbytes"
    response = client.post(TELL, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code in (200, 400)
    for row in received_payloads():
        row["title"].encode("utf-8")  # valid text: a raw byte would have failed earlier
        assert "\udcff" not in row["title"]
    assert watched_disk() == []


def test_crlf_in_single_line_fields_is_flattened(client):
    response = submit_story(
        client,
        TELL,
        title="Night\r\nBcc: victim@example.org",
        credit="pseudonym",
        pseudonym="Anna\r\nX-Header: 1",
    )
    assert response.status_code == 200 and receipt_from(response)
    (row,) = received_payloads()
    assert "\r" not in row["title"] and "\n" not in row["title"]
    assert "\r" not in row["pseudonym"] and "\n" not in row["pseudonym"]


def test_markup_sent_back_in_a_refused_form_is_escaped(client):
    """The form comes back with the person's text after an error: as text, never as markup."""
    attack = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
    response = submit_story(client, TELL, title=attack, consent_publication=None)
    html = response.content.decode()
    assert response.status_code in REFUSED_STATUSES
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)" in html
    assert received_count() == 0


def test_a_replayed_captcha_is_refused(client):
    data = {**solved_protection(client, TELL), **story_fields()}
    first = client.post(TELL, data)
    assert first.status_code == 200 and receipt_from(first)
    replay = client.post(TELL, {**data, "title": "A second story"})
    assert replay.status_code in REFUSED_STATUSES
    assert "That answer is not right" in replay.content.decode()
    assert received_count() == 1


@pytest.mark.parametrize(
    "code, marker",
    [
        ("7K2M\x00XQ9D", 'id="id_code-errors"'),
        ("7K2M-XQ9D\r\nSet-Cookie: x=1", 'id="id_code-errors"'),
        ("A" * 5000, 'id="id_code-errors"'),
        ("<script>alert(1)</script>", 'id="id_code-errors"'),
    ],
    ids=["nul", "crlf", "long", "markup"],
)
def test_hostile_receipt_codes_are_refused(client, watched_disk, code, marker):
    before = row_counts()
    response = client.post(STATUS, {"code": code})
    html = response.content.decode()
    assert response.status_code in REFUSED_STATUSES, response.status_code
    assert marker in html and "<script>alert(1)" not in html
    assert "Set-Cookie: x" not in str(response.headers) and "x" not in response.cookies
    assert row_counts() == before and watched_disk() == []
