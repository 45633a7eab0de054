"""The moderation queue as a work queue: counts on the dashboard and in the menu, filters by
language and step checked against the database, the columns a reviewer picks by (age, photo,
contact, who has it open), Approve as the editor's main button, topics of the story's language."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.admin.models import EditingSession
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

from tests.stories.story_builders import (
    edit_url,
    make_private_record,
    make_story,
    make_topic,
    submit_for_moderation,
    workflow_action_url,
)

pytestmark = pytest.mark.django_db

URL = "/admin/stories/moderation/"


def story_in_review(world, users, language, title, *, contact="", days_ago=0):
    page = make_story(world.sections["stories"][language], title, ["Text."], user=users["admin"])
    make_private_record(
        page,
        contact=contact,
        submitted_on=datetime.date.today() - datetime.timedelta(days=days_ago),
    )
    submit_for_moderation(page, users["admin"])
    return page


def approve_safety_review(client, story, user):
    client.force_login(user)
    story.refresh_from_db()
    client.post(
        workflow_action_url(story, "approve", story.current_workflow_task_state), {"comment": ""}
    )


def listed(html):
    return {int(pk) for pk in re.findall(r'data-story="(\d+)"', html)}


def row_of(html, story):
    start = html.index(f'data-story="{story.pk}"')
    return html[start : html.index("</tr>", start)]


def step_links(html):
    return dict(re.findall(r'data-filter-step="(\d+)" data-count="(\d+)"', html))


@pytest.fixture
def queue(world, users, client):
    stories = {
        "en": story_in_review(world, users, "en", "English one", contact="signal: me", days_ago=3),
        "ru": story_in_review(world, users, "ru", "Русская", days_ago=10),
        "de": story_in_review(world, users, "de", "Deutsche"),
        "en2": story_in_review(world, users, "en", "English two"),
    }
    # One story has passed the safety review and waits for publication.
    approve_safety_review(client, stories["en2"], users["moderator"])
    client.logout()
    return stories


def test_language_filter_lists_only_that_languages_stories(client, users, queue):
    client.force_login(users["moderator"])

    english = client.get(URL, {"language": "en"}).content.decode()
    russian = client.get(URL, {"language": "ru"}).content.decode()
    french = client.get(URL, {"language": "fr"}).content.decode()

    assert listed(english) == {queue["en"].pk, queue["en2"].pk}
    assert listed(russian) == {queue["ru"].pk}
    assert listed(french) == set()
    assert "No story waiting matches these filters." in french
    assert 'data-filter-language="en" data-count="2"' in english
    assert 'data-filter-language="fr" data-count="0"' in english


def test_step_filter_follows_the_workflow_state_in_the_database(client, users, queue):
    client.force_login(users["moderator"])
    html = client.get(URL).content.decode()
    queue["en2"].refresh_from_db()
    publication = str(queue["en2"].current_workflow_task.pk)
    queue["en"].refresh_from_db()
    safety = str(queue["en"].current_workflow_task.pk)

    assert step_links(html) == {safety: "3", publication: "1"}
    assert listed(client.get(URL, {"step": publication}).content.decode()) == {queue["en2"].pk}
    assert listed(client.get(URL, {"step": safety, "language": "en"}).content.decode()) == {
        queue["en"].pk
    }


@pytest.mark.parametrize("params", [{"language": "xx"}, {"step": "999999"}, {"step": "abc"}])
def test_unknown_filter_says_so_and_shows_everything(client, users, queue, params):
    client.force_login(users["moderator"])
    html = client.get(URL, params).content.decode()
    assert listed(html) == {story.pk for story in queue.values()}
    assert "There is no such" in html


def test_dashboard_and_menu_count_the_stories_waiting(client, users, queue):
    client.force_login(users["moderator"])
    dashboard = client.get("/admin/").content.decode()
    assert 'data-queue-total="4"' in dashboard
    assert 'data-language-count="2"' in dashboard  # English
    assert "Stories moderation (4)" in dashboard, "the menu item carries the count"

    # A rejected story waits for nobody: the counts drop with it.
    queue["de"].refresh_from_db()
    client.post(
        workflow_action_url(queue["de"], "reject", queue["de"].current_workflow_task_state),
        {"comment": "Not a story.", "confirm": "on"},
    )
    assert 'data-queue-total="3"' in client.get("/admin/").content.decode()


def test_dashboard_panel_is_for_reviewers_only(client, users, queue):
    client.force_login(users["submitter"])
    assert "data-queue-total" not in client.get("/admin/").content.decode()


def test_rows_show_age_in_days_photo_and_contact_for_moderators(client, world, users, queue):
    image = get_image_model().objects.create(title="street", file=get_test_image_file())
    story = queue["ru"]
    story.refresh_from_db()
    story.body = [("paragraph", "Text."), ("photo", {"image": image, "alt_text": "A street"})]
    story.save_revision(user=users["moderator"])
    client.force_login(users["moderator"])

    html = client.get(URL).content.decode()

    assert 'data-age-days="10"' in row_of(html, queue["ru"])
    assert "10 days" in row_of(html, queue["ru"])
    assert 'data-photo="yes"' in row_of(html, queue["ru"])
    assert 'data-photo="no"' in row_of(html, queue["en"])
    assert 'data-contact="yes"' in row_of(html, queue["en"])
    assert 'data-contact="no"' in row_of(html, queue["ru"])
    assert "signal: me" not in html, "a yes/no, never the contact itself"
    # Day precision: no clock time of a contributor anywhere in a row.
    assert not re.search(r"\d{1,2}:\d{2}", row_of(html, queue["en"]))


def test_publishers_get_no_contact_column(client, users, queue):
    client.force_login(users["publisher"])
    html = client.get(URL).content.decode()
    assert listed(html)
    assert "data-contact=" not in html


def test_rows_show_who_has_a_story_locked_or_open(client, users, queue):
    moderator, publisher = users["moderator"], users["publisher"]
    Page.objects.filter(pk=queue["en"].pk).update(
        locked=True, locked_by=moderator, locked_at=timezone.now()
    )
    EditingSession.objects.create(
        user=publisher,
        content_type=ContentType.objects.get_for_model(Page),
        object_id=str(queue["ru"].pk),
        last_seen_at=timezone.now(),
    )
    client.force_login(moderator)

    html = client.get(URL).content.decode()

    assert f'data-locked-by="{moderator.get_username()}"' in row_of(html, queue["en"])
    assert f'data-opened-by="{publisher.get_username()}"' in row_of(html, queue["ru"])
    assert "data-opened-by" not in row_of(html, queue["de"])
    assert "data-locked-by" not in row_of(html, queue["de"])


def test_opening_the_editor_shows_the_reviewer_in_the_queue(client, users, queue):
    client.force_login(users["moderator"])
    client.get(edit_url(queue["de"]))
    html = client.get(URL).content.decode()
    assert f'data-opened-by="{users["moderator"].get_username()}"' in row_of(html, queue["de"])


class _Footer(HTMLParser):
    """The editor's footer: the default button comes before the dropdown of other actions."""

    def __init__(self):
        super().__init__()
        self.buttons = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "button" and "data-workflow-action-name" in attrs:
            self.buttons.append(attrs["data-workflow-action-name"])
        if tag == "button" and "action-save" in attrs.get("class", "").split():
            self.buttons.append("save-draft")


