"""Render a payment payload as an inline, accessible, scalable SVG QR code."""

import functools
import html
import re

import segno

from .sepa import PaymentPayloadError

# Bank apps are only required to read up to version 13 (EPC069-12); SPD follows the same rule.
MAX_VERSION = 13
BORDER = 4  # the quiet zone the QR standard requires, in modules

# EPC element 3 names the payload's character set.
_EPC_CHARSETS = {
    "1": "utf-8",
    "2": "iso8859-1",
    "3": "iso8859-2",
    "4": "iso8859-4",
    "5": "iso8859-5",
    "6": "iso8859-7",
    "7": "iso8859-10",
    "8": "iso8859-15",
}
# XML 1.0 forbids most control characters even as references, so they cannot be escaped.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def payload_encoding(payload: str) -> str:
    """Return the character set ``payload`` declares: EPC element 3, Latin-1 for SPD.

    The bytes in the code must be in that character set. Left to itself segno would write
    "Müller" in Latin-1 (the QR default), and an app told "UTF-8" by the EPC header would
    then read garbage.
    """
    lines = payload.replace("\r\n", "\n").split("\n")
    if len(lines) >= 3 and lines[0] == "BCD":
        try:
            return _EPC_CHARSETS[lines[2]]
        except KeyError:
            raise PaymentPayloadError(f"Unknown EPC character set {lines[2]!r}.") from None
    if payload.startswith("SPD*"):
        return "iso8859-1"
    return "utf-8"


def make_qr(payload: str) -> segno.QRCode:
    """Encode ``payload`` at error correction level M, refusing codes above version 13."""
    encoding = payload_encoding(payload)
    try:
        data = payload.encode(encoding)
    except UnicodeEncodeError as error:
        raise PaymentPayloadError(
            f"The payment code text cannot be written in {encoding}: {error.reason}."
        ) from error
    # Bytes, so segno writes exactly these; boost_error=False keeps level M as the spec asks.
    qr = segno.make(data, error="m", boost_error=False, micro=False)
    if qr.version > MAX_VERSION:
        raise PaymentPayloadError(
            f"The payment details need a version {qr.version} QR code; bank apps only promise "
            f"to read up to version {MAX_VERSION}. Shorten the texts."
        )
    return qr


def _dark_modules_path(qr: segno.QRCode) -> str:
    """One path of unit rectangles, a horizontal run of dark modules each."""
    commands = []
    for y, row in enumerate(qr.matrix_iter(scale=1, border=BORDER)):
        x = 0
        row = list(row)
        while x < len(row):
            if not row[x]:
                x += 1
                continue
            start = x
            while x < len(row) and row[x]:
                x += 1
            commands.append(f"M{start} {y}h{x - start}v1h-{x - start}z")
    return "".join(commands)


# Encoding is the costliest part of a campaign page (segno tries eight masks per code, about
# 20 ms each); a payload always gives the same code, and a page shows the same few payloads to
# every reader. Bounded: one entry per account, amount and reference text.
@functools.lru_cache(maxsize=4096)
def _qr_geometry(payload: str) -> tuple[int, str]:
    qr = make_qr(payload)
    return qr.symbol_size(scale=1, border=BORDER)[0], _dark_modules_path(qr)


def qr_svg(payload: str, *, label: str) -> str:
    """Return ``payload`` as an inline SVG QR code for an HTML page.

    The SVG scales with CSS (a viewBox, class ``qr-code``, no pixel size) and has
    ``role="img"``, an ``aria-label`` and a ``<title>`` holding ``label``, which is escaped, so
    the result is safe to mark safe. The payload goes into the code as it is: never escape it
    for HTML first. Raises :class:`PaymentPayloadError` if the code would be too large.
    """
    text = " ".join(_XML_INVALID.sub("", label or "").split())
    if not text:
        raise ValueError("A QR code needs a label that says what it is for.")
    size, dark_modules = _qr_geometry(payload)
    escaped = html.escape(text, quote=True)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" class="qr-code" '
        f'role="img" aria-label="{escaped}" shape-rendering="crispEdges">'
        f"<title>{escaped}</title>"
        # A white quiet zone of its own, so the code also scans on a dark page.
        f'<path fill="#fff" d="M0 0h{size}v{size}h-{size}z"/>'
        f'<path fill="#000" d="{dark_modules}"/>'
        "</svg>"
    )
