"""The page-weight measurement bench reports (bench/weight.py), on the test site's reader pages
(no `make bench`): every page type in two locales within 20 KB compressed before images and
10 requests, images with width and height."""

import pytest

from bench.weight import BYTES_BUDGET, REQUESTS_BUDGET, page_weights, weigh


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
