"""No log line and no error report holds a client address or user agent."""

import io
import logging

import pytest
from django.core import mail
from django.test import Client

from cms.core.models import HomePage
from cms.core.security.logging import scrub

pytestmark = pytest.mark.django_db

CANARY_IP = "203.0.113.77"
CANARY_V6 = "2001:db8:77::42"
CANARY_UA = "CanaryBrowser/9.9 (canary-7c1f)"


@pytest.fixture
def failing_home(monkeypatch):
    def serve(self, request, *args, **kwargs):
        logging.getLogger("polyphony.test").warning(
            "serving for %s with %s", request.META["REMOTE_ADDR"], request.META["HTTP_USER_AGENT"]
        )
        raise RuntimeError(f"boom for {request.META['REMOTE_ADDR']}")

    monkeypatch.setattr(HomePage, "serve", serve)


def test_an_erroring_request_logs_no_address_or_agent(world, failing_home, caplog, settings):
    settings.ADMINS = [("Admin", "admin@example.org")]
    caplog.set_level(logging.DEBUG)
    stream = io.StringIO()
    console = next(h for h in logging.getLogger().handlers if isinstance(h, logging.StreamHandler))
    old_stream = console.setStream(stream)
    try:
        response = Client(raise_request_exception=False).post(
            "/en/",
            {"story": "a secret story"},
            REMOTE_ADDR=CANARY_IP,
            HTTP_USER_AGENT=CANARY_UA,
            HTTP_X_REAL_IP=CANARY_V6,
        )
    finally:
        console.setStream(old_stream)
    assert response.status_code == 500
    captured = caplog.text + stream.getvalue()
    # A public page's error keeps its traceback, not its path (cms/core/security/logging.py).
    assert "Server error on a public page" in captured and "Internal Server Error" not in captured
    assert "boom for" in captured  # the traceback is there...
    for canary in (CANARY_IP, CANARY_V6, CANARY_UA, "canary-7c1f"):
        assert canary not in captured  # ...without who caused it
    # The error e-mail to ADMINS: no headers, no form data, no local variables.
    assert len(mail.outbox) == 1
    report = mail.outbox[0].body + "".join(str(a[1]) for a in mail.outbox[0].alternatives)
    for canary in (CANARY_IP, CANARY_V6, CANARY_UA, "canary-7c1f", "a secret story"):
        assert canary not in report
    assert "HTTP_HOST" not in report


def test_every_configured_handler_scrubs(world):
    handlers = [logging.getLogger().handlers]
    for name in ("django", "django.request", "django.server", "django.security"):
        handlers.append(logging.getLogger(name).handlers)
    # pytest's own capture handlers are not part of the site.
    flat = [h for group in handlers for h in group if not type(h).__module__.startswith("_pytest")]
    assert flat
    for handler in flat:
        assert any(getattr(f, "polyphony_scrubber", False) for f in handler.filters), handler


def test_dev_server_log_lines_lose_the_socket_and_any_address():
    record = logging.LogRecord(
        "django.server",
        logging.INFO,
        __file__,
        1,
        '"%s" %s %s',
        ("GET /en/ HTTP/1.1", 200, 5),
        None,
    )
    record.request = object()  # the socket, as django.server passes it
    handler = logging.getLogger("django.server").handlers[0]
    assert all(f.filter(record) for f in handler.filters)
    assert record.request is None


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("from 192.0.2.1 at 12:30:45", "192.0.2.1"),
        ("peer [2001:db8::1]:443", "2001:db8::1"),
        ("ua=Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0", "Firefox/128.0"),
        ('"GET / HTTP/1.1" 200 "curl/8.5.0"', "curl/8.5.0"),
        ("mapped ::ffff:198.51.100.3 here", "198.51.100.3"),
    ],
)
def test_scrub_removes_addresses_and_agents_but_keeps_times(text, gone):
    cleaned = scrub(text)
    assert gone not in cleaned
    if "12:30:45" in text:
        assert "12:30:45" in cleaned
