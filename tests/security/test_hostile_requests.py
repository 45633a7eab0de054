"""Hostile requests to every public form (story, receipt check, vacancy application): missing
CSRF token, wrong methods, thousands of multipart parts — and hostile answers to the vacancy
application form. Each is refused with a 4xx, saves nothing and leaves nothing on disk."""

import pytest
from django.test import Client

from tests.security.hostile_helpers import (
    row_counts,
    watched_disk_fixture,  # noqa: F401 - fixture
)
from tests.stories.submission_helpers import (  # noqa: F401 - fixtures
    ensure_form_pages,
    solved_protection,
    story_fields,
)
from tests.volunteering.helpers import ANSWERS, make_vacancy


@pytest.fixture(autouse=True)
def _people_are_fast(settings):
    settings.FORM_MIN_FILL_SECONDS = 0


@pytest.fixture
def urls(world):
    """The three public forms: story, receipt check, a vacancy that takes applications."""
    ensure_form_pages(world, languages=("en",))
    vacancy = make_vacancy(world.sections["volunteering"]["en"], "Translator")
    return {"story": "/en/stories/tell/", "receipt": "/en/stories/status/", "vacancy": vacancy.url}


def valid_data(client, form, url):
    """What a person would send through this form, protection fields answered."""
    if form == "receipt":
        return {"code": "7K2M-XQ9D-4RTA-W8PB-N3C6"}
    answers = story_fields() if form == "story" else ANSWERS
    return {**solved_protection(client, url), **answers}


FORMS = ["story", "receipt", "vacancy"]


@pytest.mark.parametrize("form", FORMS)
def test_a_post_without_csrf_token_is_refused(urls, watched_disk, form):
    browser = Client(enforce_csrf_checks=True)
    data = valid_data(browser, form, urls[form])  # no csrfmiddlewaretoken in it
    before = row_counts()
    response = browser.post(urls[form], data)
    assert response.status_code == 403
    assert row_counts() == before and watched_disk() == []


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
@pytest.mark.parametrize("form", FORMS)
def test_other_methods_are_not_allowed(client, urls, form, method):
    data = valid_data(client, form, urls[form])
    before = row_counts()
    response = getattr(client, method)(urls[form], data)
    assert response.status_code == 405
    assert set(response["Allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    assert row_counts() == before


@pytest.mark.parametrize("form", FORMS)
def test_thousands_of_fields_are_refused(client, urls, watched_disk, form):
    data = valid_data(client, form, urls[form])
    data.update({f"f{number}": "x" for number in range(5000)})
    before = row_counts()
    response = client.post(urls[form], data)  # multipart, like a browser
    assert response.status_code == 400
    assert row_counts() == before and watched_disk() == []


@pytest.mark.parametrize("form", FORMS)
def test_thousands_of_files_are_refused(client, urls, watched_disk, form):
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = valid_data(client, form, urls[form])
    data["photo_1"] = [SimpleUploadedFile(f"{n}.jpg", b"x", "image/jpeg") for n in range(500)]
    before = row_counts()
    response = client.post(urls[form], data)
    assert response.status_code == 400
    assert row_counts() == before and watched_disk() == []


@pytest.mark.parametrize(
    "field, value",
    [
        ("name", "Lisa\r\nBcc: everyone@example.org"),
        ("contact", "lisa@example.org\r\nSubject: spam"),
        ("contact", "lisa@example.org\nX-Injected: 1"),
        ("name", "Lisa\x00"),
        ("motivation", "help\x00"),
        ("name", "L" * 5000),
        ("motivation", "m" * 50_000),
    ],
    ids=[
        "crlf_name",
        "crlf_contact",
        "lf_contact",
        "nul_name",
        "nul_motivation",
        "long_name",
        "long_motivation",
    ],
)
def test_hostile_application_answers_are_refused(client, urls, field, value):
    data = {**valid_data(client, "vacancy", urls["vacancy"]), field: value}
    before = row_counts()
    response = client.post(urls["vacancy"], data)
    assert response.status_code == 400
    assert f'id="id_{field}-errors"' in response.content.decode()
    assert row_counts() == before


def test_markup_in_an_application_is_escaped_when_shown_back(client, urls):
    attack = '"><script>alert(1)</script>'
    data = {**valid_data(client, "vacancy", urls["vacancy"]), "name": attack, "consent": ""}
    response = client.post(urls["vacancy"], data)
    html = response.content.decode()
    assert response.status_code == 400
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert row_counts()["applications"] == 0


def test_a_replayed_captcha_is_refused_on_the_application_form(client, urls):
    data = valid_data(client, "vacancy", urls["vacancy"])
    first = client.post(urls["vacancy"], data)
    assert first.status_code == 303
    replay = client.post(urls["vacancy"], {**data, "name": "Someone else"})
    assert replay.status_code == 400
    assert "That answer is not right" in replay.content.decode()
    assert row_counts()["applications"] == 1
