"""Workflows as declared in cms/core/workflows.py, and the second pair of eyes on stories."""

from contextlib import contextmanager

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission, Task, Workflow, WorkflowPage, WorkflowTask

from cms.core.models import StandardPage
from cms.core.sync import sync_roles, sync_workflows
from cms.core.translation.review import workflow_for
from cms.core.workflows import (
    CAMPAIGN_PUBLICATION,
    SAFETY_REVIEW,
    STORY_MODERATION,
    TRANSLATION_REVIEW,
    VACANCY_PUBLICATION,
)
from tests.admin_client import workflow_action_url
from tests.builders import make_page
from tests.stories.story_builders import make_private_record, make_story, submit_for_moderation


def snapshot():
    return {
        "groups": sorted(
            (g.name, sorted(g.permissions.values_list("codename", flat=True)))
            for g in Group.objects.all()
        ),
        "page_perms": sorted(
            GroupPagePermission.objects.values_list("group__name", "page_id", "permission_id")
        ),
        "workflows": sorted(Workflow.objects.values_list("name", "active")),
        "tasks": sorted(
            WorkflowTask.objects.values_list("workflow__name", "task__name", "sort_order")
        ),
        "attached": sorted(WorkflowPage.objects.values_list("page_id", "workflow__name")),
        "task_groups": sorted(
            (t.name, sorted(g.name for g in t.specific.groups.all()))
            for t in Task.objects.filter(active=True)
        ),
    }


def test_syncing_twice_gives_the_same_rows(world):
    sync_roles()
    sync_workflows()
    first = snapshot()
    assert sync_roles() == 0
    assert sync_workflows() == 0
    assert snapshot() == first


def test_sync_restores_what_someone_changed_by_hand(world):
    publishers = Group.objects.get(name="Publishers")
    GroupPagePermission.objects.filter(group=publishers).delete()
    moderators = Group.objects.get(name="Moderators")
    GroupPagePermission.objects.create(
        group=moderators,
        page=world.homes["en"],
        permission=Permission.objects.get(codename="publish_page"),
    )
    assert sync_roles() > 0
    assert GroupPagePermission.objects.filter(group=publishers).exists()
    assert not GroupPagePermission.objects.filter(
        group=moderators, permission__codename="publish_page"
    ).exists()


def test_workflows_attach_where_declared(world):
    stories = world.sections["stories"]
    assert all(STORY_MODERATION.governs(page.get_workflow()) for page in stories.values())
    assert VACANCY_PUBLICATION.governs(world.sections["volunteering"]["ru"].get_workflow())
    assert CAMPAIGN_PUBLICATION.governs(world.sections["campaigns"]["en"].get_workflow())
    # Translated campaigns and other translated pages go through translation review.
    assert TRANSLATION_REVIEW.governs(world.sections["campaigns"]["ru"].get_workflow())
    assert TRANSLATION_REVIEW.governs(world.homes["de"].get_workflow())
    assert world.homes["en"].get_workflow() is None


@contextmanager
def renamed(spec, name):
    """A maintainer's rename: the one edit in cms/core/workflows.py (the new name, the old one in
    `formerly`), made on the declared object itself so every module holding it sees it."""
    before = spec.name, spec.formerly
    object.__setattr__(spec, "formerly", (spec.name,))
    object.__setattr__(spec, "name", name)
    try:
        yield spec
    finally:
        object.__setattr__(spec, "name", before[0])
        object.__setattr__(spec, "formerly", before[1])


