"""Budgets that must hold at scale: SQL queries per reader page, the moderation listing.

Pages are counted on the SECOND request of a URL: the first warms what a production process
keeps warm (Wagtail's site root paths, content types, compiled templates). The bench dataset
(bench/dataset.py) is bulk-loaded inside the test's own transaction, so nothing outlives it.
"""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


@pytest.fixture
def demo_site(on_demo_database, world):
    """The demo site (`load_demo_content`: the about page, story form pages and topics, the demo
    campaigns, vacancies and letters) on top of the test world: a copy of the demo template
    (tests/dbtemplates.py) for this module, this test's changes rolled back as usual."""
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
