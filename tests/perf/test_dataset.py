"""The bench dataset is a well-formed page tree whose pages behave like real ones: readers see
the stories, campaigns have live translations, waiting stories are in the moderation workflow,
and the command refuses to load twice."""

import pytest
from wagtail.models import Page, WorkflowState

from bench import dataset
from campaigns.models import CampaignPage
from cms.core.workflows import STORY_MODERATION
from stories.models import StoryPage, StoryPrivateRecord
from volunteering.models import VacancyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(world):
    return dataset.load(stories=60, campaigns=6, vacancies=20, waiting=12, stream=False)


def test_the_tree_has_no_problems_after_a_load(loaded):
    assert all(not problems for problems in Page.find_problems())
    assert loaded["stories"] == 60 and loaded["waiting"] == 12


def test_stories_are_live_in_every_language_and_listed(loaded, reader):
    bench = StoryPage.objects.live().filter(slug__startswith="bench-")
    assert bench.count() == 60
    assert {page.locale.language_code for page in bench} == {"en", "ru", "uk", "de", "fr", "cs"}
    story = bench.filter(locale__language_code="ru").order_by("-first_published_at").first()
    response = reader.get(story.url)
    assert response.status_code == 200
    assert story.title in response.content.decode()
    assert story.topics.exists()
    revision = story.latest_revision.as_object()
    assert revision.title == story.title
    assert list(revision.topics.all()) == list(story.topics.all())
    assert story.title in reader.get("/ru/stories/").content.decode()


def test_campaigns_have_live_translations_sharing_their_key(loaded, reader):
    source = CampaignPage.objects.get(slug="bench-campaign-6", locale__language_code="en")
    languages = {page.locale.language_code for page in source.get_translations().live()}
    assert languages == {"ru", "uk", "de", "fr", "cs"}
    response = reader.get("/uk/campaigns/bench-campaign-6/")
    assert response.status_code == 200
    assert 'hreflang="de"' in response.content.decode()


def test_vacancies_mostly_open_some_past_their_deadline(loaded):
    bench = VacancyPage.objects.filter(slug__startswith="bench-")
    assert bench.count() == 20
    assert 0 < bench.open().count() < 20


def test_waiting_stories_are_drafts_in_the_first_moderation_step(loaded):
    waiting = StoryPage.objects.filter(slug__startswith="bench-waiting-")
    assert waiting.count() == 12
    page = waiting.first()
    assert not page.live and page.first_published_at is None
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert STORY_MODERATION.governs(state.workflow)
    assert state.current_task_state.task.name == "Safety review"
    assert state.current_task_state.revision_id == page.latest_revision_id
    assert StoryPrivateRecord.objects.filter(page=page).exists()


def test_the_command_refuses_to_load_twice(loaded, capsys):
    assert dataset.main(["--stories", "1"]) == 2
    assert "already loaded" in capsys.readouterr().err
