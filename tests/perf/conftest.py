"""Budgets that must hold at scale: SQL queries per reader page, the moderation listing.

Pages are counted on the SECOND request of a URL: the first warms what a production process
keeps warm (Wagtail's site root paths, content types, compiled templates). The bench dataset
(bench/dataset.py) is bulk-loaded inside the test's own transaction, so nothing outlives it.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.core.demo import DemoContext
from cms.core.demo.base import ensure_about
from cms.core.management.commands.load_demo_content import demo_modules


@pytest.fixture
def demo_site(world, users, settings, tmp_path):
    """The demo's own pages on top of the test world (the world has homes and sections):
    the about page, story form pages and topics, the demo campaigns and vacancies."""
    settings.MEDIA_ROOT = str(tmp_path)  # the demo's images and press kit
    ensure_about(world.homes["en"], world.homes, user=users["admin"])
    ctx = DemoContext(homes=world.homes, users=users, log=lambda message: None)
    for _label, module in demo_modules():
        module.build(ctx)
    return world


def count_queries(client, url):
    """(status, queries) of the second GET of `url`."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response.status_code, [query["sql"] for query in queries.captured_queries]


@pytest.fixture
def reader():
    return Client()
