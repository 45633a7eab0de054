"""The writer's journey over HTTP without JavaScript: the directory, a prisoner's page, the
guidance, checks that explain themselves, the receipt, and the status check by POST."""

import datetime
import html

import pytest

from letters.models import Letter

from .conftest import letter_fields, protection, ru, send_letter, write_url

pytestmark = pytest.mark.django_db


def _text(response):
    return html.unescape(response.content.decode())


def test_english_writer_checks_then_sends_and_learns_the_state(client, letters, letters_env):
    anna = letters["anna"]
    directory = client.get(letters["directory"].url)
    assert "Anna Fictional" in _text(directory)
    profile = client.get(anna.url)
    assert "0 letters sent to Anna Fictional this year" in _text(profile)
    assert "614000, г. Пермь" in _text(profile)

    form = client.get(write_url(anna))
    assert "Never about the case." in _text(form)
    assert form["Cache-Control"].startswith("max-age=0") or "no-store" in form["Cache-Control"]

    risky = "Dear Anna, I keep thinking about you and the war. NATO news is on TV every day here."
    checked = client.post(
        write_url(anna),
        {**letter_fields(text=risky, language="en"), "action": "check"},
    )
    page = _text(checked)
    assert checked.status_code == 200
    assert "“war”: prison censors throw away letters that mention this." in page
    assert "Abbreviations (NATO, TV)" in page
    assert risky in page, "the text is kept for the writer to change"
    assert 'name="captcha_0"' in page, "a fresh challenge for the real send"
    assert not Letter.objects.exists()

    calm = "Dear Anna, spring has come to Berlin and the chestnuts are in bloom. I think of you."
    passed = client.post(
        write_url(anna), {**letter_fields(text=calm, language="en"), "action": "check"}
    )
    assert "We found nothing the censor would object to." in _text(passed)
    assert not Letter.objects.exists()

    response, code = send_letter(
        client,
        anna,
        text=calm,
        language="en",
        reply="through_us",
        return_address="Musterstraße 1, Berlin",
    )
    assert code, _text(response)[:2000]
    letter = Letter.objects.get()
    assert letter.text == calm and letter.language == "en"
    assert letter.needs_translation and letter.text_for_prison is None
    assert letter.return_address == "", "an address not asked for is not kept"
    assert letter.received_on == datetime.date.today()
    assert code.replace("-", "") not in letter.receipt_digest

    status_url = letters["directory"].url + "status/"
    status = client.post(status_url, {"code": code.lower()})
    assert "Received." in _text(status) and "translated into Russian" in _text(status)
    assert code not in _text(status)


def test_russian_writer_gets_russian_findings_and_a_refusal_reason(client, letters, letters_env):
    anna_ru = ru(letters["anna"])
    assert anna_ru.url.startswith("/ru/")
    form = client.get(write_url(anna_ru))
    assert "Пишите о жизни. Не о деле." in _text(form)

    text = "Привет! Я думаю о войне и смотрю Netflix каждый вечер, у нас всё хорошо."
    checked = client.post(write_url(anna_ru), {**letter_fields(text=text), "action": "check"})
    page = _text(checked)
    assert "«войн»" in page or "“войн”" in page
    assert "Netflix" in page and "латиниц" in page
    assert not Letter.objects.exists()

    response, code = send_letter(client, anna_ru, text=text)
    assert code is None, "a letter with findings is not sent"
    assert not Letter.objects.exists()

    response, code = send_letter(client, anna_ru, reply="post", return_address="")
    assert code is None
    assert "обратный адрес" in _text(response).lower() or "адрес" in _text(response)

    response, code = send_letter(client, anna_ru, reply="post", return_address="Берлин, а/я 5")
    assert code
    letter = Letter.objects.get()
    assert letter.prisoner_id == anna_ru.pk and letter.return_address == "Берлин, а/я 5"

    from letters.moderation import refuse

    refuse(letter, "danger")
    letter.refresh_from_db()
    assert letter.return_address == ""
    status = client.post(ru(letters["anna"]).get_parent().url + "status/", {"code": code})
    assert "Не отправлено" in _text(status)
    assert "опасност" in _text(status)


def test_a_wrong_code_says_so_and_counts_against_the_limit(client, letters, letters_env):
    letters_env.LETTERS_RECEIPT_RATE_LIMIT_PER_ADDRESS = 2
    url = letters["directory"].url + "status/"
    for _attempt in range(2):
        response = client.post(url, {"code": "7K2M-XQ9D-4RTA-W8PB-N3C6"})
        assert "We know no letter with this code" in _text(response)
    assert client.post(url, {"code": "7K2M-XQ9D-4RTA-W8PB-N3C6"}).status_code == 429


def test_the_honeypot_and_the_send_limit_keep_bots_out(client, letters, letters_env):
    anna = letters["anna"]
    # The bot's attempt counts too: two sends an hour, and the third is refused.
    letters_env.LETTERS_RATE_LIMIT_PER_ADDRESS = 2
    url = write_url(anna)
    data = {**protection(client, url), **letter_fields(), "action": "send", "website": "x"}
    assert "could not be accepted" in _text(client.post(url, data))
    assert not Letter.objects.exists()
    assert send_letter(client, anna)[1]
    response, code = send_letter(client, anna)
    assert response.status_code == 429 and code is None
    assert Letter.objects.count() == 1


def test_a_letter_posted_from_another_site_comes_back_with_its_text(letters, letters_env):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    anna = letters["anna"]
    url = write_url(anna)
    text = "Здравствуйте! У нас весна, цветут каштаны, и я думаю о вас каждый день."
    data = {**protection(browser, url), **letter_fields(text=text), "action": "send"}
    refused = browser.post(url, data, HTTP_ORIGIN="https://elsewhere.example")
    assert refused.status_code == 403
    page = _text(refused)
    assert "Your letter was not sent" in page and text in page
    assert 'name="captcha_0"' in page
    assert not Letter.objects.exists()
    sent = browser.post(url, data, HTTP_ORIGIN="http://testserver")
    assert "Thank you. Your letter has been received." in _text(sent)
    assert Letter.objects.count() == 1
