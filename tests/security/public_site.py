"""The public site as hostile-input tests need it: one page of every public type, the
parameters each reads and the fields each form takes, with the forms' rate limits out of the way
(these tests send hundreds of requests from one address).

"Every public type" is every page a reader can reach without signing in: the home and a
standard page, the stories (index, a story, topic feeds, the form, the receipt check and, with a
code, the conversation's three forms), the campaigns (index, a campaign with its donation
amounts, feed, API), the volunteering section (filters, feed, a vacancy and its application), the
letters (directory filters, the random pick, a prisoner, the letter form, the letter receipt),
the captcha's image, audio and refresh, the sitemaps, robots.txt, the favicon and the
if-blocked page.
"""

import json

import pytest
from django.test import Client

from campaigns.models import BankAccount, CampaignPage
from cms.core.models import StandardPage
from tests.builders import make_page
from tests.campaigns.conftest import block, items
from tests.letters.conftest import letter_fields
from tests.stories.story_builders import make_story, make_topic
from tests.stories.submission_helpers import ensure_form_pages, story_fields
from tests.volunteering.helpers import ANSWERS, make_vacancy

RATE_LIMITS = (
    "STORY_RATE_LIMIT_PER_ADDRESS",
    "STORY_RATE_LIMIT_GLOBAL_PER_MINUTE",
    "STORY_RATE_LIMIT_REFUSED_PER_MINUTE",
    "STORY_RECEIPT_RATE_LIMIT_PER_ADDRESS",
    "STORY_RECEIPT_RATE_LIMIT_GLOBAL_PER_MINUTE",
    "VACANCY_APPLY_PER_ADDRESS",
    "VACANCY_APPLY_GLOBAL_PER_MINUTE",
    "CAPTCHA_REFRESH_PER_ADDRESS",
    "CAPTCHA_REFRESH_GLOBAL_PER_MINUTE",
    "LETTERS_RATE_LIMIT_PER_ADDRESS",
    "LETTERS_RATE_LIMIT_GLOBAL_PER_MINUTE",
    "LETTERS_CHECK_RATE_LIMIT_PER_ADDRESS",
    "LETTERS_RATE_LIMIT_REFUSED_PER_MINUTE",
    "LETTERS_RECEIPT_RATE_LIMIT_PER_ADDRESS",
)
# The fields of each kind of form, beside its human check (captcha, honeypot, fill time).
HUMAN_CHECK = ["captcha_0", "captcha_1", "form_started", "website"]
LETTER_FIELDS = [*letter_fields(), "action"]
# The status page's conversation: the code, which form, the version decided on, its texts.
CONVERSATION_FIELDS = ["code", "action", "text", "version", "confirm"]


def _campaign(world):
    account = BankAccount.objects.create(
        label="Main", holder_name="Polyphony e.V.", iban="DE89370400440532013000", currency="EUR"
    )
    donation = block(
        "donation",
        {
            "heading": "Donate",
            "text": "",
            "account": account.pk,
            "amounts": items(["10", "25"]),
            "open_amount": True,
            "remittance": "Donation",
        },
    )
    return make_page(
        world.sections["campaigns"]["en"],
        CampaignPage,
        "Free them all",
        user=world.users["admin"],
        publish=True,
        slug="free-them-all",
        standfirst="Free them all: what we demand.",
        body=json.dumps([donation]),
    )


