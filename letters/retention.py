"""After sending, letters are deleted: their texts, signatures and return addresses are only
needed until the prison has them. Refused letters go after the same period (their writers can
read the reason through the receipt until then). Only LetterCount and the batch's number of
letters stay."""

import datetime

from django.db import transaction

from letters.conf import setting
from letters.models import Letter


@transaction.atomic
def purge_letters(today=None):
    """Delete letters sent or refused more than LETTERS_RETENTION_DAYS ago; returns how many."""
    today = today or datetime.date.today()
    cutoff = today - datetime.timedelta(days=setting("LETTERS_RETENTION_DAYS"))
    sent = Letter.objects.filter(state=Letter.SENT, batch__sent_on__lt=cutoff)
    refused = Letter.objects.filter(state=Letter.REFUSED, decided_on__lt=cutoff)
    deleted = 0
    for queryset in (sent, refused):
        deleted += queryset.delete()[0]
    return deleted
