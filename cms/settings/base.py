"""Settings shared by every environment. Everything that differs between hosts comes from the
environment; dev.py, test.py and production.py only choose defaults and harden."""

import shutil
from pathlib import Path

from .env import database_from_env, env, env_bool, env_int, env_list  # noqa: F401 (re-exported)

BASE_DIR = Path(__file__).resolve().parent.parent.parent


SECRET_KEY = env("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# Set by production.py from the environment; dev and test settings never look like production.
IS_PRODUCTION = False

INSTALLED_APPS = [
    # Our apps first so their templates and static files win.
    "cms.core",
    "stories",
    "campaigns",
    "volunteering",
    "letters",
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
    # campaigns: the read-only API of campaign pages (campaigns/api.py, mounted at /api/v2/).
    "wagtail.api.v2",
    "rest_framework",
    # cms/core/security: headers, staff two-factor authentication, login throttling, audit, log
    # hygiene; django-csp and django-otp under it.
    "cms.core.security",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]
# Widget templates come from our templates/ too (the accessible captcha widget).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "cms.core.hosts.ReaderHostMiddleware",  # absolute URLs on the reader's door, Onion-Location
    # The public site's and the admin's content security policies (cms/settings/security.py).
    "cms.core.security.headers.PolyphonyCSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Django's CSRF check; public forms of visitors without a session set no cookie and are
    # checked by their Origin (cms/core/security/csrf.py).
    "cms.core.security.csrf.PublicFormCsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Staff reach the admin only with their second factor; wrong passwords are throttled.
    "django_otp.middleware.OTPMiddleware",
    "cms.core.security.otp.middleware.StaffTwoFactorMiddleware",
    "stories.visibility.HiddenStoryParentMiddleware",  # stories in review: reviewers only
    "cms.core.security.throttle.LoginThrottleMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Says why a publish of a story (or another page under an exclusive workflow) was refused.
    "cms.core.publishing.PublishingRefusedMessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it sees each response first: before CsrfViewMiddleware resets the flag telling
    # that the page carries a form (cms/core/security/headers.py).
    "cms.core.security.headers.SecurityHeadersMiddleware",
    # NUL bytes, invalid UTF-8 and overlong values get a 400 before any view
    # (cms/core/hostile_input.py).
    "cms.core.hostile_input.HostileInputMiddleware",
    # New captcha challenges from /captcha/refresh/ are rate-limited (cms/core/captcha_rows.py).
    "cms.core.captcha_rows.CaptchaRefreshLimitMiddleware",
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
                "cms.core.fragments.context",
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
            # Every page asks the cache (Wagtail's site root paths): an unreachable Redis must
            # fail a request in a second, not hold a worker until gunicorn's timeout. Idle
            # connections are checked first, as managed services drop them.
            "OPTIONS": {
                "socket_connect_timeout": env_int("REDIS_TIMEOUT_SECONDS", 1),
                "socket_timeout": env_int("REDIS_TIMEOUT_SECONDS", 1),
                "health_check_interval": 30,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Rendered fragments and remembered page routes, in each process's own memory: their keys carry
# the shared content version (cms/core/fragments.py), so no process can serve a stale one, and a hit
# costs no round trip to Redis.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "polyphony-fragments",
    "OPTIONS": {"MAX_ENTRIES": env_int("FRAGMENT_CACHE_ENTRIES", 2000)},
}
# Fragments keyed on a query string (?page=, filters): anyone can send new values, so they
# evict only each other (cms/core/fragments.py, fragment_cache).
CACHES["query_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "polyphony-query-fragments",
    "OPTIONS": {"MAX_ENTRIES": env_int("FRAGMENT_QUERY_CACHE_ENTRIES", 500)},
}

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
# The default publishes new translations at once, with source-language text
# (docs/wagtail8-behaviour.md).
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
WAGTAILADMIN_COMMENTS_ENABLED = True
# The last approval publishes even where direct publishing is refused (cms/core/publishing.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.core.workflow_actions.publish_workflow_state"

# --- Security defaults (production.py tightens further) --------------------------------------
# Wagtail's preview sets its own same-origin override, so the rest of the site can refuse framing.
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SAMESITE = "Strict"
# The CSRF cookie (staff only: public forms set none) lasts as long as the browser session, not a
# year; a refused token gets a page in the reader's language that keeps what they typed.
CSRF_COOKIE_AGE = None
CSRF_FAILURE_VIEW = "cms.core.views.csrf_failure"
# W003 looks for Django's CsrfViewMiddleware by name; ours is a subclass that keeps its checks
# (tests/security/test_no_trace.py asserts it is installed).
SILENCED_SYSTEM_CHECKS = ["security.W003"]
# Staff sessions (the public site sets no session): closed with the browser, and after
# SESSION_COOKIE_AGE on the server anyway.
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 4 * 60 * 60)

# --- Polyphony -------------------------------------------------------------------------------
DEMO_PASSWORD = env("DEMO_PASSWORD", "polyphony-demo")
# The language every translation starts from in the demo and in roles (Translators per other one).
SOURCE_LANGUAGE = "en"

