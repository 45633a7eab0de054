"""Saving a letter from the public form, and what its receipt code may tell later.

A letter is not a page: it never enters the page tree, revisions, the search index or the audit
log. Only the day it arrived is kept, never a time; the receipt code only as a keyed hash.
"""

import datetime
from dataclasses import dataclass

from cms.core.receipts import new_receipt_code, receipt_digest
from letters.models import REFUSAL_REASONS, Letter


def save_letter(form, prisoner):
    """Save a valid LetterForm's letter to `prisoner`; returns the receipt code (shown once)."""
    data = form.cleaned_data
    code = new_receipt_code()
    Letter.objects.create(
        prisoner=prisoner,
        language=data["language"],
        text=data["text"],
        signature_name=data["signature_name"],
        signature_city=data["signature_city"],
        reply=data["reply"],
        return_address=data["return_address"],
        receipt_digest=receipt_digest(code),
        received_on=datetime.date.today(),
    )
    return code


@dataclass(frozen=True)
class LetterStatus:
    state: str
    refusal: str = ""
    translating: bool = False


def status_for_code(code):
    """What the holder of a receipt code may learn: the state, and a refusal's reason. Never
    the text, the prisoner or a date: the code may have been found by someone else."""
    letter = Letter.objects.filter(receipt_digest=receipt_digest(code)).first()
    if letter is None:
        return None
    refusal = dict(REFUSAL_REASONS).get(letter.refusal_reason, "")
    translating = letter.state == Letter.RECEIVED and letter.needs_translation
    return LetterStatus(state=letter.state, refusal=refusal, translating=translating)
