"""What every hostile-input test needs: hostile files, a way to see that nothing was saved and
nothing was left on disk, and a vacancy that takes applications.

"Nothing left on disk" is checked in two places: MEDIA_ROOT (where an accepted file would end
up) and the temporary directory (where Django spools large uploads). The temporary directory is
pointed at an empty folder for the test, so any file that appears there is ours.
"""

import io
import pathlib
import struct
import zlib

import pytest
from PIL import Image
from wagtail.images import get_image_model

from letters.models import Letter
from stories.models import ConversationMessage, SpooledAnswer
from tests.stories.sealing_helpers import received_count
from volunteering.models import VacancyApplication

PAYLOAD = b"<?php system($_GET['c']); ?><script>alert(document.cookie)</script>"


def png_bytes(size=(40, 30), colour=(10, 120, 200)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "PNG")
    return out.getvalue()


def _chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bomb(side=40_000):
    """A valid PNG of side x side black pixels (1.6 gigapixels) that weighs a few kilobytes:
    one zlib stream of zero rows. Decoding it would need gigabytes of memory."""
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)  # 1-bit greyscale
    row = b"\x00" * (1 + side // 8)
    compressor = zlib.compressobj(9)
    data = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", data)
        + _chunk(b"IEND", b"")
    )


# Files that must never be accepted as a photo: (bytes, name, content type).
DISGUISED_FILES = {
    "html_named_jpg": (
        b"<!doctype html><html><body><script>alert(1)</script></body></html>",
        "holiday.jpg",
        "image/jpeg",
    ),
    "gif_javascript_polyglot": (
        b"GIF89a/*\x01\x00\x01\x00\x00\xff\x00,*/=1;alert(document.domain);//" + b"\x00" * 32,
        "anim.gif",
        "image/gif",
    ),
    "svg_named_png": (
        b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="9"/></svg>',
        "drawing.png",
        "image/png",
    ),
    "truncated_jpeg": (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20, "cut.jpg", "image/jpeg"),
    "decompression_bomb": (png_bomb(), "bomb.png", "image/png"),
}


@pytest.fixture(name="watched_disk")
def watched_disk_fixture(settings, tmp_path, monkeypatch):
    """An empty temporary directory for uploads, and a way to list what appeared since."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    settings.FILE_UPLOAD_TEMP_DIR = str(temp)
    monkeypatch.setattr("tempfile.tempdir", str(temp))
    media_before = files_under(settings.MEDIA_ROOT)

    def leftovers():
        return sorted(files_under(settings.MEDIA_ROOT) - media_before) + sorted(files_under(temp))

    return leftovers


def files_under(path):
    return {p for p in pathlib.Path(path).rglob("*") if p.is_file()}


def row_counts():
    """Rows of every table a public form or an upload writes to."""
    return {
        # Sealed: spooled or in the sealed inbox (the photos are inside the sealed item).
        "submissions": received_count(),
        "applications": VacancyApplication.objects.count(),
        "images": get_image_model().objects.count(),
        "letters": Letter.objects.count(),
        # A contributor's answers wait in their spool, then become messages.
        "answers": SpooledAnswer.objects.count() + ConversationMessage.objects.count(),
    }
