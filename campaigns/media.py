"""Images and documents made in code, for the demo campaign and the tests: nothing downloaded,
no binary files in the repository."""

import io

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from PIL import Image, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model


def png_bytes(size=(1200, 675), colour=(11, 83, 148), accent=(250, 204, 21)):
    """A plain poster-like picture: a coloured field with a light band and a circle."""
    image = Image.new("RGB", size, colour)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle([0, height * 2 // 3, width, height], fill=(240, 236, 226))
    radius = min(width, height) // 5
    centre = (width * 2 // 3, height // 3)
    draw.ellipse(
        [centre[0] - radius, centre[1] - radius, centre[0] + radius, centre[1] + radius],
        fill=accent,
    )
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def make_image(title, filename, **kwargs):
    """A Wagtail image from :func:`png_bytes`, reused if one with this title exists."""
    model = get_image_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    image = model(title=title)
    image.file = ImageFile(io.BytesIO(png_bytes(**kwargs)), name=filename)
    image.save()
    return image


def pdf_bytes(lines):
    """A valid one-page PDF of plain text lines (Helvetica, Latin-1), built by hand."""
    text = ["BT", "/F1 12 Tf", "72 770 Td", "16 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        text.append(f"({escaped}) Tj T*")
    text.append("ET")
    stream = "\n".join(text).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def make_document(title, filename, lines):
    """A Wagtail document holding :func:`pdf_bytes`, reused if one with this title exists."""
    model = get_document_model()
    existing = model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = model(title=title)
    document.file = ContentFile(pdf_bytes(lines), name=filename)
    document.save()
    return document
