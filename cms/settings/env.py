"""Reading settings from the environment, with clear errors for malformed values."""

import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default, environ=None):
    value = (os.environ if environ is None else environ).get(name)
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
    # Health checks: a kept connection that the server dropped (a restart, a failover) is
    # replaced before the request uses it, instead of failing that request.
    return {
        "default": dj_database_url.parse(
            url, conn_max_age=env_int("DB_CONN_MAX_AGE", 0), conn_health_checks=True
        )
    }
