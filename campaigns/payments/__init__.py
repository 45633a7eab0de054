"""Donation payment QR codes for campaign pages: EPC (SEPA, EUR) and Czech QR Platba (CZK).

Pure Python, no models: builders return the payload text, ``qr_svg`` renders it.
"""

from .epc import epc_payload
from .render import qr_svg
from .sepa import PaymentPayloadError, to_sepa, transliterate
from .spd import spd_payload

__all__ = [
    "PaymentPayloadError",
    "epc_payload",
    "qr_svg",
    "spd_payload",
    "to_sepa",
    "transliterate",
]
