"""Signal handlers of the stories app, connected in StoriesConfig.ready().

- Publishing a story forgets its pre-redaction revisions (stories/revisions.py).
- Leaving review (published, rejected, cancelled, deleted) stamps the private record's
  `purge_after`, and going back into review clears it, so the receipt check and the moderator's
  panel know at once; purge_submissions recomputes the same dates from Wagtail's state anyway.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import pre_delete
from wagtail.signals import page_published, task_submitted, workflow_cancelled, workflow_rejected

from . import retention
from .revisions import forget_unpublished_revisions


def story_published(sender, instance, **kwargs):
    retention.stamp(instance, retention.due_from_today())
    # After the commit: publishing happens inside the workflow's transaction, and Wagtail keeps
    # using the task states and revisions in memory until it returns.
    page_pk = instance.pk
    transaction.on_commit(lambda: _forget(page_pk))


def _forget(page_pk):
    from .models import StoryPage

    page = StoryPage.objects.filter(pk=page_pk).first()
    if page is not None:
        forget_unpublished_revisions(page)


def _story_of(workflow_state):
    from .models import StoryPage

    if workflow_state.content_type_id != ContentType.objects.get_for_model(StoryPage).pk:
        return None
    return StoryPage.objects.filter(pk=int(workflow_state.object_id)).first()


def story_left_review(sender, instance, **kwargs):
    page = _story_of(instance)
    if page is not None and not page.live:
        retention.stamp(page, retention.due_from_today())


def story_back_in_review(sender, instance, **kwargs):
    page = _story_of(instance.workflow_state)
    if page is not None and not page.first_published_at:
        retention.stamp(page, None)


def story_deleted(sender, instance, **kwargs):
    # The record outlives its page (SET_NULL) so the receipt still answers "not published".
    retention.stamp(instance, retention.due_from_today(), only_if_unset=True)


def connect():
    from .models import StoryPage

    page_published.connect(story_published, sender=StoryPage, dispatch_uid="stories.published")
    workflow_rejected.connect(story_left_review, dispatch_uid="stories.rejected")
    workflow_cancelled.connect(story_left_review, dispatch_uid="stories.cancelled")
    task_submitted.connect(story_back_in_review, dispatch_uid="stories.resubmitted")
    pre_delete.connect(story_deleted, sender=StoryPage, dispatch_uid="stories.deleted")
