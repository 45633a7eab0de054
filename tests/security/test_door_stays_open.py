"""Junk cannot close the door, and nothing at rest lets anyone test an address.

A flood of refused POSTs from many addresses uses up only the refused budget: a contributor whose
story passes the checks still gets in, from a new address or over the onion host. Wrong receipt
codes from others never lock out a right one. After a story is posted from a known address,
neither the cache nor the database, read with the configuration on disk, lets anyone recompute
that address's counter key."""

import hashlib
import hmac
import pickle

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client

from cms.core import ratelimit
from tests.stories.sealing_helpers import received_count
from tests.stories.submission_helpers import (  # noqa: F401 - fixtures
    form_pages,
    receipt_from,
    solved_protection,
    story_fields,
    story_form_env,
    submit_story,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env", "form_pages")]

KNOWN = "203.0.113.99"
TELL = "/en/stories/tell/"
STATUS = "/en/stories/status/"


def junk(client, number):
    """A title-only POST, as a bot sends it, from its own address."""
    return client.post(
        TELL, {"title": "junk"}, REMOTE_ADDR=f"198.51.{number // 250}.{number % 250}"
    )


def test_a_junk_flood_from_many_addresses_does_not_lock_out_a_contributor(client, settings):
    settings.STORY_RATE_LIMIT_GLOBAL_PER_MINUTE = 30
    settings.STORY_RATE_LIMIT_REFUSED_PER_MINUTE = 60
    answers = [junk(client, number).status_code for number in range(100)]
    # Refused ones get their form back until their own budget is spent, then a bare 429.
    assert answers[:60] == [200] * 60 and set(answers[60:]) == {429}
    assert received_count() == 0

    sent = submit_story(client, TELL, headers={"REMOTE_ADDR": "192.0.2.200"})
    assert sent.status_code == 200
    assert receipt_from(sent)
    assert received_count() == 1


def test_over_the_onion_host_a_contributor_gets_in_during_a_flood(client, settings):
    settings.ALLOWED_HOSTS = ["testserver", "example.onion"]
    settings.ONION_SERVICE_HOSTS = ["example.onion"]
    onion = {"HTTP_HOST": "example.onion"}
    for _ in range(100):  # every onion visitor shares one address: the budgets are all there is
        client.post(TELL, {"title": "junk"}, **onion)
    sent = submit_story(client, TELL, headers=onion)
    assert sent.status_code == 200 and received_count() == 1


def test_the_accepted_cap_still_holds(client, settings):
    settings.STORY_RATE_LIMIT_GLOBAL_PER_MINUTE = 2
    for number in range(2):
        submit_story(client, TELL, headers={"REMOTE_ADDR": f"192.0.2.{number + 10}"})
    refused = submit_story(client, TELL, headers={"REMOTE_ADDR": "192.0.2.50"})
    assert refused.status_code == 429 and received_count() == 2


def test_wrong_codes_from_others_never_lock_out_a_right_one(client, settings):
    settings.STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE = 5
    code = receipt_from(submit_story(client, TELL))
    for number in range(40):
        client.post(STATUS, {"code": "AAAA-BBBB-CCCC-DDDD-EEEE"}, REMOTE_ADDR=f"10.1.0.{number}")
    answer = client.post(STATUS, {"code": code}, REMOTE_ADDR="10.2.0.1")
    assert answer.status_code == 200
    assert "The state of your story" in answer.content.decode()
    # A blocked address still learns nothing, even with the right code (no oracle).
    settings.STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS = 2
    for _ in range(2):
        client.post(STATUS, {"code": "AAAA-BBBB-CCCC-DDDD-EEEE"}, REMOTE_ADDR="10.3.0.1")
    assert client.post(STATUS, {"code": code}, REMOTE_ADDR="10.3.0.1").status_code == 429


def everything_at_rest():
    """Every cache key and value (raw and unpickled) and every row of every table, as bytes."""
    items = []
    for key, pickled in cache._cache.items():
        value = pickle.loads(pickled)  # noqa: S301 - our own in-process store
        items += [key.encode(), pickled, repr(value).encode()]
        if isinstance(value, bytes | str):
            items.append(value if isinstance(value, bytes) else value.encode())
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - names from introspection
            items += [repr(row).encode() for row in cursor.fetchall()]
    return items


def keys_with(secret, scope, address):
    """The counter key an attacker would compute if `secret` were the host secret."""
    limiter = ratelimit.RateLimiter(
        cache, per_address=1, global_per_minute=1, window_seconds=3600, secret=secret
    )
    key, _timeout = limiter._address_key(scope, address, limiter.clock())
    return key.rsplit(":", 1)[1]


def test_nothing_at_rest_lets_anyone_recompute_an_address_key(client, settings):
    settings.RECEIPT_HASH_KEY = "receipt-key-on-disk"
    sent = submit_story(client, TELL, headers={"REMOTE_ADDR": KNOWN})
    assert sent.status_code == 200
    client.post(STATUS, {"code": "AAAA-BBBB-CCCC-DDDD-EEEE"}, REMOTE_ADDR=KNOWN)
    at_rest = everything_at_rest()
    blob = b"\n".join(at_rest)

    # The control: with the host's in-memory secret the key is there...
    real = keys_with(ratelimit.host_secret(), "story-submit", KNOWN)
    assert real.encode() in blob
    # ...and the address itself, or a plain hash of it, is not.
    assert KNOWN.encode() not in blob
    for algorithm in ("md5", "sha1", "sha256"):
        assert hashlib.new(algorithm, KNOWN.encode()).hexdigest().encode() not in blob

    # Everything on disk or at rest that could be taken for the secret: the settings' keys and
    # every value in the cache and the database.
    candidates = {settings.SECRET_KEY.encode(), settings.RECEIPT_HASH_KEY.encode()}
    candidates |= {item for item in at_rest if 16 <= len(item) <= 128}
    for candidate in candidates:
        for scope in ("story-submit", "receipt-check"):
            for secret in (candidate, hashlib.sha256(candidate).digest()):
                assert keys_with(secret, scope, KNOWN).encode() not in blob
    # Nor is the secret itself anywhere, in any form.
    secret = ratelimit.host_secret()
    for form in (secret, secret.hex().encode(), ratelimit.daily_key(0, secret)):
        assert form not in blob


def test_the_host_secret_comes_from_gunicorns_master_not_from_a_file(monkeypatch):
    made = "ab" * 32
    monkeypatch.setenv(ratelimit.HOST_SECRET_ENV, made)
    assert ratelimit.host_secret() == bytes.fromhex(made)
    # Anything shorter (an operator's guess at configuring it) is not a secret: the process
    # makes its own.
    monkeypatch.setenv(ratelimit.HOST_SECRET_ENV, "short")
    assert ratelimit.host_secret() != b"short" and len(ratelimit.host_secret()) == 32
    assert hmac.compare_digest(ratelimit.host_secret(), ratelimit._process_secret)


def test_a_browser_without_cookies_sends_the_form_and_gets_no_cookie():
    browser = Client(enforce_csrf_checks=True)
    shown = browser.get(TELL)
    assert not shown.cookies
    data = {**solved_protection(browser, TELL), **story_fields()}
    sent = browser.post(TELL, data, HTTP_ORIGIN="http://testserver")
    assert sent.status_code == 200 and not sent.cookies
    assert received_count() == 1
    assert settings.CSRF_COOKIE_AGE is None
