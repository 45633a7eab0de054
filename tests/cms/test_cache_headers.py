"""What the application tells caches (cms/core/edge_cache.py): reader pages may be shared, briefly
in browsers and longer at the edge (which publishing purges); private answers never."""

import pytest
from django.test import Client

from cms.core.models import StandardPage
from tests.builders import make_page
from tests.stories.submission_helpers import ensure_form_pages


def cache_control(response):
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


@pytest.fixture
def page(world):
    return make_page(world.homes["en"], StandardPage, "Shared", slug="shared", publish=True)


def test_a_reader_page_may_be_kept_at_the_edge_and_briefly_in_browsers(client, page, settings):
    settings.EDGE_CACHE_SECONDS, settings.BROWSER_CACHE_SECONDS = 900, 30
    settings.EDGE_STALE_IF_ERROR_SECONDS = 3600
    response = client.get("/en/shared/")
    # A page that is not a story may outlive an outage at the edge (cms/core/edge_cache.py).
    assert cache_control(response) == {
        "public",
        "max-age=30",
        "s-maxage=900",
        "stale-if-error=3600",
    }
    assert not response.cookies


def test_a_url_with_a_query_string_gets_the_short_edge_lifetime(client, world, settings):
    settings.EDGE_CACHE_QUERY_SECONDS = 45
    response = client.get("/en/stories/?page=2")
    assert "s-maxage=45" in cache_control(response)


def test_sitemaps_and_robots_are_shared_too(client, world):
    for path in ("/sitemap.xml", "/sitemap-en.xml", "/robots.txt"):
        assert "public" in cache_control(client.get(path)), path


def test_signed_in_staff_get_a_private_copy(page, users):
    client = Client()
    client.force_login(users["publisher"])
    assert "private" in cache_control(client.get("/en/shared/"))


@pytest.mark.parametrize("path", ["/en/stories/tell/", "/en/stories/status/", "/admin/login/"])
def test_forms_and_the_admin_are_never_stored(client, world, path):
    ensure_form_pages(world, languages=("en",))
    parts = cache_control(client.get(path))
    assert "no-store" in parts and "public" not in parts


def test_errors_and_redirects_are_not_shared(client, world):
    assert "public" not in cache_control(client.get("/en/no-such-page/"))
    assert "public" not in cache_control(client.get("/"))


def test_purges_only_go_to_http_addresses():
    from django.core.exceptions import ImproperlyConfigured

    from cms.core.edge_cache import NginxPurgeBackend

    with pytest.raises(ImproperlyConfigured, match="http"):
        NginxPurgeBackend({"LOCATION": "file:///etc/passwd"})
    assert NginxPurgeBackend({"LOCATION": "http://127.0.0.1:8080"}).cache_netloc == "127.0.0.1:8080"
