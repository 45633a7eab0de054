"""Through the edge cache: reader pages are served from it, private pages never are, and a
publish, an unpublish or a translation's publish is what the next reader sees.

Every purge is sent when the publishing transaction commits, before `publish()` returns, so
"visible within 1 s" is checked in its strongest form: the very first request after the publish
already gets the new content (and nginx says it came from the application, not the cache).
"""

from cms.core.models import StandardPage
from cms.core.publishing import setup_publishing
from stories.models import StoryPage
from tests.builders import World, make_page
from tests.stories.submission_helpers import ensure_form_pages


def warm(edge, path):
    first, second = edge.get(path), edge.get(path)
    assert first.status == 200, first.text[:300]
    assert second.cache == "HIT", (second.cache, second.headers)
    return second


def republish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish(skip_permission_checks=True)


def test_publishing_a_change_is_the_next_readers_page(edge):
    world = World.load()
    page = make_page(world.homes["en"], StandardPage, "Edge before", slug="edge", publish=True)
    assert "Edge before" in warm(edge, "/en/edge/").text
    # nginx workers keep the cached file open between requests (open_file_cache) ...
    assert {edge.get("/en/edge/").cache for _ in range(8)} == {"HIT"}

    republish(page, title="Edge after")

    after = edge.get("/en/edge/")
    assert after.cache == "MISS"
    assert "Edge after" in after.text and "Edge before" not in after.text
    # ... and none serves the old one once the page is stored again.
    hits = [edge.get("/en/edge/") for _ in range(8)]
    assert {hit.cache for hit in hits} == {"HIT"}
    assert all("Edge after" in hit.text and "Edge before" not in hit.text for hit in hits)


def test_a_published_story_appears_in_the_cached_listing_at_once(edge):
    world = World.load()
    index = world.sections["stories"]["en"]
    listing = warm(edge, "/en/stories/")
    assert "Through the cache" not in listing.text
    feed = warm(edge, "/en/stories/feed/")

    story = make_page(index, StoryPage, "Through the cache", slug="through-the-cache")
    with setup_publishing():  # set-up, not the story workflow under test
        story.save_revision().publish(skip_permission_checks=True)

    assert "Through the cache" in edge.get("/en/stories/").text
    assert "Through the cache" in edge.get("/en/stories/feed/").text
    assert feed.cache == "HIT"


def test_unpublishing_removes_the_page_from_the_cache(edge):
    world = World.load()
    page = make_page(world.homes["en"], StandardPage, "Soon gone", slug="soon-gone", publish=True)
    warm(edge, "/en/soon-gone/")

    page.unpublish()

    assert edge.get("/en/soon-gone/").status == 404


def test_a_translation_going_live_updates_its_source_pages_alternates(edge):
    from cms.core.demo import translate_page

    world = World.load()
    page = make_page(world.homes["en"], StandardPage, "Bilingual", slug="bilingual", publish=True)
    before = warm(edge, "/en/bilingual/")
    assert '<link rel="alternate" hreflang="ru"' not in before.text

    translate_page(page, "ru", {"Bilingual": "Двуязычная"})

    after = edge.get("/en/bilingual/")
    assert '<link rel="alternate" hreflang="ru"' in after.text
    assert "Двуязычная" in edge.get("/ru/bilingual/").text


def test_forms_status_pages_and_the_admin_are_never_stored(edge):
    ensure_form_pages(World.load(), languages=("en",))
    for path in ("/en/stories/tell/", "/en/stories/status/", "/admin/login/"):
        answers = [edge.get(path) for _ in range(3)]
        assert all(answer.status == 200 for answer in answers), path
        assert all(answer.cache != "HIT" for answer in answers), (path, answers[-1].cache)
        assert "no-store" in answers[-1].headers.get("Cache-Control", ""), path


def test_signed_in_staff_bypass_the_cache_in_both_directions(edge):
    world = World.load()
    make_page(world.homes["en"], StandardPage, "Staff view", slug="staff-view", publish=True)
    staff = {"Cookie": "sessionid=anything"}
    assert edge.get("/en/staff-view/", headers=staff).cache == "BYPASS"
    # A staff visit stored nothing: the first reader still goes to the application.
    assert edge.get("/en/staff-view/").cache == "MISS"
    assert edge.get("/en/staff-view/", headers=staff).cache == "BYPASS"


def test_a_post_is_never_answered_from_the_cache(edge):
    ensure_form_pages(World.load(), languages=("en",))
    warm(edge, "/en/stories/")
    answer = edge.get("/en/stories/", method="POST")
    assert answer.cache != "HIT"