# --- Edge cache (cms/core/edge_cache.py, site/nginx/) ---
# Seconds a shared cache may keep a reader page; publishing purges it sooner. URLs with a query
# string cannot be purged by name and get the short lifetime; browsers keep pages briefly.
EDGE_CACHE_SECONDS = env_int("EDGE_CACHE_SECONDS", 600)
EDGE_CACHE_QUERY_SECONDS = env_int("EDGE_CACHE_QUERY_SECONDS", 60)
# How long the edge may serve a stale copy while the application answers 5xx (stale-if-error);
# never for stories (edge_serve_stale = False). 0: never.
EDGE_STALE_IF_ERROR_SECONDS = env_int("EDGE_STALE_IF_ERROR_SECONDS", 7 * 24 * 3600)
BROWSER_CACHE_SECONDS = env_int("BROWSER_CACHE_SECONDS", 60)
# Where publishing sends PURGE requests: each edge cache's own address, comma-separated
# (http://127.0.0.1:8080). Unset: nothing is purged.
WAGTAILFRONTENDCACHE = {
    f"edge{number}": {
        "BACKEND": "cms.core.edge_cache.NginxPurgeBackend",
        "LOCATION": url,
    }
    for number, url in enumerate(env_list("FRONTEND_CACHE_PURGE_URLS"))
}
# Every translation is purged under its own URL; Wagtail's default would also purge each URL
# with the other five language prefixes.
WAGTAILFRONTENDCACHE_LANGUAGES = []

# --- Rate limits (cms/core/ratelimit.py) ---
# The request header holding the real peer address when behind a proxy that overwrites it
# (nginx: X-Real-IP -> "HTTP_X_REAL_IP"). Unset: REMOTE_ADDR.
RATE_LIMIT_ADDRESS_HEADER = env("RATE_LIMIT_ADDRESS_HEADER") or None
ONION_SERVICE_HOSTS = env_list("ONION_SERVICE_HOSTS")

# --- Doors (cms/core/hosts.py): the names readers reach the site under ---
PRIMARY_HOST = env("PRIMARY_HOST", "")  # default: the first exact name in ALLOWED_HOSTS
ONION_HOST = env("ONION_HOST", "")  # the v3 onion name of site/tor/torrc, without http://
MIRROR_HOSTS = env_list("MIRROR_HOSTS")  # extra clearnet names, each with its nginx server block

# --- Public forms (cms/core/forms.py) ---
FORM_MIN_FILL_SECONDS = env_int("FORM_MIN_FILL_SECONDS", 3)
FORM_MAX_AGE_SECONDS = env_int("FORM_MAX_AGE_SECONDS", 24 * 60 * 60)
CAPTCHA_CHALLENGE_FUNCT = "captcha.helpers.math_challenge"
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_dots",)
CAPTCHA_TIMEOUT = 180  # minutes, at least (rounded up to a midnight): a long story takes hours
# Challenge rows carry a day, not a moment: their expiry is rounded up to a UTC midnight; new
# challenges from /captcha/refresh/ are limited per address and in all (cms/core/captcha_rows.py).
CAPTCHA_REFRESH_PER_ADDRESS = env_int("CAPTCHA_REFRESH_PER_ADDRESS", 30)
CAPTCHA_REFRESH_GLOBAL_PER_MINUTE = env_int("CAPTCHA_REFRESH_GLOBAL_PER_MINUTE", 120)
CAPTCHA_IMAGE_SIZE = (150, 60)
CAPTCHA_FONT_SIZE = 32
# The audio alternative needs Debian's flite; without it only the picture is offered.
CAPTCHA_FLITE_PATH = shutil.which("flite")

# --- campaigns ---
# The campaigns API (wagtail.api.v2 above) answers at most this many pages per request.
WAGTAILAPI_LIMIT_MAX = 50

# --- stories (public side: form, queue, receipts, uploads) ---
# Longest story text accepted from the form, in characters (about 10 printed pages).
STORY_TEXT_MAX_LENGTH = env_int("STORY_TEXT_MAX_LENGTH", 30_000)
# Story form POSTs per client address per window; in total per minute, stories that passed every
# check and the challenge (behind Tor, many people share one address), and, a budget of its own,
# refused POSTs (junk then gets a bare 429 and cannot use up the first). Raise them for a
# campaign day or a benchmark (stories/ratelimits.py).
STORY_RATE_LIMIT_PER_ADDRESS = env_int("STORY_RATE_LIMIT_PER_ADDRESS", 10)
STORY_RATE_LIMIT_GLOBAL_PER_MINUTE = env_int("STORY_RATE_LIMIT_GLOBAL_PER_MINUTE", 30)
STORY_RATE_LIMIT_REFUSED_PER_MINUTE = env_int("STORY_RATE_LIMIT_REFUSED_PER_MINUTE", 60)
STORY_RATE_LIMIT_WINDOW_SECONDS = env_int("STORY_RATE_LIMIT_WINDOW_SECONDS", 3600)
# Wrong receipt codes per client address per window, and in total per minute (a right code is
# answered whatever others sent).
STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS = env_int("STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS", 10)
STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE = env_int(
    "STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE", 30
)
# HMAC key of receipt digests (cms/core/receipts.py); unset: derived from SECRET_KEY.
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
# Sealed submissions (stories/sealing/): the spool (Redis with appendfsync always in production;
# unset: a table, for make run and tests) and the offline recovery key's public half (base64).
STORY_SPOOL_URL = env("STORY_SPOOL_URL", "")
STORY_RECOVERY_PUBLIC_KEY = env("STORY_RECOVERY_PUBLIC_KEY", "")
# Conversations with contributors (stories/conversation/): whether a story whose contributor
# can be asked goes live only with their approval of the edited version, and how many days the
# status page tells them to wait before looking again.
STORY_CONSENT_REQUIRED = env_bool("STORY_CONSENT_REQUIRED", True)
STORY_COME_BACK_DAYS = env_int("STORY_COME_BACK_DAYS", 3)
# Argon2id cost of the key derived from a receipt code: "" (the minimum, as
# stories/conversation/keys.py explains), "interactive" or "moderate".
STORY_CONVERSATION_KDF = env("STORY_CONVERSATION_KDF", "")

