"""The sitemaps of the whole demo site (every section, every language) list no page that
answers noindex: each listed URL and hreflang alternate is fetched from the live server.
tests/checkers/test_sitemaps.py proves the same on the bare test world, quickly."""

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

LOC = re.compile(r"<loc>([^<]+)</loc>")
ALTERNATE = re.compile(r'<xhtml:link[^>]*href="([^"]+)"')
META_ROBOTS = re.compile(r'<meta name="robots" content="([^"]*)"', re.I)


def test_no_url_in_the_demo_sitemaps_answers_noindex(demo_server, context_factory):
    api = context_factory().request

    def get(url):
        parts = urlsplit(url)
        return api.get(demo_server + parts.path + (f"?{parts.query}" if parts.query else ""))

    listed = set()
    for sitemap in LOC.findall(get("/sitemap.xml").text()):
        content = get(sitemap).text()
        listed |= set(LOC.findall(content)) | set(ALTERNATE.findall(content))
    refused = {}
    for url in sorted(listed):
        response = get(url)
        robots = [response.headers.get("x-robots-tag", ""), *META_ROBOTS.findall(response.text())]
        if response.status != 200 or any("noindex" in value.lower() for value in robots):
            refused[url] = (response.status, robots)
    assert len(listed) > 50, len(listed)  # every section in six languages was listed
    assert not refused
