"""The "Stories moderation" admin listing: who sees it, what it shows, what it costs."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.stories.story_builders import make_private_record, make_story, submit_for_moderation

pytestmark = pytest.mark.django_db

URL = "/admin/stories/moderation/"


def login(client, user):
    client.force_login(user)


def story_in_review(world, users, language, title):
    page = make_story(world.sections["stories"][language], title, ["Text."], user=users["admin"])
    make_private_record(page, contact="")
    submit_for_moderation(page, users["admin"])
    return page


def test_url_is_the_named_route():
    assert reverse("stories_moderation") == URL


@pytest.mark.parametrize("username", ["moderator", "publisher", "admin"])
def test_reviewers_see_waiting_stories_with_task_date_language_and_edit_link(
    client, world, users, username
):
    en = story_in_review(world, users, "en", "Waiting in English")
    ru = story_in_review(world, users, "ru", "Ждёт в очереди")
    make_story(world.sections["stories"]["en"], "Published already", ["Text."], publish=True)
    login(client, users[username])

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Waiting in English" in html
    assert "Ждёт в очереди" in html
    assert "Published already" not in html
    assert f'href="/admin/pages/{en.pk}/edit/"' in html
    assert f'href="/admin/pages/{ru.pk}/edit/"' in html
    assert "Safety review" in html
    assert 'lang="ru"' in html
    assert f'"{URL}"' in html, "the admin menu links to the listing"


def test_listing_follows_the_workflow_to_the_publication_step(client, world, users):
    story = story_in_review(world, users, "en", "Half way")
    login(client, users["moderator"])
    story.refresh_from_db()
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=[story.pk, "approve", story.current_workflow_task_state.pk],
        ),
        {"comment": ""},
    )
    html = client.get(URL).content.decode()
    row = html[html.index(f'data-story="{story.pk}"') :]
    assert row.index("Publication") < row.index("</tr>")


@pytest.mark.parametrize("username", ["submitter", "translator_ru", "coordinator"])
def test_other_roles_are_refused_and_have_no_menu_item(client, world, users, username):
    story_in_review(world, users, "en", "Not for you")
    login(client, users[username])

    response = client.get(URL)

    assert response.status_code in (302, 403)
    assert "Not for you" not in response.content.decode()
    dashboard = client.get("/admin/").content.decode()
    assert f'"{URL}"' not in dashboard


def test_number_of_queries_does_not_grow_with_the_number_of_stories(client, world, users):
    login(client, users["moderator"])
    story_in_review(world, users, "en", "One")
    client.get(URL)  # warm caches (content types, locales)
    with CaptureQueriesContext(connection) as one:
        client.get(URL)
    for number in range(6):
        story_in_review(world, users, ["en", "ru", "de"][number % 3], f"Story {number}")
    with CaptureQueriesContext(connection) as seven:
        response = client.get(URL)
    assert response.content.decode().count("data-story=") == 7
    assert len(seven) == len(one)


def test_new_story_is_in_the_moderators_awaiting_your_review_panel(client, world, users):
    story_in_review(world, users, "en", "Fresh from the form")
    login(client, users["moderator"])
    assert "Fresh from the form" in client.get("/admin/").content.decode()
    client.logout()
    login(client, users["publisher"])
    assert "Fresh from the form" not in client.get("/admin/").content.decode(), (
        "publishers review only after the safety review"
    )
