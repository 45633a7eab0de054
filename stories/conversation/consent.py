"""The edited version for consent, the gate on going live, and withdrawal.

Policy: STORY_CONSENT_REQUIRED (a Django setting, default True). Where it holds, a story whose
sealed item has a conversation (sent since conversations exist) goes live only in a revision
whose content fingerprint is that of a version the contributor approved. Stories without one
(staff-written, or sent before conversations, whose contributor cannot be asked) are not held.
The gate (`go_live_refusal`) is asked by cms/core/publishing.py inside `publish()`, so it holds
for every path that publishes: the workflow's last approval, a scheduled go-live, bulk actions,
wagtail-localize. Once a published story's item is shredded (stories/sealing/purge.py) its
conversation is gone and later edits are reviewed as any story's.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from stories.sealing import crypto

NOT_ASKED, WAITING, APPROVED, CHANGES, OUTDATED, WITHDRAWN = (
    "not_asked",
    "waiting",
    "approved",
    "changes",
    "outdated",
    "withdrawn",
)


def required() -> bool:
    return bool(getattr(settings, "STORY_CONSENT_REQUIRED", True))


def fingerprint(content: dict) -> str:
    """What readers would get (title, paragraphs and photos, credit) of a revision's content
    (`Revision.content`, or `page.serializable_data()`), hashed. Read from the stored content,
    so the moderators' listing computes it without a query per story."""
    body = content.get("body") or []
    if isinstance(body, str):
        body = json.loads(body)
    credit = content.get("credit", "")
    stable = {
        "title": content.get("title", ""),
        "body": [{"type": b["type"], "value": b["value"]} for b in body],
        "credit": credit,
        "pseudonym": content.get("pseudonym", "") if credit != "anonymous" else "",
    }
    return hashlib.sha256(
        json.dumps(stable, sort_keys=True, ensure_ascii=False).encode()
    ).hexdigest()


def content_of(page, revision=None) -> dict:
    revision = revision or page.get_latest_revision()
    return revision.content if revision is not None else page.serializable_data()


def _photo(block_value) -> dict | None:
    image = block_value.get("image")
    if image is None:
        return None
    with image.file.open("rb") as handle:
        data = handle.read()
    extension = "." + image.file.name.rsplit(".", 1)[-1].lower()
    return {"data": crypto.b64(data), "extension": extension, "alt_text": block_value["alt_text"]}


def version_payload(page, note: str) -> dict:
    """The version that would be published, as the contributor will read it."""
    paragraphs, photos = [], []
    for block in page.body:
        if block.block_type == "paragraph":
            paragraphs.append(str(block.value))
        elif block.block_type == "photo":
            photo = _photo(block.value)
            if photo is not None:
                photos.append(photo)
    return {
        "text": note,
        "version": {
            "title": page.title,
            "paragraphs": paragraphs,
            "photos": photos,
            "credit": str(page.credit_label),
        },
    }


def submission_of(page):
    from stories.models import SealedSubmission

    if page is None or page.pk is None:
        return None
    return SealedSubmission.objects.filter(page_id=page.pk).first()


def _conversation(item):
    from stories.models import Conversation

    return Conversation.objects.filter(submission=item).first() if item is not None else None


def decision_on(conversation, version):
    """The contributor's latest decision on `version` (a message), or None."""
    from stories.models import ConversationMessage as M

    return (
        conversation.messages.filter(
            from_contributor=True, answers=version.position, kind__in=[M.APPROVE, M.CHANGES]
        )
        .order_by("-position")
        .first()
    )


def pending_version(conversation):
    """The latest version sent, if the contributor has not decided on it."""
    from stories.models import ConversationMessage as M

    version = conversation.messages.filter(kind=M.VERSION).order_by("-position").first()
    if version is None or decision_on(conversation, version) is not None:
        return None
    return version


@dataclass(frozen=True)
class Consent:
    state: str
    day: object = None


def consent_of(page, revision=None) -> Consent | None:
    """Where the contributor's consent stands for `page` (its latest revision unless given);
    None if this story has no contributor to ask."""
    from stories.models import Conversation

    item = submission_of(page)
    if item is None:
        return None
    conversation = Conversation.objects.filter(submission=item).first()
    messages = list(conversation.messages.all()) if conversation is not None else None
    return consent_from(item, messages, lambda: content_of(page, revision))


