"""What every public page promises readers: no cookies unless it carries a form, nothing loaded
or referenced from other sites, a quick exit, a skip link, the licence. Checked by crawling
every page reachable from each language's home, so new page types are covered as they come."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.conf import settings

LANGUAGES = [code for code, _name in settings.LANGUAGES]
ALLOWED_HOSTS = {"", "testserver", "localhost", "127.0.0.1"}


class References(HTMLParser):
    """Every URL a page references, with the tag, attribute and the tag's other attributes."""

    def __init__(self):
        super().__init__()
        self.found = []
        self.post_forms = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.post_forms += 1
        for name in ("href", "src", "action", "poster", "data"):
            if attrs.get(name):
                self.found.append((tag, name, attrs[name], attrs))
        for name in ("srcset", "imagesrcset"):
            for candidate in (attrs.get(name) or "").split(","):
                if candidate.strip():
                    self.found.append((tag, name, candidate.split()[0], attrs))

    def handle_data(self, data):
        # url(...) inside inline style blocks
        for url in re.findall(r"url\(['\"]?([^)'\"]+)", data):
            self.found.append(("style", "url", url, {}))


def is_external(url):
    parts = urlsplit(url)
    if parts.scheme in {"mailto", "tel", "data"}:
        return False
    return parts.scheme not in {"", "http", "https"} or parts.hostname not in ALLOWED_HOSTS | {None}


def allowed_external(tag, attribute, attrs):
    """Links (never loads) that the site promises: the quick exit and the licence."""
    if tag != "a" or attribute != "href":
        return False
    return attrs.get("id") == "quick-exit" or "license" in (attrs.get("rel") or "").split()


def crawl(client, start_urls, limit=250):
    seen, queue, pages = set(), list(start_urls), []
    while queue and len(seen) < limit:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        parser = References()
        parser.feed(response.content.decode())
        pages.append((url, response, parser))
        for tag, attribute, ref, _attrs in parser.found:
            if tag == "a" and attribute == "href" and not is_external(ref):
                target = urljoin(url, ref).split("#")[0]
                path = urlsplit(target).path
                query = urlsplit(target).query
                if path.startswith(("/admin", "/documents", "/media", "/static", "/captcha")):
                    continue
                queue.append(path + (f"?{query}" if query else ""))
    return pages


@pytest.fixture
def public_pages(client, world):
    pages = crawl(client, [f"/{language}/" for language in LANGUAGES])
    assert len(pages) >= len(LANGUAGES) * 4
    return pages


def test_no_public_page_references_another_site(public_pages):
    offenders = [
        (url, tag, attribute, ref)
        for url, _response, parser in public_pages
        for tag, attribute, ref, attrs in parser.found
        if is_external(ref) and not allowed_external(tag, attribute, attrs)
    ]
    assert offenders == []


def test_reader_pages_set_no_cookies(public_pages):
    for url, response, parser in public_pages:
        if parser.post_forms:
            # A page with a form may set the CSRF cookie, and nothing else.
            assert set(response.cookies) <= {settings.CSRF_COOKIE_NAME}, url
        else:
            assert not response.cookies, url


def test_every_public_page_has_quick_exit_skip_link_and_licence(public_pages):
    for url, response, _parser in public_pages:
        html = response.content.decode()
        assert re.search(r'<a id="quick-exit"[^>]*rel="noreferrer"', html), url
        assert 'class="skip-link" href="#main"' in html, url
        assert 'id="main"' in html, url
        assert 'rel="license"' in html, url


def test_quick_exit_script_is_served_from_here(client, world):
    html = client.get("/en/").content.decode()
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
    # No inline script: everything a page runs is a file of ours (a strict CSP stays possible).
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
