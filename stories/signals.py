"""Signal handlers of the stories app, connected in StoriesConfig.ready()."""

from django.db import transaction
from wagtail.signals import page_published

from .revisions import forget_unpublished_revisions


def story_published(sender, instance, **kwargs):
    # After the commit: publishing happens inside the workflow's transaction, and Wagtail keeps
    # using the task states and revisions in memory until it returns.
    page_pk = instance.pk
    transaction.on_commit(lambda: _forget(page_pk))


def _forget(page_pk):
    from .models import StoryPage

    page = StoryPage.objects.filter(pk=page_pk).first()
    if page is not None:
        forget_unpublished_revisions(page)


def connect():
    from .models import StoryPage

    page_published.connect(story_published, sender=StoryPage, dispatch_uid="stories.published")
