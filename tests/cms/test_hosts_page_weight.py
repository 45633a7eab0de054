"""The page-weight measurement bench reports (bench/weight.py), on the test site's reader pages
(no `make bench`): every page type in two locales within 20 KB compressed before images and
10 requests, images with width and height."""

import pytest

from bench.weight import BYTES_BUDGET, REQUESTS_BUDGET, client_fetch, page_weights, weigh
from tests.cms.test_hosts import every_page_type, page_type_paths  # noqa: F401 - a fixture


def test_the_measure_counts_compressed_bytes_and_requests():
    css = b"body{color:#000}" * 200
    html = (
        b'<html><head><link rel="stylesheet" href="/s.css"><script src="/q.js"></script></head>'
        b'<body><img src="/m/a.jpg" width="10" height="10"><img src="/m/b.jpg"></body></html>'
    )
    files = {"/p/": html, "/s.css": css, "/q.js": b"x"}
    weight = weigh(lambda url: (200, files[url]), "/p/")
    assert weight["requests"] == 5  # the page, a stylesheet, a script, two images
    assert weight["images_without_size"] == 1
    # Compressed, and images not counted: far below the raw bytes.
    assert 0 < weight["compressed_bytes"] < len(html) + len(css)


@pytest.mark.django_db
def test_reader_pages_are_within_budget(world):
    urls = {"home": "/en/", "stories": "/en/stories/", "campaigns": "/en/campaigns/",
            "volunteer": "/en/volunteer/"}  # fmt: skip
    weights = page_weights(urls, locales=("en", "ru"))
    for kind, per_locale in weights.items():
        for locale, weight in per_locale.items():
            assert weight["status"] == 200, (kind, locale)
            assert weight["compressed_bytes"] <= BYTES_BUDGET, (kind, locale, weight)
            assert weight["requests"] <= REQUESTS_BUDGET, (kind, locale, weight)
            assert weight["images_without_size"] == 0, (kind, locale)
            assert weight["missing"] == [], (kind, locale)


@pytest.mark.django_db
@pytest.mark.usefixtures("every_page_type")
@pytest.mark.parametrize("code", ["en", "ru"])
def test_every_reader_page_type_is_within_budget(code):
    """Detail pages and forms too (a story, a campaign with its donation block, a vacancy with
    its application form, the story form, the receipt check, If this site is blocked)."""
    fetch = client_fetch()
    for path in [*page_type_paths(code), f"/{code}/if-blocked/"]:
        weight = weigh(fetch, path)
        assert weight["status"] == 200, (path, weight)
        assert weight["compressed_bytes"] <= BYTES_BUDGET, (path, weight)
        assert weight["requests"] <= REQUESTS_BUDGET, (path, weight)
        assert weight["images_without_size"] == 0, path
        assert weight["missing"] == [], (path, weight)
