"""The Letter volunteer's work over HTTP in the admin: the queue per prisoner and language, a
translation draft checked before a letter may leave, refusals, and the batch: its PDF read back
with a PDF reader, its FSIN-pismo CSV, and marking it sent."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from cms.core.receipts import new_receipt_code
from letters.models import Letter, LetterBatch, LetterCount

from .conftest import make_letter, ru

pytestmark = pytest.mark.django_db

ENGLISH = "Dear Boris, the chestnuts are in bloom in Berlin and we think of you every day."


@pytest.fixture
def volunteer(client, users):
    client.force_login(users["letters"])
    return client


def test_the_queue_groups_waiting_letters_by_prisoner_and_language(volunteer, letters):
    anna, boris = letters["anna"], letters["boris"]
    make_letter(anna, text="Первое письмо Анне.")
    make_letter(anna, text="Второе письмо Анне.")
    make_letter(boris, language="en", text=ENGLISH)
    make_letter(boris, text="Уже готово.", state=Letter.READY)
    page = volunteer.get(reverse("letters_queue")).content.decode()
    assert page.count('class="queue-group"') == 2
    assert "Anna Fictional</a></td><td>ru</td><td>2</td>" in page
    assert "Boris Invented</a></td><td>en</td><td>1</td>" in page

    only = volunteer.get(reverse("letters_queue"), {"prisoner": boris.pk, "language": "en"})
    assert only.content.decode().count('class="letter-row"') == 1


def test_no_machine_translation_unless_configured(volunteer, letters):
    letter = make_letter(letters["boris"], language="en", text=ENGLISH)
    url = reverse("letters_letter", args=[letter.pk])
    assert "Prepare a machine draft" not in volunteer.get(url).content.decode()
    volunteer.post(url, {"action": "machine"})
    letter.refresh_from_db()
    assert letter.translation == ""


def test_a_foreign_letter_leaves_only_with_a_checked_translation(volunteer, letters, settings):
    settings.LETTERS_MACHINE_TRANSLATION_BACKEND = "letters.translation.FakeTranslationBackend"
    letter = make_letter(letters["boris"], language="en", text=ENGLISH)
    url = reverse("letters_letter", args=[letter.pk])
    assert "Prepare a machine draft" in volunteer.get(url).content.decode()

    volunteer.post(url, {"action": "ready", "text": ENGLISH, "translation": ""})
    letter.refresh_from_db()
    assert letter.state == Letter.RECEIVED, "nothing leaves untranslated"

    volunteer.post(url, {"action": "machine"})
    letter.refresh_from_db()
    assert letter.translation.startswith("[Черновик перевода (en → ru)]")
    assert not letter.translation_checked

    checked = "Дорогой Борис, в Берлине цветут каштаны, и мы думаем о вас каждый день."
    volunteer.post(
        url,
        {"action": "ready", "text": ENGLISH, "translation": checked, "translation_checked": "on"},
    )
    letter.refresh_from_db()
    assert letter.state == Letter.READY and letter.text_for_prison == checked
    assert letter.decided_on == datetime.date.today()


def test_a_volunteer_corrects_and_refuses(volunteer, letters):
    letter = make_letter(letters["anna"], text="Здраствуйте, Анна!")
    url = reverse("letters_letter", args=[letter.pk])
    volunteer.post(url, {"action": "save", "text": "Здравствуйте, Анна!", "translation": ""})
    letter.refresh_from_db()
    assert letter.text == "Здравствуйте, Анна!" and letter.state == Letter.RECEIVED

    volunteer.post(url, {"action": "refuse", "reason": "censor"})
    letter.refresh_from_db()
    assert letter.state == Letter.REFUSED and letter.refusal_reason == "censor"
    volunteer.post(url, {"action": "ready", "text": "x", "translation": ""})
    letter.refresh_from_db()
    assert letter.state == Letter.REFUSED, "a decision is not overturned by a stale form"


def test_batch_pdf_csv_and_sending(volunteer, letters):
    anna, boris, vera = letters["anna"], letters["boris"], letters["vera"]
    code = new_receipt_code()
    make_letter(
        anna,
        code=code,
        text="Анна, держитесь! Весна близко.",
        state=Letter.READY,
        signature_name="Маша",
    )
    status_url = letters["directory"].status_url()
    assert "Checked." in volunteer.post(status_url, {"code": code}).content.decode()
    make_letter(
        ru(boris),
        language="en",
        text=ENGLISH,
        translation="Борис, каштаны цветут.",
        translation_checked=True,
        state=Letter.READY,
        reply="post",
        return_address="10115 Berlin, Postfach 7",
    )
    make_letter(vera, text="Вера, обнимаем!", state=Letter.READY)
    make_letter(anna, text="Ещё не проверено.")

    volunteer.post(reverse("letters_batches"))
    perm, vladimir = letters["prisons"]
    batch = LetterBatch.objects.get(prison=perm)
    assert LetterBatch.objects.get(prison=vladimir).letter_count == 1
    assert batch.letter_count == 2 and batch.state == LetterBatch.READY

    response = volunteer.get(reverse("letters_batch_pdf", args=[batch.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    assert len(reader.pages) == 2, "one letter a page"
    # Lines wrap where the page is narrow: compare words, not line breaks.
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    text = " ".join(pages)
    assert "Фиктивной Анне Петровне, 1990 г. р." in text
    assert "Выдуманному Борису, 1985 г. р." in text
    assert all("614000, г. Пермь" in page for page in pages), "every page has the address block"
    assert "Борис, каштаны цветут." in text
    assert "chestnuts" not in text, "the prison gets the Russian translation, not the original"
    assert "10115 Berlin, Postfach 7" in text
    assert "Ещё не проверено" not in text and "Вера" not in text

    rows = list(
        csv.reader(
            io.StringIO(
                volunteer.get(reverse("letters_batch_csv", args=[batch.pk])).content.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0][:3] == ["Регион", "Учреждение", "Получатель"]
    assert {row[2] for row in rows[1:]} == {
        "Фиктивной Анне Петровне, 1990 г. р.",
        "Выдуманному Борису, 1985 г. р.",
    }

    volunteer.post(reverse("letters_batch", args=[batch.pk]))
    batch.refresh_from_db()
    assert batch.state == LetterBatch.SENT and batch.sent_on == datetime.date.today()
    assert set(batch.letters.values_list("state", flat=True)) == {Letter.SENT}
    year = datetime.date.today().year
    assert LetterCount.objects.get(prisoner_key=anna.translation_key, year=year).count == 1
    assert LetterCount.objects.get(prisoner_key=boris.translation_key, year=year).count == 1
    assert not LetterCount.objects.filter(prisoner_key=vera.translation_key).exists()

    volunteer.post(reverse("letters_batch", args=[batch.pk]))
    assert LetterCount.objects.get(prisoner_key=anna.translation_key, year=year).count == 1
    assert "Sent to the prison." in volunteer.post(status_url, {"code": code}).content.decode()
