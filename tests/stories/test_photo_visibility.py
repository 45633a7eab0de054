"""Contributors' photos wait in "Submitted photos", which only story reviewers can see."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.models import Collection

from cms.core.roles import SUBMITTED_PHOTOS_COLLECTION
from stories.pipeline import submitted_photos_collection


@pytest.fixture
def contributors_photo(world):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "JPEG")
    image = get_image_model()(
        title="contributor-photo-7f3a", collection=submitted_photos_collection()
    )
    image.file.save("x.jpg", ImageFile(buffer, name="x.jpg"), save=False)
    image.save()
    return image


def test_ingestion_files_photos_in_their_own_collection(world):
    assert submitted_photos_collection().name == SUBMITTED_PHOTOS_COLLECTION
    assert submitted_photos_collection().depth == Collection.get_first_root_node().depth + 1


@pytest.mark.parametrize(
    ("role", "sees"),
    [
        ("moderator", True),
        ("publisher", True),
        ("submitter", False),
        ("translator_ru", False),
        ("coordinator", False),
    ],
)
def test_only_reviewers_see_contributors_photos(client, world, contributors_photo, role, sees):
    """The image chooser is where an editor would pick a photo for a page."""
    client.force_login(world.users[role])
    response = client.get("/admin/images/chooser/", follow=True)
    assert response.status_code == 200
    assert ("contributor-photo-7f3a" in response.content.decode()) == sees
