"""The receipt check at /<lang>/stories/status/: by POST only, four states, wrong codes limited."""

import pytest
from django.core.management import call_command
from wagtail.models import WorkflowState

from cms.core.publishing import setup_publishing
from stories.models import SealedSubmission, StoryPage
from stories.privacy.receipts import new_receipt_code
from stories.sealing import inbox
from tests.stories.sealing_helpers import ingest_and_draft
from tests.stories.submission_helpers import receipt_from, submit_story

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

STATUS = "/en/stories/status/"


def check(client, code, **headers):
    return client.post(STATUS, {"code": code}, **headers)


def state_text(response):
    html = response.content.decode()
    assert response.status_code == 200, response.status_code
    for label in ("Received.", "In review.", "Published.", "Not published."):
        if label in html:
            return label
    return None


def test_a_code_follows_its_story_through_every_state(client, form_pages):
    code = receipt_from(submit_story(client, "/en/stories/tell/"))
    assert state_text(check(client, code)) == "Received."
    # People retype codes: lower case, spaces instead of dashes, O for 0 all work.
    assert state_text(check(client, code.lower().replace("-", " "))) == "Received."

    ingest_and_draft()
    story = StoryPage.objects.get()
    response = check(client, code)
    assert state_text(response) == "In review."
    # Only the state: no title, no date, nothing of the story.
    assert story.title not in response.content.decode()
    assert code not in response.content.decode(), "the code is not echoed back"

    with setup_publishing():  # set-up, not the story workflow under test
        story.get_latest_revision().publish(skip_permission_checks=True)
    response = check(client, code)
    assert state_text(response) == "Published."
    assert f'href="{story.url}"' in response.content.decode()


def test_a_cancelled_story_is_still_in_review_and_a_deleted_one_is_not_published(
    client, form_pages
):
    code = receipt_from(submit_story(client, "/en/stories/tell/"))
    ingest_and_draft()
    story = StoryPage.objects.get()
    # Cancelling the run decides nothing (stories/retention.py).
    WorkflowState.objects.for_instance(story).get().cancel(user=None)
    assert state_text(check(client, code)) == "In review."

    SealedSubmission.objects.filter(page=story).update(page=None)
    assert state_text(check(client, code)) == "Not published."


def test_a_sealed_item_is_received_until_a_draft_then_declined_is_not_published(client, form_pages):
    code = receipt_from(submit_story(client, "/en/stories/tell/"))
    call_command("ingest_submissions", "--no-delay")
    assert state_text(check(client, code)) == "Received."
    inbox.decline(SealedSubmission.objects.get(), "not_a_story")
    assert state_text(check(client, code)) == "Not published."


def test_the_code_is_never_taken_from_a_url(client, form_pages):
    code = receipt_from(submit_story(client, "/en/stories/tell/"))
    response = client.get(STATUS, {"code": code})
    assert state_text(response) is None
    assert code not in response.content.decode()


def test_a_wrong_code_says_so_and_is_rate_limited(client, form_pages, settings):
    settings.STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS = 3
    right = receipt_from(submit_story(client, "/ru/stories/tell/"))
    for wrong in (new_receipt_code(), "not a code", new_receipt_code()):
        response = client.post("/ru/stories/status/", {"code": wrong})
        assert response.status_code == 200
        assert "Мы не знаем истории с этим кодом" in response.content.decode() or (
            "Это не похоже на код квитанции" in response.content.decode()
        )
    # The address is now blocked: even the right code gets no answer (no oracle).
    response = client.post("/ru/stories/status/", {"code": right})
    assert response.status_code == 429
    assert "Пожалуйста, подождите" in response.content.decode()
    assert "Получена" not in response.content.decode()
    # Another address still can check.
    other = client.post("/ru/stories/status/", {"code": right}, REMOTE_ADDR="10.1.2.3")
    assert other.status_code == 200 and "Получена" in other.content.decode()


def test_right_codes_do_not_count_against_the_limit(client, form_pages, settings):
    settings.STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS = 1
    code = receipt_from(submit_story(client, "/en/stories/tell/"))
    for _ in range(5):
        assert state_text(check(client, code)) == "Received."


def test_the_status_page_is_never_cached(client, form_pages):
    response = client.get(STATUS)
    assert "no-store" in response["Cache-Control"]
    assert "no-store" in check(client, new_receipt_code())["Cache-Control"]


def test_the_status_page_stays_out_of_sitemaps_and_search_engines(client, form_pages):
    tell, status = form_pages["en"]
    assert status.get_sitemap_urls() == []
    # The form answers noindex too (issue 22): neither is listed (tests/checkers/test_sitemaps.py).
    assert tell.get_sitemap_urls() == []
    assert '<meta name="robots" content="noindex">' in client.get(STATUS).content.decode()
