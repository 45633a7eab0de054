"""Move sealed story submissions from the spool into PostgreSQL's sealed inbox, in shuffled
batches (stories/sealing/). Nothing enters the page tree: a moderator starts drafts.

Run by a timer in production (site/) and in the background by `make run`:

    manage.py ingest_submissions                # one pass, after a random delay
    manage.py ingest_submissions --no-delay     # one pass now (tests, scripts)
    manage.py ingest_submissions --loop         # keep going: random pauses between passes

Why random: every PostgreSQL commit is timed in the WAL. Moving each item right after its POST
would make those times a record of when each person pressed "Send", to be matched against
network logs. Waiting a random time and writing a shuffled batch in one transaction leaves only
"some time before this pass", shared by every item of the batch.
"""

import secrets
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from stories.pipeline import ingest_all

_random = secrets.SystemRandom()


class Command(BaseCommand):
    help = "Move sealed story submissions from the spool into the sealed inbox, in random order."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-delay", action="store_true", help="Start at once, without the random wait."
        )
        parser.add_argument(
            "--max-delay",
            type=int,
            default=None,
            help="Longest random wait in seconds before a pass "
            "(default: settings.STORY_INGEST_MAX_DELAY_SECONDS).",
        )
        parser.add_argument(
            "--loop", action="store_true", help="Run pass after pass until stopped."
        )

    def handle(self, *args, no_delay=False, max_delay=None, loop=False, **options):
        if max_delay is None:
            max_delay = settings.STORY_INGEST_MAX_DELAY_SECONDS
        max_delay = 0 if no_delay else max(0, max_delay)
        while True:
            if max_delay:
                time.sleep(_random.uniform(0, max_delay))
            done = ingest_all()
            if options.get("verbosity", 1) >= 2 and done:
                # A count only: no titles, no languages, no times beyond the log's own.
                self.stdout.write(f"ingest_submissions: {done} sealed submission(s) moved")
            if not loop:
                return
            # A long-running loop must not hold on to a connection the server has dropped.
            close_old_connections()
            if not max_delay:
                # --loop --no-delay still pauses between passes, just briefly.
                time.sleep(5)
