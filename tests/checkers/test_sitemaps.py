"""Sitemaps list only pages that may be indexed: every URL in every sitemap (and every hreflang
alternate beside it) is fetched, and none may answer noindex, by header or by meta tag. The
story forms and receipt checks answer noindex (they carry a CSRF token), so they are left out;
an open vacancy carries a form too but is there to be found, so it stays."""

import re
from urllib.parse import urlsplit

from tests.stories.story_builders import make_story
from tests.stories.submission_helpers import ensure_form_pages
from tests.volunteering.helpers import make_vacancy

LOC = re.compile(r"<loc>([^<]+)</loc>")
ALTERNATE = re.compile(r'<xhtml:link[^>]*href="([^"]+)"')
META_ROBOTS = re.compile(r'<meta name="robots" content="([^"]*)"', re.I)


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def noindex(response):
    header = response.get("X-Robots-Tag", "")
    metas = META_ROBOTS.findall(response.content.decode(errors="replace"))
    return any("noindex" in value.lower() for value in [header, *metas])


def test_no_url_in_any_sitemap_answers_noindex(client, world):
    ensure_form_pages(world, languages=("en", "ru"))
    story = make_story(world.sections["stories"]["en"], "A night", ["It happened."], publish=True)
    vacancy = make_vacancy(world.sections["volunteering"]["en"], "Translator")

    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    listed = set()
    for sitemap in LOC.findall(index.content.decode()):
        content = client.get(path_of(sitemap)).content.decode()
        listed |= set(LOC.findall(content)) | set(ALTERNATE.findall(content))

    refused = {}
    for url in sorted(listed):
        response = client.get(path_of(url))
        if response.status_code != 200 or noindex(response):
            refused[url] = (response.status_code, response.get("X-Robots-Tag"))
    assert not refused

    paths = {path_of(url) for url in listed}
    # The test saw the page types that matter, and the forms were not among them.
    assert {story.url, vacancy.url, "/en/", "/ru/stories/"} <= paths
    assert not {"/en/stories/tell/", "/ru/stories/tell/", "/en/stories/status/"} & paths
    # The forms do answer noindex: leaving them out is what kept the list clean.
    assert noindex(client.get("/en/stories/tell/")) and noindex(client.get("/ru/stories/status/"))
