"""RateLimiter: limits hold, and the cache never holds an address or a plain hash of one."""

import hashlib
import pickle
import time
from datetime import UTC, datetime

import pytest
from django.core.cache.backends.locmem import LocMemCache

from cms.core.ratelimit import RateLimiter

ADDRESS = "203.0.113.42"
OTHER = "198.51.100.7"
SCOPE = "story-submit"


class Clock:
    """A hand-wound clock, so windows and day rollovers happen when the test says."""

    def __init__(self, when: datetime):
        self.now = when.timestamp()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def cache():
    cache = LocMemCache("ratelimit-test", {})
    cache.clear()
    return cache


@pytest.fixture
def clock():
    return Clock(datetime(2025, 3, 1, 12, 0, 30, tzinfo=UTC))


def make_limiter(cache, clock, per_address=3, global_per_minute=100, window_seconds=3600):
    return RateLimiter(
        cache,
        per_address=per_address,
        global_per_minute=global_per_minute,
        window_seconds=window_seconds,
        clock=clock,
    )


def stored(cache, internal_key):
    # Our own in-process store, filled by the test itself: nothing untrusted is unpickled.
    return pickle.loads(cache._cache[internal_key])  # noqa: S301


def cache_contents(cache):
    """Every key, raw pickled value and unpickled value in the locmem store, as bytes."""
    for key, pickled in cache._cache.items():
        value = stored(cache, key)
        yield key.encode()
        yield pickled
        yield value if isinstance(value, bytes) else repr(value).encode()


def test_per_address_limit_trips_after_n_hits(cache, clock):
    limiter = make_limiter(cache, clock)
    assert [limiter.hit(SCOPE, ADDRESS) for _ in range(4)] == [True, True, True, False]
    assert not limiter.check(SCOPE, ADDRESS)


def test_check_does_not_count(cache, clock):
    limiter = make_limiter(cache, clock)
    for _ in range(10):
        assert limiter.check(SCOPE, ADDRESS)
    assert [limiter.hit(SCOPE, ADDRESS) for _ in range(4)] == [True, True, True, False]


def test_addresses_are_independent(cache, clock):
    limiter = make_limiter(cache, clock)
    for _ in range(5):
        limiter.hit(SCOPE, ADDRESS)
    assert limiter.hit(SCOPE, OTHER)
    assert limiter.check(SCOPE, OTHER)


def test_scopes_are_independent(cache, clock):
    limiter = make_limiter(cache, clock)
    for _ in range(5):
        limiter.hit(SCOPE, ADDRESS)
    assert limiter.hit("receipt-check", ADDRESS)


def test_limit_lifts_when_the_window_ends(cache, clock):
    limiter = make_limiter(cache, clock, window_seconds=600)
    for _ in range(3):
        limiter.hit(SCOPE, ADDRESS)
    assert not limiter.hit(SCOPE, ADDRESS)
    clock.advance(600)
    assert limiter.hit(SCOPE, ADDRESS)


def test_global_cap_trips_across_addresses(cache, clock):
    limiter = make_limiter(cache, clock, per_address=100, global_per_minute=5)
    addresses = [f"192.0.2.{n}" for n in range(1, 8)]
    assert [limiter.hit(SCOPE, a) for a in addresses] == [True] * 5 + [False] * 2
    assert not limiter.check(SCOPE, "192.0.2.99")
    clock.advance(60)
    assert limiter.hit(SCOPE, "192.0.2.99")


def test_refused_attempts_do_not_use_up_the_global_cap(cache, clock):
    limiter = make_limiter(cache, clock, per_address=2, global_per_minute=5)
    for _ in range(50):
        limiter.hit(SCOPE, ADDRESS)
    assert all(limiter.hit(SCOPE, f"192.0.2.{n}") for n in range(1, 4))


def test_no_address_means_global_cap_only(cache, clock):
    # e.g. the onion service, where every visitor arrives from the same local address
    limiter = make_limiter(cache, clock, per_address=1, global_per_minute=3)
    assert [limiter.hit(SCOPE, None) for _ in range(4)] == [True, True, True, False]


def test_ipv6_addresses_in_one_64_share_a_counter(cache, clock):
    limiter = make_limiter(cache, clock, per_address=2)
    assert limiter.hit(SCOPE, "2001:db8:1:2::1")
    assert limiter.hit(SCOPE, "2001:db8:1:2:ffff::9")
    assert not limiter.hit(SCOPE, "2001:db8:1:2::abcd")
    assert limiter.hit(SCOPE, "2001:db8:1:3::1")


