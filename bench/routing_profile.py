"""In-process figures for cms/core/routing.py: SQL queries and time per reader request, with the
remembered routes (cms.urls) and with Wagtail's own serve view (bench/routing_urls.py).

    DJANGO_SETTINGS_MODULE=cms.settings.test \\
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/polyphony_<you> \\
        .venv/bin/python -m bench.routing_profile [--requests 200] [--stories 10000] [--keep-db]

It makes a throwaway database beside DATABASE_URL's (Django's test database, named
"<name>_routing"; SQLite: in memory), migrates it, loads the demo site (and with --stories the
bench dataset, bench/dataset.py), measures and drops it; --keep-db keeps it for the next run.
Requests go through Django's test client in this one process: no network, no gunicorn, no
PostgreSQL restart (unlike `make bench`), so the times are only comparable within one run.

For each reader URL, after two warm-up requests (a warm process: first renders write site
settings and renditions once), it counts the queries of one request and times `--requests`
more, alternating the two URL configurations in rounds so that a busy machine weighs on both.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time

ROUNDS = 4
VARIANTS = {"remembered": "cms.urls", "wagtail": "bench.routing_urls"}


def reader_urls():
    """The reader pages of tests/perf/test_query_budgets.py that Wagtail's serve view answers."""
    from stories.models import StoryPage, StoryTopic

    story = StoryPage.objects.live().filter(locale__language_code="en").order_by("path").last()
    topic = StoryTopic.objects.filter(locale__language_code="en", stories__live=True).first()
    urls = {
        "home": "/en/",
        "standard page": "/en/about/",
        "story index": "/en/stories/",
        "story page": story.url if story else None,
        "story index, topic": f"/en/stories/?topic={topic.slug}" if topic else None,
        "story feed": "/en/stories/feed/",
        "story form": "/en/stories/tell/",
        "receipt check": "/en/stories/status/",
        "campaign index": "/en/campaigns/",
        "campaign page": "/en/campaigns/free-the-voices/",
        "campaign translation": "/ru/campaigns/free-the-voices/",
        "vacancy index": "/en/volunteer/",
        "vacancy page": "/en/volunteer/story-editor/",
    }
    return {name: url for name, url in urls.items() if url}


def queries_of(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response.status_code, len(captured.captured_queries)


def measure(urls, requests):
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    results = {name: {} for name in urls}
    times = {(name, variant): [] for name in urls for variant in VARIANTS}
    per_round = max(requests // ROUNDS, 1)
    for round_number in range(ROUNDS):
        for variant, urlconf in VARIANTS.items():
            with override_settings(ROOT_URLCONF=urlconf):
                for name, url in urls.items():
                    if round_number == 0:
                        client.get(url)
                        client.get(url)
                        results[name][variant] = queries_of(client, url)
                    for _ in range(per_round):
                        started = time.perf_counter()
                        client.get(url)
                        times[name, variant].append(time.perf_counter() - started)
    for (name, variant), samples in times.items():
        results[name][f"{variant}_ms"] = statistics.median(samples) * 1000
    return results


def table(results, urls):
    lines = [
        f"{'page':<22} {'queries':>16} {'median ms':>18}  url",
        f"{'':<22} {'remembered':>10} {'wagtail':>7} {'remembered':>10} {'wagtail':>7}",
    ]
    for name, url in urls.items():
        row = results[name]
        (status_r, remembered), (status_w, wagtail) = row["remembered"], row["wagtail"]
        flag = "" if status_r == status_w == 200 else f"  status {status_r}/{status_w}"
        lines.append(
            f"{name:<22} {remembered:>10} {wagtail:>7} {row['remembered_ms']:>10.1f} "
            f"{row['wagtail_ms']:>7.1f}  {url}{flag}"
        )
    return "\n".join(lines)


def prepare(stories):
    from django.core.management import call_command

    from cms.core.models import HomePage

    if not HomePage.objects.exists():
        call_command("load_demo_content", stdout=io.StringIO())
    if stories:
        from bench.dataset import bench_page_count, load

        if not bench_page_count():
            load(stories=stories, campaigns=20, vacancies=50, waiting=0, stream=False)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=200, help="timed requests per URL")
    parser.add_argument("--stories", type=int, default=0, help="add bench stories (e.g. 10000)")
    parser.add_argument("--keep-db", action="store_true", help="keep the database for next time")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
    import django
    from django.conf import settings
    from django.db import connection
    from django.test.utils import setup_test_environment

    django.setup()
    setup_test_environment()  # the test client's host, locmem e-mail
    settings.MEDIA_ROOT = tempfile.mkdtemp(prefix="routing-profile-")  # the demo's images
    if connection.vendor != "sqlite":
        connection.settings_dict["TEST"]["NAME"] = f"{connection.settings_dict['NAME']}_routing"
    original_name = connection.creation.create_test_db(
        verbosity=0, autoclobber=True, keepdb=args.keep_db
    )
    try:
        prepare(args.stories)
        urls = reader_urls()
        results = measure(urls, args.requests)
    finally:
        if not args.keep_db:
            connection.creation.destroy_test_db(original_name, verbosity=0)
    sys.stdout.write(table(results, urls) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
