"""Every reader page type costs at most its budget of SQL queries (BUDGETS, never more than
BUDGET), and the same number with ten stories as with ten thousand: nothing on a reader's page
may grow with the content. The budgets are what each page costs now (issue #21 cut them: site
settings, view restrictions and the static parts of forms, the home page and vacancy pages are
remembered under content_version): a page that needs one more query must say why here."""

import pytest

from bench.dataset import load
from stories.models import StoryPage, StoryTopic
from tests.perf.conftest import count_queries

pytestmark = pytest.mark.django_db

BUDGET = 10
BUDGETS = {
    "home": 1,
    "standard page": 1,
    "story index": 2,
    "story index, topic": 3,
    "story index, page 2": 2,
    "story page": 1,
    "story feed": 5,
    # Its route, whether its language has topics, its Site (for its action URL) and the
    # captcha's row: one INSERT per form shown, each reader's own.
    "story form": 4,
    "receipt check": 2,
    "campaign index": 2,
    "campaign page": 1,
    "campaign translation": 1,
    "bench campaign": 1,
    "vacancy index": 2,
    "vacancy index, filter": 2,
    "vacancy page": 4,
    "vacancy index, ru": 2,
    "sitemap index": 1,
    "sitemap": 5,
}


def reader_urls():
    """One URL per reader page type, chosen among pages the small dataset already has, so the
    same URLs are asked again after the big load."""
    story = StoryPage.objects.live().filter(locale__language_code="en").order_by("path").last()
    topic = StoryTopic.objects.filter(locale__language_code="en", stories__live=True).first()
    return {
        "home": "/en/",
        "standard page": "/en/about/",
        "story index": "/en/stories/",
        "story index, topic": f"/en/stories/?topic={topic.slug}",
        "story index, page 2": "/en/stories/?page=2",
        "story page": story.url,
        "story feed": "/en/stories/feed/",
        "story form": "/en/stories/tell/",
        "receipt check": "/en/stories/status/",
        "campaign index": "/en/campaigns/",
        "campaign page": "/en/campaigns/free-the-voices/",
        "campaign translation": "/ru/campaigns/free-the-voices/",
        "bench campaign": "/de/campaigns/bench-campaign-1/",
        "vacancy index": "/en/volunteer/",
        "vacancy index, filter": "/en/volunteer/?team=translation",
        "vacancy page": "/en/volunteer/story-editor/",
        "vacancy index, ru": "/ru/volunteer/",
        "sitemap index": "/sitemap.xml",
        "sitemap": "/sitemap-en.xml",
    }


def measure(reader, urls):
    return {name: count_queries(reader, url) for name, url in urls.items()}


def report(small, large, urls):
    lines = [f"{'page':<24} {'10':>4} {'10,000':>7}  url"]
    for name, url in urls.items():
        lines.append(f"{name:<24} {len(small[name][1]):>4} {len(large[name][1]):>7}  {url}")
    return "\n".join(lines)


def test_reader_pages_stay_within_budget_and_do_not_grow_with_stories(demo_site, reader):
    load(stories=10, campaigns=2, vacancies=5, waiting=0, stream=False)
    urls = reader_urls()
    # A site that has served pages before: first renders create rows once (site settings,
    # image renditions) and each such write rightly moves the fragment cache's version.
    for url in urls.values():
        reader.get(url)
    small = measure(reader, urls)

    load(stories=9_990, campaigns=198, vacancies=495, waiting=0, stream=False)
    assert StoryPage.objects.live().filter(slug__startswith="bench-").count() == 10_000
    large = measure(reader, urls)

    table = report(small, large, urls)
    print(table)  # the figures, with pytest -s
    assert all(status == 200 for status, _queries in small.values()), table
    assert all(status == 200 for status, _queries in large.values()), table
    grew = [name for name in urls if len(large[name][1]) != len(small[name][1])]
    assert not grew, f"query counts changed with 10,000 stories: {grew}\n{table}"
    over = [name for name in urls if len(large[name][1]) > BUDGETS.get(name, BUDGET)]
    assert not over, f"over their budgets {BUDGETS}: {over}\n{table}"
    assert max(BUDGETS.values(), default=0) <= BUDGET
