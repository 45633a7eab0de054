from django.core.management.base import BaseCommand
from django.utils import timezone

from stories.retention import purge
from stories.sealing.purge import purge as purge_sealed


class Command(BaseCommand):
    help = (
        "Delete contributors' private data STORY_RETENTION_DAYS after their story was published, "
        "and rejected stories with everything they left behind. Safe to run at any time."
    )

    def handle(self, *args, **options):
        records, stories = purge()
        sealed = purge_sealed(timezone.localdate())
        if options["verbosity"]:
            self.stdout.write(
                f"Purged {records} private record(s) and {stories} rejected story(ies); "
                f"shredded or removed {sealed} sealed item(s)."
            )
