"""Helpers for the public-side story tests: the form pages, and a no-JS submission through the
test client with the captcha solved from its store (no test-mode bypass)."""

import io
import re

import pytest
from captcha.models import CaptchaStore
from django.core.cache import cache
from PIL import Image

from stories.models import ReceiptStatusPage, StorySubmissionPage
from tests.builders import make_page

HASHKEY = re.compile(
    r'name="captcha_0"[^>]*value="([0-9a-f]+)"|value="([0-9a-f]+)"[^>]*name="captcha_0"'
)
STARTED = re.compile(r'name="form_started" value="([^"]+)"')


@pytest.fixture
def story_form_env(settings):
    """Rate-limit counters live in the cache; no test may inherit another's. The minimum fill
    time is a real check (tested in cms); here people are just fast."""
    settings.FORM_MIN_FILL_SECONDS = 0
    cache.clear()
    yield
    cache.clear()


def ensure_form_pages(world, languages=("en", "ru")):
    """The story form and the receipt check under the story index of these languages (each
    page costs time; the other indexes still take stories in their language)."""
    pages = {}
    for language in languages:
        index = world.sections["stories"][language]
        tell = StorySubmissionPage.objects.filter(locale=index.locale).first()
        if tell is None:
            tell = make_page(
                index,
                StorySubmissionPage,
                "Tell your story",
                slug="tell",
                publish=True,
                intro="<p>Tell us.</p>",
                safety_tips="<p>Use Tor Browser.</p>",
            )
        status = ReceiptStatusPage.objects.filter(locale=index.locale).first()
        if status is None:
            status = make_page(
                index, ReceiptStatusPage, "Check your story", slug="status", publish=True
            )
        pages[language] = (tell, status)
    return pages


@pytest.fixture
def form_pages(world):
    return ensure_form_pages(world)


def solved_protection(client, url, **headers):
    """GET the form like a browser and return the protection fields, captcha answered."""
    response = client.get(url, **headers)
    assert response.status_code == 200
    html = response.content.decode()
    match = HASHKEY.search(html)
    assert match, "the form has no captcha"
    hashkey = match.group(1) or match.group(2)
    answer = CaptchaStore.objects.get(hashkey=hashkey).response
    return {
        "captcha_0": hashkey,
        "captcha_1": answer,
        "form_started": STARTED.search(html).group(1),
        "website": "",
    }


def story_fields(**overrides):
    data = {
        "title": "The night they came",
        "text": "First paragraph of what happened.\n\nSecond paragraph.",
        "language": "en",
        "region": "siberia",
        "credit": "anonymous",
        "pseudonym": "",
        "consent_publication": "on",
        "consent_translation": "on",
        "contact": "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def submit_story(client, url, files=None, headers=None, **fields):
    """A whole no-JS submission: GET, solve the captcha, POST (multipart, like a browser)."""
    headers = headers or {}
    data = {**solved_protection(client, url, **headers), **story_fields(**fields)}
    data.update(files or {})
    return client.post(url, data, **headers)


def upload(content, name="photo.jpg", content_type="image/jpeg"):
    """A file the test client sends as multipart, like a browser."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type=content_type)


def jpeg_bytes(size=(64, 48), colour=(200, 30, 30)):
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG")
    return out.getvalue()


RECEIPT = re.compile(r'<p class="receipt__code"><code[^>]*>([0-9A-Z-]+)</code>')


def receipt_from(response):
    match = RECEIPT.search(response.content.decode())
    assert match, "no receipt code on the page"
    return match.group(1)
