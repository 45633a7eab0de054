"""Input no view can be trusted to handle: refused once, before any view sees it.

A query string or form body may carry bytes that no reader's browser sends and that break the
layers below a view in ways a view cannot see coming: a NUL byte makes PostgreSQL refuse the
query (`DataError`, a 500), and bytes that are not UTF-8 reach views as U+FFFD, which Django puts
in their place. Lone surrogates (`%ED%A0%80`) are not UTF-8 either, so they arrive the same way.
Rather than trust every filter, form and feed to remember this, `HostileInputMiddleware` answers
such a request with a 400 page in the reader's language, before CSRF checks, views or forms run:
nothing is saved, and the page says what to do.

Overlong query values are refused too (a filter, a page number or a slug is short; a form's long
text goes in its POST body, where each form field sets its own limit). Repeated parameters and
`name[]=` arrays are not refused: views read one value with `.get()`, the last one, and ignore
names they do not know.
"""

from django.shortcuts import render

from cms.core.security.headers import is_admin_path

# What Django decodes invalid UTF-8 (and lone surrogates) into; a person never types it.
REPLACEMENT = "\ufffd"
# Longer than any filter, slug, receipt code or page number of the public site.
MAX_QUERY_VALUE_LENGTH = 1000


def _bad_text(text, *, strict):
    return "\x00" in text or (strict and REPLACEMENT in text)


def problem(request):
    """Why this request cannot be handled (a short reason for tests and logs), or None."""
    # Staff paste text from everywhere into the admin: a U+FFFD there is theirs to keep. A NUL
    # byte still breaks PostgreSQL, wherever it comes from.
    strict = not is_admin_path(request)
    if _bad_text(request.path, strict=False):
        return "path"
    for name, values in request.GET.lists():
        for value in [name, *values]:
            if _bad_text(value, strict=strict):
                return "query"
            if strict and len(value) > MAX_QUERY_VALUE_LENGTH:
                return "query-length"
    if request.method == "POST":
        for name, values in request.POST.lists():
            for value in [name, *values]:
                if _bad_text(value, strict=strict):
                    return "form"
        for name in request.FILES:
            if _bad_text(name, strict=strict):
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
