"""Stories in review are seen by Moderators, Publishers and administrators only (issue 13, item 4).

A Russian story waits in the Story moderation workflow, its title and text carrying a canary.
Every role opens every admin view that could show it, over HTTP; the canary must be absent (or
the view refused) for translators, submitters and coordinators, and present for the reviewers,
so the test fails both if the story leaks and if the filter hides it from those who need it.
"""

import json

import pytest
from django.urls import reverse
from wagtail.models import Page

from campaigns.models import CampaignPage
from cms.core.demo import translate_page
from stories.models import StoryPage
from tests.builders import make_page
from tests.stories.story_builders import make_private_record, make_story, submit_for_moderation

CANARY = "Canary7741 Kazan basement"
TEXT_CANARY = "Canary7741 my neighbour Oleg"

FORBIDDEN = ["translator_ru", "translator_uk", "submitter", "coordinator", "letters"]
ALLOWED = ["moderator", "publisher", "admin"]


@pytest.fixture
def in_review(world):
    """A Russian story in its safety review, locked by its moderator, as ingestion leaves it."""
    index = world.sections["stories"]["ru"]
    story = make_story(index, CANARY, [TEXT_CANARY])
    make_private_record(story, consent_translation=True)
    submit_for_moderation(story, None)
    # The locked-pages report lists locked pages only.
    Page.objects.filter(pk=story.pk).update(locked=True, locked_by=world.users["moderator"])
    story.refresh_from_db()
    return story


def _views(story):
    """(name, url) of every admin view that can name or show a page."""
    revision = story.latest_revision
    index = story.get_parent()
    task_state = story.current_workflow_task_state
    return [
        ("editor", reverse("wagtailadmin_pages:edit", args=[story.pk])),
        ("history", reverse("wagtailadmin_pages:history", args=[story.pk])),
        (
            "revision",
            reverse("wagtailadmin_pages:revisions_view", args=[story.pk, revision.pk]),
        ),
        (
            "compare",
            reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[story.pk, "earliest", revision.pk],
            ),
        ),
        ("preview", reverse("wagtailadmin_pages:preview_on_edit", args=[story.pk])),
        ("view draft", reverse("wagtailadmin_pages:view_draft", args=[story.pk])),
        ("revisions", reverse("wagtailadmin_pages:revisions_index", args=[story.pk])),
        ("history results", reverse("wagtailadmin_pages:history_results", args=[story.pk])),
        (
            "workflow preview",
            reverse("wagtailadmin_pages:workflow_preview", args=[story.pk, task_state.task_id]),
        ),
        (
            "workflow detail",
            reverse(
                "wagtailadmin_pages:workflow_history_detail",
                args=[story.pk, task_state.workflow_state_id],
            ),
        ),
        ("delete", reverse("wagtailadmin_pages:delete", args=[story.pk])),
        ("copy", reverse("wagtailadmin_pages:copy", args=[story.pk])),
        ("move", reverse("wagtailadmin_pages:move", args=[story.pk])),
        ("privacy", reverse("wagtailadmin_pages:set_privacy", args=[story.pk])),
        ("explore the story", reverse("wagtailadmin_explore", args=[story.pk])),
        ("chooser at the story", reverse("wagtailadmin_choose_page_child", args=[story.pk])),
        ("usage", reverse("wagtailadmin_pages:usage", args=[story.pk])),
        ("workflow history", reverse("wagtailadmin_pages:workflow_history", args=[story.pk])),
        ("chooser", reverse("wagtailadmin_choose_page_child", args=[index.pk])),
        ("chooser search", reverse("wagtailadmin_choose_page_search") + "?q=basement"),
        ("explorer", reverse("wagtailadmin_explore", args=[index.pk])),
        ("admin search", reverse("wagtailadmin_pages:search") + "?q=basement"),
        ("locked pages", reverse("wagtailadmin_reports:locked_pages")),
        ("locked pages results", reverse("wagtailadmin_reports:locked_pages_results")),
        ("workflows results", reverse("wagtailadmin_reports:workflow_results")),
        ("workflow tasks results", reverse("wagtailadmin_reports:workflow_tasks_results")),
        ("site history results", reverse("wagtailadmin_reports:site_history_results")),
        ("aging pages", reverse("wagtailadmin_reports:aging_pages")),
        ("page types", reverse("wagtailadmin_reports:page_types_usage")),
        (
            "pages of the type",
            reverse("wagtailadmin_pages:type_use", args=["stories", "storypage"]),
        ),
        ("site history", reverse("wagtailadmin_reports:site_history")),
        ("workflows", reverse("wagtailadmin_reports:workflow")),
        ("workflow tasks", reverse("wagtailadmin_reports:workflow_tasks")),
        ("dashboard", reverse("wagtailadmin_home")),
        *(
            (
                f"bulk {action}",
                reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
                + f"?id={story.pk}",
            )
            for action in ("delete", "move", "publish", "unpublish")
        ),
        (
            "bulk all below the index",
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
            + f"?id=all&childOf={index.pk}",
        ),
        ("api listing", f"/admin/api/main/pages/?child_of={index.pk}&fields=title"),
        ("api search", "/admin/api/main/pages/?search=basement"),
        ("api detail", f"/admin/api/main/pages/{story.pk}/"),
    ]


