"""Input no view can be trusted to handle: refused once, before any view sees it.

A query string or form body may carry bytes that no reader's browser sends and that break the
layers below a view in ways a view cannot see coming: a NUL byte makes PostgreSQL refuse the
query (`DataError`, a 500), and bytes that are not UTF-8 reach views as U+FFFD, which Django puts
in their place. Lone surrogates (`%ED%A0%80`) are not UTF-8 either, so they arrive the same way.
Rather than trust every filter, form and feed to remember this, `HostileInputMiddleware` answers
such a request with a 400 page in the reader's language, before CSRF checks, views or forms run:
nothing is saved, and the page says what to do. A form body is refused only when it is not UTF-8;
its NUL bytes reach the form, which refuses them beside the field, keeping what was typed.

Overlong query values are refused too (a filter, a page number or a slug is short; a form's long
text goes in its POST body, where each form field sets its own limit). Repeated parameters and
`name[]=` arrays are not refused: views read one value with `.get()`, the last one, and ignore
names they do not know.
"""

from urllib.parse import unquote_to_bytes

from django.shortcuts import render

from cms.core.security.headers import is_admin_path

# Longer than any filter, slug, receipt code or page number of the public site.
MAX_QUERY_VALUE_LENGTH = 1000
URLENCODED = "application/x-www-form-urlencoded"


def unreadable(raw, *, nul=True):
    """True if a raw query string or urlencoded body holds (with `nul`) a NUL byte or, once
    percent-decoded, bytes that are not UTF-8 (strict UTF-8 also refuses encoded surrogates and
    overlong forms). Checked on the bytes, so a U+FFFD that a person really typed, properly
    encoded, passes."""
    for part in raw.split(b"&"):
        decoded = unquote_to_bytes(part.replace(b"+", b" "))
        if nul and b"\x00" in decoded:
            return True
        try:
            decoded.decode("utf-8")
        except UnicodeDecodeError:
            return True
    return False


def problem(request):
    """Why this request cannot be handled (a short reason for tests and logs), or None."""
    # Staff paste text from everywhere into the admin, which has its own forms and limits; a
    # NUL byte still breaks PostgreSQL, wherever it comes from.
    strict = not is_admin_path(request)
    if "\x00" in request.path:
        return "path"
    query = request.META.get("QUERY_STRING", "").encode("iso-8859-1", "replace")
    if strict and unreadable(query):
        return "query"
    for name, values in request.GET.lists():
        for value in [name, *values]:
            if "\x00" in value:
                return "query"
            if strict and len(value) > MAX_QUERY_VALUE_LENGTH:
                return "query-length"
    # A form's NUL bytes go on to the form, whose fields refuse them with an error beside the
    # field and the rest of what the person typed kept (cms/core text cleaning); a body that is
    # not UTF-8 comes from no browser. Multipart bodies are decoded by Django, which puts a
    # harmless U+FFFD where bytes were not UTF-8.
    if (
        strict
        and request.method == "POST"
        and request.content_type == URLENCODED
        and unreadable(request.body, nul=False)
    ):
        return "form"
    return None


class HostileInputMiddleware:
    """Listed last, so that its 400 still passes every other middleware (headers, CSP), and
    so that it reads the form before CsrfViewMiddleware or a view does."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if problem(request) is None:
            return self.get_response(request)
        response = render(request, "cms/bad_request.html", status=400)
        # Never cached, never indexed (cms/core/security/headers.py).
        response.polyphony_private = True
        return response
