"""What a web scanner sent first: a NUL byte in the stories' topic filter answered 500
(PostgreSQL refuses NUL in text). Every public parameter and form field now meets the named
hostile values — NUL, bytes that are not UTF-8, a lone surrogate, an overlong value, repeated
names, `name[]` arrays — and the answer is a 400 page in the reader's language, the page itself,
or (a NUL byte in a form field) the form with an error beside that field; never a 5xx, and
nothing saved. test_hostile_parameters.py explores the rest."""

import pytest

from tests.letters.conftest import letters  # noqa: F401 - fixture
from tests.security.hostile_helpers import row_counts
from tests.security.public_site import (  # noqa: F401 - fixtures
    conversation_fixture,
    lenient_client_fixture,
    parameters,
    public_site_fixture,
    valid_body,
)
from tests.stories.sealing_helpers import received_count
from tests.stories.submission_helpers import solved_protection, story_fields
from tests.volunteering.helpers import ANSWERS
from volunteering.models import VacancyApplication

# Refused before any view runs: 400.
UNREADABLE = {
    "nul": "a%00",
    "invalid utf-8": "%ff%fe",
    "lone surrogate": "%ED%A0%80",
    "overlong utf-8": "%C0%AF",
    "overlong value": "x" * 5000,
}


def test_the_scanners_nul_byte_gets_a_400_page_not_a_500(client, world):
    response = client.get("/en/stories/?topic=a%00")
    assert response.status_code == 400
    html = response.content.decode()
    assert "This address or form could not be read" in html
    assert 'id="quick-exit"' in html  # still a page of the site, quick exit included
    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )


def test_the_400_page_speaks_the_readers_language(client, world):
    response = client.get("/ru/stories/?topic=%ED%A0%80")
    assert response.status_code == 400
    html = response.content.decode()
    assert '<html lang="ru">' in html
    assert "Этот адрес или форму не удалось прочитать" in html


def test_every_public_parameter_refuses_unreadable_values(public_site, lenient_client):
    answers = {}
    for url, name in parameters(public_site["pages"]):
        for kind, value in UNREADABLE.items():
            status = lenient_client.get(f"{url}?{name}={value}").status_code
            if status != 400:
                answers[(url, name, kind)] = status
    assert not answers


# The last value is what a view's .get() reads; hypothesis tries other values and mixes.
SHAPES = ["{n}=1&{n}=2", "{n}[]=a&{n}[]=b&{n}[x]=a", "{n}=&{n}=%5B%5D&{n}={{}}"]


@pytest.mark.parametrize("shape", SHAPES)
def test_repeated_and_array_parameters_never_fail(public_site, lenient_client, shape):
    failures = {}
    for url, name in parameters(public_site["pages"]):
        status = lenient_client.get(f"{url}?{shape.format(n=name)}").status_code
        if status >= 500:
            failures[(url, name)] = status
    assert not failures


# A form body that is not UTF-8 comes from no browser: 400. A NUL byte goes on to the form,
# which refuses it beside the field and keeps the rest of what was typed.
NOT_UTF8 = {key: UNREADABLE[key] for key in ("invalid utf-8", "lone surrogate", "overlong utf-8")}
# Each form and the field a hostile value goes into; "conversation" is the status page with the
# code of a real thread, answering it.
TARGETS = {
    "/en/stories/tell/": "title",
    "/en/stories/status/": "code",
    "vacancy": "motivation",
    "letter": "text",
    "letter status": "code",
    "conversation": "text",
}
URLS = {"vacancy": "/volunteer/", "letter": "/write/", "letter status": "/letters/status/"}


def _form_post(public_site, client, form, value):
    if form in URLS:
        url = next(u for u in public_site["forms"] if u.endswith(URLS[form]) or URLS[form] in u)
    else:
        url = "/en/stories/status/" if form == "conversation" else form
    fields = valid_body(public_site, client, url)
    if form == "/en/stories/status/":
        fields = {"code": fields["code"]}  # a code alone, as the form first asks
    target = TARGETS[form]
    body = "&".join(f"{name}={value}" for name, value in fields.items() if name != target)
    return client.post(
        url, f"{body}&{target}=Fine+so+far{value}", content_type="application/x-www-form-urlencoded"
    )


