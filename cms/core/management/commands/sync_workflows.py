from django.core.management.base import BaseCommand

from cms.core.sections import sync_locales
from cms.core.sync import sync_workflows


class Command(BaseCommand):
    help = (
        "Make the database's workflows match cms/core/workflows.py. "
        "Safe to run any number of times."
    )

    def handle(self, *args, **options):
        sync_locales()
        changes = sync_workflows()
        self.stdout.write(f"sync_workflows: {changes} change(s)")
