"""The headers a browser receives from each kind of page: a reader page, a page with a form,
a vacancy's application page and its thank-you page, and the admin."""

import pytest

from tests.stories.submission_helpers import ensure_form_pages
from tests.volunteering.helpers import make_vacancy

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_common_headers(response, private=True):
    assert response["X-Content-Type-Options"] == "nosniff"
    # Form pages: "same-origin", or the browser's POST carries `Origin: null` (CSRF refuses it).
    assert response["Referrer-Policy"] == ("same-origin" if private else "no-referrer")
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert f"{feature}=()" in permissions


def assert_strict_public_csp(response):
    csp = directives(response)
    assert csp["default-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["base-uri"] == ["'none'"]
    assert csp["form-action"] == ["'self'"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "'unsafe-eval'" not in csp["script-src"]
    assert not any(source.startswith(("http", "*")) for values in csp.values() for source in values)


def test_reader_page_is_strict_cacheable_and_sets_no_cookie(client, world):
    response = client.get("/en/")
    assert response.status_code == 200
    assert_common_headers(response, private=False)
    assert_strict_public_csp(response)
    assert "no-store" not in response.get("Cache-Control", "")
    assert "X-Robots-Tag" not in response
    assert not response.cookies


def test_story_form_and_receipt_pages_are_private(client, world):
    tell, status = ensure_form_pages(world, languages=("en",))["en"]
    for page in (tell, status):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert_common_headers(response)
        assert_strict_public_csp(response)
        assert "no-store" in response["Cache-Control"]
        assert "noindex" in response["X-Robots-Tag"]
        # At most the CSRF cookie, and it is SameSite=Strict.
        assert set(response.cookies) <= {"csrftoken"}
        if response.cookies:
            assert response.cookies["csrftoken"]["samesite"] == "Strict"


def test_a_post_answer_is_private_even_when_it_fails(client, world):
    tell, _status = ensure_form_pages(world, languages=("en",))["en"]
    response = client.post(tell.url, {"title": "x"})
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]


def test_open_vacancy_with_its_form_is_never_stored_but_can_be_found(client, world):
    vacancy = make_vacancy(world.sections["volunteering"]["en"], "Night editor")
    response = client.get(vacancy.url)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'method="post"' in text.lower()
    assert "no-store" in response["Cache-Control"]
    assert set(response.cookies) <= {"csrftoken"}
    # Its JobPosting data is for search engines: neither the header nor the page says noindex.
    assert '"JobPosting"' in text
    assert "X-Robots-Tag" not in response
    assert 'name="robots"' not in text

    refused = client.post(vacancy.url, {"email": "not an address"})
    assert refused.status_code == 400
    assert "noindex" in refused["X-Robots-Tag"]
    thanks = client.get(vacancy.url + "thanks/")
    assert thanks.status_code == 200
    assert "noindex" in thanks["X-Robots-Tag"]


def test_inline_scripts_would_need_the_nonce_of_the_response(rf, settings):
    """A template that asks for request.csp_nonce gets it into the header, and only then."""
    from django.http import HttpResponse

    from cms.core.security.headers import PolyphonyCSPMiddleware

    def view(request):
        return HttpResponse(f'<script nonce="{request.csp_nonce}">1</script>')

    request = rf.get("/en/")
    response = PolyphonyCSPMiddleware(view)(request)
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in directives(response)["script-src"]
    plain = PolyphonyCSPMiddleware(lambda r: HttpResponse("x"))(rf.get("/en/"))
    assert not any(s.startswith("'nonce-") for s in directives(plain)["script-src"])


def test_admin_allows_same_origin_framing_and_wagtails_inline_code(client, users):
    client.force_login(users["moderator"])
    response = client.get("/admin/")
    assert response.status_code == 200
    assert_common_headers(response)
    csp = directives(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" in csp["script-src"]
    assert not any(s.startswith("'nonce-") for s in csp["script-src"])
    assert "no-store" in response["Cache-Control"]
    assert "noindex" in response["X-Robots-Tag"]
    session = response.wsgi_request.session
    assert session.get_expire_at_browser_close()


def test_admin_login_page_sets_only_strict_cookies(world):
    from django.test import Client

    response = Client().get("/admin/login/")
    assert response.status_code == 200
    assert set(response.cookies) <= {"csrftoken"}
    for morsel in response.cookies.values():
        assert morsel["samesite"] == "Strict"


def test_preview_of_a_page_can_be_framed_by_the_admin_and_keeps_the_strict_policy(client, world):
    from tests.admin_client import edit_url, form_values

    client.force_login(world.users["admin"])
    home = world.homes["en"]
    preview_url = edit_url(home) + "preview/"
    data = form_values(client.get(edit_url(home)).content.decode())
    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url, {"mode": ""})
    assert response.status_code == 200
    csp = directives(response)
    assert csp["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" not in csp["script-src"]
    assert "no-store" in response["Cache-Control"]


def test_preview_of_an_open_vacancy_stays_out_of_search_engines(client, world):
    """The vacancy view marks an open position indexable; its preview runs the same view."""
    from tests.admin_client import edit_url, form_values

    vacancy = make_vacancy(world.sections["volunteering"]["en"], "Night editor", location="Riga")
    client.force_login(world.users["admin"])
    preview_url = edit_url(vacancy) + "preview/"
    data = form_values(client.get(edit_url(vacancy)).content.decode())
    assert client.post(preview_url, data).json()["is_valid"]
    response = client.get(preview_url, {"mode": ""})
    assert response.status_code == 200
    assert '"JobPosting"' in response.content.decode()
    assert "noindex" in response["X-Robots-Tag"]


@pytest.mark.parametrize("section", ["stories", "campaigns", "volunteering"])
@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_section_index_is_a_strict_reader_page(client, world, section, language):
    response = client.get(world.sections[section][language].url)
    assert response.status_code == 200
    assert_common_headers(response, private=False)
    assert_strict_public_csp(response)
    assert not response.cookies
