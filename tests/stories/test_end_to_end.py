"""The whole journey, as people do it over HTTP: a contributor without JavaScript sends a story in
Russian (captcha solved from its store), the ingester files it, a moderator redacts it and
approves the safety review, a publisher — a second person — publishes it, and it is live in
Russian with the contributor's markup shown as text."""

import pytest
from django.test import Client
from wagtail.models import WorkflowState

from stories.models import StoryPage
from tests.stories.conversation_helpers import contributor_approves
from tests.stories.sealing_helpers import ingest_and_draft
from tests.stories.story_builders import edit_form_data, edit_url, workflow_action_url
from tests.stories.submission_helpers import receipt_from, submit_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

HOSTILE_TEXT = (
    "Они пришли ночью. <script>alert('xss')</script> <b>жирный</b> <img src=x onerror=alert(1)>"
)
ORIGINAL = "Мой сосед Иван Петров из квартиры 12 написал на меня донос."
REDACTED = "Сосед написал на меня донос."


def login(client, user):
    """force_login passes two-factor authentication too in this suite (tests/conftest.py)."""
    client.logout()
    client.force_login(user)


def approve(client, story, user):
    login(client, user)
    story.refresh_from_db()
    task_state = story.current_workflow_task_state
    response = client.post(workflow_action_url(story, "approve", task_state), {"comment": ""})
    assert response.status_code == 302, response.status_code
    return task_state


def test_a_story_goes_from_the_form_to_live_in_its_language(client, form_pages, users):
    contributor = client
    response = submit_story(
        contributor,
        "/ru/stories/tell/",
        language="ru",
        title="Донос",
        text=f"{ORIGINAL}\n\n{HOSTILE_TEXT}",
        contact="tg: @example",
    )
    assert "Спасибо. Ваша история получена." in response.content.decode()
    code = receipt_from(response)
    assert not StoryPage.objects.exists(), "the public POST must not write to the page tree"

    ingest_and_draft()
    story = StoryPage.objects.get()
    assert story.locale.language_code == "ru" and not story.live

    # A moderator finds it awaiting review, redacts the name and approves the safety review.
    staff = Client()
    login(staff, users["moderator"])
    dashboard = staff.get("/admin/")
    assert dashboard.status_code == 200, dashboard.get("Location")
    dashboard = dashboard.content.decode()
    assert "Донос" in dashboard
    data = edit_form_data(story, [REDACTED, HOSTILE_TEXT])
    assert staff.post(edit_url(story), data).status_code == 302
    safety = approve(staff, story, users["moderator"])
    assert safety.task.name == "Safety review"
    story.refresh_from_db()
    assert not story.live

    # The contributor approves the edited version (tests/stories/test_conversation_*.py), then
    # the publisher, who neither approved the safety review nor edited, publishes.
    contributor_approves(story)
    publication = approve(staff, story, users["publisher"])
    assert publication.task.name == "Publication"
    story.refresh_from_db()
    assert story.live
    state = WorkflowState.objects.for_instance(story).get()
    assert state.status == WorkflowState.STATUS_APPROVED

    # Live in Russian, redacted, with the contributor's markup shown as text.
    page = contributor.get(story.url)
    html = page.content.decode()
    assert page.status_code == 200 and story.url.startswith("/ru/stories/")
    assert '<html lang="ru">' in html
    assert REDACTED in html and "Петров" not in html
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<b>жирный</b>" not in html
    assert "<img src=x" not in html
    assert "tg: @example" not in html
    listing = contributor.get("/ru/stories/").content.decode()
    assert story.url in listing

    # The contributor's code now leads to the published story.
    status = contributor.post("/ru/stories/status/", {"code": code}).content.decode()
    assert "Опубликована." in status and f'href="{story.url}"' in status
