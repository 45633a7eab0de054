"""The role matrix of ARCHITECTURE.md, exercised over HTTP as each demo user.

Every row says what a role may do; every test checks both the answer the admin gives and the
saved state (a refused edit leaves the old title, a refused publish leaves the page not live).
"""

import pytest
from django.urls import reverse

from cms.core.models import StandardPage
from stories.models import StoryPage
from tests.admin_client import post_edit, workflow_action_url
from tests.builders import make_page

ROLES = ["admin", "submitter", "moderator", "translator_ru", "publisher", "coordinator"]
SECTIONS = ["stories", "campaigns", "volunteering"]

# role -> sections where the role may add pages
MAY_ADD = {
    "admin": {"stories", "campaigns", "volunteering"},
    "submitter": {"stories", "campaigns", "volunteering"},
    "moderator": {"stories"},
    "translator_ru": set(),
    "publisher": {"stories", "campaigns", "volunteering"},
    "coordinator": {"volunteering"},
}
# role -> sections where the role may edit a draft someone else wrote
MAY_EDIT_OTHERS = {
    "admin": {"stories", "campaigns", "volunteering"},
    "submitter": set(),
    "moderator": {"stories"},
    "translator_ru": set(),
    "publisher": {"stories", "campaigns", "volunteering"},
    "coordinator": {"volunteering"},
}
# role -> sections where pressing Publish makes a draft live. Nobody publishes a story
# directly: stories go live only through "Story moderation" (cms/core/publishing.py).
MAY_PUBLISH = {
    "admin": {"campaigns", "volunteering"},
    "submitter": set(),
    "moderator": set(),
    "translator_ru": set(),
    "publisher": {"campaigns", "volunteering"},
    "coordinator": {"volunteering"},
}
# workflow task -> roles that may approve it
MAY_APPROVE = {
    "Safety review": {"admin", "moderator"},
    "Campaign approval": {"admin", "publisher"},
    "Vacancy approval": {"admin", "coordinator"},
    "Translation approval": {"admin", "publisher"},
}


def draft_in(world, section, language="en", title="Someone else's draft"):
    # The stories section holds stories only (StoryIndexPage.subpage_types).
    model = StoryPage if section == "stories" else StandardPage
    return make_page(world.sections[section][language], model, title, user=world.users["admin"])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("section", SECTIONS)
def test_adding_pages_to_a_section(client, world, role, section):
    client.force_login(world.users[role])
    index = world.sections[section]["en"]
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[index.pk]), follow=True)
    # With one allowed page type Wagtail goes straight to its form.
    reached_a_form = response.status_code == 200 and (
        response.request["PATH_INFO"].startswith("/admin/pages/add/")
        or b"add-subpage" in response.content
        or b"Create a page in" in response.content
    )
    assert reached_a_form == (section in MAY_ADD[role])


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("section", SECTIONS)
def test_editing_someone_elses_draft(client, world, role, section):
    draft = draft_in(world, section)
    client.force_login(world.users[role])
    shown, saved = post_edit(client, draft, title="Edited by " + role, **{"body-count": "0"})
    draft.refresh_from_db()
    allowed = section in MAY_EDIT_OTHERS[role]
    assert (draft.get_latest_revision().content["title"] == "Edited by " + role) == allowed
    if not allowed:
        assert shown.status_code in (302, 403)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("section", SECTIONS)
def test_publishing_a_draft(client, world, role, section):
    draft = draft_in(world, section)
    client.force_login(world.users[role])
    post_edit(client, draft, action="action-publish", **{"body-count": "0"})
    draft.refresh_from_db()
    assert draft.live == (section in MAY_PUBLISH[role])


