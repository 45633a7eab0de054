"""scrub_image: nothing but pixels survives, and hostile uploads are refused before decoding.

Every fixture is built here with Pillow, carrying a canary string in each metadata channel, so
the tests can search the raw output bytes for it.
"""

import io
import os
import re
import struct
import warnings
import zipfile
import zlib

import pytest
from PIL import ExifTags, Image, ImageCms, ImageFile
from PIL.PngImagePlugin import PngInfo

from stories.privacy.images import (
    MAX_BYTES,
    ImageRejected,
    ScrubbedImage,
    random_image_name,
    scrub_image,
)

CANARY = "CANARY-GPS-55.7558"
RED, BLUE = (255, 0, 0), (0, 0, 255)
XMP = (
    '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF '
    'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description '
    'xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="' + CANARY + '"/>'
    '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
)
ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
# Markers that betray metadata in any of the three containers.
FORBIDDEN = [CANARY.encode(), b"CANARY-THUMB", b"Exif\x00\x00", b"http://ns.adobe.com/xap", b"acsp"]


def ensure_settings():
    """Rendering a lazy message needs settings; configure minimal ones only if nobody has."""
    from django.conf import settings

    if not settings.configured and not os.environ.get("DJANGO_SETTINGS_MODULE"):
        settings.configure(SECRET_KEY="test-secret-key-for-privacy-tests", USE_I18N=False)


def encode(img, fmt, **params):
    out = io.BytesIO()
    img.save(out, fmt, **params)
    return out.getvalue()