# Where a reviewer must find the story: the views that list or show it to someone allowed.
SHOWN_TO_REVIEWERS = {
    "editor",
    "view draft",
    "revisions",
    "workflow detail",
    "history",
    "revision",
    "compare",
    "chooser",
    "chooser search",
    "explorer",
    "admin search",
    "locked pages",
    "page types",
    "site history",
    "workflows",
    "api listing",
    "api detail",
    "bulk publish",
}


def _body(response):
    return response.content.decode(errors="replace")


@pytest.mark.parametrize("role", FORBIDDEN)
def test_story_in_review_is_not_shown_to(client, world, in_review, role):
    client.force_login(world.users[role])
    leaks = []
    for name, url in _views(in_review):
        response = client.get(url, follow=True)
        body = _body(response)
        if "Canary7741" in body:
            leaks.append(f"{name} ({response.status_code})")
    assert leaks == []


@pytest.mark.parametrize("role", ALLOWED)
def test_story_in_review_is_shown_to_its_reviewers(client, world, in_review, role):
    client.force_login(world.users[role])
    missing = []
    for name, url in _views(in_review):
        if name not in SHOWN_TO_REVIEWERS:
            continue
        response = client.get(url, follow=True)
        if response.status_code != 200 or "Canary7741" not in _body(response):
            missing.append(f"{name} ({response.status_code})")
    assert missing == []


@pytest.mark.parametrize("role", FORBIDDEN)
def test_forbidden_roles_cannot_change_the_story(client, world, in_review, role):
    """Refused, not just unlisted: a POST to the editor changes nothing."""
    client.force_login(world.users[role])
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[in_review.pk]), {"title": "Changed"}
    )
    assert response.status_code in (302, 403)
    in_review.refresh_from_db()
    assert in_review.get_latest_revision_as_object().title == CANARY


@pytest.mark.parametrize("role", ["translator_ru", "submitter"])
def test_preview_of_a_posted_draft_is_refused(client, world, in_review, role):
    client.force_login(world.users[role])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[in_review.pk])
    response = client.post(url, {"title": CANARY})
    assert response.status_code in (302, 403, 404)
    assert "Canary7741" not in _body(client.get(url, follow=True))


def test_api_lists_the_story_to_a_moderator_only(client, world, in_review):
    url = f"/admin/api/main/pages/?child_of={in_review.get_parent().pk}"
    client.force_login(world.users["moderator"])
    ids = [item["id"] for item in json.loads(client.get(url).content)["items"]]
    assert in_review.pk in ids
    client.force_login(world.users["translator_ru"])
    ids = [item["id"] for item in json.loads(client.get(url).content)["items"]]
    assert in_review.pk not in ids


