"""Run in the subprocess of test_make_run.py, under `make run`'s settings (cms.settings.dev and
the SQLite file it was given): fetch the main pages with Django's test client and print what a
visitor would see of each, as JSON, for the test to judge."""

import json
import re
import sys

import django

PAGES = ("/en/", "/ru/campaigns/", "/en/stories/", "/en/volunteer/", "/en/stories/tell/")
ADMIN_LOGIN = "/admin/login/"


def seen(response, path):
    html = response.content.decode("utf-8", "replace")
    lang = re.search(r'<html[^>]*\blang="([^"]+)"', html)
    return {
        "status": response.status_code,
        "lang": lang.group(1) if lang else None,
        "quick_exit": 'id="quick-exit"' in html,
        # Links to content below this one (not the story form and receipt check, which every
        # stories section has): the section shows its demo content.
        "children": len(
            set(re.findall(rf'href="{re.escape(path)}([a-z0-9-]+)/"', html)) - {"tell", "status"}
        ),
        "post_form": bool(re.search(r'<form[^>]*method="post"', html, re.IGNORECASE)),
        "cookies": sorted(response.cookies.keys()),
    }


def main():
    django.setup()
    from django.test import Client

    # `make run` serves http://127.0.0.1:8000, one of the dev settings' ALLOWED_HOSTS.
    client = Client(HTTP_HOST="127.0.0.1:8000")
    report = {path: seen(client.get(path), path) for path in (*PAGES, ADMIN_LOGIN)}
    json.dump(report, sys.stdout)


if __name__ == "__main__":
    main()