@pytest.fixture(name="forms_site")
def forms_site_fixture(request, public_site):
    """The public site, and a real conversation behind the code when the form is its answer."""
    if request.node.callspec.params.get("form") == "conversation":
        request.getfixturevalue("conversation")
    return public_site


@pytest.mark.parametrize("kind", sorted(NOT_UTF8))
@pytest.mark.parametrize("form", sorted(TARGETS))
def test_a_form_body_that_is_not_utf8_saves_nothing(forms_site, lenient_client, form, kind):
    public_site = forms_site
    before = row_counts()
    response = _form_post(public_site, lenient_client, form, NOT_UTF8[kind])
    assert response.status_code == 400
    assert "This address or form could not be read" in response.content.decode()
    assert row_counts() == before


@pytest.mark.parametrize("form", sorted(TARGETS))
def test_a_nul_byte_in_a_form_field_is_refused_beside_the_field(forms_site, lenient_client, form):
    public_site = forms_site
    before = row_counts()
    response = _form_post(public_site, lenient_client, form, "%00")
    assert response.status_code in (200, 400)
    html = response.content.decode()
    field_id = "answer-text" if form == "conversation" else f"id_{TARGETS[form]}"
    assert f'id="{field_id}-errors"' in html, form
    assert "Fine so far" in html or form.endswith("/status/")  # what was typed is kept
    assert row_counts() == before


def test_a_nul_byte_in_a_multipart_story_saves_nothing(public_site, client):
    url = "/en/stories/tell/"
    data = {**solved_protection(client, url), **story_fields(title="The night\x00 they came")}
    response = client.post(url, data)  # multipart, like a browser
    assert 'id="id_title-errors"' in response.content.decode()
    assert received_count() == 0
    # The same story without the NUL byte is taken.
    data = {**solved_protection(client, url), **story_fields(title="The night they came")}
    assert client.post(url, data).status_code == 200
    assert received_count() == 1


def test_a_nul_byte_in_an_application_saves_nothing(public_site, client):
    url = next(u for u in public_site["forms"] if "/volunteer/" in u)
    data = {**solved_protection(client, url), **ANSWERS, "name": "Lisa\x00"}
    response = client.post(url, data)
    assert response.status_code == 400
    assert 'id="id_name-errors"' in response.content.decode()
    assert not VacancyApplication.objects.exists()


@pytest.mark.parametrize(
    "query", ["offset=99999999999999999999999", "limit=-1", "offset=1e9", "limit=" + "9" * 30]
)
def test_the_campaign_api_refuses_numbers_out_of_range(client, world, query):
    response = client.get(f"/api/v2/campaigns/?{query}")
    assert response.status_code == 400
    assert "message" in response.json()


@pytest.mark.parametrize("value", ["x", "1.5", "", "99999999999999999999"])
def test_the_campaign_api_find_refuses_ids_that_are_not_numbers(client, world, value):
    response = client.get(f"/api/v2/campaigns/find/?id={value}")
    assert response.status_code == 400


def test_readable_text_in_any_script_still_reaches_the_page(client, world):
    """Not every non-ASCII character is hostile: Cyrillic and emoji filters are just unknown."""
    response = client.get("/ru/stories/?topic=%D1%82%D1%8E%D1%80%D1%8C%D0%BC%D0%B0")
    assert response.status_code == 404  # no such topic: the page says so, as before
    response = client.get("/en/volunteer/?team=%F0%9F%98%80")
    assert response.status_code == 200


def test_a_replacement_character_a_person_typed_is_not_refused(public_site, client):
    """Refusal looks at the bytes: U+FFFD properly encoded is text like any other."""
    assert client.get("/en/volunteer/?team=%EF%BF%BD").status_code == 200
    url = "/en/stories/tell/"
    data = {**solved_protection(client, url), **story_fields(text="The letter read: \ufffd.")}
    assert client.post(url, data).status_code == 200
    assert received_count() == 1
