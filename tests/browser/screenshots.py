"""Screenshots of every public page type, in English and Russian, 375 px (a phone) and 1280 px (a
desktop) wide, full length, into screenshots/ (git-ignored): a reviewer looks at the site without
running it.

    python -m tests.browser.screenshots            # what `make screenshots` runs
    python -m tests.browser.screenshots --out DIR --languages en ru de

It builds the demo site in its own SQLite database (screenshots/site.sqlite3, kept between runs;
never the developer's db.sqlite3), serves it on a free local port in this process, and drives
Debian's Chromium with Playwright.
"""

import argparse
import os
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIDTHS = {"phone": 375, "desktop": 1280}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots")
    parser.add_argument("--languages", nargs="+", default=["en", "ru"])
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("Chromium is not installed: apt-get install chromium")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{args.out.resolve() / 'site.sqlite3'}")
    # Playwright's sync API keeps an event loop in this thread; the ORM calls here are plain
    # synchronous code all the same.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    pages = _build_site(args.languages)
    server = _serve()
    try:
        written = _shoot(chromium, server.url, pages, args.out)
    finally:
        server.stop()
    print(f"{len(written)} screenshots in {args.out}")


def _build_site(languages):
    """Paths to photograph: (name, path) for every page type and language."""
    from django.core.management import call_command

    from tests.browser.pages import PAGE_TYPES, public_path

    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo_content", "--if-empty", verbosity=0)
    return [
        (f"{kind.replace(',', '').replace(' ', '-')}-{language}", public_path(kind, language))
        for kind in PAGE_TYPES
        for language in languages
    ]


def _serve():
    """The site on a free port of this machine, as readers get it: with DEBUG off, so that the
    404 page is the site's own, not Django's debug page. The URLs are loaded first, while DEBUG
    is still on, so that media (campaign pictures) are still served by Django."""
    from django.conf import settings
    from django.urls import get_resolver
    from pytest_django.live_server_helper import LiveServer

    get_resolver().url_patterns  # noqa: B018 - loads cms.urls with its media route
    settings.DEBUG = False
    return LiveServer("localhost")


def _shoot(chromium, base_url, pages, out):
    from playwright.sync_api import sync_playwright

    from tests.browser.site import LAUNCH_ARGS

    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=LAUNCH_ARGS)
        for device, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 800})
            page = context.new_page()
            for name, path in pages:
                page.goto(base_url + path, wait_until="networkidle")
                target = out / f"{name}-{device}-{width}.png"
                page.screenshot(path=str(target), full_page=True)
                written.append(target)
                print(f"  {target.name:<48} {path}")
            context.close()
        browser.close()
    return written


if __name__ == "__main__":
    main()
