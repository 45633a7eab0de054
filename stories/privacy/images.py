"""Scrub uploaded photos: keep the pixels, drop everything else.

A photo from a phone can carry GPS coordinates, the device serial, the owner's name, an embedded
thumbnail of the *uncropped* picture, editing history in XMP, and more. Any of it can identify a
contributor. Instead of deleting known metadata (a blocklist always misses something), we decode
the pixels, copy them into a brand-new image that has never seen the upload's metadata, and encode
that. Only what we explicitly write ends up in the output.

Everything happens in memory: the upload is never written to disk, so a rejected or scrubbed
upload leaves nothing behind.

Decisions:
- The format is decided by the content (Pillow's parsers), never by the file name or the
  client's content type. Only JPEG, PNG and WebP are accepted; camera "MPO" files (a JPEG
  followed by extra frames) count as JPEG.
- Animated images (APNG, animated WebP, MPO) keep only their first frame. Rejecting them would
  confuse people who cannot tell why a photo "does not work"; the other frames are never decoded.
- Size limits are checked before any pixel is decoded: input bytes first, then width x height
  from the header. Pillow's own decompression-bomb guard is turned into an error locally.
"""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000

JPEG_QUALITY = 85
WEBP_QUALITY = 85

ImageFormat = Literal["jpeg", "png", "webp"]

# Pillow format name -> (our format, extension, content type).
_FORMATS: dict[str, tuple[ImageFormat, str, str]] = {
    "JPEG": ("jpeg", ".jpg", "image/jpeg"),
    "MPO": ("jpeg", ".jpg", "image/jpeg"),
    "PNG": ("png", ".png", "image/png"),
    "WEBP": ("webp", ".webp", "image/webp"),
}

# Only these parsers ever see an upload: a smaller attack surface than every Pillow plugin.
_PARSERS = ("JPEG", "PNG", "WEBP")

# Used only to tell "a broken JPEG/PNG/WebP" from "not an image we accept" in the error code.
_SIGNATURES = (b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n")

_MESSAGES = {
    "empty": _("This photo is empty. Please choose the file again."),
    "too_large": _("This photo is larger than 10 MB. Please send a smaller one."),
    "too_many_pixels": _(
        "This photo has too many pixels (more than 40 megapixels). Please send a smaller one."
    ),
    "unsupported_format": _("We can only accept photos in JPEG, PNG or WebP format."),
    "corrupt": _("This photo seems to be damaged or incomplete. Please try another file."),
    "bomb": _("This file is not a normal photo and cannot be accepted. Please try another one."),
}


class ImageRejected(ValueError):
    """An upload we refuse. ``code`` is for programs and tests; ``message`` is for the person."""

    def __init__(self, code: str):
        self.code = code
        self.message = _MESSAGES[code]
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"ImageRejected({self.code!r})"


@dataclass(frozen=True)
class ScrubbedImage:
    """A re-encoded photo that carries nothing but its pixels."""

    content: bytes
    format: ImageFormat
    width: int
    height: int
    extension: str
    content_type: str


def random_image_name(extension: str) -> str:
    """A file name that reveals nothing of the original name, time or order of upload."""
    return secrets.token_hex(16) + extension


def scrub_image(data: bytes) -> ScrubbedImage:
    """Validate an upload and return a clean re-encoding of its pixels, or raise ImageRejected."""
    if not data:
        raise ImageRejected("empty")
    if len(data) > MAX_BYTES:
        raise ImageRejected("too_large")

    # catch_warnings is process-wide, not per thread; it only matters as a second line of
    # defence here, because the explicit pixel check below is stricter than Pillow's warning.
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        original, fmt = _open(data)
        pixels = _decode(original)

    our_format, extension, content_type = _FORMATS[fmt]
    clean = _rebuild(pixels, our_format)
    del pixels, original
    return ScrubbedImage(
        content=_encode(clean, our_format),
        format=our_format,
        width=clean.width,
        height=clean.height,
        extension=extension,
        content_type=content_type,
    )


def _open(data: bytes) -> tuple[Image.Image, str]:
    """Parse the header only and enforce the pixel limit before anything is decoded."""
    try:
        img = Image.open(io.BytesIO(data), formats=_PARSERS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected("bomb") from exc
    except UnidentifiedImageError as exc:
        code = "corrupt" if _looks_like_accepted_format(data) else "unsupported_format"
        raise ImageRejected(code) from exc
    except Exception as exc:
        # Pillow's parsers raise many exception types on hostile input.
        raise ImageRejected("corrupt") from exc

    if img.format not in _FORMATS:
        raise ImageRejected("unsupported_format")
    width, height = img.size
    if width * height > MAX_PIXELS:
        raise ImageRejected("too_many_pixels")
    return img, img.format


def _decode(img: Image.Image) -> Image.Image:
    """Decode the first frame, upright. Truncated or corrupt data is an error, not grey pixels."""
    try:
        # An opened image is positioned on its first frame; other frames are never decoded.
        # Orientation is applied before rebuilding, because the EXIF tag that says how to turn
        # the picture is about to be thrown away with everything else.
        upright = ImageOps.exif_transpose(img)
        upright.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ImageRejected("bomb") from exc
    except Exception as exc:
        raise ImageRejected("corrupt") from exc
    return upright


def _target_mode(img: Image.Image, fmt: ImageFormat) -> str:
    has_alpha = img.mode in ("RGBA", "LA", "PA", "RGBa", "La") or img.has_transparency_data
    if fmt == "jpeg":
        return "L" if img.mode in ("1", "L") else "RGB"
    if has_alpha:
        return "RGBA"
    if fmt == "png" and img.mode in ("1", "L", "I", "I;16", "I;16B", "I;16L", "I;16N"):
        return "L"
    return "RGB"


def _rebuild(img: Image.Image, fmt: ImageFormat) -> Image.Image:
    """Copy the pixels into a fresh image: no info dict, no palette, no EXIF, nothing else."""
    mode = _target_mode(img, fmt)
    try:
        if img.mode.startswith("I") and mode == "L":
            # 16-bit greyscale: scale down instead of clipping everything above 255 to white.
            img = img.convert("I").point(lambda value: value * (1 / 256)).convert("L")
        elif img.mode != mode:
            img = img.convert(mode)
    except ValueError as exc:
        raise ImageRejected("unsupported_format") from exc
    clean = Image.new(mode, img.size)
    clean.paste(img, (0, 0))
    return clean


def _encode(img: Image.Image, fmt: ImageFormat) -> bytes:
    """Encode with explicit, empty metadata. ``img`` is fresh, so Pillow has nothing to copy."""
    out = io.BytesIO()
    if fmt == "jpeg":
        img.save(out, "JPEG", quality=JPEG_QUALITY, optimize=True)
    elif fmt == "png":
        img.save(out, "PNG", optimize=True)
    else:
        img.save(out, "WEBP", quality=WEBP_QUALITY, method=4)
    return out.getvalue()


def _looks_like_accepted_format(data: bytes) -> bool:
    if data.startswith(_SIGNATURES):
        return True
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
