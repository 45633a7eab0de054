"""Anyone can find the story form and the receipt check, in their language (issue 13, item 6),
and the form says what is wrong at the top of the page, without JavaScript.

Each locale's home, story index, a story and a campaign page are fetched over HTTP and their
links read from the HTML: the form (/<lang>/stories/tell/) and the receipt check
(/<lang>/stories/status/) must be linked with the link text in the page's language.
"""

import json
import re
import uuid
from html.parser import HTMLParser

import pytest
from django.utils import translation

from campaigns.demo import story_form_call_to_action
from campaigns.models import CampaignPage
from cms.core.demo import translate_page
from stories.models import ReceiptStatusPage, StorySubmissionPage
from tests.builders import LANGUAGES, make_page
from tests.stories.story_builders import make_story
from tests.stories.submission_helpers import solved_protection, story_fields


class _Links(HTMLParser):
    """(href, text) of every link, and the text of <title>."""

    def __init__(self):
        super().__init__()
        self.links, self.title, self._href, self._text, self._in_title = [], "", None, "", False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), ""
        elif tag == "title":
            self._in_title = True

    def handle_data(self, data):
        if self._href is not None:
            self._text += data
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(self._text.split())))
            self._href = None
        elif tag == "title":
            self._in_title = False


def parse(response):
    parser = _Links()
    parser.feed(response.content.decode())
    return parser


def texts_linking_to(response, href):
    return {text for link, text in parse(response).links if link == href}


def translated(language, message):
    with translation.override(language):
        return translation.gettext(message)


@pytest.fixture
def form_pages_everywhere(world):
    """The form and the receipt check in English, translated into every language as editors do
    (so each language's page is the translation of the English one)."""
    index = world.sections["stories"]["en"]
    tell = make_page(index, StorySubmissionPage, "Tell your story", slug="tell", publish=True)
    status = make_page(index, ReceiptStatusPage, "Check your story", slug="status", publish=True)
    for language in LANGUAGES[1:]:
        translate_page(tell, language, {})
        translate_page(status, language, {})
    return tell, status


def _expect_both_links(response, language):
    assert response.status_code == 200
    tell_texts = texts_linking_to(response, f"/{language}/stories/tell/")
    status_texts = texts_linking_to(response, f"/{language}/stories/status/")
    assert translated(language, "Tell your story") in tell_texts, tell_texts
    assert translated(language, "Check the state of a story") in status_texts, status_texts


def test_home_and_story_index_link_the_form_and_the_receipt_check(
    client, world, form_pages_everywhere
):
    for language in LANGUAGES:
        home = client.get(f"/{language}/")
        _expect_both_links(home, language)
        # Twice on the home page: among its first actions and in the footer.
        tell = [text for href, text in parse(home).links if href == f"/{language}/stories/tell/"]
        assert len(tell) >= 2, language
        _expect_both_links(client.get(f"/{language}/stories/"), language)


def test_the_end_of_every_story_links_the_form(client, world, form_pages_everywhere):
    for language in LANGUAGES:
        index = world.sections["stories"][language]
        story = make_story(index, "Leaving", ["We left."], publish=True)
        response = client.get(story.url)
        _expect_both_links(response, language)
        body = response.content.decode()
        # After the story itself, before the footer.
        tell_at = body.index(f'href="/{language}/stories/tell/"')
        assert body.index("</article>") < tell_at < body.index("<footer")


def test_every_page_footer_links_them(client, world, form_pages_everywhere):
    for language in LANGUAGES:
        for path in ("campaigns/", "volunteer/", "stories/tell/", "no-such-page/"):
            response = client.get(f"/{language}/{path}")
            footer = response.content.decode().split('<footer class="site-footer">', 1)[1]
            assert f'href="/{language}/stories/tell/"' in footer, (language, path)
            assert f'href="/{language}/stories/status/"' in footer, (language, path)


def test_the_campaign_call_to_action_opens_the_form(client, world, form_pages_everywhere):
    """The demo's campaign: its "Tell your story" button leads to the form of the reader's
    language, not to the story index."""
    cta = story_form_call_to_action(world.homes["en"])
    body = [{"type": "call_to_action", "value": cta, "id": str(uuid.uuid4())}]
    campaign = make_page(
        world.sections["campaigns"]["en"],
        CampaignPage,
        "Free the voices",
        standfirst="They spoke.",
        body=json.dumps(body),
        publish=True,
    )
    for language in LANGUAGES:
        page = campaign if language == "en" else translate_page(campaign, language, {})
        response = client.get(page.url)
        assert response.status_code == 200
        html = response.content.decode()
        aside = html[html.index('<aside class="call-to-action">') :]
        aside = aside[: aside.index("</aside>")]
        assert f'<a class="button" href="/{language}/stories/tell/">Tell your story</a>' in aside


def _post_with_errors(client, url, **fields):
    data = {**solved_protection(client, url), **story_fields(**fields)}
    data["captcha_1"] = "not a number"
    return client.post(url, data)


def test_form_errors_are_summarised_at_the_top_and_in_the_title(
    client, world, form_pages_everywhere, story_form_env
):
    for language in LANGUAGES:
        response = _post_with_errors(client, f"/{language}/stories/tell/", title="")
        assert response.status_code == 200
        html = response.content.decode()
        assert parse(response).title.strip().startswith(translated(language, "Error:"))
        # The summary comes before the page's heading and introduction, and links each field.
        summary_at = html.index('id="error-summary"')
        assert summary_at < html.index("<h1") < html.index('<form method="post"')
        summary = html[summary_at : html.index("</div>", summary_at)]
        targets = re.findall(r'href="#([^"]+)"', summary)
        assert "id_title" in targets and "id_captcha_1" in targets, (language, targets)
        for target in targets:
            assert f'id="{target}"' in html, f"the summary links to a missing field {target}"


def test_a_form_without_errors_has_a_plain_title(client, world, form_pages_everywhere):
    response = client.get("/en/stories/tell/")
    assert not parse(response).title.strip().startswith("Error")
    assert 'id="error-summary"' not in response.content.decode()


def test_receipt_check_errors_are_summarised_too(
    client, world, form_pages_everywhere, story_form_env
):
    response = client.post("/ru/stories/status/", {"code": "nonsense"})
    assert parse(response).title.strip().startswith(translated("ru", "Error:"))
    html = response.content.decode()
    assert html.index('id="error-summary"') < html.index("<h1")