def test_ipv4_mapped_ipv6_counts_as_the_ipv4_address(cache, clock):
    limiter = make_limiter(cache, clock, per_address=1)
    assert limiter.hit(SCOPE, ADDRESS)
    assert not limiter.hit(SCOPE, f"::ffff:{ADDRESS}")


def address_keys(cache):
    return {key for key in cache._cache if "ratelimit:addr:" in key}


def test_daily_rotation_changes_the_key(cache):
    clock = Clock(datetime(2025, 3, 1, 23, 59, 0, tzinfo=UTC))
    # A window longer than a day: only the secret can make the key change at midnight.
    limiter = make_limiter(cache, clock, window_seconds=7 * 24 * 3600)
    limiter.hit(SCOPE, ADDRESS)
    before = address_keys(cache)
    clock.advance(120)
    limiter.hit(SCOPE, ADDRESS)
    after = address_keys(cache) - before
    assert len(before) == len(after) == 1
    assert before.pop().rsplit(":", 1)[1] != after.pop().rsplit(":", 1)[1]


def test_workers_of_one_host_count_together(cache, clock):
    first = make_limiter(cache, clock)
    second = make_limiter(cache, clock)  # another worker of this host, same cache
    first.hit(SCOPE, ADDRESS)
    second.hit(SCOPE, ADDRESS)
    (key,) = address_keys(cache)
    assert stored(cache, key) == 2


def test_the_secret_never_reaches_the_cache(cache, clock):
    make_limiter(cache, clock).hit(SCOPE, ADDRESS)
    assert not [key for key in cache._cache if "secret" in key]
    values = [stored(cache, key) for key in cache._cache]
    assert all(isinstance(value, int) for value in values), values


def test_another_host_counts_under_its_own_secret(cache, clock):
    here = make_limiter(cache, clock, per_address=1)
    there = RateLimiter(cache, per_address=1, global_per_minute=100, clock=clock, secret=b"x" * 32)
    assert here.hit(SCOPE, ADDRESS)
    assert not here.hit(SCOPE, ADDRESS)
    # The cost of keeping the secret off every shared store (site/SCALE-OUT.md).
    assert there.hit(SCOPE, ADDRESS)
    assert len({key.split(":")[-2] for key in address_keys(cache)}) == 2


def test_counters_expire_at_the_end_of_their_window_whenever_made(cache):
    expiries = set()
    for second in (5, 1000, 3500):
        cache.clear()
        clock = Clock(datetime(2025, 3, 1, 12, 0, 0, tzinfo=UTC))
        clock.advance(second)
        make_limiter(cache, clock).hit(SCOPE, ADDRESS)
        (key,) = address_keys(cache)
        # locmem stores the expiry on the real clock: the timeout is what was asked.
        expiries.add(round(cache._expire_info[key] - time.time()) + second)
    # Made 5 s, 1000 s or 3500 s into the hour: every one ends with the hour.
    assert expiries == {3600}


@pytest.mark.parametrize("address", [ADDRESS, "2001:db8::1", "::ffff:203.0.113.42"])
def test_cache_never_holds_the_address_or_a_plain_hash_of_it(cache, clock, address):
    limiter = make_limiter(cache, clock, per_address=2)
    for scope in (SCOPE, "receipt-check"):
        for _ in range(4):
            limiter.hit(scope, address)
            limiter.check(scope, address)
    forms = {address, ADDRESS, "2001:db8::/64", "2001:db8::", address.replace(":", "")}
    forbidden = set()
    for form in forms:
        raw = form.encode()
        forbidden |= {raw, raw.hex().encode()}
        for algorithm in ("md5", "sha1", "sha256", "sha512"):
            digest = hashlib.new(algorithm, raw)
            forbidden |= {digest.hexdigest().encode(), digest.digest()}
    contents = list(cache_contents(cache))
    assert len(contents) > 4
    for item in contents:
        for needle in forbidden:
            assert needle not in item, (item, needle)


def test_scope_must_be_a_slug(cache, clock):
    limiter = make_limiter(cache, clock)
    for bad in ("", "Story Submit", "a:b", "x" * 41):
        with pytest.raises(ValueError):
            limiter.hit(bad, ADDRESS)


def test_limits_must_be_positive(cache):
    with pytest.raises(ValueError):
        RateLimiter(cache, per_address=0, global_per_minute=1)
