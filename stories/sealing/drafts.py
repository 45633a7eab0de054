""" "Start a draft": only what the moderator keeps leaves the sealed item, into the page tree.

The title and text are the moderator's edited (redacted) versions; photos and topics are those
they ticked; region and credit only if they keep them. Contact and the consent to publication
never leave the item; the consent to translation goes onto the page (StoryPage's docstring).
The draft enters the Story moderation workflow, started by the moderator, so a second person
still publishes (cms/core/workflows.py).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.db import transaction
from wagtail.models import Workflow

from cms.core.workflows import STORY_MODERATION
from stories.privacy.text import clean_line, clean_text, paragraphs

from . import crypto, inbox


@dataclass
class Keep:
    title: str
    text: str
    photos: list[int] = field(default_factory=list)  # positions in payload["photos"], from 0
    topic_keys: list[str] = field(default_factory=list)
    region: bool = False
    credit: bool = False


def start_draft(item, payload: dict, keep: Keep, user):
    """Create the draft StoryPage from `keep`, start its workflow, link it to `item`."""
    from stories.models import StoryPage, StoryTopic
    from stories.models.pages import CREDIT_ANONYMOUS
    from stories.pipeline import _locked_story_index, _make_image

    written_files: list = []
    try:
        with transaction.atomic():
            inbox.advisory_lock(inbox.DRAFT_LOCK_KEY)
            index = _locked_story_index(payload["language"])
            body = [("paragraph", text) for text in paragraphs(clean_text(keep.text))]
            for position in keep.photos:
                photo = payload["photos"][position]
                image = _make_image(
                    SimpleNamespace(
                        content=crypto.unb64(photo["data"]),
                        extension=photo["extension"],
                        width=photo["width"],
                        height=photo["height"],
                    ),
                    written_files,
                )
                body.append(("photo", {"image": image, "alt_text": photo["alt_text"]}))
            page = StoryPage(
                title=clean_line(keep.title),
                # Never from the title: a slug outlives redaction in URLs.
                slug=f"story-{secrets.token_hex(5)}",
                locale=index.locale,
                live=False,
                body=body,
                region=payload["region"] if keep.region else "",
                credit=payload["credit"] if keep.credit else CREDIT_ANONYMOUS,
                pseudonym=payload["pseudonym"] if keep.credit else "",
                # Not identifying, and needed for as long as the story is translated.
                translation_consented=bool(payload.get("consent_translation")),
            )
            page.topics.set(
                StoryTopic.objects.filter(
                    translation_key__in=[k for k in keep.topic_keys if k in payload["topic_keys"]],
                    locale=index.locale,
                )
            )
            index.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
            workflow = page.get_workflow() or Workflow.objects.get(
                name=STORY_MODERATION.name, active=True
            )
            workflow.start(page, user=user)
            item.page = page
            item.state = item.DRAFTED
            item.save(update_fields=["page", "state"])
    except Exception:
        for image_file in written_files:
            image_file.storage.delete(image_file.name)
        raise
    return page
