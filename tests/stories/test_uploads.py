"""Photos through the real form: clean in Wagtail's original and its renditions; hostile uploads
refused with a clear message and nothing left on disk or in the database."""

import io
import pathlib

import pytest
from django.core.files import uploadedfile
from PIL import Image
from wagtail.images import get_image_model

from stories.models import StoryPage
from stories.sealing.crypto import unb64
from tests.stories.sealing_helpers import ingest_and_draft, received_count, received_payloads
from tests.stories.submission_helpers import submit_story, upload
from tests.stories.test_privacy_images import (
    CANARY,
    FORBIDDEN,
    HOSTILE,
    ICC,
    XMP,
    encode,
    jpeg_with_everything,
    png_chunks,
    png_header_only,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

MESSAGES = {
    "empty": "This photo is empty",
    "too_large": "This photo is larger than 10 MB",
    "unsupported_format": "We can only accept photos in JPEG, PNG or WebP format",
    "corrupt": "This photo seems to be damaged or incomplete",
    "bomb": "This file is not a normal photo",
    "too_many_pixels": "This photo has too many pixels",
}
CASES = {
    **{name: (make, code) for name, (make, code) in HOSTILE.items()},
    "decompression-bomb-png": (lambda: png_header_only(10_000, 10_000), "bomb"),
    "too-many-pixels-png": (lambda: png_header_only(8_000, 6_000), "too_many_pixels"),
}


def png_with_text():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", CANARY)
    info.add_text("Author", CANARY, zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP)
    data = encode(Image.new("RGB", (30, 30), (0, 128, 0)), "PNG", pnginfo=info, icc_profile=ICC)
    assert {b"tEXt", b"zTXt", b"iTXt", b"iCCP"} <= set(png_chunks(data))
    return data


def assert_clean_file(data: bytes):
    for marker in FORBIDDEN:
        assert marker not in data, marker
    img = Image.open(io.BytesIO(data))
    assert not img.getexif()
    assert not {"exif", "xmp", "icc_profile", "comment", "Comment", "Author"} & set(img.info)
    if img.format == "PNG":
        assert set(png_chunks(data)) <= {b"IHDR", b"IDAT", b"IEND", b"PLTE", b"tRNS"}


def test_photos_are_clean_in_wagtails_originals_and_renditions(client, form_pages):
    jpeg = jpeg_with_everything()
    assert CANARY.encode() in jpeg and b"CANARY-THUMB" in jpeg  # the fixture is really dirty
    response = submit_story(
        client,
        "/en/stories/tell/",
        files={
            "photo_1": upload(jpeg, name="home-in-tomsk.jpg"),
            "photo_2": upload(png_with_text(), name="flat-42.png", content_type="image/png"),
        },
    )
    assert response.status_code == 200 and b"receipt__code" in response.content
    for photo in received_payloads()[0]["photos"]:
        assert_clean_file(unb64(photo["data"]))

    ingest_and_draft()
    story = StoryPage.objects.get()
    images = [block.value["image"] for block in story.body if block.block_type == "photo"]
    assert len(images) == 2
    for image in images:
        assert "tomsk" not in image.file.name and "flat" not in image.file.name
        assert "tomsk" not in image.title
        with image.open_file() as original:
            assert_clean_file(original.read())
        rendition = image.get_rendition("width-20")
        with rendition.file.open("rb") as resized:
            assert_clean_file(resized.read())
    # Orientation was applied before the EXIF tag was dropped: the 40x20 picture stands up.
    assert (images[0].width, images[0].height) == (20, 40)


@pytest.fixture
def spy_temp_files(monkeypatch, tmp_path, settings):
    """Every temporary file an upload could create lands in an empty folder we watch, and any
    attempt to spool an upload to disk is recorded."""
    folder = tmp_path / "uploads-tmp"
    folder.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(folder)
    monkeypatch.setattr("tempfile.tempdir", str(folder))
    spooled = []
    original = uploadedfile.TemporaryUploadedFile.__init__

    def recording_init(self, *args, **kwargs):
        spooled.append(args)
        original(self, *args, **kwargs)

    monkeypatch.setattr(uploadedfile.TemporaryUploadedFile, "__init__", recording_init)
    return folder, spooled


def files_under(path):
    return {p for p in pathlib.Path(path).rglob("*") if p.is_file()}


@pytest.mark.parametrize("case", CASES)
def test_hostile_uploads_are_refused_and_leave_nothing(
    client, form_pages, settings, spy_temp_files, case
):
    make, code = CASES[case]
    folder, spooled = spy_temp_files
    media_before = files_under(settings.MEDIA_ROOT)
    images_before = get_image_model().objects.count()

    response = submit_story(client, "/en/stories/tell/", files={"photo_1": upload(make())})

    html = response.content.decode()
    assert response.status_code == 200
    assert MESSAGES[code] in html
    assert 'id="id_photo_1-errors"' in html
    assert "receipt__code" not in html
    assert received_count() == 0
    assert get_image_model().objects.count() == images_before
    assert files_under(settings.MEDIA_ROOT) == media_before
    assert files_under(folder) == set()
    assert spooled == [], "an upload was spooled to a temporary file"


def test_admin_uploads_keep_djangos_handlers(rf):
    """Staff upload large documents in the admin: the memory-only handler steps aside there."""
    from stories.uploads import PublicMemoryUploadHandler

    handler = PublicMemoryUploadHandler(rf.post("/admin/images/multiple/add/"))
    handler.handle_raw_input(None, {}, 100, b"x")
    handler.new_file("file", "big.pdf", "application/pdf", 100)
    assert handler.receive_data_chunk(b"data", 0) == b"data"
    assert handler.file_complete(4) is None
