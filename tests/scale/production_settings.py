"""cms.settings.production exactly, for the instances tests/scale starts, except static files:
nothing serves them there, so they need no collectstatic manifest (which takes longer to build
than the whole test)."""

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
