from django.http import HttpResponseRedirect
from django.utils.translation import get_language_from_request


def root_redirect(request):
    """`/` has no content of its own: send the reader to the language their browser asks for.
    Nothing is stored: no cookie, no session."""
    return HttpResponseRedirect(f"/{get_language_from_request(request)}/")