@pytest.fixture(name="public_site")
def public_site_fixture(world, settings, letters):
    """One page of every public type in English, and the parameters each reads."""
    settings.FORM_MIN_FILL_SECONDS = 0
    for name in RATE_LIMITS:
        setattr(settings, name, 10_000)
    ensure_form_pages(world, languages=("en",))
    stories = world.sections["stories"]["en"]
    topic = make_topic(stories.locale, "Prison", "prison")
    story = make_story(stories, "A night", ["It happened."], publish=True, topics=[topic])
    vacancy = make_vacancy(world.sections["volunteering"]["en"], "Translator")
    standard = make_page(
        world.homes["en"], StandardPage, "About us", user=world.users["admin"], publish=True
    )
    campaign = _campaign(world)
    directory, prisoner = letters["directory"], letters["anna"]
    from captcha.models import CaptchaStore

    key = CaptchaStore.generate_key()
    filters = ["team", "skill", "language", "hours", "remote", "page"]
    api = ["limit", "offset", "order", "fields", "search", "locale", "child_of", "type", "id"]
    pages = {
        "/en/": ["page"],
        standard.url: ["page"],
        "/en/stories/": ["topic", "page"],
        "/en/stories/feed/": ["topic"],
        "/en/stories/feed/prison/": ["page"],
        story.url: ["page"],
        "/en/stories/tell/": ["language"],
        "/en/stories/status/": ["code"],
        "/en/campaigns/": ["page", "status"],
        "/en/campaigns/feed/": ["page"],
        campaign.url: ["amount", "page"],
        "/en/volunteer/": filters,
        "/en/volunteer/feed/": filters,
        vacancy.url: ["page"],
        vacancy.url + "thanks/": ["page"],
        directory.url: ["campaign", "region", "birthday", "few", "page"],
        directory.url + "random/": ["few"],
        directory.url + "status/": ["code"],
        prisoner.url: ["page"],
        prisoner.url + "write/": ["language"],
        "/en/if-blocked/": ["x"],
        f"/captcha/image/{key}/": ["x"],
        f"/captcha/image/{key}@2/": ["x"],
        f"/captcha/audio/{key}.wav": ["x"],
        "/captcha/refresh/": ["x"],
        "/sitemap.xml": ["p"],
        "/sitemap-en.xml": ["p"],
        "/robots.txt": ["x"],
        "/favicon.ico": ["x"],
        "/api/v2/campaigns/": api,
        f"/api/v2/campaigns/{campaign.pk}/": ["fields"],
        "/api/v2/campaigns/find/": ["id", "html_path"],
    }
    forms = {
        "/en/stories/tell/": [*story_fields(), "topics", *HUMAN_CHECK],
        "/en/stories/status/": CONVERSATION_FIELDS,
        vacancy.url: [*ANSWERS, *HUMAN_CHECK],
        prisoner.url + "write/": [*LETTER_FIELDS, *HUMAN_CHECK],
        directory.url + "status/": ["code"],
    }
    return {"pages": pages, "forms": forms}


@pytest.fixture(name="conversation")
def conversation_fixture(public_site, users):
    """A contributor's code with a thread behind it: a moderator's question and an edited
    version waiting for their decision, so the status page shows all three of its forms."""
    from tests.stories.conversation_helpers import (
        check,
        conversation_url,
        send_and_draft,
        version_position,
    )
    from tests.stories.inbox_helpers import moderator_client

    moderator = moderator_client(users["moderator"])
    code, item = send_and_draft(Client(), moderator)
    assert moderator.post(conversation_url(item, "write/"), {"text": "Perm?"}).status_code == 302
    assert moderator.post(conversation_url(item, "version/"), {"note": ""}).status_code == 302
    version = version_position(check(Client(), code))
    public_site["conversation"] = {"code": code, "version": version}
    return public_site["conversation"]


FAKE_CODE = "7K2M-XQ9D-4RTA-W8PB-N3C6"


def valid_body(public_site, client, url):
    """A body this form takes, its human check solved: hostile values then replace some of its
    fields, so that they go as far into the form as they can."""
    from tests.stories.submission_helpers import solved_protection

    if url.endswith("/stories/status/"):
        conversation = public_site.get("conversation")
        if conversation is None:
            return {"code": FAKE_CODE}
        return {**conversation, "action": "answer", "text": "Yes, Perm is fine."}
    if url.endswith("/status/"):
        return {"code": FAKE_CODE}
    if url.endswith("/tell/"):
        answers = story_fields()
    elif url.endswith("/write/"):
        answers = {**letter_fields(), "action": "send"}
    else:
        answers = ANSWERS
    return {**solved_protection(client, url), **answers}


def parameters(pages):
    """Every (page, parameter) pair, each as likely to be drawn as any other."""
    return [(url, name) for url, names in sorted(pages.items()) for name in names]


def query(params):
    return "&".join(f"{name}={value}" for name, value in params)


@pytest.fixture(name="lenient_client")
def lenient_client_fixture():
    # A 500 is an answer here, to be reported with the others, not an exception in the test.
    return Client(raise_request_exception=False)
