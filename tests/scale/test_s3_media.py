"""Media on S3-compatible object storage (moto's S3 server on loopback): every upload and
rendition lands in the bucket and nowhere on local disk, the bucket answers nobody without a
signature, and the pages readers get carry signed URLs that serve the bytes.
"""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.core.publishing import setup_publishing
from stories.models import StoryPage
from tests.scale.conftest import fetch
from tests.security.hostile_helpers import (
    png_bytes,
    watched_disk_fixture,  # noqa: F401 - fixture
)
from tests.stories.sealing_helpers import ingest_and_draft, sealed_to_test_recovery_key  # noqa: F401
from tests.stories.submission_helpers import (
    ensure_form_pages,
    jpeg_bytes,
    story_form_env,  # noqa: F401 - fixture
    submit_story,
    upload,
)

PNG = b"\x89PNG\r\n\x1a\n"


def is_webp(content):
    return content[:4] == b"RIFF" and content[8:12] == b"WEBP"


def test_an_admin_upload_and_its_renditions_are_in_the_bucket(
    s3_bucket, client, world, watched_disk
):
    client.force_login(world.users["moderator"])
    content = png_bytes(size=(80, 60))
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Poster",
            "file": SimpleUploadedFile("poster.png", content, content_type="image/png"),
            "collection": Collection.get_first_root_node().id,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]

    image = get_image_model().objects.get(title="Poster")
    assert image.file.name.startswith("original_images/")
    assert image.file.name in s3_bucket.object_keys()
    assert s3_bucket.read(image.file.name) == content
    assert fetch(image.file.url) == (200, content)

    rendition = image.get_rendition("width-40")
    assert rendition.file.name in s3_bucket.object_keys()
    status, body = fetch(rendition.url)
    assert status == 200 and body.startswith(PNG)
    # The bucket is private: without the signature nobody gets either file.
    assert fetch(s3_bucket.plain_url(image.file.name))[0] == 403
    assert fetch(s3_bucket.plain_url(rendition.file.name))[0] == 403
    assert watched_disk() == []


@pytest.mark.usefixtures("story_form_env")
def test_a_contributors_photo_stays_private_and_its_published_page_shows_a_signed_copy(
    s3_bucket, world, watched_disk
):
    ensure_form_pages(world, languages=("en",))
    photo = jpeg_bytes(size=(120, 90))
    response = submit_story(
        Client(),
        "/en/stories/tell/",
        title="Photo in the bucket",
        files={"photo_1": upload(photo, name="Ivan-Petrov-at-home.jpg")},
        photo_1_alt="A red square",
    )
    assert response.status_code == 200
    ingest_and_draft()

    story = StoryPage.objects.get(title="Photo in the bucket")
    image = story.body[-1].value["image"]
    key = image.file.name
    assert key in s3_bucket.object_keys()
    # Nothing identifying travels with the object: no metadata, no original name.
    head = s3_bucket.head(key)
    assert head["Metadata"] == {}
    assert "ContentDisposition" not in head
    assert "Ivan" not in key and "Petrov" not in key
    assert fetch(s3_bucket.plain_url(key))[0] == 403

    reader = Client()
    assert reader.get(story.url).status_code == 404  # still a draft
    with setup_publishing():  # set-up, not the story workflow under test
        story.save_revision().publish(skip_permission_checks=True)
    page = reader.get(story.url)
    assert page.status_code == 200
    html = page.content.decode()
    start = html.index('src="', html.index('class="figure"')) + len('src="')
    src = html[start : html.index('"', start)].replace("&amp;", "&")
    assert src.startswith(f"{s3_bucket.origin}/{s3_bucket.name}/images/")
    assert "X-Amz-Signature=" in src and "X-Amz-Expires=" in src
    status, body = fetch(src)
    assert status == 200 and is_webp(body)
    # Browsers may load images from the bucket's origin, and from no other.
    assert s3_bucket.origin in page["Content-Security-Policy"].split("img-src", 1)[1].split(";")[0]
    assert watched_disk() == []


def test_documents_are_stored_in_the_bucket_and_served_through_the_site(s3_bucket, world):
    document = get_document_model()(title="Press kit")
    document.file.save("press-kit.pdf", ContentFile(b"%PDF-1.4 polyphony"), save=True)
    assert document.file.name in s3_bucket.object_keys()

    response = Client().get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 polyphony"
    assert response["Content-Disposition"].startswith("attachment")
