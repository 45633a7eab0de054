"""Rate limits that never keep a raw or plainly hashed network address.

An IP address is personal data and, for our contributors, dangerous data; a plain SHA-256 of an
IPv4 address is no better, because all 2^32 of them can be hashed in minutes. So the per-address
counter key is an HMAC of the address under a 32-byte secret that:

- is random (``secrets.token_bytes``), never derived from anything we store;
- lives only in the cache, never in the database, settings or logs;
- rotates every UTC day (a new cache key per date), so even a leaked secret only covers one day,
  and counters cannot link someone's visits across days. Losing it (cache restart, eviction)
  just starts a new one: limits reset early, which is acceptable.

Behind Tor (and for the onion service) many people share one address, so a per-minute global
counter per scope caps the total. Callers may pass ``address=None`` when the address means
nothing (e.g. requests arriving through the onion service), leaving only the global cap.

Counters use ``cache.add`` + ``cache.incr``, which are atomic on Redis, Memcached and locmem.
Windows are fixed and part of the key (so the cache's expiry only cleans up): after a window or a
day rollover the count starts from zero.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
import secrets
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

SECRET_BYTES = 32
SECRET_TIMEOUT = 2 * 24 * 3600
_SCOPE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")


class RateLimiter:
    """Per-address and global limits for one kind of action.

    ``per_address`` hits per ``window_seconds`` for one address (HMAC-keyed, see module
    docstring) and ``global_per_minute`` hits per minute in total, per scope. The limits come
    from the caller (the view reads them from settings), which keeps this class easy to test.
    """

    def __init__(
        self,
        cache,
        *,
        per_address: int,
        global_per_minute: int,
        window_seconds: int = 3600,
        clock: Callable[[], float] = time.time,
    ):
        if per_address < 1 or global_per_minute < 1 or window_seconds < 1:
            raise ValueError("rate limits must be positive")
        self.cache = cache
        self.per_address = per_address
        self.global_per_minute = global_per_minute
        self.window_seconds = window_seconds
        self.clock = clock

    def hit(self, scope: str, address: str | None) -> bool:
        """Count one attempt; True if it is allowed.

        A refused attempt still counts against its address, so hammering keeps the door shut
        for the whole window. It does not count against the global cap: one noisy address must
        not lock everybody else out.
        """
        now = self.clock()
        if address is not None:
            count = self._incr(self._address_key(scope, address, now), self.window_seconds)
            if count > self.per_address:
                return False
        return self._incr(self._global_key(scope, now), 120) <= self.global_per_minute

    def check(self, scope: str, address: str | None) -> bool:
        """Whether an attempt would be allowed now, without counting it."""
        now = self.clock()
        if address is not None:
            used = self.cache.get(self._address_key(scope, address, now)) or 0
            if used >= self.per_address:
                return False
        return (self.cache.get(self._global_key(scope, now)) or 0) < self.global_per_minute

    def _address_key(self, scope: str, address: str, now: float) -> str:
        _check_scope(scope)
        digest = hmac.new(
            self._daily_secret(now), _normalise_address(address).encode(), hashlib.sha256
        ).hexdigest()
        window = int(now // self.window_seconds)
        return f"ratelimit:addr:{scope}:{window}:{digest}"

    def _global_key(self, scope: str, now: float) -> str:
        _check_scope(scope)
        return f"ratelimit:global:{scope}:{int(now // 60)}"

    def _daily_secret(self, now: float) -> bytes:
        key = f"ratelimit:secret:{datetime.fromtimestamp(now, tz=UTC).date().isoformat()}"
        candidate = secrets.token_bytes(SECRET_BYTES)
        # add() is a no-op if another worker got there first; everyone then reads the winner.
        self.cache.add(key, candidate, SECRET_TIMEOUT)
        secret = self.cache.get(key)
        if secret is None:
            # Evicted between add and get: start a new one rather than fail the request.
            self.cache.set(key, candidate, SECRET_TIMEOUT)
            secret = candidate
        return secret

    def _incr(self, key: str, timeout: int) -> int:
        for _attempt in range(3):
            self.cache.add(key, 0, timeout)
            try:
                return self.cache.incr(key)
            except ValueError:
                # The key expired between add() and incr(); create it again.
                continue
        # A cache that keeps losing keys cannot enforce limits; fail closed.
        return sys.maxsize


def _check_scope(scope: str) -> None:
    if not _SCOPE_RE.match(scope):
        raise ValueError("scope must be a short lower-case slug such as 'story-submit'")


def _normalise_address(address: str) -> str:
    """One key per person where we can tell: an IPv6 /64 is usually one household or phone."""
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip()
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip)


def client_address(request):
    """The peer address to rate-limit by, used only as input to the keyed hash above.

    Behind nginx every request comes from 127.0.0.1, so production names the header nginx
    overwrites with the socket peer (RATE_LIMIT_ADDRESS_HEADER, e.g. "HTTP_X_REAL_IP"). A header
    the client could set itself must never be named here. Requests that arrive through the onion
    service (ONION_SERVICE_HOSTS) have no meaningful address: None, so only the global cap applies.
    """
    from django.conf import settings

    host = request.get_host().split(":")[0]
    if host in getattr(settings, "ONION_SERVICE_HOSTS", ()):
        return None
    header = getattr(settings, "RATE_LIMIT_ADDRESS_HEADER", None)
    if header:
        return request.META.get(header) or None
    return request.META.get("REMOTE_ADDR") or None
