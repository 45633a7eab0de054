"""The letters world: a directory in en and ru, two prisons, three prisoners (two in a
campaign), translated into ru; and helpers to write a letter over HTTP like a browser without
JavaScript (the captcha solved from its store, no test-mode bypass)."""

import datetime
import json
import re

import pytest
from captcha.models import CaptchaStore
from django.core.cache import cache

from campaigns.models import CampaignPage
from cms.core.demo import translate_page
from letters.models import ForbiddenWord, Letter, Prison, PrisonerDirectoryPage, PrisonerPage
from tests.builders import make_page

HASHKEY = re.compile(
    r'name="captcha_0"[^>]*value="([0-9a-f]+)"|value="([0-9a-f]+)"[^>]*name="captcha_0"'
)
STARTED = re.compile(r'name="form_started" value="([^"]+)"')
RECEIPT = re.compile(r'class="receipt__code"><code lang="en">([0-9A-Z-]+)</code>')


@pytest.fixture
def letters_env(settings):
    settings.FORM_MIN_FILL_SECONDS = 0
    cache.clear()
    yield settings
    cache.clear()


@pytest.fixture
def letters(world):
    admin = world.users["admin"]
    campaign = make_page(
        world.sections["campaigns"]["en"],
        CampaignPage,
        "Free the captives",
        user=admin,
        publish=True,
        slug="free-the-captives",
        standfirst="Free the captives: what we demand.",
        body=json.dumps([]),
    )
    directory = make_page(
        world.homes["en"],
        PrisonerDirectoryPage,
        "Letters",
        user=admin,
        publish=True,
        slug="letters",
        intro="<p>Write to them.</p>",
        guidance="<p>Write about everyday life. Never about the case.</p>",
    )
    translate_page(
        directory,
        "ru",
        {
            "Letters": "Письма",
            "Write to them.": "Напишите им.",
            "Write about everyday life. Never about the case.": "Пишите о жизни. Не о деле.",
        },
        user=admin,
    )
    perm = Prison.objects.create(
        name="ИК-1", region="Пермский край", address="614000, г. Пермь, ул. Лесная, 1, ИК-1"
    )
    vladimir = Prison.objects.create(
        name="СИЗО-2", region="Владимирская область", address="600000, г. Владимир, ул. Большая, 2"
    )
    today = datetime.date.today()
    people = {}
    for slug, title, prison, addressee, birthday, in_campaign in (
        ("anna", "Anna Fictional", perm, "Фиктивной Анне Петровне, 1990 г. р.", today, True),
        ("boris", "Boris Invented", perm, "Выдуманному Борису, 1985 г. р.", None, True),
        ("vera", "Vera Madeup", vladimir, "Придуманной Вере, 1979 г. р.", None, False),
    ):
        page = make_page(
            directory,
            PrisonerPage,
            title,
            user=admin,
            publish=True,
            slug=slug,
            case_summary=f"<p>{title} is held for a post.</p>",
            prison=prison,
            addressee_name=addressee,
            birthday=birthday,
            interests="Books and cats.",
            campaign=campaign if in_campaign else None,
        )
        translate_page(
            page, "ru", {f"{title} is held for a post.": "Под стражей за пост."}, user=admin
        )
        people[slug] = page
    ForbiddenWord.objects.create(language="ru", word="войн", explanation="")
    ForbiddenWord.objects.create(language="en", word="war", explanation="")
    return {"directory": directory, "campaign": campaign, "prisons": (perm, vladimir), **people}


def ru(page):
    return PrisonerPage.objects.get(
        translation_key=page.translation_key, locale__language_code="ru"
    )


def write_url(page):
    return page.url + "write/"


def protection(client, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    match = HASHKEY.search(html)
    hashkey = match.group(1) or match.group(2)
    return {
        "captcha_0": hashkey,
        "captcha_1": CaptchaStore.objects.get(hashkey=hashkey).response,
        "form_started": STARTED.search(html).group(1),
        "website": "",
    }


def letter_fields(**overrides):
    data = {
        "text": "Здравствуйте! Пишу вам из Берлина. У нас весна, цветут каштаны, и я думаю о вас.",
        "language": "ru",
        "signature_name": "Маша",
        "signature_city": "Берлин",
        "reply": "none",
        "return_address": "",
    }
    data.update(overrides)
    return data


def send_letter(client, page, **overrides):
    """Write and send a letter as a browser would; returns (response, receipt code or None)."""
    url = write_url(page)
    data = {**protection(client, url), **letter_fields(**overrides), "action": "send"}
    response = client.post(url, data)
    match = RECEIPT.search(response.content.decode())
    return response, match.group(1) if match else None


def make_letter(prisoner, **fields):
    from cms.core.receipts import new_receipt_code, receipt_digest

    code = fields.pop("code", None) or new_receipt_code()
    defaults = {
        "language": "ru",
        "text": "Здравствуйте! Держитесь.",
        "received_on": datetime.date.today(),
        "receipt_digest": receipt_digest(code),
    }
    defaults.update(fields)
    return Letter.objects.create(prisoner=prisoner, **defaults)
