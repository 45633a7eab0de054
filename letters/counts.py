"""How many letters went to whom: the only thing kept after letters are deleted.

Counted when a batch is marked sent (letters.batches.mark_sent), never from the letters
themselves, so the number stays when retention deletes them.
"""

import datetime

from django.db.models import F

from letters.models import LetterCount


def this_year():
    return datetime.date.today().year


def add_sent(prisoner_key, year, number=1):
    row, created = LetterCount.objects.get_or_create(
        prisoner_key=prisoner_key, year=year, defaults={"count": number}
    )
    if not created:
        LetterCount.objects.filter(pk=row.pk).update(count=F("count") + number)


def sent_this_year(prisoner_key, year=None):
    row = LetterCount.objects.filter(prisoner_key=prisoner_key, year=year or this_year()).first()
    return row.count if row else 0


def counts_by_key(keys, year=None):
    rows = LetterCount.objects.filter(prisoner_key__in=list(keys), year=year or this_year())
    return {row.prisoner_key: row.count for row in rows}
