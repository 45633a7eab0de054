import pytest
from django.core.cache import cache

from tests.stories.sealing_helpers import sealed_to_test_recovery_key  # noqa: F401


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Login and form counters live in the cache; no test may inherit another's."""
    cache.clear()
    yield
    cache.clear()
