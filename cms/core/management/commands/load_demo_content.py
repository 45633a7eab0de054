import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from cms.core.demo import DemoContext
from cms.core.demo.base import DEMO_USERS, ensure_about, ensure_homes, ensure_users
from cms.core.models import HomePage
from cms.core.sync import sync_all


def demo_modules():
    """`<app>/demo.py` of every installed app that has one, in INSTALLED_APPS order."""
    for config in apps.get_app_configs():
        name = f"{config.name}.demo"
        if config.label != "cms" and importlib.util.find_spec(name) is not None:
            yield config.label, importlib.import_module(name)


class Command(BaseCommand):
    help = (
        "Create the demo site: a home per language, each section with content, and one user "
        "per role. Safe to re-run; --force rebuilds the page tree from scratch."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Delete every page and rebuild.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing if a home page already exists."
        )

    def handle(self, *args, force=False, if_empty=False, **options):
        if getattr(settings, "IS_PRODUCTION", False):
            raise CommandError("Refusing to load demo content under production settings.")
        if if_empty and HomePage.objects.exists():
            self.stdout.write("Demo content already loaded; leaving it as it is.")
            self.print_users()
            return
        modules = list(demo_modules())
        total = 4 + len(modules)
        progress = iter(range(1, total + 1))

        def say(message):
            self.stdout.write(f"[{next(progress)}/{total}] {message}")

        # Not one transaction: wagtail-localize publishes translations on commit, and a page's
        # translation must be live before its children are translated under it.
        if force:
            say("Deleting every page (--force)")
            # By path, not page.delete(): treebeard skips the descendants of a page whose
            # numchild is wrong, and a half-deleted tree is what --force is meant to fix.
            root = Page.get_first_root_node()
            Page.objects.filter(depth__gt=root.depth).delete()
            Page.objects.filter(pk=root.pk).update(numchild=0)
        else:
            say("Keeping existing pages (use --force to rebuild)")
        sync_all()
        say("Users, one per role")
        users = ensure_users(settings.DEMO_PASSWORD)
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        say(f"Home pages in {len(languages)} languages")
        homes = ensure_homes(languages, user=users["admin"])
        ensure_about(homes["en"], homes, user=users["admin"])
        ctx = DemoContext(homes=homes, users=users, force=force, log=self.stdout.write)
        for label, module in modules:
            say(f"Demo content of {label}")
            module.build(ctx)
        say("Roles and workflows attached to the new pages")
        sync_all()
        self.stdout.write(self.style.SUCCESS("Demo content ready."))
        self.print_users()

    def print_users(self):
        self.stdout.write(
            "\nDemo users (password: the DEMO_PASSWORD setting, default 'polyphony-demo'):"
        )
        for username, (group, _first, _last) in DEMO_USERS.items():
            self.stdout.write(f"  {username:<14} {group or 'Administrator (superuser)'}")
        # What a content app's demo adds to the users' list (e.g. stories' inbox passphrase).
        for _label, module in demo_modules():
            if getattr(module, "DEMO_NOTES", ""):
                self.stdout.write(f"  {module.DEMO_NOTES}")
