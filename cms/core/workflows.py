"""Every workflow, declared once as data. `manage.py sync_workflows` makes the database match.

Each workflow is a named module-level spec (STORY_MODERATION, CAMPAIGN_PUBLICATION, ...). Code
that needs a workflow refers to the spec, never to its name or where it attaches: the ingestion
pipeline, the moderation listing, translation review and sync_workflows all read the same object,
so renaming a workflow here renames it everywhere (tests/cms/test_workflows.py proves it). To
rename one, change `name` and keep the old name in `formerly`: sync_workflows then renames the row
and what is in review stays in review.

Where a workflow attaches decides which pages it governs (the nearest ancestor wins):

- in_section("<name>") — that section's index in every locale;
- in_section("<name>", source_only=True) — only in the source language;
- TRANSLATED_HOMES — the home page of every language but the source one, so every translated
  page without a more specific workflow goes through translation review.

Wagtail's built-in "Moderators approval" workflow is attached to the root page by Wagtail's own
migration and would give the "Moderators" group (our story safety reviewers) the power to publish
any page in the tree. It is deactivated and detached: every page we care about has a workflow of
ours, and a page with none (a home or a generic page) is editable only by Publishers anyway.
"""

from dataclasses import dataclass

from cms.core.sections import SECTIONS


@dataclass(frozen=True)
class TaskSpec:
    name: str
    groups: tuple[str, ...]
    # "wagtailcore.GroupApprovalTask" or a task model of ours.
    model: str = "wagtailcore.GroupApprovalTask"


@dataclass(frozen=True)
class Attachment:
    """Pages a workflow attaches to: a section's index pages, or the translated home pages."""

    section: str | None = None
    source_only: bool = False

    def __post_init__(self):
        if self.section is not None and self.section not in SECTIONS:
            raise ValueError(f"cms/core/workflows.py: unknown section {self.section!r}")

    @property
    def translated_homes(self):
        return self.section is None


def in_section(section, *, source_only=False):
    return Attachment(section=section, source_only=source_only)


TRANSLATED_HOMES = Attachment()


@dataclass(frozen=True)
class WorkflowSpec:
    name: str
    tasks: tuple[TaskSpec, ...]
    attach_to: tuple[Attachment, ...]
    # Exclusive: pages under it go live only through it, never by pressing Publish
    # (cms/core/publishing.py). One-step workflows of publishers need not be: their approver could
    # publish anyway.
    exclusive: bool = False
    # Names this workflow had before: sync_workflows renames such a row instead of making another.
    formerly: tuple[str, ...] = ()

    def workflow(self):
        """This workflow's row, or None before sync_workflows has made it."""
        from wagtail.models import Workflow

        return Workflow.objects.filter(name=self.name, active=True).first()

    def governs(self, workflow):
        """Whether a Workflow row (e.g. a page's `get_workflow()`) is this one."""
        return workflow is not None and workflow.name == self.name


SAFETY_REVIEW = TaskSpec("Safety review", ("Moderators",), model="cms.ReviewTask")
STORY_PUBLICATION = TaskSpec("Publication", ("Publishers",), model="cms.SecondPairOfEyesTask")
CAMPAIGN_APPROVAL = TaskSpec("Campaign approval", ("Publishers",))
TRANSLATION_APPROVAL = TaskSpec("Translation approval", ("Publishers",))
VACANCY_APPROVAL = TaskSpec("Vacancy approval", ("Volunteer coordinators",))

STORY_MODERATION = WorkflowSpec(
    name="Story moderation",
    tasks=(SAFETY_REVIEW, STORY_PUBLICATION),
    attach_to=(in_section("stories"),),
    exclusive=True,
)
CAMPAIGN_PUBLICATION = WorkflowSpec(
    name="Campaign publication",
    tasks=(CAMPAIGN_APPROVAL,),
    # Prisoner pages (letters) are campaign content: the same editors, the same approval.
    attach_to=(
        in_section("campaigns", source_only=True),
        in_section("letters", source_only=True),
    ),
)
TRANSLATION_REVIEW = WorkflowSpec(
    name="Translation review",
    tasks=(TRANSLATION_APPROVAL,),
    attach_to=(TRANSLATED_HOMES,),
)
VACANCY_PUBLICATION = WorkflowSpec(
    name="Vacancy publication",
    tasks=(VACANCY_APPROVAL,),
    attach_to=(in_section("volunteering"),),
)

WORKFLOWS = (STORY_MODERATION, CAMPAIGN_PUBLICATION, TRANSLATION_REVIEW, VACANCY_PUBLICATION)

RETIRED_WORKFLOWS = ("Moderators approval",)


def exclusive_workflow_names():
    return {spec.name for spec in WORKFLOWS if spec.exclusive}
