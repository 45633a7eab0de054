"""Pages whose every answer is one visitor's (the story form, the receipt check, a vacancy with
its apply form, the captcha's images) go past the edge cache altogether: nginx never looks them
up, so they never wait on its cache lock behind another reader's request (issue #21: the story
form served half as fast through the edge, p99 2.9 s). Pages around them are still cached."""

import urllib.request
from concurrent.futures import ThreadPoolExecutor

from bench.burst import HASHKEY
from tests.builders import World
from tests.stories.submission_helpers import ensure_form_pages
from tests.volunteering.helpers import make_vacancy

NEVER_STORED = ("/en/stories/tell/", "/en/stories/status/", "/en/volunteer/edge-editor/")


def test_form_pages_bypass_the_cache_and_stay_private(edge):
    world = World.load()
    ensure_form_pages(world, languages=("en",))
    make_vacancy(world.sections["volunteering"]["en"], "Edge editor", slug="edge-editor")
    for path in NEVER_STORED:
        answers = [edge.get(path) for _ in range(3)]
        assert all(answer.status == 200 for answer in answers), path
        # BYPASS, not MISS: the cache (and its lock) was never consulted.
        assert {answer.cache for answer in answers} == {"BYPASS"}, (path, answers[-1].cache)
        assert "no-store" in answers[-1].headers.get("Cache-Control", ""), path


def test_each_concurrent_reader_of_the_form_gets_their_own_challenge(edge):
    ensure_form_pages(World.load(), languages=("en",))
    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = list(pool.map(lambda _n: edge.get("/en/stories/tell/"), range(8)))
    assert all(answer.status == 200 for answer in answers)
    challenges = {HASHKEY.search(answer.text).group(0) for answer in answers}
    assert len(challenges) == len(answers), "a captcha was shared between readers"


def test_captcha_images_bypass_the_cache(edge):
    ensure_form_pages(World.load(), languages=("en",))
    form = edge.get("/en/stories/tell/").text
    src = form.split('src="/captcha/image/', 1)[1].split('"', 1)[0]
    request = urllib.request.Request(
        f"http://127.0.0.1:{edge.port}/captcha/image/{src}", headers={"Host": "localhost"}
    )
    with urllib.request.urlopen(request, timeout=10) as image:  # noqa: S310 - loopback
        assert image.status == 200
        assert image.headers["Content-Type"] == "image/png"
        assert image.headers["X-Cache-Status"] == "BYPASS"


def test_the_vacancy_listing_and_its_feed_are_still_cached(edge):
    world = World.load()
    make_vacancy(world.sections["volunteering"]["en"], "Edge editor", slug="edge-editor")
    for path in ("/en/volunteer/", "/en/volunteer/feed/"):
        first, second = edge.get(path), edge.get(path)
        assert first.status == 200, path
        assert second.cache == "HIT", (path, second.cache)
