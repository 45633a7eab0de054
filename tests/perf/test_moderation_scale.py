"""The "Stories moderation" listing with ten thousand stories waiting: one page of them, the
oldest first, a link to the next page, and the same number of queries as with ten."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.dataset import load
from stories.models import StoryPage
from stories.moderation import waiting_states

pytestmark = pytest.mark.django_db

URL = "/admin/stories/moderation/"


def queries_of_second_get(client, url):
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return response, len(queries)


def oldest_waiting_story():
    state = waiting_states().first()
    return StoryPage.objects.get(pk=int(state.object_id))


def test_listing_pages_through_ten_thousand_waiting_stories_in_constant_queries(
    client, world, users
):
    load(stories=0, campaigns=0, vacancies=0, waiting=10, stream=False)
    client.force_login(users["moderator"])
    small, small_count = queries_of_second_get(client, URL)
    assert small.content.decode().count("data-story=") == 10

    load(stories=0, campaigns=0, vacancies=0, waiting=9_990, stream=False)
    large, large_count = queries_of_second_get(client, URL)

    html = large.content.decode()
    assert large.status_code == 200
    assert waiting_states().count() == 10_000
    assert 0 < html.count("data-story=") < 100, "one page of stories, not all of them"
    oldest = oldest_waiting_story()
    assert f'data-story="{oldest.pk}"' in html
    assert oldest.title in html
    assert "?p=2" in html, "a link to the next page"
    assert large_count == small_count


def test_second_page_continues_where_the_first_ended(client, world, users):
    load(stories=0, campaigns=0, vacancies=0, waiting=60, stream=False)
    client.force_login(users["moderator"])
    first = client.get(URL).content.decode()
    second = client.get(URL + "?p=2").content.decode()
    ids = [int(state.object_id) for state in waiting_states()]
    assert f'data-story="{ids[0]}"' in first
    assert f'data-story="{ids[-1]}"' not in first
    assert f'data-story="{ids[-1]}"' in second
    assert f'data-story="{ids[0]}"' not in second
