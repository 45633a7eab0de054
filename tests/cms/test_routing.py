"""Remembered page routes (cms/core/routing.py) follow every change of the tree: a renamed, moved,
unpublished or deleted page is found where it is now, never where it was."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import resolve, reverse
from wagtail.models import PageViewRestriction

from cms.core import routing
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


def test_routes_and_wagtails_other_front_end_urls_resolve_by_name():
    assert resolve("/en/about-us/team/").func is routing.serve
    assert reverse("wagtail_serve", args=["about-us/"]) == "/en/about-us/"
    # Kept from Wagtail's own patterns, listed by name rather than by position.
    assert resolve(reverse("wagtailcore_login")).url_name == "wagtailcore_login"
    assert resolve(reverse("wagtailcore_authenticate_with_password", args=[1, 2])).url_name == (
        "wagtailcore_authenticate_with_password"
    )


def test_a_remembered_route_still_runs_the_view_restriction_hooks(world, users):
    page = make_page(world.homes["en"], StandardPage, "Members", slug="members", publish=True)
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    client = Client()
    for _ in range(2):  # the second request takes the remembered route
        response = client.get("/en/members/")
        assert response.status_code == 302
        assert "next=/en/members/" in response["Location"]
        assert b"Members" not in response.content
    client.force_login(users["admin"])
    assert status(client, "/en/members/") == 200


def queries_of_a_warm_request(url):
    """Queries of a request once the first renders have written what they write once (site
    settings: that moves the content version, and with it every remembered route)."""
    client = Client()
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_a_deep_page_costs_fewer_queries_than_wagtails_own_walk_of_the_tree(world):
    parent = world.homes["en"]
    for depth in range(4):
        parent = make_page(parent, StandardPage, f"Level {depth}", slug=f"l{depth}", publish=True)
    url = "/en/l0/l1/l2/l3/"
    remembered = queries_of_a_warm_request(url)
    with override_settings(ROOT_URLCONF="bench.routing_urls"):
        walked = queries_of_a_warm_request(url)
    # Wagtail: the site, the localized home and two queries per level; remembered: one fetch.
    assert remembered <= walked - 6, (remembered, walked)
