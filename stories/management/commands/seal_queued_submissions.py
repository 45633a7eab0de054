"""Seal the rows of the former plain-text queue (QueuedSubmission, from before sealed
submissions) into the sealed inbox, and delete them. Run once after upgrading; safe to re-run.
Drafts already in review are left as they are (their private records keep working)."""

from django.core.management.base import BaseCommand

from stories.pipeline import seal_queued


class Command(BaseCommand):
    help = "Seal the former plain-text queue's rows into the sealed inbox."

    def handle(self, *args, **options):
        done = seal_queued()
        if options["verbosity"]:
            self.stdout.write(f"Sealed {done} queued submission(s).")
