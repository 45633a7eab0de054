from django.core.management.base import BaseCommand

from letters.retention import purge_letters


class Command(BaseCommand):
    help = (
        "Delete letters sent or refused longer ago than LETTERS_RETENTION_DAYS; only the counts "
        "of letters sent stay. Run daily by the housekeeping timer."
    )

    def handle(self, *args, **options):
        deleted = purge_letters()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} letters.")