def _in_russian(page):
    return StoryPage.objects.get(translation_key=page.translation_key, locale__language_code="ru")


@pytest.fixture
def live_translated_story(world):
    """A live English story whose contributor consented to translation, translated into Russian
    by wagtail-localize; the Russian draft waits for its own review."""
    index = world.sections["stories"]["en"]
    story = make_story(index, "Leaving Tver", ["We left at night."], publish=True)
    make_private_record(story, consent_translation=True)
    translate_page(story, "ru", {"Leaving Tver": "Уезжая из Твери"}, publish=False)
    russian = _in_russian(story)
    return story, russian


def test_translator_edits_the_translation_of_a_live_consented_story(
    client, world, live_translated_story
):
    _story, russian = live_translated_story
    client.force_login(world.users["translator_ru"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk]), follow=True)
    assert response.status_code == 200
    assert "Уезжая из Твери" in _body(response)
    listing = client.get(reverse("wagtailadmin_explore", args=[russian.get_parent().pk]))
    assert "Уезжая из Твери" in _body(listing)
    # Not for another language's translators.
    client.force_login(world.users["translator_uk"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk]), follow=True)
    assert "Уезжая из Твери" not in _body(response)


def test_no_translation_access_when_the_contributor_refused(client, world, live_translated_story):
    story, russian = live_translated_story
    story.private_record.consent_translation = False
    story.private_record.save()
    client.force_login(world.users["translator_ru"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk]), follow=True)
    assert "Уезжая из Твери" not in _body(response)


def test_translation_of_a_story_still_in_review_stays_hidden(client, world):
    """A source story that is not live gives its translation no pass."""
    index = world.sections["stories"]["en"]
    story = make_story(index, "Canary7741 source", ["text"])
    make_private_record(story, consent_translation=True)
    translate_page(story, "ru", {"Canary7741 source": "Canary7741 перевод"}, publish=False)
    submit_for_moderation(story, None)
    russian = _in_russian(story)
    client.force_login(world.users["translator_ru"])
    for url in (
        reverse("wagtailadmin_pages:edit", args=[russian.pk]),
        reverse("wagtailadmin_pages:history", args=[russian.pk]),
        reverse("wagtailadmin_explore", args=[russian.get_parent().pk]),
    ):
        response = client.get(url)
        assert response.status_code in (200, 302, 403)
        assert "Canary7741" not in _body(response)


def test_translators_still_reach_their_campaigns(client, world):
    index = world.sections["campaigns"]["en"]
    campaign = make_page(
        index, CampaignPage, "Free the journalists", standfirst="They told the truth.", publish=True
    )
    translate_page(campaign, "ru", {"Free the journalists": "Свободу журналистам"})
    russian = CampaignPage.objects.get(
        translation_key=campaign.translation_key, locale__language_code="ru"
    )
    client.force_login(world.users["translator_ru"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[russian.pk]), follow=True)
    assert response.status_code == 200
    assert "Свободу журналистам" in _body(response)
    listing = client.get(reverse("wagtailadmin_explore", args=[russian.get_parent().pk]))
    assert "Свободу журналистам" in _body(listing)


def test_everyone_sees_a_live_story_without_pending_changes(client, world):
    index = world.sections["stories"]["ru"]
    make_story(index, "Canary7741 live", ["text"], publish=True)
    client.force_login(world.users["submitter"])
    listing = client.get(reverse("wagtailadmin_explore", args=[index.pk]))
    assert "Canary7741 live" in _body(listing)


def test_a_live_story_with_a_draft_in_review_is_hidden(client, world):
    """Re-review after an edit: the draft is unreviewed text again."""
    index = world.sections["stories"]["ru"]
    story = make_story(index, "Canary7741 live", ["text"], publish=True)
    story.title = "Canary7741 edited"
    story.save_revision()
    submit_for_moderation(story, None)
    client.force_login(world.users["translator_ru"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]), follow=True)
    assert "Canary7741 edited" not in _body(response)
    client.force_login(world.users["moderator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]), follow=True)
    assert "Canary7741 edited" in _body(response)
