"""Sending: the ready letters to each prison become one batch, printed as a PDF (one letter a
page, the prison's address block, the addressee's name in the prison's form) or exported as a
CSV for the FSIN-pismo service. Marking a batch sent records the day only, and counts it.
"""

import csv
import datetime
import io

from django.db import transaction
from django.template.loader import render_to_string

from cms.core.edge_cache import schedule_purge
from letters.conf import setting
from letters.counts import add_sent
from letters.models import Letter, LetterBatch


@transaction.atomic
def make_batches():
    """Put every ready letter that is in no batch into its prison's open batch. Returns the
    batches that got letters."""
    touched = {}
    letters = (
        Letter.objects.ready_unbatched()
        .select_related("prisoner__prison")
        .select_for_update(of=("self",))
    )
    for letter in letters:
        prison = letter.prisoner.prison
        batch = touched.get(prison.pk)
        if batch is None:
            batch = LetterBatch.objects.filter(prison=prison, state=LetterBatch.READY).first()
            if batch is None:
                batch = LetterBatch.objects.create(prison=prison, created_on=datetime.date.today())
            touched[prison.pk] = batch
        letter.batch = batch
        letter.save(update_fields=["batch"])
    for batch in touched.values():
        batch.letter_count = batch.letters.count()
        batch.save(update_fields=["letter_count"])
    return list(touched.values())


def batch_letters(batch):
    return (
        batch.letters.filter(state__in=(Letter.READY, Letter.SENT))
        .select_related("prisoner")
        .order_by("prisoner__addressee_name", "pk")
    )


@transaction.atomic
def mark_sent(batch, day=None):
    batch = LetterBatch.objects.select_for_update().get(pk=batch.pk)
    if batch.state == LetterBatch.SENT:
        return batch
    day = day or datetime.date.today()
    per_prisoner = {}
    letters = list(batch_letters(batch))
    for letter in letters:
        key = letter.prisoner.translation_key
        per_prisoner[key] = per_prisoner.get(key, 0) + 1
    Letter.objects.filter(pk__in=[letter.pk for letter in letters]).update(state=Letter.SENT)
    for key, number in per_prisoner.items():
        add_sent(key, day.year, number)
    batch.state = LetterBatch.SENT
    batch.sent_on = day
    batch.letter_count = len(letters)
    batch.save(update_fields=["state", "sent_on", "letter_count"])
    # The counts on the prisoners' pages (every language) and the directory just changed.
    for prisoner in {letter.prisoner_id: letter.prisoner for letter in letters}.values():
        schedule_purge(prisoner)
    return batch


def _pages(batch):
    reply_address = setting("LETTERS_REPLY_ADDRESS")
    for letter in batch_letters(batch):
        text = letter.text_for_prison
        if text is None:
            # Never printed untranslated, whatever state a row was put in.
            continue
        yield {
            "letter": letter,
            "text": text,
            "addressee": letter.prisoner.addressee_name,
            "return_address": letter.return_address if letter.reply == "post" else "",
            "reply_through_us": reply_address if letter.reply == "through_us" else "",
        }


def _no_fetching(url, *args, **kwargs):
    # Everything the PDF needs is in the HTML and the system's fonts: never fetch a URL.
    raise ValueError(f"letters PDF: refusing to fetch {url!r}")


def render_pdf(batch):
    from weasyprint import HTML

    html = render_to_string(
        "letters/batch_pdf.html", {"batch": batch, "prison": batch.prison, "pages": _pages(batch)}
    )
    return HTML(string=html, url_fetcher=_no_fetching).write_pdf()


CSV_COLUMNS = (
    "Регион",
    "Учреждение",
    "Получатель",
    "Текст письма",
    "Подпись",
    "Обратный адрес",
)


def render_csv(batch):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    prison = batch.prison
    for page in _pages(batch):
        letter = page["letter"]
        writer.writerow(
            [
                prison.fsin_region or prison.region,
                prison.fsin_institution or prison.name,
                page["addressee"],
                page["text"],
                letter.signature,
                page["return_address"] or page["reply_through_us"],
            ]
        )
    return out.getvalue()
