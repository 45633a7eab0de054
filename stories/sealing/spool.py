"""Where sealed submissions wait between the POST and PostgreSQL (see the package docstring).

Two backends, one interface (`put`, `contains`, `batch`, `remove`):

- **Redis** (`STORY_SPOOL_URL=redis://...`, production): one hash, field = receipt digest,
  value = the sealed entry. A hash keeps no order and no per-field time. The Redis server must
  run with `appendonly yes` and `appendfsync always` (site/redis/spool.conf), so `HSET` has
  reached the disk when it answers and a receipt shown after it is never lost. Redis' AOF file
  records commands without timestamps (`aof-timestamp-enabled no`, the default).
- **Database** (STORY_SPOOL_URL unset: `make run` and the tests): a SpooledSubmission row, no
  time column. Simpler, but PostgreSQL's WAL records each commit's time: not for production.

An unreachable spool raises SpoolUnavailable; the form answers with the translated 503 page
("nothing arrived") and shows no receipt. So does a Redis that is not configured as above: the
receipt promises the story is on disk, and a Redis started without the spool's file (a package
default, a `CONFIG SET` by someone) would answer HSET from memory. Each process asks the server
for its persistence settings before its first write and again at most every
DURABILITY_RECHECK_SECONDS, so a changed server is refused within that time.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.db import DatabaseError, transaction

REDIS_HASH = "polyphony:stories:spool"
DURABILITY_RECHECK_SECONDS = 60
# What the spool needs of its Redis (site/redis/spool.conf): each write on disk before the answer,
# and no time recorded beside it.
REQUIRED_PERSISTENCE = {"appendonly": "yes", "appendfsync": "always", "aof-timestamp-enabled": "no"}

logger = logging.getLogger(__name__)


class SpoolUnavailable(Exception):
    """The spool could not confirm that an entry is durable (or could not be read)."""


class DatabaseSpool:
    def put(self, digest: str, entry: bytes) -> None:
        from stories.models import SpooledSubmission

        try:
            with transaction.atomic():
                SpooledSubmission.objects.create(receipt_digest=digest, entry=entry)
        except DatabaseError as error:
            raise SpoolUnavailable from error

    def contains(self, digest: str) -> bool:
        from stories.models import SpooledSubmission

        return SpooledSubmission.objects.filter(receipt_digest=digest).exists()

    def batch(self, size: int) -> list[tuple[str, bytes]]:
        from stories.models import SpooledSubmission

        rows = SpooledSubmission.objects.order_by("?")[:size]
        return [(row.receipt_digest, bytes(row.entry)) for row in rows]

    def remove(self, digests) -> None:
        from stories.models import SpooledSubmission

        SpooledSubmission.objects.filter(receipt_digest__in=list(digests)).delete()

    def count(self) -> int:
        from stories.models import SpooledSubmission

        return SpooledSubmission.objects.count()


class RedisSpool:
    # The hash this spool keeps its entries in (stories/conversation/answers.py has another).
    hash_name = REDIS_HASH

    def __init__(self, url: str):
        import redis

        self._errors = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
        self._refused = redis.exceptions.ResponseError
        timeout = getattr(settings, "STORY_SPOOL_TIMEOUT_SECONDS", 2)
        self.client = redis.Redis.from_url(
            url, socket_connect_timeout=timeout, socket_timeout=timeout
        )
        self._durable_until = 0.0  # monotonic: when to ask the server again

    def _ensure_durable(self) -> None:
        if time.monotonic() < self._durable_until:
            return
        try:
            found = {name: self.client.config_get(name).get(name) for name in REQUIRED_PERSISTENCE}
        except self._errors as error:
            raise SpoolUnavailable from error
        except self._refused as error:
            # CONFIG renamed or forbidden: durability cannot be confirmed, so no receipt.
            logger.error("story spool refused: its Redis does not answer CONFIG GET")
            raise SpoolUnavailable from error
        wrong = {
            name: value
            for name, value in found.items()
            # Redis < 7 has no aof-timestamp-enabled (and so records no times).
            if value is not None and value != REQUIRED_PERSISTENCE[name]
        }
        if wrong or found["appendonly"] is None or found["appendfsync"] is None:
            logger.error(
                "story spool refused: its Redis must run with %s, runs with %s",
                REQUIRED_PERSISTENCE,
                found,
            )
            raise SpoolUnavailable("the spool's Redis does not write every entry to disk")
        self._durable_until = time.monotonic() + DURABILITY_RECHECK_SECONDS

    def _call(self, method, *args):
        try:
            return getattr(self.client, method)(self.hash_name, *args)
        except self._errors as error:
            raise SpoolUnavailable from error

    def put(self, digest: str, entry: bytes) -> None:
        # With appendfsync always, Redis answers only once the command is on disk.
        self._ensure_durable()
        self._call("hset", digest, entry)

    def contains(self, digest: str) -> bool:
        return bool(self._call("hexists", digest))

    def batch(self, size: int) -> list[tuple[str, bytes]]:
        digests = self._call("hrandfield", size) or []
        values = self._call("hmget", digests) if digests else []
        return [
            (digest.decode(), value)
            for digest, value in zip(digests, values, strict=True)
            if value is not None
        ]

    def remove(self, digests) -> None:
        digests = list(digests)
        if digests:
            self._call("hdel", *digests)

    def count(self) -> int:
        return int(self._call("hlen"))


_spools: dict[tuple, object] = {}


def get_spool(database=DatabaseSpool, redis=RedisSpool):
    """The spool of this site; the classes are another spool's on the same backends (the
    contributors' answers: stories/conversation/answers.py)."""
    url = getattr(settings, "STORY_SPOOL_URL", "")
    if not url:
        return database()
    if (redis, url) not in _spools:
        _spools[(redis, url)] = redis(url)
    return _spools[(redis, url)]
