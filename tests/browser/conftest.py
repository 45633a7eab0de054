"""Real-browser tests: Playwright for Python driving Debian's Chromium against a live server on
PostgreSQL.

Playwright cannot download its own browser on our machines, so these tests use the system's
`chromium` (apt-get install chromium). Without it they are skipped with the reason, except under
CI=true, where a missing browser fails the run: CI must prove the journeys, not skip them.

The demo site takes a minute or two to build (every section in six languages, through
wagtail-localize), too long to rebuild for every test as pytest-django's `live_server` would (it
flushes the database after each test). So the browser tests share one demo site and one live
server for the session (`demo_server`), and each journey works on content of its own (its own
story, its own vacancy application) so that the journeys don't depend on their order. They use
no `db` fixture, so pytest-django runs them after every other test; the database is flushed
when they are done.
"""

import os
import shutil

import pytest

from tests.browser import site
from tests.browser.site import LAUNCH_ARGS

IN_CI = os.environ.get("CI", "").lower() == "true"


def chromium_path():
    return shutil.which("chromium") or shutil.which("chromium-browser")


def _unavailable(reason):
    if IN_CI:
        pytest.fail(f"CI=true and {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    """One Chromium for the whole run; each test opens its own context (cookies, JS on/off)."""
    executable = chromium_path()
    if executable is None:
        _unavailable("Chromium is not installed: `apt-get install chromium` to run browser tests")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("Playwright is not installed: `pip install -e '.[dev]'`")
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are still synchronous code, which Django otherwise refuses.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def demo_server(request, browser, django_db_blocker):
    """The URL of a live server showing the demo site, built once for all browser tests.

    Depends on `browser` so that a machine without Chromium skips before the slow build.
    """
    from django.test.utils import override_settings
    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock(), override_settings(DEMO_PASSWORD=site.PASSWORD):
        created = _test_database(request)
        # Now that the test database exists, the suite's own set-up (tests/conftest.py).
        request.getfixturevalue("django_db_setup")
        site.load_demo()
        server = LiveServer("localhost")
        try:
            yield server.url
        finally:
            server.stop()
            site.flush()
            if created:
                from django.test.utils import teardown_databases

                teardown_databases(created, verbosity=0)


def _test_database(request):
    """pytest-django creates the test database only for tests that ask for `db`; when only
    browser tests run (`pytest tests/browser`), create it here. Returns what to tear down."""
    from django.db import connection
    from django.test.utils import setup_databases

    if connection.settings_dict["NAME"] == connection.creation._get_test_db_name():
        return None
    keep = bool(request.config.getoption("reuse_db")) and not request.config.getoption("create_db")
    created = setup_databases(verbosity=0, interactive=False, aliases={"default"}, keepdb=keep)
    return None if keep else created


@pytest.fixture
def context_factory(browser):
    """New browser contexts (a fresh visitor each: no cookies), closed after the test."""
    contexts = []

    def new_context(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        context = browser.new_context(**options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield new_context
    for context in contexts:
        context.close()
