"""Settings shared by every environment. Everything that differs between hosts comes from the
environment; dev.py, test.py and production.py only choose defaults and harden."""

import os
import shutil
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def database_from_env(default_url):
    url = env("DATABASE_URL") or default_url
    return {"default": dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0))}


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# Set by production.py from the environment; dev and test settings never look like production.
IS_PRODUCTION = False

INSTALLED_APPS = [
    # Our apps first so their templates and static files win.
    "cms",
    "stories",
    "campaigns",
    "volunteering",
    "wagtail_localize",
    # Replaces wagtail.locales: the same admin, aware of translations.
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "captcha",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.forms",
]
# Widget templates come from our templates/ too (the accessible captcha widget).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = database_from_env("sqlite:///" + str(BASE_DIR / "db.sqlite3"))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Shared state must live in a shared engine once there is more than one host (ARCHITECTURE.md).
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "polyphony"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------------------------
# Names are written in their own language: the switcher is read by people looking for theirs.
LANGUAGE_CODE = "en"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("en", "English"),
    ("ru", "Русский"),
    ("uk", "Українська"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("cs", "Čeština"),
]
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LOCALE_PATHS = [BASE_DIR / "locale"]
# The default publishes new translations at once, with source-language text (notes/wagtail8-facts).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(BASE_DIR / "static_collected")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage",
    },
}

# --- Wagtail ---------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Polyphony"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Nothing may call out from this site: no update check, no avatars from gravatar, no oEmbed.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# The last approval publishes even where direct publishing is refused (cms/publishing.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.workflow_actions.publish_workflow_state"

# --- Security defaults (production.py tightens further) --------------------------------------
# Wagtail's preview sets its own same-origin override, so the rest of the site can refuse framing.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60)

# --- Polyphony -------------------------------------------------------------------------------
DEMO_PASSWORD = env("DEMO_PASSWORD", "polyphony-demo")
# The language every translation starts from in the demo and in roles (Translators per other one).
SOURCE_LANGUAGE = "en"
QUICK_EXIT_LABEL = _("Quick exit")

# --- Rate limits (cms/ratelimit.py) ---
# The request header holding the real peer address when behind a proxy that overwrites it
# (nginx: X-Real-IP -> "HTTP_X_REAL_IP"). Unset: REMOTE_ADDR.
RATE_LIMIT_ADDRESS_HEADER = env("RATE_LIMIT_ADDRESS_HEADER") or None
ONION_SERVICE_HOSTS = env_list("ONION_SERVICE_HOSTS")

# --- Public forms (cms/forms.py) ---
FORM_MIN_FILL_SECONDS = env_int("FORM_MIN_FILL_SECONDS", 3)
FORM_MAX_AGE_SECONDS = env_int("FORM_MAX_AGE_SECONDS", 24 * 60 * 60)
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_dots",)
CAPTCHA_TIMEOUT = 30  # minutes: people write long stories before they answer
CAPTCHA_IMAGE_SIZE = (150, 60)
CAPTCHA_FONT_SIZE = 32
# The audio alternative needs Debian's flite; without it only the picture is offered.
CAPTCHA_FLITE_PATH = shutil.which("flite")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# --- campaigns ---
# A read-only API of campaign pages (campaigns/api.py, mounted at /api/v2/).
INSTALLED_APPS += ["wagtail.api.v2", "rest_framework"]
WAGTAILAPI_LIMIT_MAX = 50

# --- stories (public side: form, queue, receipts, uploads) ---
# Longest story text accepted from the form, in characters (about 10 printed pages).
STORY_TEXT_MAX_LENGTH = env_int("STORY_TEXT_MAX_LENGTH", 30_000)
# Story form POSTs per client address per window, and in total per minute (behind Tor, many
# people share one address). Raise them for a campaign day or a benchmark.
STORY_RATE_LIMIT_PER_ADDRESS = env_int("STORY_RATE_LIMIT_PER_ADDRESS", 10)
STORY_RATE_LIMIT_GLOBAL_PER_MINUTE = env_int("STORY_RATE_LIMIT_GLOBAL_PER_MINUTE", 30)
STORY_RATE_LIMIT_WINDOW_SECONDS = env_int("STORY_RATE_LIMIT_WINDOW_SECONDS", 3600)
# Wrong receipt codes per client address per window, and in total per minute.
STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS = env_int("STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS", 10)
STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE = env_int("STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE", 30)
# Behind a reverse proxy: the META key holding the client address the proxy sets, e.g.
# "HTTP_X_REAL_IP". Empty: REMOTE_ADDR. Only for headers the proxy always overwrites.
STORY_CLIENT_ADDRESS_META = env("STORY_CLIENT_ADDRESS_META", "")
# HMAC key of receipt digests (stories/privacy/receipts.py); unset: derived from SECRET_KEY.
RECEIPT_HASH_KEY = env("RECEIPT_HASH_KEY") or None
# Public uploads stay in memory, bounded, and never touch the disk (stories/uploads.py).
STORY_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
STORY_UPLOAD_MAX_FILES = 3
STORY_UPLOAD_MAX_TOTAL_BYTES = 3 * STORY_UPLOAD_MAX_BYTES
FILE_UPLOAD_HANDLERS = [
    "stories.uploads.PublicMemoryUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
# ingest_submissions waits a random time up to this before each pass (decorrelates the times
# Wagtail stores from the moment of the POST); --max-delay overrides it.
STORY_INGEST_MAX_DELAY_SECONDS = env_int("STORY_INGEST_MAX_DELAY_SECONDS", 900)