def footer_order(html):
    parser = _Footer()
    parser.feed(html[html.index('<footer class="footer') :])
    return parser.buttons


def test_approve_is_the_main_button_during_a_review(client, users, queue):
    client.force_login(users["moderator"])
    html = client.get(edit_url(queue["en"])).content.decode()
    order = footer_order(html)
    assert order[0] == "approve", order
    assert "reject" in order[1:]
    assert "save-draft" in order[1:], "Save draft is still there, in the menu"


class _Checkboxes(HTMLParser):
    def __init__(self, name):
        super().__init__()
        self.name, self.values, self.selects = name, [], 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("name") != self.name:
            return
        if tag == "input" and attrs.get("type") == "checkbox":
            self.values.append(int(attrs["value"]))
        elif tag == "select":
            self.selects += 1


def test_topics_are_checkboxes_of_the_storys_language_only(client, world, users, queue):
    locales = {code: index.locale for code, index in world.sections["stories"].items()}
    de_exile = make_topic(locales["de"], "Exil", "exil-h9")
    de_prison = make_topic(locales["de"], "Haft", "haft-h9")
    fr_exile = make_topic(locales["fr"], "Exil", "exil-h9")
    en_exile = make_topic(locales["en"], "Exile", "exile-h9")
    client.force_login(users["moderator"])

    parser = _Checkboxes("topics")
    parser.feed(client.get(edit_url(queue["de"])).content.decode())

    assert parser.selects == 0
    assert {de_exile.pk, de_prison.pk} <= set(parser.values)
    assert fr_exile.pk not in parser.values
    assert en_exile.pk not in parser.values
    from stories.models import StoryTopic

    assert set(parser.values) == set(
        StoryTopic.objects.filter(locale=locales["de"]).values_list("pk", flat=True)
    )
