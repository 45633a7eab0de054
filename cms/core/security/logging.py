"""Logs and error reports that never identify a reader or a contributor.

A log line that holds an address or a user agent next to a time and a path can be subpoenaed,
seized or leaked; for our contributors that is dangerous. So:

- ``ScrubFilter`` sits on every handler (LOGGING in settings, and ``install_scrubber_everywhere``
  for handlers configured elsewhere, e.g. gunicorn's). It formats the message, replaces every IP
  address and user-agent string in it (and in the traceback text) with a placeholder, and drops
  any non-request object passed as ``request`` (django.server passes the socket).
- The addresses and user agent of the current request are remembered in a context variable as
  soon as the request starts (``request_started`` carries the WSGI environ), so even an unusual
  user agent that no pattern recognises is scrubbed when it turns up in a message.
- ``PublicRequestFilter`` sits on every handler too: Django's request loggers (django.request,
  django.security.*) name the path of every 4xx and 5xx answer, and the journal stamps each line
  to the microsecond. For the public site a 4xx (a refused form, a 429, a 404, a CSRF refusal)
  is not logged at all, and a 5xx keeps its traceback without its method and path: no line says
  that someone sent a form at that moment. Staff requests (the admin) keep their lines.
- ``PrivacyExceptionReporterFilter`` / ``PrivacyExceptionReporter``: error e-mails to ADMINS for
  public pages contain no headers (META), cookies, POST or GET data, uploaded file names or local
  variables (which could hold a story). Admin errors keep the safe settings but lose addresses
  and user agents.
"""

import ipaddress
import logging
import re
from contextvars import ContextVar

from django.http import HttpRequest
from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

ADDRESS = "[address removed]"
AGENT = "[user agent removed]"

# META keys that hold a client address or describe the client's software.
IDENTIFYING_META = (
    "REMOTE_ADDR",
    "REMOTE_HOST",
    "HTTP_X_REAL_IP",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_FORWARDED",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_USER_AGENT",
    "HTTP_SEC_CH_UA",
    "HTTP_SEC_CH_UA_PLATFORM",
    "HTTP_SEC_CH_UA_MOBILE",
    "HTTP_REFERER",
)

# Candidates only: each is checked with ipaddress, so times like 12:30:45 survive.
_IP_CANDIDATE = re.compile(r"(?<![\w.:])[0-9A-Fa-f.:]*[.:][0-9A-Fa-f.:]+(?:%\w+)?(?![\w.:])")
_AGENT = re.compile(
    r"\b(?:Mozilla|Opera|AppleWebKit|Chrome|Safari|Firefox|Gecko|Edg|curl|Wget|"
    r"python-requests|python-httpx|Python-urllib|aiohttp|okhttp|Go-http-client|Java|"
    r"libwww-perl|HTTPie|Lynx|Links|ELinks|w3m|Dalvik|Googlebot|bingbot|YandexBot)"
    r"/[^\s\"']*[^\"'\n]*",
    re.IGNORECASE,
)

_current_identifiers: ContextVar[tuple[str, ...]] = ContextVar(
    "polyphony_log_identifiers", default=()
)


def remember_request_identifiers(sender=None, environ=None, scope=None, **kwargs):
    """request_started receiver: note what identifies this client, to scrub it later."""
    meta = environ or {}
    if scope is not None:  # ASGI
        meta = {
            "HTTP_" + k.decode("latin-1").upper().replace("-", "_"): v.decode("latin-1")
            for k, v in scope.get("headers", ())
        }
        if scope.get("client"):
            meta["REMOTE_ADDR"] = scope["client"][0]
    values = {str(meta.get(key, "")).strip() for key in IDENTIFYING_META}
    # Very short values would scrub unrelated text; a real address or agent is longer.
    _current_identifiers.set(tuple(sorted((v for v in values if len(v) >= 4), key=len)[::-1]))


