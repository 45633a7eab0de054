"""Forget the text a story had before moderators made it safe.

Every save in the editor keeps a revision, so after a moderator redacts a name the original
sentence still sits in older revisions, readable by anyone with edit rights and in every backup.
Once a story is published, only the published revision is kept.

What points at revisions, and what we do with it so the workflow history stays readable:

- TaskState.revision (CASCADE): repointed to the published revision, so the record of who
  approved which step survives (deleting would cascade the task states away).
- WorkflowState.current_task_state: points at task states, which are kept.
- PageLogEntry.revision (no database constraint): set to NULL; the entries themselves stay, but
  their label (the title at the time) becomes the published title and a rename's old and new
  titles are dropped, since a contributor's original title can identify them as well as the text.
- Comment.revision_created (CASCADE): repointed, so moderators' comments are kept.
- Page.latest_revision (SET_NULL): set to the published revision.
- wagtail-localize's TranslationLog.revision is SET_NULL by the database delete itself.
"""

from django.db import transaction
from wagtail.models import Comment, Page, PageLogEntry, Revision, TaskState


@transaction.atomic
def forget_unpublished_revisions(page):
    """Delete every revision of `page` except its live one. Returns how many were deleted."""
    page = Page.objects.select_for_update().get(pk=page.pk)
    live_id = page.live_revision_id
    if live_id is None:
        return 0
    stale = list(
        Revision.objects.for_instance(page).exclude(pk=live_id).values_list("pk", flat=True)
    )
    if not stale:
        return 0
    TaskState.objects.filter(revision_id__in=stale).update(revision_id=live_id)
    Comment.objects.filter(revision_created_id__in=stale).update(revision_created_id=live_id)
    PageLogEntry.objects.filter(revision_id__in=stale).update(revision_id=None)
    forget_old_titles(page)
    Page.objects.filter(pk=page.pk).update(
        latest_revision_id=live_id, has_unpublished_changes=False
    )
    deleted, _ = Revision.objects.filter(pk__in=stale).delete()
    forget_stale_draft_title(live_id)
    return deleted


def forget_stale_draft_title(revision_id):
    """A revision stores the page row as it was when saved, and Wagtail copies the row's
    `draft_title` — the title of the *previous* save — into it: after a moderator retitles a
    story, the kept revision still holds the contributor's title there."""
    revision = Revision.objects.get(pk=revision_id)
    content = revision.content
    if content.get("draft_title") != content.get("title"):
        content["draft_title"] = content.get("title")
        Revision.objects.filter(pk=revision_id).update(content=content)


def forget_old_titles(page):
    entries = PageLogEntry.objects.filter(page_id=page.pk)
    entries.exclude(label=page.title).update(label=page.title)
    for entry in entries.filter(action="wagtail.rename"):
        entry.data = {key: value for key, value in (entry.data or {}).items() if key != "title"}
        entry.save(update_fields=["data"])
