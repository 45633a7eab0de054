"""What a Letter volunteer does with a letter: correct it, check its translation, refuse it with
a reason (the writer sees the reason through their receipt), or mark it ready to send."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from letters.models import REFUSAL_REASONS, Letter


class NotAllowed(Exception):
    pass


def _editable(letter):
    if letter.state != Letter.RECEIVED:
        raise NotAllowed(_("This letter was already decided on."))


def save_correction(letter, *, text, translation, translation_checked):
    _editable(letter)
    letter.text = text
    letter.translation = translation
    letter.translation_checked = bool(translation_checked and translation.strip())
    letter.save(update_fields=["text", "translation", "translation_checked"])


@transaction.atomic
def mark_ready(letter):
    _editable(letter)
    if letter.text_for_prison is None:
        raise NotAllowed(
            _("A letter not written in Russian needs a checked Russian translation first.")
        )
    letter.state = Letter.READY
    letter.decided_on = datetime.date.today()
    letter.save(update_fields=["state", "decided_on"])


@transaction.atomic
def refuse(letter, reason):
    _editable(letter)
    if reason not in dict(REFUSAL_REASONS):
        raise NotAllowed(_("Please choose a reason the writer will see."))
    letter.state = Letter.REFUSED
    letter.refusal_reason = reason
    letter.decided_on = datetime.date.today()
    # Refused letters never leave: their return address is not needed any more.
    letter.return_address = ""
    letter.save(update_fields=["state", "refusal_reason", "decided_on", "return_address"])
