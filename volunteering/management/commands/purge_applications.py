"""Run daily by a timer: applications are kept APPLICATION_RETENTION_DAYS, then deleted."""

from django.core.management.base import BaseCommand

from volunteering.retention import purge_applications


class Command(BaseCommand):
    help = "Delete vacancy applications older than APPLICATION_RETENTION_DAYS."

    def handle(self, *args, **options):
        deleted = purge_applications()
        self.stdout.write(f"{deleted} application(s) deleted")
