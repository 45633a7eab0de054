"""Builders for the moderation-side story tests: topics, stories, private records, and the POST
bodies the Wagtail editor sends."""

import datetime

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cms.core.publishing import setup_publishing
from stories.models import StoryPage, StoryPrivateRecord, StoryTopic
from tests.admin_client import edit_url, workflow_action_url  # noqa: F401 (re-exported)
from tests.builders import make_page

_digest_counter = iter(range(10**6))


def make_topic(locale, name, slug):
    topic, _created = StoryTopic.objects.get_or_create(
        locale=locale, slug=slug, defaults={"name": name}
    )
    return topic


def make_story(index, title, paragraphs, *, user=None, publish=False, topics=(), **fields):
    body = [("paragraph", text) for text in paragraphs]
    page = make_page(index, StoryPage, title, user=user, publish=False, body=body, **fields)
    if page.live:
        # Page.live defaults to True; a draft must not be live (older tests.builders.make_page).
        StoryPage.objects.filter(pk=page.pk).update(live=False)
        page.refresh_from_db()
    if topics:
        page.topics.set(topics)
        revision = page.save_revision(user=user)
    else:
        revision = page.latest_revision
    if publish:
        # Set-up: exclusive workflows don't apply (cms/core/publishing.py).
        with setup_publishing():
            revision.publish(user=user, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def make_private_record(page, contact="", **fields):
    fields.setdefault("consent_publication", True)
    fields.setdefault("consent_translation", False)
    fields.setdefault("submitted_on", datetime.date.today())
    return StoryPrivateRecord.objects.create(
        page=page,
        receipt_digest=f"{next(_digest_counter):064d}",
        contact=contact,
        **fields,
    )


def submit_for_moderation(page, user):
    """What ingestion does: start the workflow that governs the story's index."""
    workflow = page.get_workflow()
    return workflow.start(page, user)


def edit_form_data(page, paragraphs, **overrides):
    """The POST body of the page editor for `page`, with its body replaced by `paragraphs`."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "body": streamfield([("paragraph", text) for text in paragraphs]),
        "topics": [topic.pk for topic in page.topics.all()],
        "region": page.region,
        "credit": page.credit,
        "pseudonym": page.pseudonym,
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)
