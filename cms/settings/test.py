"""The test suite: PostgreSQL (as in production), fast hashing, plain static files."""

import tempfile

from .base import *  # noqa: F403
from .base import database_from_env

SECRET_KEY = "test-only-key"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DATABASES = database_from_env("postgres://postgres@127.0.0.1:5432/polyphony")
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests that write files see them in a throwaway folder, never in the developer's media/.
MEDIA_ROOT = tempfile.mkdtemp(prefix="polyphony-test-media-")
WAGTAILADMIN_BASE_URL = "http://testserver"
