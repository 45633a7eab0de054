"""Builders and readers for the volunteering tests: vacancies made like an editor makes them
(a revision, published), and what a reader sees over HTTP parsed back out of the HTML."""

import html
import json
import re
from contextlib import contextmanager
from datetime import date, datetime, time
from unittest import mock

from django.utils import timezone

from volunteering.models import VacancyPage

TITLES = re.compile(r'<h2 class="listing__title"><a href="[^"]*">([^<]+)</a></h2>')
COUNT = re.compile(r'<p class="vacancy-count" id="open-count">([^<]+)</p>')
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
FEED_TITLES = re.compile(r"<entry><title>([^<]+)</title>")

# A complete, valid application (the captcha and fill-time fields come from the form page).
ANSWERS = {
    "name": "Lisa Pseudonym",
    "contact": "@lisa_signal",
    "languages": "Russian, German",
    "availability": "5 hours a week from March",
    "motivation": "I translate for a living and want to help.",
    "consent": "on",
}

DEFAULTS = {
    "team": "writing",
    "summary": "Write clear texts for readers across Europe.",
    "responsibilities": "<ul><li>Write one article a month.</li><li>Edit others' drafts.</li></ul>",
    "hours_per_week": 4,
    "remote": True,
    "countries": ["DE", "FR"],
    "languages": ["en"],
}


def make_vacancy(index, title, *, skills=(), publish=True, **fields):
    values = {**DEFAULTS, **fields}
    # A draft is not live until published, as when an editor creates it in the admin.
    page = VacancyPage(title=title, locale=index.locale, live=publish, **values)
    if skills:
        page.skills.add(*skills)
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


@contextmanager
def frozen_today(day: date):
    """Make "today" `day` (noon UTC) for everything that asks django.utils.timezone.now()."""
    moment = timezone.make_aware(datetime.combine(day, time(12, 0)))
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def listing(client, url):
    response = client.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    count_match = COUNT.search(text)
    return {
        "count_text": html.unescape(count_match.group(1)).strip() if count_match else None,
        "titles": [html.unescape(t) for t in TITLES.findall(text)],
        "html": text,
    }


def feed_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return [html.unescape(t) for t in FEED_TITLES.findall(response.content.decode())]


def job_posting(response_html):
    """The JobPosting on a page, or None; fails if there is more than one."""
    blocks = JSON_LD.findall(response_html)
    assert len(blocks) <= 1
    return json.loads(blocks[0]) if blocks else None


def visible_text(fragment):
    """Text a reader sees: scripts and tags removed, entities decoded, whitespace collapsed."""
    fragment = re.sub(r"<script.*?</script>", " ", fragment, flags=re.S)
    fragment = re.sub(r"<[^>]+>", " ", fragment)
    return " ".join(html.unescape(fragment).split())