def in_workflow(world, page, starter="admin"):
    page.get_workflow().start(page, world.users[starter])
    page.refresh_from_db()
    return page.current_workflow_task_state


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("section", "language", "task_name"),
    [
        ("stories", "en", "Safety review"),
        ("campaigns", "en", "Campaign approval"),
        ("volunteering", "en", "Vacancy approval"),
        ("campaigns", "ru", "Translation approval"),
    ],
)
def test_approving_workflow_tasks(client, world, role, section, language, task_name):
    page = draft_in(world, section, language)
    task_state = in_workflow(world, page, starter="submitter")
    assert task_state.task.name == task_name
    client.force_login(world.users[role])
    client.post(workflow_action_url(page, "approve", task_state))
    task_state.refresh_from_db()
    approved = task_state.status == task_state.STATUS_APPROVED
    assert approved == (role in MAY_APPROVE[task_name])


@pytest.mark.parametrize("role", ROLES)
def test_approving_story_publication_step(client, world, role):
    """The second step of Story moderation: Publishers, and never whoever acted before."""
    story = draft_in(world, "stories")
    first = in_workflow(world, story, starter="submitter")
    first.task.specific.on_action(first, world.users["moderator2"], "approve")
    story.refresh_from_db()
    second = story.current_workflow_task_state
    assert second.task.name == "Publication"
    client.force_login(world.users[role])
    client.post(workflow_action_url(story, "approve", second))
    second.refresh_from_db()
    story.refresh_from_db()
    # admin saved the draft's latest revision (draft_in), so the second-pair rule refuses them.
    assert story.live == (role == "publisher")


@pytest.mark.parametrize(
    ("role", "language", "allowed"),
    [
        ("translator_ru", "en", False),
        ("translator_ru", "ru", True),
        ("translator_uk", "ru", False),
        ("translator_uk", "uk", True),
        ("submitter", "en", False),
        ("moderator", "en", False),
        ("coordinator", "en", False),
        ("publisher", "en", True),
        ("publisher", "ru", True),
    ],
)
def test_editing_a_language_tree(client, world, role, language, allowed):
    """Translators edit their own language's pages only, never the source."""
    page = draft_in(world, "campaigns", language, title="A page in " + language)
    client.force_login(world.users[role])
    post_edit(client, page, title="Changed", **{"body-count": "0"})
    page.refresh_from_db()
    assert (page.get_latest_revision().content["title"] == "Changed") == allowed


@pytest.mark.parametrize("role", ["submitter", "translator_ru", "translator_uk"])
def test_submitters_and_translators_can_never_publish(client, world, role):
    for language in ("en", "ru", "uk"):
        page = draft_in(world, "campaigns", language)
        client.force_login(world.users[role])
        post_edit(client, page, action="action-publish", **{"body-count": "0"})
        page.refresh_from_db()
        assert not page.live


@pytest.mark.parametrize("role", ROLES)
def test_users_and_settings_are_for_administrators(client, world, role):
    client.force_login(world.users[role])
    for url in (
        reverse("wagtailusers_users:index"),
        reverse("wagtailsettings:edit", args=["cms", "sitesettings"]),
    ):
        response = client.get(url, follow=True)
        # Wagtail answers a refusal by sending the user back to the dashboard.
        reached = response.status_code == 200 and response.request["PATH_INFO"].startswith(url)
        assert reached == (role == "admin")


@pytest.mark.parametrize("role", ["admin", "publisher"])
def test_nobody_creates_and_publishes_a_story_in_one_go(client, world, role):
    """Create-and-publish is a second way past the workflow; it is refused too."""
    index = world.sections["stories"]["en"]
    client.force_login(world.users[role])
    url = reverse("wagtailadmin_pages:add", args=["stories", "storypage", index.pk])
    form = {"title": "Straight to live", "body-count": "0", "credit": "anonymous"}

    # The same form without Publish saves a draft: the data is valid, so a refusal below is
    # the workflow rule and not a form error.
    before = set(index.get_children().values_list("pk", flat=True))
    client.post(url, {**form, "slug": "a-draft"})
    index.refresh_from_db()  # get_children() trusts a cached numchild
    drafts = index.get_children().exclude(pk__in=before)
    assert drafts.count() == 1 and not drafts.get().live

    before |= set(drafts.values_list("pk", flat=True))
    client.post(url, {**form, "slug": "straight", "action-publish": "action-publish"})
    index.refresh_from_db()
    assert not index.get_children().exclude(pk__in=before).filter(live=True).exists()
