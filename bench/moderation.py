"""How long the "Stories moderation" admin listing takes to render, in-process, against
whatever database the settings point at (the bench dataset: 10,000 stories waiting).

    python -m bench.moderation [--repeats 20]

Renders /admin/stories/moderation/ with django.test.Client as the demo moderator, signed in
with a verified second factor exactly as the test suite does (tests/conftest.py), and reports
the median and 95th percentile times, the number of SQL queries of one render and how many
stories are waiting.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

URL = "/admin/stories/moderation/"
MODERATOR = "moderator"


def pass_second_factor(client, user, device_name="Bench device"):
    """Mark the signed-in session of `client` verified with a confirmed TOTP device of `user`,
    exactly as django_otp.login leaves it (the test suite's staff clients use this too)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=device_name, confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def verified_client(user):
    """A test client signed in as `user`, second factor passed."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    pass_second_factor(client, user)
    return client


def measure(repeats=20, username=MODERATOR):
    """dict(median_seconds, p95_seconds, queries, waiting) of the listing's first page."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from stories.moderation import waiting_states

    user = get_user_model().objects.get(username=username)
    client = verified_client(user)
    response = client.get(URL)  # warm: templates, content types, the session
    if response.status_code != 200:
        raise RuntimeError(f"{URL} answered {response.status_code} to {username}")
    with CaptureQueriesContext(connection) as queries:
        client.get(URL)
    # Now: under DEBUG every later request clears the connection's query log it slices.
    query_count = len(queries)
    timings = []
    for _ in range(repeats):
        started = time.perf_counter()
        response = client.get(URL)
        timings.append(time.perf_counter() - started)
    timings.sort()
    p95_index = max(0, round(0.95 * len(timings)) - 1)
    return {
        "median_seconds": round(statistics.median(timings), 4),
        "p95_seconds": round(timings[p95_index], 4),
        "queries": query_count,
        "waiting": waiting_states().count(),
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django
    from django.conf import settings

    django.setup()
    # The test client's host; the request never leaves the process.
    if "testserver" not in settings.ALLOWED_HOSTS and "*" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    json.dump(measure(args.repeats), sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
