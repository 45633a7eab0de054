"""axe-core in Chromium, loaded from the npm package on disk (node_modules/axe-core, `npm ci`):
nothing is fetched from the network, by the tests or by the site.

`violations(page)` runs the WCAG 2.0-2.2 A and AA rules on the page as it is and returns the
serious and critical findings, each with a few of the elements concerned, ready to print.
"""

import re
from pathlib import Path

import pytest

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
BLOCKING = {"serious", "critical"}
_SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL | re.IGNORECASE)

_RUN = """async (tags) => {
    const results = await axe.run(document, {
        runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
    });
    return results.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map(n => n.target.join(" ") + " :: " + n.failureSummary),
    }));
}"""


def require_axe():
    if not AXE.exists():
        import os

        reason = "axe-core is not installed: run `npm ci` at the project root"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)


def violations(page):
    """Serious and critical WCAG A/AA violations on `page` (its context needs bypass_csp=True:
    the site's Content-Security-Policy rightly refuses the injected script)."""
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(_RUN, WCAG_AA)
    return [item for item in found if item["impact"] in BLOCKING]


def without_scripts(html):
    """The page as a browser without JavaScript has it: no script ran, so none may run now."""
    return _SCRIPT.sub("", html)


def report(found):
    return "\n".join(
        f"{item['impact']}: {item['id']} ({item['help']})\n    " + "\n    ".join(item["nodes"])
        for item in found
    )