def _replace_ip(match):
    text = match.group(0)
    base = text.split("%")[0]
    # "::1" keeps its colons; "1.2.3.4." (end of a sentence) or "1.2.3.4:" lose the extra one.
    for candidate in (base, base.rstrip(".:"), base.strip(".:")):
        if candidate.count(".") != 3 and candidate.count(":") < 2:
            continue
        try:
            ipaddress.ip_address(candidate)
        except ValueError:
            continue
        return ADDRESS
    return text


def scrub(text):
    if not text:
        return text
    text = str(text)
    for value in _current_identifiers.get():
        if value in text:
            text = text.replace(value, AGENT if "/" in value or " " in value else ADDRESS)
    text = _AGENT.sub(AGENT, text)
    return _IP_CANDIDATE.sub(_replace_ip, text)


def scrub_record(record):
    try:
        message = record.getMessage()
    except Exception:  # a broken format string must not lose the record
        message = f"{record.msg} {record.args!r}"
    record.msg, record.args = scrub(message), None
    if record.exc_info and not record.exc_text:
        record.exc_text = logging.Formatter().formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = scrub(record.exc_text)
    if record.stack_info:
        record.stack_info = scrub(record.stack_info)
    return record


class ScrubFilter(logging.Filter):
    """Never drops a record; rewrites it so that it identifies nobody."""

    polyphony_scrubber = True

    def filter(self, record):
        scrub_record(record)
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, HttpRequest):
            record.request = None  # django.server passes the socket: it holds the peer address
        return True


class PublicRequestFilter(logging.Filter):
    """Drops Django's lines about public requests' 4xx answers; a public 5xx loses its path."""

    polyphony_public_requests = True

    def filter(self, record):
        if not record.name.startswith(("django.request", "django.security")):
            return True
        request = getattr(record, "request", None)
        if isinstance(request, HttpRequest) and not _is_public(request):
            return True
        status = getattr(record, "status_code", None) or 500
        if status < 500:
            return False
        record.msg, record.args = "Server error on a public page", None
        return True


def install_record_factory():
    """Scrub every record when it is created, whatever handler (or test capture) receives it.
    Levels are checked before a record is made, so filtered-out debug calls cost nothing."""
    previous = logging.getLogRecordFactory()
    if getattr(previous, "polyphony_scrubber", False):
        return

    def factory(*args, **kwargs):
        return scrub_record(previous(*args, **kwargs))

    factory.polyphony_scrubber = True
    logging.setLogRecordFactory(factory)


def install_scrubber_everywhere():
    """Add ScrubFilter to every handler that exists now and lacks one."""
    loggers = [logging.getLogger()] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if not any(getattr(f, "polyphony_scrubber", False) for f in handler.filters):
                handler.addFilter(ScrubFilter())
            if not any(getattr(f, "polyphony_public_requests", False) for f in handler.filters):
                handler.addFilter(PublicRequestFilter())


def _is_public(request):
    from .headers import is_admin_path

    return request is None or not is_admin_path(request)


class PrivacyExceptionReporterFilter(SafeExceptionReporterFilter):
    def get_safe_request_meta(self, request):
        if _is_public(request):
            return {}
        meta = super().get_safe_request_meta(request)
        return {k: v for k, v in meta.items() if k not in IDENTIFYING_META}

    def get_safe_cookies(self, request):
        return {} if _is_public(request) else super().get_safe_cookies(request)

    def get_post_parameters(self, request):
        return {} if _is_public(request) else super().get_post_parameters(request)

    def get_traceback_frame_variables(self, request, tb_frame):
        # Local variables of a public view can hold what a contributor wrote.
        if _is_public(request):
            return []
        return super().get_traceback_frame_variables(request, tb_frame)


class PrivacyExceptionReporter(ExceptionReporter):
    """The report itself is scrubbed too: an exception message can quote an address."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None and _is_public(self.request):
            data["request_GET_items"] = []
            data["request_FILES_items"] = []
        return data

    def get_traceback_html(self):
        return scrub(super().get_traceback_html())

    def get_traceback_text(self):
        return scrub(super().get_traceback_text())