def test_a_workflow_renamed_in_its_spec_is_renamed_everywhere(client, world):
    """sync_workflows, the stories moderation listing and translation review read one spec:
    after a rename they still agree on the same row, and a story already in review stays there.
    (Had any of them kept the old name as a string, it would find no workflow.)"""
    story = make_story(world.sections["stories"]["en"], "Waiting story", ["Text."])
    make_private_record(story)
    submit_for_moderation(story, world.users["admin"])
    story_workflow = STORY_MODERATION.workflow()
    russian = make_page(world.homes["ru"], StandardPage, "Кампания", publish=True)
    with (
        renamed(STORY_MODERATION, "Story review"),
        renamed(CAMPAIGN_PUBLICATION, "Campaign sign-off"),
        renamed(TRANSLATION_REVIEW, "Translation check"),
    ):
        assert sync_workflows() > 0
        assert not Workflow.objects.filter(
            name__in=["Story moderation", "Campaign publication", "Translation review"]
        ).exists()
        # Renamed in place: the same row, attached where declared, the story still in it.
        assert STORY_MODERATION.workflow().pk == story_workflow.pk
        assert world.sections["stories"]["en"].get_workflow().name == "Story review"
        story.refresh_from_db()
        assert story.current_workflow_state.workflow.name == "Story review"

        # The moderation listing finds its reviewers through the renamed workflow.
        client.force_login(world.users["moderator"])
        listing = client.get(reverse("stories_moderation"))
        assert listing.status_code == 200
        assert "Waiting story" in listing.content.decode()

        # Translation review picks the renamed workflows for an original and for a translation.
        assert workflow_for(russian, CAMPAIGN_PUBLICATION).name == "Campaign sign-off"
        assert russian.get_workflow().name == "Translation check"
        assert sync_workflows() == 0


def test_wagtails_builtin_moderators_approval_is_retired(world):
    builtin = Workflow.objects.get(name="Moderators approval")
    assert not builtin.active
    assert not WorkflowPage.objects.filter(workflow=builtin).exists()


@pytest.fixture
def story_in_review(world):
    story = make_page(
        world.sections["stories"]["en"], StandardPage, "A story", user=world.users["submitter"]
    )
    story.get_workflow().start(story, world.users["submitter"])
    story.refresh_from_db()
    return story


def approve(client, user, page):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    client.force_login(user)
    client.post(workflow_action_url(page, "approve", state))
    state.refresh_from_db()
    return state


def test_the_same_person_cannot_approve_both_steps(client, world, story_in_review):
    both = world.users["moderator2"]
    both.groups.add(Group.objects.get(name="Publishers"))
    review = approve(client, both, story_in_review)
    assert review.status == review.STATUS_APPROVED
    publication = approve(client, both, story_in_review)
    assert publication.status == publication.STATUS_IN_PROGRESS
    story_in_review.refresh_from_db()
    assert not story_in_review.live
    # The editor does not offer them the approval either.
    response = client.get(f"/admin/pages/{story_in_review.pk}/edit/")
    assert f"/approve/{publication.pk}/" not in response.content.decode()

    other = approve(client, world.users["publisher"], story_in_review)
    assert other.status == other.STATUS_APPROVED
    story_in_review.refresh_from_db()
    assert story_in_review.live


def test_who_saved_the_latest_revision_cannot_give_final_approval(client, world, story_in_review):
    approve(client, world.users["moderator"], story_in_review)
    story_in_review.refresh_from_db()
    story_in_review.title = "A story, tidied by the publisher"
    story_in_review.save_revision(user=world.users["publisher"])
    publication = approve(client, world.users["publisher"], story_in_review)
    assert publication.status == publication.STATUS_IN_PROGRESS
    story_in_review.refresh_from_db()
    assert not story_in_review.live


def test_a_task_that_changed_type_leaves_no_second_namesake(world):
    """A site from before Safety review became cms.ReviewTask kept a plain group approval named
    "Safety review": sync retires it (unless a page is still in review in it)."""
    from wagtail.models import GroupApprovalTask

    old = GroupApprovalTask.objects.create(name=SAFETY_REVIEW.name)
    sync_workflows()
    old.refresh_from_db()
    assert not old.active
    active = Task.objects.filter(name=SAFETY_REVIEW.name, active=True)
    assert [task.specific._meta.label for task in active] == ["cms.ReviewTask"]
    assert sync_workflows() == 0, "nothing left to change"