def two_colour(size=(40, 20)):
    """Left half red, right half blue: shows which way the picture was turned."""
    img = Image.new("RGB", size, RED)
    img.paste(BLUE, (size[0] // 2, 0, size[0], size[1]))
    return img


def tiff_exif(description: bytes, orientation: int, thumbnail: bytes) -> bytes:
    """EXIF with IFD0 (description, orientation, GPS pointer), a GPS IFD and an IFD1 thumbnail.

    Written by hand because Pillow cannot write IFD1, where cameras put the thumbnail.
    """
    desc = description + b"\x00"
    ifd0, gps = 8, 8 + 2 + 3 * 12 + 4
    desc_at = gps + 2 + 4 * 12 + 4
    lat_at = desc_at + len(desc)
    lon_at = lat_at + 24
    ifd1 = lon_at + 24
    thumb_at = ifd1 + 2 + 2 * 12 + 4

    def entry(tag, typ, count, value: bytes):
        return struct.pack(">HHI", tag, typ, count) + value.ljust(4, b"\x00")

    def rationals(*pairs):
        return b"".join(struct.pack(">II", n, d) for n, d in pairs)

    out = b"MM\x00\x2a" + struct.pack(">I", ifd0)
    out += struct.pack(">H", 3)
    out += entry(0x010E, 2, len(desc), struct.pack(">I", desc_at))
    out += entry(0x0112, 3, 1, struct.pack(">H", orientation))
    out += entry(0x8825, 4, 1, struct.pack(">I", gps))
    out += struct.pack(">I", ifd1)
    out += struct.pack(">H", 4)
    out += entry(1, 2, 2, b"N\x00")
    out += entry(2, 5, 3, struct.pack(">I", lat_at))
    out += entry(3, 2, 2, b"E\x00")
    out += entry(4, 5, 3, struct.pack(">I", lon_at))
    out += struct.pack(">I", 0)
    out += desc + rationals((55, 1), (45, 1), (2088, 100)) + rationals((37, 1), (37, 1), (1, 1))
    out += struct.pack(">H", 2)
    out += entry(0x0201, 4, 1, struct.pack(">I", thumb_at))
    out += entry(0x0202, 4, 1, struct.pack(">I", len(thumbnail)))
    out += struct.pack(">I", 0)
    assert len(out) == thumb_at
    return b"Exif\x00\x00" + out + thumbnail


def jpeg_with_everything(orientation=6):
    thumb = encode(Image.new("RGB", (8, 8), BLUE), "JPEG", comment=b"CANARY-THUMB")
    return encode(
        two_colour(),
        "JPEG",
        quality=95,
        exif=tiff_exif(CANARY.encode(), orientation, thumb),
        xmp=XMP.encode(),
        comment=CANARY.encode(),
        icc_profile=ICC,
    )


def png_chunks(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, types = 8, []
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        types.append(kind)
        pos += 12 + length
    return types


def riff_chunks(data):
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    pos, types = 12, []
    while pos < len(data):
        kind, length = struct.unpack("<4sI", data[pos : pos + 8])
        types.append(kind)
        pos += 8 + length + (length & 1)
    return types


def png_header_only(width, height):
    """A real, tiny PNG claiming width x height 1-bit pixels: all zeros compress to nothing."""
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    compressor, row = zlib.compressobj(9), b"\x00" * (1 + (width + 7) // 8)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind, body):
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def assert_clean(result: ScrubbedImage):
    for marker in FORBIDDEN:
        assert marker not in result.content, marker
    img = Image.open(io.BytesIO(result.content))
    assert not set(img.info) & {"exif", "icc_profile", "xmp", "XML:com.adobe.xmp", "comment"}
    assert not img.getexif()
    return img


def near(pixel, colour, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def test_fixture_really_carries_the_metadata():
    data = jpeg_with_everything()
    img = Image.open(io.BytesIO(data))
    exif = img.getexif()
    assert exif[ExifTags.Base.Orientation] == 6
    assert exif.get_ifd(ExifTags.IFD.GPSInfo)[ExifTags.GPS.GPSLatitude] == (55, 45, 20.88)
    assert ExifTags.Base.JpegIFOffset in exif.get_ifd(ExifTags.IFD.IFD1)
    assert {"icc_profile", "xmp", "comment", "exif"} <= set(img.info)
    assert all(marker in data for marker in FORBIDDEN)


def test_jpeg_loses_exif_gps_thumbnail_xmp_comment_and_icc():
    result = scrub_image(jpeg_with_everything())
    img = assert_clean(result)
    assert (result.format, result.extension, result.content_type) == ("jpeg", ".jpg", "image/jpeg")
    assert img.format == "JPEG"
    assert result.content.count(b"\xff\xd8\xff") == 1  # no second, embedded JPEG
    # APP0 (JFIF) is all the marker segments we expect before the image data.
    assert not re.search(rb"\xff[\xe1-\xef\xfe]", result.content.split(b"\xff\xda")[0])


def test_jpeg_orientation_is_applied_before_the_tag_is_dropped():
    result = scrub_image(jpeg_with_everything(orientation=6))
    img = Image.open(io.BytesIO(result.content)).convert("RGB")
    assert (result.width, result.height) == (20, 40) == img.size
    # Orientation 6 turns the picture 90 degrees clockwise: the red left half ends up on top.
    assert near(img.getpixel((10, 5)), RED)
    assert near(img.getpixel((10, 35)), BLUE)


def test_red_square_stays_red():
    result = scrub_image(encode(Image.new("RGB", (64, 64), RED), "JPEG"))
    img = Image.open(io.BytesIO(result.content)).convert("RGB")
    assert near(img.getpixel((32, 32)), RED, tolerance=10)


def test_png_loses_text_chunks_icc_and_exif_and_keeps_alpha():
    info = PngInfo()
    info.add_text("Comment", CANARY)
    info.add_text("Author", CANARY, zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP)
    img = Image.new("RGBA", (30, 30), RED + (255,))
    img.paste((0, 0, 0, 0), (0, 0, 15, 30))
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = CANARY
    data = encode(img, "PNG", pnginfo=info, icc_profile=ICC, exif=exif)
    assert {b"tEXt", b"zTXt", b"iTXt", b"iCCP", b"eXIf"} <= set(png_chunks(data))

    result = scrub_image(data)
    out = assert_clean(result)
    assert set(png_chunks(result.content)) == {b"IHDR", b"IDAT", b"IEND"}
    assert (result.format, result.extension, result.content_type) == ("png", ".png", "image/png")
    assert out.mode == "RGBA"
    assert out.getpixel((5, 5))[3] == 0
    assert out.getpixel((25, 5)) == RED + (255,)


def test_webp_loses_exif_xmp_and_icc():
    exif = Image.Exif()
    exif[ExifTags.Base.ImageDescription] = CANARY
    data = encode(two_colour(), "WEBP", exif=exif, xmp=XMP.encode(), icc_profile=ICC)
    assert {b"EXIF", b"XMP ", b"ICCP"} <= set(riff_chunks(data))

    result = scrub_image(data)
    out = assert_clean(result)
    assert set(riff_chunks(result.content)) <= {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}
    assert (result.format, result.content_type) == ("webp", "image/webp")
    assert near(out.convert("RGB").getpixel((5, 10)), RED)


MODE_CASES = ["CMYK JPEG RGB", "L JPEG L", "P PNG RGB", "LA PNG RGBA", "I;16 PNG L", "1 PNG L"]


@pytest.mark.parametrize("case", [*MODE_CASES, "RGBA WEBP RGBA", "P+transparency PNG RGBA"])
def test_modes_are_converted_sensibly(case):
    mode, fmt, expected = case.split()
    if mode == "P+transparency":
        img = Image.new("P", (16, 16), 1)
        img.putpalette([0, 0, 0, 255, 0, 0])
        data = encode(img, fmt, transparency=1)
    else:
        data = encode(Image.new(mode, (16, 16)), fmt)
    out = Image.open(io.BytesIO(scrub_image(data).content))
    assert out.mode == expected
    if expected == "RGBA":
        assert out.getpixel((0, 0))[3] == 0


def test_sixteen_bit_grey_is_scaled_not_clipped():
    img = Image.new("I;16", (4, 4), 0x8000)
    out = Image.open(io.BytesIO(scrub_image(encode(img, "PNG")).content))
    assert out.getpixel((0, 0)) == 128


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "MPO"])
def test_animated_images_keep_only_the_first_frame(fmt):
    frames = [Image.new("RGB", (16, 16), colour) for colour in (RED, BLUE)]
    data = encode(frames[0], fmt, save_all=True, append_images=frames[1:], duration=100)
    assert Image.open(io.BytesIO(data)).n_frames == 2

    out = Image.open(io.BytesIO(scrub_image(data).content))
    assert getattr(out, "n_frames", 1) == 1
    assert near(out.convert("RGB").getpixel((8, 8)), RED)
    if fmt == "PNG":
        assert b"acTL" not in scrub_image(data).content


def zip_archive():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"not really")
    return buffer.getvalue()


def truncated_jpeg():
    noise = Image.frombytes("RGB", (128, 128), os.urandom(128 * 128 * 3))
    data = encode(noise, "JPEG", quality=95)
    return data[: len(data) // 2]


def png_with_bad_crc():
    data = bytearray(encode(Image.new("RGB", (8, 8)), "PNG"))
    data[20] ^= 0xFF  # inside IHDR: the checksum no longer matches
    return bytes(data)


HOSTILE = {
    "zero-bytes": (lambda: b"", "empty"),
    "11-mb": (lambda: b"\xff\xd8\xff\xe0" + b"\x00" * (MAX_BYTES + 1024 * 1024), "too_large"),
    "html-named-jpg": (lambda: b"<html><script>alert(1)</script></html>", "unsupported_format"),
    "zip": (zip_archive, "unsupported_format"),
    "gif": (lambda: encode(Image.new("RGB", (8, 8), RED), "GIF"), "unsupported_format"),
    "truncated-jpeg": (truncated_jpeg, "corrupt"),
    "png-bad-crc": (png_with_bad_crc, "corrupt"),  # broken, not "unsupported"
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_uploads_are_rejected_with_the_right_code(name):
    build, code = HOSTILE[name]
    with pytest.raises(ImageRejected) as caught:
        scrub_image(build())
    assert caught.value.code == code
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.fixture
def no_decoding(monkeypatch):
    def refuse(self):
        raise AssertionError("pixels were decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", refuse)


@pytest.mark.parametrize(
    ("size", "code"),
    [
        ((20000, 20000), "bomb"),  # beyond Pillow's hard limit
        ((10000, 10000), "bomb"),  # Pillow's warning, turned into an error locally
        ((8000, 6000), "too_many_pixels"),  # within Pillow's limits, beyond our 40 MP
    ],
)
def test_huge_images_are_rejected_without_decoding(no_decoding, size, code):
    data = png_header_only(*size)
    assert len(data) < 200_000
    max_pixels = Image.MAX_IMAGE_PIXELS
    with warnings.catch_warnings(record=True) as seen:
        warnings.simplefilter("always")
        with pytest.raises(ImageRejected) as caught:
            scrub_image(data)
    assert caught.value.code == code
    assert not [w for w in seen if issubclass(w.category, Image.DecompressionBombWarning)]
    assert max_pixels == Image.MAX_IMAGE_PIXELS


def test_large_image_within_limits_is_accepted():
    result = scrub_image(png_header_only(4000, 2000))
    assert (result.width, result.height) == (4000, 2000)
    with pytest.raises(AttributeError):
        result.content = b""  # frozen


def test_messages_are_friendly_and_lazy():
    ensure_settings()
    error = ImageRejected("too_large")
    assert str(error.message) == "This photo is larger than 10 MB. Please send a smaller one."
    assert isinstance(error, ValueError)
    assert repr(error) == "ImageRejected('too_large')"
    for code in ("empty", "too_many_pixels", "unsupported_format", "corrupt", "bomb"):
        assert str(ImageRejected(code).message).endswith(".")


def test_random_image_name_reveals_nothing():
    names = {random_image_name(".jpg") for _ in range(100)}
    assert len(names) == 100
    assert all(re.fullmatch(r"[0-9a-f]{32}\.jpg", name) for name in names)
