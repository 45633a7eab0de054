"""Keep the tree and its grants sound as it grows.

- Grants and workflows attach to section index pages and locale homes. When one is created (a
  new language, a new section), sync again so the new page is covered from its first moment.
- wagtail-localize publishes a new translation on commit from a page object cached when its
  revision was saved. If children were added to it in the same transaction (translating a
  subtree), that stale object writes `numchild=0` back and every child answers 404
  (wagtail-localize #773). Recount on publish; it is one indexed query.
"""

from django.db.models.signals import post_save
from wagtail.models import Page
from wagtail.signals import page_published


def _structure_models():
    from cms.core.models import HomePage
    from cms.core.sections import section_models

    return (HomePage, *section_models())


def on_page_saved(sender, instance, created, raw=False, **kwargs):
    if raw or not created or not isinstance(instance, _structure_models()):
        return
    from cms.core.sync import sync_roles, sync_workflows

    sync_roles()
    sync_workflows()


def repair_numchild(sender, instance, **kwargs):
    actual = Page.objects.filter(path__startswith=instance.path, depth=instance.depth + 1).count()
    if actual != instance.numchild:
        Page.objects.filter(pk=instance.pk).update(numchild=actual)
        instance.numchild = actual


def connect():
    post_save.connect(on_page_saved, dispatch_uid="cms-structure-sync")
    page_published.connect(repair_numchild, dispatch_uid="cms-repair-numchild")
