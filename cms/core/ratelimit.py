"""Rate limits that never keep, anywhere at rest, anything that lets someone test an address.

An IP address is personal data and, for our contributors, dangerous data; a plain SHA-256 of an
IPv4 address is no better, because all 2^32 of them can be hashed in minutes. So the per-address
counter key is an HMAC of the address under a secret that:

- is random, and lives only in the memory of this host's processes: never in the cache (Redis),
  the database, settings, the environment file or a log. gunicorn's master creates one when it
  starts (site/gunicorn.conf.py) and its workers inherit it, so the workers of one host count
  together; a process started without it (runserver, a test, a shell) makes its own;
- rotates every UTC day: the day's key is HMAC(host secret, date), so counters cannot link
  someone's visits across days;
- differs between hosts. Hosts share nothing but Redis, and a secret passed through Redis, a
  file or the environment file would let whoever seizes them recompute the HMAC of every
  candidate address. So each host counts an address on its own (its keys carry the host's id):
  behind a balancer a visitor may get the per-address limit once per host (site/SCALE-OUT.md).
  Global counters hold no address and stay shared by every host.

Counters expire at the end of their fixed window, not a window's length after they were created:
a key's remaining lifetime says nothing about when the first attempt came.

Behind Tor (and for the onion service) many people share one address, so global counters per
scope cap the total. Callers may pass ``address=None`` when the address means nothing (requests
arriving through the onion service), leaving only the global caps. A global cap must count what
it protects: the story form counts accepted submissions and refused attempts apart
(``hit_global``), so junk cannot use up the budget of genuine contributors.

Counters use ``cache.add`` + ``cache.incr``, which are atomic on Redis, Memcached and locmem.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import os
import re
import secrets
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime

SECRET_BYTES = 32
# The environment variable gunicorn's master sets for its workers (site/gunicorn.conf.py). An
# operator must not set it: /etc/polyphony/env is a file, and the secret must never be in one.
HOST_SECRET_ENV = "POLYPHONY_RATE_LIMIT_HOST_SECRET"  # noqa: S105 - a name, not a secret  # nosec B105
_SCOPE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_process_secret = secrets.token_bytes(SECRET_BYTES)


def host_secret() -> bytes:
    inherited = os.environ.get(HOST_SECRET_ENV, "")
    try:
        value = bytes.fromhex(inherited)
    except ValueError:
        value = b""
    return value if len(value) >= SECRET_BYTES else _process_secret


def host_id(secret: bytes | None = None) -> str:
    """A short name for this host's keys, derived from its secret (it reveals nothing of it)."""
    return hmac.new(secret or host_secret(), b"host-id", hashlib.sha256).hexdigest()[:8]


def daily_key(now: float, secret: bytes | None = None) -> bytes:
    day = datetime.fromtimestamp(now, tz=UTC).date().isoformat()
    return hmac.new(secret or host_secret(), f"day:{day}".encode(), hashlib.sha256).digest()


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
        secret: bytes | None = None,
    ):
        if per_address < 1 or global_per_minute < 1 or window_seconds < 1:
            raise ValueError("rate limits must be positive")
        self.cache = cache
        self.per_address = per_address
        self.global_per_minute = global_per_minute
        self.window_seconds = window_seconds
        self.clock = clock
        self.secret = secret

    def hit(self, scope: str, address: str | None) -> bool:
        """Count one attempt against its address and the global cap; True if it is allowed.

        A refused attempt still counts against its address, so hammering keeps the door shut
        for the whole window. It does not count against the global cap: one noisy address must
        not lock everybody else out.
        """
        if not self.hit_address(scope, address):
            return False
        return self.hit_global(scope)

    def check(self, scope: str, address: str | None) -> bool:
        """Whether an attempt would be allowed now, without counting it."""
        if not self.check_address(scope, address):
            return False
        return self.check_global(scope)

    def hit_address(self, scope: str, address: str | None) -> bool:
        """Count one attempt against its address only (None: nothing to count)."""
        if address is None:
            return True
        now = self.clock()
        key, timeout = self._address_key(scope, address, now)
        return self._incr(key, timeout) <= self.per_address

    def check_address(self, scope: str, address: str | None) -> bool:
        if address is None:
            return True
        key, _timeout = self._address_key(scope, address, self.clock())
        return (self.cache.get(key) or 0) < self.per_address

    def hit_global(self, scope: str, per_minute: int | None = None) -> bool:
        """Count one attempt against the scope's global budget for this minute."""
        key, timeout = self._global_key(scope, self.clock())
        return self._incr(key, timeout) <= (per_minute or self.global_per_minute)

    def check_global(self, scope: str, per_minute: int | None = None) -> bool:
        key, _timeout = self._global_key(scope, self.clock())
        return (self.cache.get(key) or 0) < (per_minute or self.global_per_minute)

    def _address_key(self, scope: str, address: str, now: float) -> tuple[str, int]:
        _check_scope(scope)
        secret = self.secret or host_secret()
        digest = hmac.new(
            daily_key(now, secret), _normalise_address(address).encode(), hashlib.sha256
        ).hexdigest()
        window = int(now // self.window_seconds)
        timeout = _until_end_of(window, self.window_seconds, now)
        return f"ratelimit:addr:{scope}:{window}:{host_id(secret)}:{digest}", timeout

    def _global_key(self, scope: str, now: float) -> tuple[str, int]:
        _check_scope(scope)
        minute = int(now // 60)
        return f"ratelimit:global:{scope}:{minute}", _until_end_of(minute, 60, now) + 60

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


def _until_end_of(window: int, length: int, now: float) -> int:
    """Seconds from now to the end of the window (at least 1): every key of a window expires at
    the same moment, whenever it was created."""
    return max(1, int((window + 1) * length - now + 0.999))


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
    service (ONION_HOST, ONION_SERVICE_HOSTS) have no meaningful address: None, so only the
    global cap applies.
    """
    from django.conf import settings

    from .hosts import is_onion

    # Every onion visitor arrives from the tor daemon: one shared address (site/SCALE-OUT.md).
    if is_onion(request):
        return None
    header = getattr(settings, "RATE_LIMIT_ADDRESS_HEADER", None)
    if header:
        return request.META.get(header) or None
    return request.META.get("REMOTE_ADDR") or None
