"""Test suite setup.

The suite runs on PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/polyphony;
the test database gets a `test_` prefix). Under CI=true an unreachable server fails the run;
elsewhere the tests that need it are skipped with the reason.

The "world" (locales, a home per language, the three sections in every language, one user per
role, roles and workflows synced) is in the test database from the start; every test runs in a
transaction rolled back afterwards. Transactional tests (live server, threads) flush the
database when they finish: they run last, and must put the world back themselves
(`dbtemplates.restore_world()`, or `builders.build_world()`).

Each process (each pytest-xdist worker of `make test` and `make test-fast`: `test_polyphony_gw0`,
...) has a database of its own, a copy of one migrated world (tests/dbtemplates.py: built from
the migrations once, copied in a second), so the rules above hold per worker. The demo site is
a second template: `on_demo_database` gives a module a copy of it. `make test` runs the tiers
that start real services as a second pass at the same time, on databases of their own
(Makefile, TIERS below).
"""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from tests import builders, dbtemplates

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
# out browser, edge, scale and smoke; `make test` runs browser, edge and scale as a pass of their
# own, at the same time as the rest.
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
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """TEST_DATABASE_SUFFIX names a pass's own test databases (make test runs two passes at
    once): test_polyphony_services_gw0 beside test_polyphony_gw0. Both copy the same templates."""
    from django.db import connections

    suffix = os.environ.get("TEST_DATABASE_SUFFIX")
    if suffix:
        dbtemplates.base_name()  # before the test name changes
        connection = connections["default"]
        name = connection.creation._get_test_db_name()
        test_base = dbtemplates.base_name()
        connection.settings_dict.setdefault("TEST", {})["NAME"] = (
            f"{test_base}_{suffix}{name[len(test_base) :]}"
        )


@pytest.fixture(scope="session")
def django_db_setup(
    request,
    django_test_environment,
    django_db_blocker,
    django_db_modify_db_settings,
    django_db_keepdb,
    django_db_createdb,
    testrun_uid,
):
    """Instead of pytest-django's (migrations in every worker's database, then the world): a
    copy of the world template, built from the migrations once (tests/dbtemplates.py)."""
    dbtemplates.base_name()  # while Django's NAME is still DATABASE_URL's
    with django_db_blocker.unblock():
        name = dbtemplates.setup_test_database(
            run_id=testrun_uid,
            fresh=django_db_createdb,
            build_world=builders.build_world,
            refresh_world=builders.refresh_world,
        )
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock():
            dbtemplates.drop_test_database(name)


@pytest.fixture(scope="module")
def demo_database(django_db_setup, django_db_blocker):
    """A copy of the demo site (`load_demo_content` on the world, the users' password the
    world's) with its media files, for this module: (database name, media folder). The demo is
    built once per run (tests/dbtemplates.py), a copy takes a second."""
    from tests.browser.site import build_demo

    with dbtemplates.unblocked_demo_copy(django_db_blocker, build_demo, "demo_copy") as value:
        yield value


@pytest.fixture(scope="module")
def on_demo_database(demo_database):
    """The module's tests (with `db`, rolled back as usual) run on the demo copy instead of the
    world; the demo has the world in it."""
    name, media = demo_database
    with dbtemplates.using(name, media):
        yield


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


# Lighthouse's scores (tests/browser/test_lighthouse.py) in the run's summary: the controller
# gets each test's user_properties from the xdist workers, whose own output make test never
# shows; here, not in tests/browser/conftest.py, which the xdist controller never loads.
_LIGHTHOUSE = []


def pytest_runtest_logreport(report):
    if report.when == "call":
        _LIGHTHOUSE.extend(value for name, value in report.user_properties if name == "lighthouse")


def pytest_terminal_summary(terminalreporter):
    if _LIGHTHOUSE:
        terminalreporter.section("Lighthouse")
        for line in _LIGHTHOUSE:
            terminalreporter.write_line(line)
