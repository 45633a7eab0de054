"""Real-browser tests: Playwright for Python driving Debian's Chromium against a live server on
PostgreSQL.

Playwright cannot download its own browser on our machines, so these tests use the system's
`chromium` (apt-get install chromium). Without it they are skipped with the reason, except under
CI=true, where a missing browser fails the run: CI must prove the journeys, not skip them.

The demo site takes a minute or two to build (every section in six languages, through
wagtail-localize), too long to rebuild for every test as pytest-django's `live_server` would (it
flushes the database after each test). So the browser tests of a process share one copy of the
demo template (tests/dbtemplates.py: built once per run, copied in a second) and one live server
(`demo_server`), and each journey works on content of its own (its own story, its own vacancy
application) so that the journeys don't depend on their order. They use no `db` fixture: they
run on that copy, which is dropped when they are done, and leave the test database as it was.
"""

import os
import shutil

import pytest

from tests import dbtemplates
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
def browser_demo_database(browser, django_db_setup, django_db_blocker):
    """This process's copy of the demo template (tests/dbtemplates.py): (name, media folder).

    Depends on `browser` so that a machine without Chromium skips before the demo is built.
    """
    with dbtemplates.unblocked_demo_copy(django_db_blocker, site.build_demo, "browser") as value:
        yield value


@pytest.fixture(scope="session")
def demo_server(browser_demo_database):
    """The URL of a live server showing the demo site, for all browser tests of this process."""
    from pytest_django.live_server_helper import LiveServer

    server = LiveServer("localhost")
    try:
        yield server.url
    finally:
        server.stop()


@pytest.fixture(autouse=True)
def _on_the_demo_database(request, django_db_blocker):
    """A test with `demo_server`, and the live server while it runs, use the demo copy (the
    journeys check what they did in the database between browser steps)."""
    if "demo_server" not in request.fixturenames:
        yield
        return
    name, media = request.getfixturevalue("browser_demo_database")
    with django_db_blocker.unblock(), dbtemplates.using(name, media):
        yield


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
