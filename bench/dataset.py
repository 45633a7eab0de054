"""The bench dataset: thousands of stories, campaigns and vacancies on top of the demo site.

    python -m bench.dataset --stories 10000 --campaigns 200 --vacancies 500 [--waiting 10000]

Run it after `manage.py migrate` and `manage.py load_demo_content`: it needs the homes, the
three sections in every language, the story topics and the "Story moderation" workflow, and it
copies the demo's own campaign and vacancies so that generated pages render like real ones
(blocks, snippets, images, skills). Pages are bulk-inserted (bench/dataset_tree.py), with
revisions, translation keys, locales and publication dates set as Wagtail sets them; stories
waiting in moderation carry what `ingest_submissions` leaves: a draft revision, a private
record and an in-progress workflow state on its first task. Not written: search index entries,
reference index and audit log rows (no reader page reads them).

`load()` is what the tests and the harness call; it appends. The command refuses to load a
second time; `manage.py load_demo_content --force` starts from a clean demo again.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

BENCH_PREFIX = "bench-"
# Stories per language, out of 11: most are told in Russian, then English and Ukrainian.
STORY_WEIGHTS = {"ru": 4, "en": 2, "uk": 2, "de": 1, "fr": 1, "cs": 1}
# Every bench campaign is translated into these; fr every second one, cs every third.
CAMPAIGN_LANGUAGES = ("ru", "uk", "de")


class DatasetError(Exception):
    """The database is not ready for the dataset (or already has it)."""


def bench_page_count():
    from wagtail.models import Page

    return Page.objects.filter(slug__startswith=BENCH_PREFIX).count()


def sections():
    """{"stories"|"campaigns"|"volunteering": {language: index page}} of the demo site."""
    from campaigns.models import CampaignIndexPage
    from stories.models import StoryIndexPage
    from volunteering.models import VacancyIndexPage

    found = {}
    for name, model in (
        ("stories", StoryIndexPage),
        ("campaigns", CampaignIndexPage),
        ("volunteering", VacancyIndexPage),
    ):
        indexes = model.objects.live().select_related("locale").order_by("path")
        found[name] = {}
        for index in indexes:
            found[name].setdefault(index.locale.language_code, index)
        if "en" not in found[name]:
            raise DatasetError(
                f"No {name} index: run `manage.py migrate` and `manage.py load_demo_content` first."
            )
    return found


def spread(total, weights, available):
    """`total` split over the languages of `weights` that exist, proportionally."""
    weights = {code: weight for code, weight in weights.items() if code in available}
    scale = sum(weights.values())
    counts = {code: total * weight // scale for code, weight in weights.items()}
    for code in list(weights)[: total - sum(counts.values())]:
        counts[code] += 1
    return counts


def load(stories=10_000, campaigns=200, vacancies=500, waiting=10_000, *, stream=None, seed=8):
    """Add the dataset (in one transaction) and return what was added with the time it took.

    `stream` gets the progress bar (default stderr; False for none).
    """
    from bench.dataset_content import add_campaigns, add_stories, add_vacancies, add_waiting

    stream = sys.stderr if stream is None else stream
    rng = random.Random(seed)
    started = time.monotonic()
    with transaction.atomic():
        found = sections()
        added = {
            "stories": add_stories(found["stories"], stories, rng, stream),
            "waiting": add_waiting(found["stories"], waiting, rng, stream),
            "campaigns": add_campaigns(found["campaigns"], campaigns, rng, stream),
            "vacancies": add_vacancies(found["volunteering"], vacancies, rng, stream),
        }
    added["seconds"] = round(time.monotonic() - started, 2)
    return added


def publication_date(rng, now=None, days=730):
    """A moment in the last `days` days, so listings and feeds order a real spread of dates."""
    now = now or timezone.now()
    return now - timedelta(seconds=rng.randrange(days * 86400))


def random_digest():
    from stories.privacy.receipts import new_receipt_code, receipt_digest

    # Like a real submission's: the keyed digest of a code nobody keeps.
    return receipt_digest(new_receipt_code())


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stories", type=int, default=10_000, help="live stories (all languages)")
    parser.add_argument("--campaigns", type=int, default=200, help="campaigns in en, translated")
    parser.add_argument("--vacancies", type=int, default=500, help="vacancies in en")
    parser.add_argument("--waiting", type=int, default=10_000, help="stories in moderation")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")
    import django
    from django.apps import apps

    # Set up once: a second setup reconfigures logging onto whatever stderr is current.
    if not apps.ready:
        django.setup()
    existing = bench_page_count()
    if existing:
        sys.stderr.write(
            f"The bench dataset is already loaded ({existing} pages named '{BENCH_PREFIX}*'). "
            "Start again from a clean demo with `manage.py load_demo_content --force`.\n"
        )
        return 2
    try:
        added = load(args.stories, args.campaigns, args.vacancies, args.waiting)
    except DatasetError as error:
        sys.stderr.write(f"{error}\n")
        return 1
    summary = ", ".join(f"{key} {value}" for key, value in added.items() if key != "seconds")
    sys.stdout.write(f"Loaded {summary} in {added['seconds']} s.\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
