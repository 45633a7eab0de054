from django.core.management.base import BaseCommand

from cms.core.sections import sync_locales
from cms.core.sync import sync_roles


class Command(BaseCommand):
    help = "Make the database's roles match cms/core/roles.py. Safe to run any number of times."

    def handle(self, *args, **options):
        sync_locales()
        changes = sync_roles()
        self.stdout.write(f"sync_roles: {changes} change(s)")
