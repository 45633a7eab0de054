"""`make run`'s own path, which nothing else tests: cms.settings.dev on a new SQLite file,
`migrate`, `load_demo_content --if-empty` (twice, as a second `make run` does), then the main
pages as a visitor and a member of staff would open them.

Everything runs in subprocesses with the environment `make run` gives them, so the suite's
PostgreSQL settings cannot leak in. It takes a minute or two (the demo site in six languages),
which is why `make test-fast` leaves the smoke tier out.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def dev_site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("make-run")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(folder)),
        "LANG": "C.UTF-8",
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "MEDIA_ROOT": str(folder / "media"),
        "PYTHONPATH": str(ROOT),
    }

    def run(*args):
        result = subprocess.run(
            [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    run("manage.py", "migrate", "--noinput")
    first = run("manage.py", "load_demo_content", "--if-empty")
    second = run("manage.py", "load_demo_content", "--if-empty")
    pages = json.loads(run("-m", "tests.smoke.pages"))
    return {"folder": folder, "first": first, "second": second, "pages": pages}


def test_the_demo_loads_once_and_names_its_users(dev_site):
    assert "Demo content ready." in dev_site["first"]
    assert "already loaded" in dev_site["second"]
    for output in (dev_site["first"], dev_site["second"]):
        for username in ("admin", "submitter", "moderator", "translator_ru", "publisher"):
            assert f"  {username} " in output
    assert (dev_site["folder"] / "db.sqlite3").stat().st_size > 0


@pytest.mark.parametrize(
    "path, lang",
    [
        ("/en/", "en"),
        ("/ru/campaigns/", "ru"),
        ("/en/stories/", "en"),
        ("/en/volunteer/", "en"),
        ("/en/stories/tell/", "en"),
    ],
)
def test_the_main_pages_answer_in_their_language_with_a_quick_exit(dev_site, path, lang):
    page = dev_site["pages"][path]
    assert page["status"] == 200
    assert page["lang"] == lang
    assert page["quick_exit"]


@pytest.mark.parametrize("path", ["/ru/campaigns/", "/en/stories/", "/en/volunteer/"])
def test_each_section_shows_its_demo_content(dev_site, path):
    assert dev_site["pages"][path]["children"] >= 1


def test_reader_pages_set_no_cookie_and_the_form_page_has_its_form(dev_site):
    pages = dev_site["pages"]
    for path in ("/en/", "/ru/campaigns/", "/en/stories/", "/en/volunteer/"):
        assert pages[path]["cookies"] == [], path
    assert pages["/en/stories/tell/"]["post_form"]


def test_staff_can_reach_the_admin_sign_in(dev_site):
    login = dev_site["pages"]["/admin/login/"]
    assert login["status"] == 200
    assert login["post_form"]
