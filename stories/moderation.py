"""Who moderates stories, and which stories wait for them.

The reviewers are not hard-coded: they are the groups of the tasks of the workflow that
cms/core/workflows.py attaches to the stories section ("Story moderation": Moderators, then
Publishers), so changing that declaration changes who sees the moderation listing.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Task, WorkflowState

from cms.core.workflows import STORY_MODERATION


def story_workflow_name():
    return STORY_MODERATION.name


def is_story_reviewer(user):
    """Superusers, and members of a group that reviews a task of the story workflow."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    reviewer_groups = set()
    tasks = Task.objects.filter(workflow_tasks__workflow__name=story_workflow_name(), active=True)
    for task in tasks.specific():
        # Any group-approval task, ours (cms.SecondPairOfEyesTask) included, has `groups`.
        if hasattr(task, "groups"):
            reviewer_groups.update(task.groups.values_list("pk", flat=True))
    return user.groups.filter(pk__in=reviewer_groups).exists()


def waiting_states():
    """The in-progress workflow states of stories, oldest submission first (a queryset: the
    listing pages through it rather than loading every state)."""
    from stories.models import StoryPage

    return (
        # In progress only: a rejected story ("needs changes" in Wagtail) waits for nobody.
        WorkflowState.objects.filter(
            status=WorkflowState.STATUS_IN_PROGRESS,
            content_type=ContentType.objects.get_for_model(StoryPage),
        )
        .select_related("current_task_state__task", "workflow", "requested_by")
        .order_by("created_at", "pk")
    )


def with_stories(states):
    """(workflow state, story) pairs for `states`, with one more query: the pages with their
    locale. A state whose page is gone is left out."""
    from stories.models import StoryPage

    states = list(states)
    pages = StoryPage.objects.filter(pk__in=[int(state.object_id) for state in states])
    pages = {page.pk: page for page in pages.select_related("locale")}
    return [
        (state, pages[int(state.object_id)]) for state in states if int(state.object_id) in pages
    ]