# --- campaigns (translation workflow) ---
# Machine translation sends page text to a third party, so it is off unless explicitly configured:
# DEEPL_API_KEY for DeepL, or LIBRETRANSLATE_URL for a self-hosted LibreTranslate. With neither,
# localize shows no "Machine translate" button and nothing leaves the server.
if env("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_API_KEY")},
    }
elif env("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": env("LIBRETRANSLATE_URL"),
            "API_KEY": env("LIBRETRANSLATE_API_KEY", ""),
        },
    }

# --- volunteering ---
# Applications are deleted this many days after they arrive (manage.py purge_applications);
# the application form promises the same number.
APPLICATION_RETENTION_DAYS = env_int("APPLICATION_RETENTION_DAYS", 180)
# Coordinators hear about a vacancy's deadline this many days before it (close_expired_vacancies).
VACANCY_REMINDER_DAYS = env_int("VACANCY_REMINDER_DAYS", 7)
# Applications accepted per address per hour, and in total per minute (Tor shares addresses).
VACANCY_APPLY_PER_ADDRESS = env_int("VACANCY_APPLY_PER_ADDRESS", 5)
VACANCY_APPLY_GLOBAL_PER_MINUTE = env_int("VACANCY_APPLY_GLOBAL_PER_MINUTE", 30)

# --- stories (moderation side: retention) ---
# Days after publication (private record) or rejection (whole story) that purge_submissions
# deletes what a contributor sent. See stories/retention.py.
STORY_RETENTION_DAYS = env_int("STORY_RETENTION_DAYS", 30)

# --- security (the apps and middleware are in the lists above) ---
# The content security policies and logging that identifies nobody (cms/settings/security.py).
from .security import (  # noqa: E402, F401 - settings, named here
    CONTENT_SECURITY_POLICY,
    DEFAULT_EXCEPTION_REPORTER,
    DEFAULT_EXCEPTION_REPORTER_FILTER,
    LOGGING,
    POLYPHONY_ADMIN_CSP,
)

# Documents always download (never render in our origin), whatever their type.
WAGTAILDOCS_INLINE_CONTENT_TYPES = []

# Two-factor authentication (django-otp): what authenticator apps show, and throttling of
# wrong codes (each failure doubles the wait, from 1 second).
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", WAGTAIL_SITE_NAME)
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1

# Staff sign-in throttle (cms/core/security/throttle.py): failed attempts per window.
STAFF_LOGIN_PER_ADDRESS = env_int("STAFF_LOGIN_PER_ADDRESS", 5)
STAFF_LOGIN_PER_USERNAME = env_int("STAFF_LOGIN_PER_USERNAME", 20)
STAFF_LOGIN_WINDOW_SECONDS = env_int("STAFF_LOGIN_WINDOW_SECONDS", 15 * 60)


# --- security (hostile inputs) ---
# The admin's image upload answers a broken image (valid signature, broken body) with a form
# error instead of a 500 (cms/core/security/images.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.core.security.images.SafeImageForm"

# --- Media on object storage (scale-out: cms/settings/media.py, site/SCALE-OUT.md) ---
# With AWS_STORAGE_BUCKET_NAME set, every upload and rendition goes to a private bucket and is
# served by signed, expiring URLs; without it, to MEDIA_ROOT. Browsers fetch images from the
# bucket's own origin, so the content security policy names it (and no other).
import os  # noqa: E402 - the block belongs here, with its settings

from .media import s3_media  # noqa: E402

S3_MEDIA = s3_media(os.environ, page_cache_seconds=EDGE_CACHE_SECONDS + BROWSER_CACHE_SECONDS)
if S3_MEDIA:
    STORAGES["default"] = S3_MEDIA["storage"]
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(S3_MEDIA["origin"])
    POLYPHONY_ADMIN_CSP["img-src"].append(S3_MEDIA["origin"])
