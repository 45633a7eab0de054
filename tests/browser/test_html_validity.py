"""Valid HTML on every public page type, as the Nu Html Checker (vnu, the W3C's validator) reads
it, in English and Russian, with 0 errors: every page type of tests/browser/pages.py (letters and
the if-blocked page among them), every public form after a refused POST (the story form, the
vacancy application, the letter form refused and checked, both receipt checks), the status page
with a conversation's three forms, and the error pages a reader can meet (400, 403, 404, 429,
500, 503).

The pages come over HTTP from the live demo server as a browser receives them (the raw markup,
not the DOM a browser rebuilt from it); the answers to POSTs and the pages of a failure the live
server cannot be made to have (500, a database outage's 503) come from the same code on the same
demo copy through Django's test client. They are saved to one folder and validated in one run of
the checker (one JVM start). The checker is npm's vnu-jar (package.json) on Debian's Java runtime
(`default-jre-headless`, installed by .ci/run). Without either the test is skipped, except under
CI=true, where it fails: CI must prove the markup, not skip it.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.pages import PAGE_TYPES, public_path
from tests.browser.validity_pages import answered_pages

pytestmark = pytest.mark.browser

VNU_JAR = Path(__file__).resolve().parents[2] / "node_modules/vnu-jar/build/dist/vnu.jar"
IN_CI = os.environ.get("CI", "").lower() == "true"


def vnu_command():
    java = shutil.which("java")
    reason = None
    if java is None:
        reason = "Java is not installed: `apt-get install default-jre-headless` to validate HTML"
    elif not VNU_JAR.exists():
        reason = "vnu-jar is not installed: `npm ci` to validate HTML"
    if reason:
        if IN_CI:
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    return [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]


def fetch(api, url):
    response = api.get(url)
    return response.text()


def refused_story_form(page, url):
    """The story form as the server sends it back after a POST with every field left empty
    (the browser's own checks turned off, as an old browser would send it)."""
    page.goto(url)
    page.locator("form[method=post]").first.evaluate("form => { form.noValidate = true; }")
    with page.expect_navigation() as navigation:
        page.locator("form[method=post] button[type=submit]").first.click()
    response = navigation.value
    assert response.status == 200, response.status
    html = response.text()
    assert 'aria-invalid="true"' in html, "the POST was not refused with field errors"
    return html


def test_every_public_page_type_is_valid_html(demo_server, context_factory, tmp_path):
    command = vnu_command()
    context = context_factory()
    api, browser_page = context.request, context.new_page()
    saved = {}
    for language in ("en", "ru"):
        for kind in PAGE_TYPES:
            url = demo_server + public_path(kind, language)
            saved[f"{language}-{kind}"] = fetch(api, url)
        form = demo_server + public_path("story form", language)
        saved[f"{language}-story form, refused"] = refused_story_form(browser_page, form)
        saved[f"{language}-400"] = fetch(api, f"{demo_server}/{language}/stories/?topic=a%00")
        # A POST from another site's page: the CSRF check refuses it.
        saved[f"{language}-403"] = api.post(
            demo_server + public_path("standard page", language),
            form={"a": "b"},
            headers={"Origin": "https://elsewhere.example"},
        ).text()
        for kind, html in answered_pages(language).items():
            saved[f"{language}-{kind}"] = html
    files = {}
    for name, html in saved.items():
        path = tmp_path / (re.sub(r"[^a-z0-9-]+", "_", name) + ".html")
        path.write_text(html, encoding="utf-8")
        files[path.name] = name
    errors = validate(command, tmp_path, files)
    report = "\n".join(
        f"{files.get(Path(m.get('url', '')).name, m.get('url'))}:{m.get('lastLine')}: "
        f"{m.get('message')}\n    {m.get('extract', '').strip()}"
        for m in errors
    )
    assert len(files) == len(saved) >= 2 * (len(PAGE_TYPES) + 13)
    assert not errors, f"{len(errors)} HTML errors:\n{report}"


def validate(command, folder, names):
    """The checker's errors for the files `names` in `folder`, in one run."""
    run = subprocess.run(
        [*command, *(str(folder / name) for name in names)], capture_output=True, text=True
    )
    # vnu writes its JSON report to stderr, and exits 1 when it found errors.
    assert run.stderr.startswith("{"), (run.returncode, run.stdout[-2000:], run.stderr[-2000:])
    messages = json.loads(run.stderr)["messages"]
    return [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]


def test_the_checker_sees_what_the_issue_reported(tmp_path):
    """The captcha key as it was rendered before: the checker must refuse it, or the test above
    proves nothing."""
    command = vnu_command()
    (tmp_path / "old.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Form</title></head><body><form>'
        '<input type="hidden" name="captcha_0" value="k" required autocomplete="off" '
        'aria-describedby="x" inputmode="numeric"></form><p id="x">x</p></body></html>',
        encoding="utf-8",
    )
    messages = " ".join(error["message"] for error in validate(command, tmp_path, ["old.html"]))
    for attribute in ("required", "aria-*", "autocomplete"):
        assert f"“{attribute}”" in messages, messages