def consent_from(item, messages, content) -> Consent | None:
    """The consent state from `item`, its conversation's messages in order (None if it has no
    conversation) and a callable giving the content about to be published."""
    from stories.models import ConversationMessage as M

    if item.state == item.WITHDRAWN:
        return Consent(WITHDRAWN, item.closed_on)
    if messages is None:
        return None
    versions = [m for m in messages if m.kind == M.VERSION]
    if not versions:
        return Consent(NOT_ASKED)
    version = versions[-1]
    decisions = [
        m
        for m in messages
        if m.from_contributor and m.answers == version.position and m.kind in (M.APPROVE, M.CHANGES)
    ]
    if not decisions:
        return Consent(WAITING, version.sent_on)
    decision = decisions[-1]
    if decision.kind == M.CHANGES:
        return Consent(CHANGES, decision.sent_on)
    if fingerprint(content()) != version.fingerprint:
        return Consent(OUTDATED, decision.sent_on)
    return Consent(APPROVED, decision.sent_on)


def marks_for(pages) -> dict:
    """{page pk: (unread answer?, consent text)} for the stories of a listing, in three
    queries however many there are."""
    from wagtail.models import Revision

    from stories.models import ConversationMessage, SealedSubmission

    pages = list(pages)
    items = {
        item.page_id: item
        for item in SealedSubmission.objects.filter(page_id__in=[p.pk for p in pages])
        .select_related("conversation")
        .defer("ciphertext")
    }
    if not items:
        return {}
    messages: dict = {}
    rows = ConversationMessage.objects.filter(
        conversation__submission__in=list(items.values())
    ).defer("ciphertext", "key_for_moderators", "key_for_contributor")
    for message in rows.order_by("position"):
        messages.setdefault(message.conversation_id, []).append(message)
    revisions = Revision.objects.filter(
        pk__in=[p.latest_revision_id for p in pages if p.pk in items and p.latest_revision_id]
    ).in_bulk()
    marks = {}
    for page in pages:
        item = items.get(page.pk)
        if item is None:
            continue
        conversation = getattr(item, "conversation", None)
        thread = messages.get(item.pk, []) if conversation is not None else None
        revision = revisions.get(page.latest_revision_id)
        state = consent_from(
            item,
            thread,
            lambda revision=revision, page=page: (
                revision.content if revision else page.serializable_data()
            ),
        )
        unread = conversation is not None and any(
            m.from_contributor and m.position > conversation.moderators_read for m in thread
        )
        marks[page.pk] = (unread, describe(state))
    return marks


def go_live_refusal(page, revision):
    """Why `revision` of `page` may not go live for want of consent, or None."""
    from stories.models import StoryPage

    if not isinstance(page, StoryPage):
        return None
    consent = consent_of(page, revision)
    if consent is None:
        return None
    if consent.state == WITHDRAWN:
        return _("Its contributor withdrew this story: it cannot be published.")
    if consent.state == APPROVED or not required():
        return None
    return _(
        "“%(title)s” goes live only in a version its contributor approved: send them this "
        "version for consent from the conversation, and wait for their answer."
    ) % {"title": page.get_admin_display_title()}


def describe(consent: Consent | None) -> str:
    """The consent state, said to reviewers (publishers included: no content, only the state)."""
    if consent is None:
        return ""
    texts = {
        NOT_ASKED: _("Contributor's consent: not asked yet. Send them the edited version."),
        WAITING: _("Contributor's consent: the edited version was sent; no answer yet."),
        APPROVED: _("Contributor's consent: they approved this version."),
        CHANGES: _("Contributor's consent: they asked for changes (read the conversation)."),
        OUTDATED: _(
            "Contributor's consent: they approved an earlier version; this one was changed "
            "since. Send it again."
        ),
        WITHDRAWN: _("The contributor withdrew this story."),
    }
    return texts[consent.state]


def record_decision(conversation, message) -> None:
    """Apply a decision just moved in from the spool: a withdrawal takes effect now."""
    if message.kind == message.WITHDRAW:
        withdraw(conversation.submission)


def withdraw(item) -> None:
    """Cancel, unpublish and delete the story in every language, then shred the item."""
    from stories.models import StoryPage
    from stories.retention import purge_story
    from stories.sealing.inbox import shred

    page = item.page
    if page is not None:
        for story in StoryPage.objects.filter(translation_key=page.translation_key):
            state = story.current_workflow_state
            if state is not None:
                state.cancel(user=None)
            if story.live:
                story.unpublish(log_action=False)
            purge_story(story)
        item.refresh_from_db()
    shred(item, item.WITHDRAWN)
