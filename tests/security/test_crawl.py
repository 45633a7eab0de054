"""The demo site as a reader meets it: from each language's home, every internal link followed.

tests/cms/test_public_pages.py crawls the bare test world (homes and empty sections); this crawl
runs over the full demo content (`load_demo_content`; the test gets a copy of the demo template,
tests/dbtemplates.py), so every page type with real content — stories with photos, campaigns,
vacancies with JSON-LD, the forms — is visited. One test function for the whole crawl. It checks
what a reader's browser would notice:

- every page answers 200 or a redirect (never 404 from our own link, never 500);
- nothing is loaded from another site: src, srcset, action, <link href>, inline style and the
  linked CSS files' ``url()``; the only links (<a href>) to other sites are the quick exit, the
  licence, and https links on pages that send no referrer (a campaign's partner organisations);
- no inline script runs without the nonce of the page's Content-Security-Policy (JSON-LD data
  blocks are not executed, and the CSP does not govern them; if one carries a nonce, it must
  still be the right one);
- pages without a POST form set no cookie; pages with one set only the CSRF cookie.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

from tests.cms.test_public_pages import LANGUAGES, References, allowed_external, is_external

SKIPPED_PREFIXES = ("/admin", "/django-admin", "/documents", "/media", "/captcha")
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}
NONCE = re.compile(r"'nonce-([^']+)'")
CSS_URL = re.compile(r"url\(\s*['\"]?([^)'\"]+)")


class InlineScripts(HTMLParser):
    """Every <script> without src: (type, nonce), plus every style="" attribute's urls."""

    def __init__(self):
        super().__init__()
        self.scripts = []
        self.style_urls = []
        self.stylesheets = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and not attrs.get("src"):
            self.scripts.append(((attrs.get("type") or "").lower(), attrs.get("nonce")))
        if attrs.get("style"):
            self.style_urls += CSS_URL.findall(attrs["style"])
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.stylesheets.append(attrs.get("href") or "")


def allowed_link(tag, attribute, attrs):
    """The promised quick exit and licence links; <link rel="license"> in the head is the same
    licence link for machines (a browser never fetches it)."""
    if allowed_external(tag, attribute, attrs):
        return True
    rel = (attrs.get("rel") or "").split()
    return tag == "link" and attribute == "href" and rel == ["license"]


def internal_target(base, ref):
    """The path (with query) a link leads to on this site, or None for other sites/files."""
    if is_external(ref) or urlsplit(ref).scheme in {"mailto", "tel", "data"}:
        return None
    target = urlsplit(urljoin(base, ref))
    if target.path.startswith(SKIPPED_PREFIXES) or target.path.startswith(settings.STATIC_URL):
        return None
    return target.path + (f"?{target.query}" if target.query else "")


def stylesheet_urls(href):
    """The url() references inside one of our own CSS files."""
    path = urlsplit(href).path
    assert path.startswith(settings.STATIC_URL), f"stylesheet not ours: {href}"
    found = finders.find(path[len(settings.STATIC_URL) :])
    assert found, f"stylesheet not found: {href}"
    with open(found, encoding="utf-8") as css:
        return CSS_URL.findall(css.read())


QUERY_VARIANTS_PER_PATH = 4


def test_the_whole_demo_site_keeps_its_promises(on_demo_database, client, world):
    queue, seen, problems, pages = [f"/{language}/" for language in LANGUAGES], set(), [], 0
    css_checked = {}
    variants = {}
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        # Every path is visited; of its query strings (filters combine, so their links multiply
        # without end) a few are, since they render the same template with other rows.
        path = url.split("?", 1)[0]
        variants[path] = variants.get(path, 0) + 1
        if variants[path] > QUERY_VARIANTS_PER_PATH:
            continue
        response = client.get(url)
        if response.status_code in (301, 302, 303, 307, 308):
            target = internal_target(url, response["Location"])
            if target is None and is_external(response["Location"]):
                problems.append((url, "redirects off-site", response["Location"]))
            elif target:
                queue.append(target)
            continue
        if response.status_code != 200:
            problems.append((url, "status", response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        pages += 1
        html = response.content.decode()
        refs, scripts = References(), InlineScripts()
        refs.feed(html)
        scripts.feed(html)

        for tag, attribute, ref, attrs in refs.found:
            if is_external(ref) and tag == "a" and attribute == "href":
                # A link the reader may choose to follow (a partner's site) loads nothing; it is
                # accepted on pages that send no referrer, so following it tells that site
                # nothing. Quick exit and licence are the promised exceptions anyway.
                quiet = response.get("Referrer-Policy") == "no-referrer"
                if not allowed_link(tag, attribute, attrs) and not (
                    quiet and ref.startswith("https://")
                ):
                    problems.append((url, "outbound link on a page that sends a referrer", ref))
            elif is_external(ref) and not allowed_link(tag, attribute, attrs):
                problems.append((url, f"third-party {tag}[{attribute}]", ref))
            elif tag == "a" and attribute == "href":
                target = internal_target(url, ref)
                if target and target.split("#")[0] not in seen:
                    queue.append(target.split("#")[0])
        for ref in scripts.style_urls:
            if is_external(ref):
                problems.append((url, "third-party style url()", ref))
        for href in scripts.stylesheets:
            if href not in css_checked:
                css_checked[href] = [ref for ref in stylesheet_urls(href) if is_external(ref)]
            for ref in css_checked[href]:
                problems.append((url, f"third-party url() in {href}", ref))

        nonces = set(NONCE.findall(response.get("Content-Security-Policy", "")))
        for kind, nonce in scripts.scripts:
            executable = kind not in DATA_SCRIPT_TYPES
            if (executable and nonce not in nonces) or (nonce and nonce not in nonces):
                problems.append((url, "inline script without the page's nonce", kind or "js"))

        cookies = set(response.cookies)
        if refs.post_forms:
            if not cookies <= {settings.CSRF_COOKIE_NAME}:
                problems.append((url, "form page sets cookies", sorted(cookies)))
        elif cookies:
            problems.append((url, "content page sets cookies", sorted(cookies)))

    assert not problems, "\n".join(repr(problem) for problem in problems)
    # The demo really was crawled: far more than homes and section indexes, in every language.
    assert pages >= 10 * len(LANGUAGES), pages
    for language in LANGUAGES:
        assert sum(1 for url in seen if url.startswith(f"/{language}/")) >= 8, language
    assert css_checked, "no stylesheet was checked"
