from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CmsConfig(AppConfig):
    """The CMS core: pages shared by every section, roles, workflows and site settings."""

    name = "cms.core"
    # The label predates the split of project wiring and core app: tables stay cms_*.
    label = "cms"
    verbose_name = "Polyphony CMS"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # checks: the publish guard's system checks register on import (cms/core/checks.py).
        from . import captcha_rows, checks, edge_cache, fragments, hosts, signals  # noqa: F401
        from .sync import sync_after_migrate

        # Roles and workflows are declarations: every migrate makes the database match them.
        post_migrate.connect(sync_after_migrate, sender=self)
        signals.connect()
        edge_cache.connect()
        fragments.connect()
        captcha_rows.connect()
        # Publishing a source syncs its translations (cms/core/translation/memory.py).
        from .translation import memory

        memory.connect()
