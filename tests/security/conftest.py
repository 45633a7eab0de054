import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Login and form counters live in the cache; no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()
