"""Remembered page routes (cms/core/routing.py) follow every change of the tree: a renamed, moved,
unpublished or deleted page is found where it is now, never where it was."""

from django.test import Client

from cms.core.models import StandardPage
from tests.builders import make_page


def status(client, url):
    return client.get(url).status_code


def test_a_renamed_page_is_found_under_its_new_address_only(world):
    page = make_page(world.homes["en"], StandardPage, "Old name", slug="old-name", publish=True)
    client = Client()
    assert status(client, "/en/old-name/") == 200
    assert status(client, "/en/old-name/") == 200  # now remembered

    page.slug = "new-name"
    page.save_revision().publish(skip_permission_checks=True)

    assert status(client, "/en/old-name/") == 404
    assert status(client, "/en/new-name/") == 200


def test_a_moved_page_is_found_under_its_new_parent(world):
    about = make_page(world.homes["en"], StandardPage, "About", slug="about-us", publish=True)
    team = make_page(world.homes["en"], StandardPage, "Team", slug="team", publish=True)
    client = Client()
    assert status(client, "/en/team/") == 200

    team.move(about, pos="last-child")

    assert status(client, "/en/team/") == 404
    assert status(client, "/en/about-us/team/") == 200


def test_unpublished_and_deleted_pages_are_gone_at_once(world):
    gone = make_page(world.homes["en"], StandardPage, "Gone", slug="gone", publish=True)
    deleted = make_page(world.homes["en"], StandardPage, "Deleted", slug="deleted", publish=True)
    client = Client()
    assert status(client, "/en/gone/") == status(client, "/en/deleted/") == 200

    gone.unpublish()
    deleted.delete()

    assert status(client, "/en/gone/") == 404
    assert status(client, "/en/deleted/") == 404


def test_routes_below_a_page_still_reach_its_own_views(world):
    client = Client()
    for _ in range(2):
        feed = client.get("/en/stories/feed/")
        assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom")
    assert status(client, "/en/stories/no-such-story/") == 404
