"""Cached fragments of reader pages (cms/core/fragments.py) are never stale: a site setting or a
publication anywhere changes the header every cached page shows."""

from django.test import Client

from cms.core.models import SiteSettings, StandardPage
from tests.builders import make_page


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def test_site_settings_and_new_sections_reach_every_cached_header(world):
    page = make_page(world.homes["en"], StandardPage, "About", slug="about", publish=True)
    client = Client()
    assert "Opening hours" not in html(client.get(page.url))

    settings = SiteSettings.for_site(world.homes["en"].get_site())
    settings.organisation_name = "Polyphony Network"
    settings.save()
    make_page(
        world.homes["en"],
        StandardPage,
        "Opening hours",
        slug="hours",
        publish=True,
        show_in_menus=True,
    )

    again = html(client.get(page.url))
    assert "Polyphony Network" in again
    assert ">Opening hours</a>" in again
