"""Signal handlers of the stories app, connected in StoriesConfig.ready().

- Publishing a story forgets its pre-redaction revisions (stories/revisions.py), the photos only
  those revisions used, and wagtail-localize's copies of the old text (stories/cleanup.py).
- Deleting a story deletes its photos and its translation sources with it; unpublishing or
  rejecting it gives its photos new file names, so the URLs handed out before stop working
  (stories/photo_files.py).
- A rejection stamps the private record's `purge_after` and going back into review clears it,
  so the receipt check and the moderator's panel know at once; purge_submissions recomputes the
  same dates from Wagtail's state anyway. A cancelled run is not a rejection: it stamps nothing
  (stories/retention.py).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, pre_delete
from wagtail.signals import page_published, page_unpublished, task_submitted, workflow_rejected

from . import cleanup, retention
from .revisions import forget_unpublished_revisions


def story_published(sender, instance, **kwargs):
    retention.stamp(instance, retention.due_from_today())
    # After the commit: publishing happens inside the workflow's transaction, and Wagtail keeps
    # using the task states and revisions in memory until it returns.
    page_pk = instance.pk
    transaction.on_commit(lambda: _after_publication(page_pk))


def _after_publication(page_pk):
    from .models import StoryPage

    page = StoryPage.objects.filter(pk=page_pk).first()
    if page is None or not page.live:
        return
    used_before = cleanup.photos_of(page)
    forget_unpublished_revisions(page)
    cleanup.forget_unused_photos(page, used_before)
    cleanup.refresh_translation_sources(page)


def _story_of(workflow_state):
    from .models import StoryPage

    if workflow_state.content_type_id != ContentType.objects.get_for_model(StoryPage).pk:
        return None
    return StoryPage.objects.filter(pk=int(workflow_state.object_id)).first()


def story_rejected(sender, instance, **kwargs):
    page = _story_of(instance)
    if page is None or page.live:
        return
    outcome = retention.outcome_of(page)
    if outcome is not None and not outcome.published:
        retention.stamp(page, outcome.decided_on + retention.retention())
        cleanup.hide_photos(page)


def story_unpublished(sender, instance, **kwargs):
    outcome = retention.outcome_of(instance)
    if outcome is not None and not outcome.published:
        retention.stamp(instance, outcome.decided_on + retention.retention())
    # Whatever comes next, readers' copies of its photo URLs stop working now.
    cleanup.hide_photos(instance)


def story_back_in_review(sender, instance, **kwargs):
    page = _story_of(instance.workflow_state)
    if page is not None and not page.live:
        retention.stamp(page, None)


def story_deleted(sender, instance, **kwargs):
    # The record outlives its page (SET_NULL) so the receipt still answers "not published".
    retention.stamp(instance, retention.due_from_today(), only_if_unset=True)
    # Read what the story uses while its revisions and localize's segments still exist; delete
    # it once the page is gone (post_delete, same transaction: a failed delete keeps it all).
    instance._story_leftovers = (
        cleanup.photos_of(instance),
        cleanup.translation_data_of(instance.translation_key, instance.locale_id),
    )


def story_gone(sender, instance, **kwargs):
    leftovers = getattr(instance, "_story_leftovers", None)
    if leftovers is None:
        return
    photos, (strings, templates) = leftovers
    cleanup.delete_photos(photos, instance.pk)
    cleanup.forget_translation_sources(
        instance.translation_key, instance.locale_id, strings, templates
    )


def connect():
    from .models import StoryPage

    page_published.connect(story_published, sender=StoryPage, dispatch_uid="stories.published")
    page_unpublished.connect(
        story_unpublished, sender=StoryPage, dispatch_uid="stories.unpublished"
    )
    workflow_rejected.connect(story_rejected, dispatch_uid="stories.rejected")
    task_submitted.connect(story_back_in_review, dispatch_uid="stories.resubmitted")
    pre_delete.connect(story_deleted, sender=StoryPage, dispatch_uid="stories.deleted")
    post_delete.connect(story_gone, sender=StoryPage, dispatch_uid="stories.gone")
