"""`/favicon.ico`, served by the site itself.

Browsers ask for it at the root whatever the page says, and a 404 there is a console error on
every page (Lighthouse counts it). Pages link the SVG and this ICO from the static files
(templates/base.html); this view answers the root address with the same ICO.
"""

from functools import cache

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse
from django.views.decorators.http import require_safe

ICON = "favicon.ico"
# A day: a new icon reaches readers soon enough, and the root address carries no version.
MAX_AGE_SECONDS = 24 * 60 * 60


@cache
def _icon_bytes():
    # The app's own file where the finders see it (development, tests, a checkout in
    # production); else the collected copy.
    path = finders.find(ICON)
    if path:
        with open(path, "rb") as icon:
            return icon.read()
    with staticfiles_storage.open(ICON) as icon:
        return icon.read()


@require_safe
def favicon(request):
    response = HttpResponse(_icon_bytes(), content_type="image/vnd.microsoft.icon")
    response["Cache-Control"] = f"public, max-age={MAX_AGE_SECONDS}"
    return response
