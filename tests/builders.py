"""Tiny builder functions for tests (no factory framework): the world most tests stand on, and
helpers to make pages and log in over HTTP.

The world reuses the demo's own building blocks (cms.core.demo) so that tests and `make run` build
pages the same way, through wagtail-localize, but it stays minimal: no demo articles.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Collection, Locale, Page

from campaigns.models import CampaignIndexPage
from cms.core.demo import ensure_page, translate_page
from cms.core.demo.base import DEMO_USERS, ensure_homes, ensure_users
from cms.core.models import HomePage
from cms.core.publishing import setup_publishing
from cms.core.sync import ensure_data_migration_permissions, sync_all
from stories.models import StoryIndexPage
from volunteering.models import VacancyIndexPage

PASSWORD = "test-password-123"  # noqa: S105
LANGUAGES = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
SECTIONS = {
    "stories": (StoryIndexPage, "stories", "Stories"),
    "campaigns": (CampaignIndexPage, "campaigns", "Campaigns"),
    "volunteering": (VacancyIndexPage, "volunteer", "Volunteer"),
}


def ensure_roots():
    """Wagtail's migrations create the root page and collection; a flushed database has none."""
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="en"))
        )
    if not Collection.objects.filter(depth=1).exists():
        Collection.add_root(name="Root")


def build_world():
    ensure_data_migration_permissions()
    sync_all()
    ensure_roots()
    users = ensure_users(PASSWORD)
    homes = ensure_homes(LANGUAGES, user=users["admin"])
    for model, slug, title in SECTIONS.values():
        index = ensure_page(homes["en"], model, slug, title=title, show_in_menus=True)
        for language in LANGUAGES[1:]:
            translate_page(index, language, {title: f"{title} ({language})"})
    sync_all()


def refresh_world():
    """What a copied world needs from code changed since it was built (tests/dbtemplates.py):
    the roles' permissions and the workflows, synced as after a migrate. Cheap, unlike
    build_world() on an existing world (its translations are synced again)."""
    ensure_data_migration_permissions()
    sync_all()


@dataclass
class World:
    homes: dict
    sections: dict
    users: dict

    @classmethod
    def load(cls):
        homes = {h.locale.language_code: h for h in HomePage.objects.select_related("locale")}
        sections = {
            name: {p.locale.language_code: p for p in model.objects.select_related("locale")}
            for name, (model, _slug, _title) in SECTIONS.items()
        }
        users = {u.username: u for u in get_user_model().objects.filter(username__in=DEMO_USERS)}
        return cls(homes=homes, sections=sections, users=users)


def make_page(parent, model, title, *, user=None, publish=False, **fields):
    """A child page of `parent`, saved with a revision like the admin does; draft by default."""
    # Page.live defaults to True: a draft must say it is not live, as the admin does.
    page = model(title=title, locale=parent.locale, owner=user, live=False, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        # Set-up, not the behaviour under test: exclusive workflows (cms/core/publishing.py)
        # don't apply.
        with setup_publishing():
            revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page
