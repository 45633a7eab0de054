"""Production: every secret and host comes from the environment, or the process refuses to start.

Behind a TLS-terminating proxy (site/nginx.conf.example) that sets X-Forwarded-Proto; Django
trusts that header only because the proxy overwrites whatever the client sent.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import database_from_env, env, env_bool, env_int, env_list

# REDIS_URL too: without it every worker would keep its own cache, so a publish would leave the
# other workers' fragments stale and every rate limit would count per worker. A database cache is
# no way out: it would write rate-limit counters with their expiry times into the WAL and backups
# (cms/core/fragments.py, cms/core/ratelimit.py).
for _name in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"):
    if not os.environ.get(_name):
        raise ImproperlyConfigured(f"{_name} must be set in the environment for production.")

IS_PRODUCTION = True
DEBUG = False
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
# The onion and mirror names are doors to the same site (cms/core/hosts.py): Django must answer
# them. Onion readers post forms from http://<onion> (no TLS there; nginx tells Django the
# connection is secure, site/nginx/polyphony-onion.conf), so that origin is trusted as it is.
_onions = [h for h in [env("ONION_HOST", ""), *env_list("ONION_SERVICE_HOSTS")] if h]
ALLOWED_HOSTS += [h for h in [*_onions, *env_list("MIRROR_HOSTS")] if h not in ALLOWED_HOSTS]
CSRF_TRUSTED_ORIGINS = env_list(
    "CSRF_TRUSTED_ORIGINS",
    [f"https://{h}" for h in ALLOWED_HOSTS if h not in _onions] + [f"http://{h}" for h in _onions],
)
DATABASES = database_from_env(env("DATABASE_URL"))

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
RATE_LIMIT_ADDRESS_HEADER = env("RATE_LIMIT_ADDRESS_HEADER", "HTTP_X_REAL_IP")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix makes browsers refuse the cookie unless it is Secure, host-only and Path=/.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", f"https://{ALLOWED_HOSTS[0]}")

# Mail (workflow notifications, error reports, vacancy reminders): an SMTP relay from the
# environment. EMAIL_BACKEND can name another backend (a benchmark discards mail).
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = SERVER_EMAIL = env("DEFAULT_FROM_EMAIL", f"noreply@{ALLOWED_HOSTS[0]}")
