"""Test suite setup.

The suite runs on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/polyphony;
the test database gets a `test_` prefix). Under CI=true an unreachable server fails the run;
elsewhere the tests that need it are skipped with the reason.

The "world" (locales, a home per language, the three sections in every language, one user per
role, roles and workflows synced) is built once per session in the test database; every test runs
in a transaction rolled back afterwards. Transactional tests (live server, threads) flush the
database when they finish: they run last, and must call `builders.build_world()` themselves.

Under pytest-xdist (`make test`, `make test-fast`) each worker has a database of its own
(`test_polyphony_gw0`, ...) and builds its own world in it, so the rules above hold per worker.
The tiers that start real services run in a serial pass of their own (Makefile, TIERS below).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests import builders

IN_CI = os.environ.get("CI", "").lower() == "true"
_db_problem = None


def _postgres_problem():
    import psycopg

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        return f"the test settings must use PostgreSQL, not {db['ENGINE']}"
    try:
        psycopg.connect(
            host=db.get("HOST") or "127.0.0.1",
            port=db.get("PORT") or 5432,
            user=db.get("USER") or "postgres",
            password=db.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.OperationalError as error:
        return f"PostgreSQL is not reachable ({error.__class__.__name__}: {str(error).strip()})"
    return None


def pytest_sessionstart(session):
    global _db_problem
    _db_problem = _postgres_problem()
    if _db_problem and IN_CI:
        pytest.exit(f"CI=true and {_db_problem}", returncode=1)


# Test tiers, by directory (pyproject.toml declares the markers): the tests that start real
# services (Chromium, nginx, gunicorn, moto, Redis) or build whole sites. `make test-fast` leaves
# out browser, edge, scale and smoke; `make test` runs the rest in parallel, then these serially.
TIERS = {"browser", "edge", "scale", "perf", "smoke"}
TESTS_DIR = Path(__file__).resolve().parent


def _tier(item):
    try:
        first = Path(item.path).resolve().relative_to(TESTS_DIR).parts[0]
    except ValueError:
        return None
    return first if first in TIERS else None


# First, so that -m selects on the markers and pytest-django orders what is left.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        tier = _tier(item)
        if tier:
            item.add_marker(getattr(pytest.mark, tier))
    if not _db_problem:
        return
    skip = pytest.mark.skip(reason=f"needs PostgreSQL: {_db_problem}")
    for item in items:
        if "db" in getattr(item, "fixturenames", ()) or item.get_closest_marker("django_db"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        builders.build_world()


@pytest.fixture
def world(db):
    return builders.World.load()


@pytest.fixture
def users(world):
    return world.users


def _force_login_verified(self, user, backend=None):
    """force_login that also passes the second factor, as force_login already skips the password.

    The product still enforces two-factor authentication (cms/core/security/otp/middleware.py): this
    gives the user a confirmed TOTP device and marks the session verified exactly as
    django_otp.login does. Tests of 2FA itself sign in through the real login form instead.
    """
    from bench.moderation import pass_second_factor

    _plain_force_login(self, user, backend)
    pass_second_factor(self, user, "Test device")


_plain_force_login = Client.force_login


class VerifiedStaffClient(Client):
    force_login = _force_login_verified


@pytest.fixture
def client():
    return VerifiedStaffClient()


@pytest.fixture(autouse=True, scope="session")
def _staff_clients_pass_two_factor():
    """The same for the Client() many tests make themselves."""
    Client.force_login = _force_login_verified
    yield
    Client.force_login = _plain_force_login


@pytest.fixture(autouse=True)
def _reset_language():
    """A request through the test client leaves its language active in the thread; start every
    test from the source language so tests don't depend on their order."""
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the database is rolled back after every test, but
    the cache (rate-limit counters, cached fragments keyed on page ids) is not."""
    from django.core.cache import cache

    cache.clear()
