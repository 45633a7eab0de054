"""The public site as hostile-input tests need it: one page of every public type, the
parameters each reads and the fields each form takes, with the forms' rate limits out of the way
(these tests send hundreds of requests from one address)."""

import pytest
from django.test import Client

from tests.stories.story_builders import make_story, make_topic
from tests.stories.submission_helpers import ensure_form_pages, story_fields
from tests.volunteering.helpers import ANSWERS, make_vacancy

RATE_LIMITS = (
    "STORY_RATE_LIMIT_PER_ADDRESS",
    "STORY_RATE_LIMIT_GLOBAL_PER_MINUTE",
    "STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS",
    "STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE",
    "VACANCY_APPLY_PER_ADDRESS",
    "VACANCY_APPLY_GLOBAL_PER_MINUTE",
)


@pytest.fixture(name="public_site")
def public_site_fixture(world, settings):
    """One page of every public type in English, and the parameters each reads."""
    settings.FORM_MIN_FILL_SECONDS = 0
    for name in RATE_LIMITS:
        setattr(settings, name, 10_000)
    ensure_form_pages(world, languages=("en",))
    stories = world.sections["stories"]["en"]
    topic = make_topic(stories.locale, "Prison", "prison")
    story = make_story(stories, "A night", ["It happened."], publish=True, topics=[topic])
    vacancy = make_vacancy(world.sections["volunteering"]["en"], "Translator")
    filters = ["team", "skill", "language", "hours", "remote", "page"]
    api = ["limit", "offset", "order", "fields", "search", "locale", "child_of", "type", "id"]
    pages = {
        "/en/": ["page"],
        "/en/stories/": ["topic", "page"],
        "/en/stories/feed/": ["topic"],
        "/en/stories/feed/prison/": ["page"],
        story.url: ["page"],
        "/en/stories/tell/": ["language"],
        "/en/stories/status/": ["code"],
        "/en/campaigns/": ["page", "status"],
        "/en/campaigns/feed/": ["page"],
        "/en/volunteer/": filters,
        "/en/volunteer/feed/": filters,
        vacancy.url: ["page"],
        "/captcha/refresh/": ["x"],
        "/sitemap.xml": ["p"],
        "/sitemap-en.xml": ["p"],
        "/robots.txt": ["x"],
        "/api/v2/campaigns/": api,
        "/api/v2/campaigns/find/": ["id", "html_path"],
    }
    forms = {
        "/en/stories/tell/": [*story_fields(), "topics", "captcha_0", "captcha_1", "form_started"],
        "/en/stories/status/": ["code"],
        vacancy.url: [*ANSWERS, "captcha_0", "captcha_1", "form_started"],
    }
    return {"pages": pages, "forms": forms}


def parameters(pages):
    """Every (page, parameter) pair, each as likely to be drawn as any other."""
    return [(url, name) for url, names in sorted(pages.items()) for name in names]


def query(params):
    return "&".join(f"{name}={value}" for name, value in params)


@pytest.fixture(name="lenient_client")
def lenient_client_fixture():
    # A 500 is an answer here, to be reported with the others, not an exception in the test.
    return Client(raise_request_exception=False)
