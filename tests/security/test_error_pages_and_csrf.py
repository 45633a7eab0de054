"""A refused form and every error page: in the reader's language, with the quick exit, keeping
what was typed where it safely can; and no log line about a public request's refusal."""

import io
import logging

import pytest
from django.test import Client

from cms.core.models import HomePage
from tests.stories.sealing_helpers import received_count
from tests.stories.submission_helpers import (  # noqa: F401 - fixtures
    form_pages,
    solved_protection,
    story_fields,
    story_form_env,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env", "form_pages")]

QUICK_EXIT = 'id="quick-exit"'


def test_a_story_sent_from_elsewhere_is_refused_and_shown_again_with_its_text():
    browser = Client(enforce_csrf_checks=True)
    data = {
        **solved_protection(browser, "/ru/stories/tell/"),
        **story_fields(title="Ночной обыск", text="Они пришли ночью.\n\nВторой абзац."),
    }
    answer = browser.post("/ru/stories/tell/", data, HTTP_ORIGIN="https://elsewhere.example")
    html = answer.content.decode()
    assert answer.status_code == 403
    assert received_count() == 0
    assert QUICK_EXIT in html and 'lang="ru"' in html
    assert "Ночной обыск" in html and "Они пришли ночью." in html
    assert 'name="captcha_1"' in html  # a new challenge to answer
    assert "no-store" in answer["Cache-Control"] and not answer.cookies


def test_a_post_without_origin_or_referer_is_refused_with_a_plain_page():
    browser = Client(enforce_csrf_checks=True)
    answer = browser.post("/en/stories/status/", {"code": "AAAA-BBBB-CCCC-DDDD-EEEE"})
    html = answer.content.decode()
    assert answer.status_code == 403
    assert QUICK_EXIT in html and "could not be accepted" in html


def test_staff_keep_djangos_check_with_a_session_cookie_only(users, settings):
    browser = Client(enforce_csrf_checks=True)
    login = browser.get("/admin/login/")
    cookie = login.cookies[settings.CSRF_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # ends with the browser session
    refused = browser.post(
        "/admin/login/", {"username": "x", "password": "y"}, HTTP_ORIGIN="http://testserver"
    )
    assert refused.status_code == 403  # the token is still required there


def test_not_found_and_forbidden_pages_carry_the_quick_exit(client):
    missing = client.get("/de/does-not-exist/")
    assert missing.status_code == 404 and QUICK_EXIT in missing.content.decode()
    from django.core.exceptions import PermissionDenied
    from django.test import RequestFactory
    from django.views import defaults

    request = RequestFactory().get("/en/")
    forbidden = defaults.permission_denied(request, PermissionDenied())
    assert forbidden.status_code == 403 and QUICK_EXIT in forbidden.content.decode()


def test_a_server_error_has_the_quick_exit_in_the_readers_language(monkeypatch):
    def serve(self, request, *args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(HomePage, "serve", serve)
    answer = Client(raise_request_exception=False).get("/de/")
    html = answer.content.decode()
    assert answer.status_code == 500
    assert QUICK_EXIT in html and 'lang="de"' in html


def test_a_refused_public_request_leaves_no_log_line(client):
    console = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    stream = io.StringIO()
    old = console.setStream(stream)
    try:
        client.get("/en/no-such-page/")
        Client(enforce_csrf_checks=True).post("/en/stories/tell/", {"title": "x"})
    finally:
        console.setStream(old)
    logged = stream.getvalue()
    assert "/en/no-such-page/" not in logged and "/en/stories/tell/" not in logged
    assert "Forbidden" not in logged and "Not Found" not in logged


def test_the_rate_limited_and_unavailable_pages_carry_the_quick_exit(client, settings, monkeypatch):
    settings.STORY_RATE_LIMIT_PER_ADDRESS = 1
    client.post("/en/stories/tell/", {"title": "x"}, HTTP_ORIGIN="http://testserver")
    limited = client.post("/en/stories/tell/", {"title": "x"}, HTTP_ORIGIN="http://testserver")
    assert limited.status_code == 429 and QUICK_EXIT in limited.content.decode()
    assert not limited.cookies

    from django.db import OperationalError

    def serve(self, request, *args, **kwargs):
        raise OperationalError("the database went away")

    monkeypatch.setattr(HomePage, "serve", serve)
    down = Client(raise_request_exception=False).get("/fr/")
    html = down.content.decode()
    assert down.status_code == 503 and QUICK_EXIT in html and 'lang="fr"' in html
