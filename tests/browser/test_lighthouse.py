"""Lighthouse (npm `lighthouse` 12.8, the last release that runs on Node 20) on the pages a
search engine and a first-time visitor meet: home, a campaign, the story form, the vacancy index
and a vacancy, in Debian's Chromium against the live demo server. Accessibility, best practices
and SEO must each score at least 0.95. The story form answers noindex by design, so its
crawlability audit is left out.

One Lighthouse run per page, three categories only. The JSON reports are kept in
LIGHTHOUSE_REPORT_DIR (default: polyphony-lighthouse/ in the system's temporary folder). Each
page's scores, the audits it did not pass and its report's path go into the run's terminal
summary (tests/conftest.py), which pytest-xdist carries back from its workers (a worker's
own prints never reach make test's output), so CI's output holds them.
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from tests.browser.conftest import chromium_path
from tests.browser.pages import public_path

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
LIGHTHOUSE = ROOT / "node_modules/lighthouse/cli/index.js"
IN_CI = os.environ.get("CI", "").lower() == "true"
CATEGORIES = ("accessibility", "best-practices", "seo")
TARGET = 0.95
# (page kind, audits left out): the story form is noindex on purpose.
PAGES = [
    ("home", ()),
    ("campaign", ()),
    ("story form", ("is-crawlable",)),
    ("vacancy index", ()),
    ("vacancy", ()),
]
CHROME_FLAGS = "--headless --no-sandbox --disable-gpu --disable-background-networking"


def lighthouse_command():
    node, chromium = shutil.which("node"), chromium_path()
    reason = None
    if node is None:
        reason = "Node.js is not installed: `apt-get install nodejs npm` to run Lighthouse"
    elif not LIGHTHOUSE.exists():
        reason = "lighthouse is not installed: `npm ci` to run it"
    elif chromium is None:
        reason = "Chromium is not installed: `apt-get install chromium` to run Lighthouse"
    if reason:
        if IN_CI:
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    return [node, str(LIGHTHOUSE)], chromium


@pytest.fixture(scope="module")
def report_dir():
    default = Path(tempfile.gettempdir()) / "polyphony-lighthouse"
    path = Path(os.environ.get("LIGHTHOUSE_REPORT_DIR") or default)
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.mark.parametrize(("kind", "skipped"), PAGES, ids=[kind for kind, _ in PAGES])
def test_lighthouse_scores(demo_server, report_dir, record_property, kind, skipped):
    command, chromium = lighthouse_command()
    url = demo_server + public_path(kind, "en")
    output = report_dir / f"{kind.replace(' ', '-')}.json"
    args = [
        *command,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={output}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if skipped:
        args.append(f"--skip-audits={','.join(skipped)}")
    run = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=240,
        env={**os.environ, "CHROME_PATH": chromium},
    )
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(output.read_text(encoding="utf-8"))
    scores = {name: report["categories"][name]["score"] for name in CATEGORIES}
    failing = {
        audit["id"]: audit.get("title")
        for audit in report["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") in ("binary", "numeric")
    }
    shown = ", ".join(f"{name} {score:.2f}" for name, score in scores.items())
    record_property("lighthouse", f"{kind} ({url}): {shown}; not passed: {failing}; {output}")
    low = {name: score for name, score in scores.items() if score < TARGET}
    assert not low, f"{kind}: {low}; audits not passed: {failing}"
