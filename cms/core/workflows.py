"""Every workflow, declared as data. `manage.py sync_workflows` makes the database match.

Where a workflow attaches decides which pages it governs (the nearest ancestor wins):

- "section:<name>" — that section's index in every locale;
- "section:<name>@source" — only in the source language;
- "home@translations" — the home page of every language but the source one, so every translated
  page without a more specific workflow goes through translation review.

Wagtail's built-in "Moderators approval" workflow is attached to the root page by Wagtail's own
migration and would give the "Moderators" group (our story safety reviewers) the power to publish
any page in the tree. It is deactivated and detached: every page we care about has a workflow of
ours, and a page with none (a home or a generic page) is editable only by Publishers anyway.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class TaskSpec:
    name: str
    groups: tuple[str, ...]
    # "wagtailcore.GroupApprovalTask" or a task model of ours.
    model: str = "wagtailcore.GroupApprovalTask"


@dataclass(frozen=True)
class WorkflowSpec:
    name: str
    tasks: tuple[TaskSpec, ...]
    attach_to: tuple[str, ...]
    # Exclusive: pages under it go live only through it, never by pressing Publish
    # (cms/core/publishing.py). One-step workflows of publishers need not be: their approver could
    # publish anyway.
    exclusive: bool = False


WORKFLOWS = (
    WorkflowSpec(
        name="Story moderation",
        tasks=(
            TaskSpec("Safety review", ("Moderators",), model="cms.ReviewTask"),
            TaskSpec("Publication", ("Publishers",), model="cms.SecondPairOfEyesTask"),
        ),
        attach_to=("section:stories",),
        exclusive=True,
    ),
    WorkflowSpec(
        name="Campaign publication",
        tasks=(TaskSpec("Campaign approval", ("Publishers",)),),
        attach_to=("section:campaigns@source",),
    ),
    WorkflowSpec(
        name="Translation review",
        tasks=(TaskSpec("Translation approval", ("Publishers",)),),
        attach_to=("home@translations",),
    ),
    WorkflowSpec(
        name="Vacancy publication",
        tasks=(TaskSpec("Vacancy approval", ("Volunteer coordinators",)),),
        attach_to=("section:volunteering",),
    ),
)

RETIRED_WORKFLOWS = ("Moderators approval",)


def exclusive_workflow_names():
    return {spec.name for spec in WORKFLOWS if spec.exclusive}
