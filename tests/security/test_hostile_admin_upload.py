"""Hostile files through the Wagtail admin's image upload, as a moderator (signed in with 2FA).

Staff uploads go through Wagtail's own validation (format sniffed from the bytes, pixel limit);
a refused file must leave no Image row and no file in MEDIA_ROOT or the temporary directory.
Wagtail answers a refused upload by showing the form again with the reason (status 200): that
is its behaviour for every admin form, and the clear error a moderator sees.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.security.hostile_helpers import (
    DISGUISED_FILES,
    PAYLOAD,
    png_bytes,
    row_counts,
    watched_disk_fixture,  # noqa: F401 - fixture
)

ADD = "/admin/images/add/"


@pytest.fixture
def moderator(client, world):
    client.force_login(world.users["moderator"])  # verified second factor (tests/conftest.py)
    assert client.get(ADD).status_code == 200
    return client


def send(client, content, name, content_type="image/png"):
    file = SimpleUploadedFile(name, content, content_type=content_type)
    collection = Collection.get_first_root_node().id  # moderators review every collection
    return client.post(ADD, {"title": "Upload", "file": file, "collection": collection})


@pytest.mark.parametrize("case", sorted(DISGUISED_FILES))
def test_disguised_files_are_refused_in_the_admin(moderator, watched_disk, case):
    content, name, content_type = DISGUISED_FILES[case]
    before = row_counts()
    response = send(moderator, content, name, content_type)
    assert response.status_code in (200, 400), response.status_code
    assert 'class="error-message"' in response.content.decode() or response.status_code == 400
    assert row_counts() == before
    assert watched_disk() == []


def test_traversal_file_name_stays_inside_media(moderator, settings, watched_disk):
    response = send(moderator, png_bytes(), "../../../etc/passwd.png")
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Upload")
    assert ".." not in image.file.name and not image.file.name.startswith("/")
    assert image.file.path.startswith(str(settings.MEDIA_ROOT) + "/original_images/")


def test_payload_after_a_png_never_reaches_readers(moderator):
    """Wagtail keeps the staff's original; what pages show is a rendition, re-encoded from
    pixels, so the bytes appended to the PNG are not in it."""
    response = send(moderator, png_bytes() + PAYLOAD, "poster.png")
    assert response.status_code == 302
    image = get_image_model().objects.get(title="Upload")
    rendition = image.get_rendition("width-20")
    with rendition.file.open("rb") as handle:
        content = handle.read()
    assert len(content) > 50
    assert b"<?php" not in content and b"<script" not in content
