"""One content version covers what readers see: view restrictions move it and purge the page and
its subtree on every host name; the campaigns feed keys on it; fragments key only on declared
query parameters; captcha rows are bounded and carry only a day."""

import datetime

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth.models import Group
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from cms.core import edge_cache
from cms.core.fragments import content_version, validated_query
from cms.core.models import SiteSettings, StandardPage
from tests.builders import make_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(monkeypatch, settings):
    settings.WAGTAILFRONTENDCACHE = {
        "edge": {"BACKEND": "cms.core.edge_cache.NginxPurgeBackend", "LOCATION": "http://x"}
    }
    settings.ALLOWED_HOSTS = ["localhost", "www.example.org", ".example.org", "*"]
    settings.ONION_SERVICE_HOSTS = ["abc.onion"]
    sent = []
    monkeypatch.setattr(edge_cache, "_purge", sent.extend)
    return sent


def test_a_view_restriction_moves_the_version_and_purges_on_every_host(
    world, purged, django_capture_on_commit_callbacks
):
    page = make_page(world.homes["en"], StandardPage, "Open", slug="open", publish=True)
    child = make_page(page, StandardPage, "Below", slug="below", publish=True)
    purged.clear()
    before = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    added = content_version()
    assert added != before
    hosts = {url.split("/")[2].split(":")[0] for url in purged}
    assert {"localhost", "www.example.org", "abc.onion"} <= hosts
    assert not any("*" in host or host.startswith(".") for host in hosts)
    assert any(url.endswith("/en/open/below/") for url in purged)

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.restriction_type = PageViewRestriction.GROUPS
        restriction.save()
        restriction.groups.set([Group.objects.first()])
    assert content_version() != added and purged
    changed = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert content_version() != changed
    assert child.pk


def test_the_version_moves_again_when_the_change_commits(world, django_capture_on_commit_callbacks):
    """A reader answered between the publish's first move and its commit read the old rows and
    kept them under the new version: the commit moves it once more."""
    page = make_page(world.homes["en"], StandardPage, "Later", slug="later")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        page.save_revision().publish()
        during = content_version()
    assert callbacks
    for callback in callbacks:
        callback()
    assert content_version() != during


def test_moving_a_page_purges_its_old_and_new_address(
    world, purged, django_capture_on_commit_callbacks
):
    home = world.homes["en"]
    first = make_page(home, StandardPage, "First", slug="first", publish=True)
    second = make_page(home, StandardPage, "Second", slug="second", publish=True)
    mover = make_page(first, StandardPage, "Mover", slug="mover", publish=True)
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mover.move(second, pos="last-child")
    assert any(url.endswith("/en/first/mover/") for url in purged)
    assert any(url.endswith("/en/second/mover/") for url in purged)


def test_the_campaigns_feed_follows_the_site_settings(client, world):
    from campaigns.models import CampaignPage

    index = world.sections["campaigns"]["en"]
    make_page(index, CampaignPage, "A campaign", slug="a-campaign", standfirst="Why.", publish=True)
    settings_ = SiteSettings.for_site(world.homes["en"].get_site())
    settings_.organisation_name = "Old name"
    settings_.save()
    assert "Old name" in client.get("/en/campaigns/feed/").content.decode()
    settings_.organisation_name = "New name"
    settings_.save()
    feed = client.get("/en/campaigns/feed/").content.decode()
    assert "New name" in feed and "Old name" not in feed


def test_fragment_keys_use_only_declared_parameters(world):
    index = world.sections["stories"]["en"].specific
    factory = RequestFactory()
    plain = validated_query(index, factory.get("/en/stories/"))
    noisy = validated_query(index, factory.get("/en/stories/?utm=1&x=" + "y" * 500))
    assert plain == noisy == ""
    assert validated_query(index, factory.get("/en/stories/?page=2&z=1")) == "page=2"


def test_random_values_of_a_declared_parameter_evict_no_other_fragment(client, world, settings):
    """?page=<anything> is declared, so it keys a fragment; a flood of new values fills only the
    query fragments' own cache: the plain listing's and the header's fragments stay."""
    from django.core.cache import caches

    locmem = "django.core.cache.backends.locmem.LocMemCache"
    settings.CACHES = {
        **settings.CACHES,
        "template_fragments": {"BACKEND": locmem, "LOCATION": "t", "OPTIONS": {"MAX_ENTRIES": 40}},
        "query_fragments": {"BACKEND": locmem, "LOCATION": "q", "OPTIONS": {"MAX_ENTRIES": 20}},
    }
    assert client.get("/en/stories/").status_code == 200
    kept = set(caches["template_fragments"]._cache)
    assert any("story_listing" in key or "template.cache" in key for key in kept), kept
    for number in range(60):
        assert client.get(f"/en/stories/?page={number + 1000}").status_code == 200
    assert kept <= set(caches["template_fragments"]._cache)
    assert 0 < len(caches["query_fragments"]._cache) <= 20


def test_captcha_rows_carry_a_day_and_refreshes_are_limited(client, settings):
    key = CaptchaStore.generate_key()
    expiry = CaptchaStore.objects.get(hashkey=key).expiration
    assert (expiry.hour, expiry.minute, expiry.second, expiry.microsecond) == (0, 0, 0, 0)
    assert expiry.astimezone(datetime.UTC).time() == datetime.time(0)
    settings.CAPTCHA_REFRESH_PER_ADDRESS = 3
    before = CaptchaStore.objects.count()
    answers = [
        client.get("/captcha/refresh/", HTTP_X_REQUESTED_WITH="XMLHttpRequest").status_code
        for _ in range(6)
    ]
    assert answers == [200] * 3 + [429] * 3
    assert CaptchaStore.objects.count() == before + 3
