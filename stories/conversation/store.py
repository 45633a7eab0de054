"""The moderators' side of a conversation: writing (a message, the version for consent) and
reading the thread with the item's key, which only an unlocked moderator's key opens."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from stories.sealing import crypto

from . import consent, keys

WROTE = "stories.conversation.wrote"
SENT_VERSION = "stories.conversation.sent_version"
READ = "stories.conversation.read"


class NoConversation(Exception):
    """This item was sent before conversations existed: its contributor cannot be reached."""


@dataclass
class Entry:
    """One message as a reader sees it. The repr says nothing (see inbox_views.Opened)."""

    position: int
    from_contributor: bool
    kind: str
    sent_on: object
    text: str = ""
    photo: dict | None = None
    version: dict | None = None
    pending: bool = False
    extra: dict = field(default_factory=dict)

    def __repr__(self):
        return "<conversation entry>"

    @property
    def photo_uri(self):
        return data_uri(self.photo) if self.photo else ""


def data_uri(photo: dict) -> str:
    from stories.inbox_views import CONTENT_TYPES

    content_type = CONTENT_TYPES.get(photo.get("extension", "").lower(), "image/jpeg")
    return f"data:{content_type};base64,{photo['data']}"


def entry_of(message, payload: dict, *, pending=False) -> Entry:
    from stories.inbox_views import Opened

    # Attribute access with a repr that says nothing, like an opened item: a failed template
    # lookup logs the repr of what it looked in at DEBUG.
    version = payload.get("version")
    if version is not None:
        version = Opened(
            {**version, "photo_uris": [data_uri(p) for p in version.get("photos", [])]}
        )
    return Entry(
        position=message.position if message is not None else 0,
        from_contributor=message.from_contributor if message is not None else True,
        kind=message.kind if message is not None else payload.get("kind", ""),
        sent_on=message.sent_on if message is not None else None,
        text=payload.get("text", ""),
        photo=payload.get("photo"),
        version=version,
        pending=pending,
    )


def conversation_of(item):
    from stories.models import Conversation

    conversation = Conversation.objects.filter(submission=item).first()
    if conversation is None:
        raise NoConversation
    return conversation


def _audit(user, action, item, position):
    # Who wrote, to which item, and when (the log entry's own time): never what.
    log(instance=item, action=action, user=user, data={"position": position})


@transaction.atomic
def write(item, item_key: bytes, user, payload: dict, *, kind=None, fingerprint="") -> int:
    """Add a moderator's message (or version) to `item`'s conversation; return its position."""
    from stories.models import Conversation, ConversationMessage

    conversation = Conversation.objects.select_for_update().filter(submission=item).first()
    if conversation is None:
        raise NoConversation
    keys.ensure_moderators_key(conversation, item_key)
    ciphertext, for_moderators, for_contributor = keys.seal_message(payload, conversation)
    conversation.last_position += 1
    conversation.save()
    kind = kind or ConversationMessage.MESSAGE
    ConversationMessage.objects.create(
        conversation=conversation,
        position=conversation.last_position,
        from_contributor=False,
        kind=kind,
        sent_on=timezone.now().date(),
        ciphertext=ciphertext,
        key_for_moderators=for_moderators,
        key_for_contributor=for_contributor,
        fingerprint=fingerprint,
    )
    _audit(
        user,
        SENT_VERSION if kind == ConversationMessage.VERSION else WROTE,
        item,
        conversation.last_position,
    )
    return conversation.last_position


def send_version(item, item_key: bytes, user, note: str) -> int:
    """Send the story's latest revision, as it would be published, for consent."""
    story = item.page.specific
    revision = story.get_latest_revision()
    page = revision.as_object() if revision is not None else story
    return write(
        item,
        item_key,
        user,
        consent.version_payload(page, note),
        kind="version",
        fingerprint=consent.fingerprint(consent.content_of(story, revision)),
    )


def thread_for_moderators(item, item_key: bytes) -> list[Entry]:
    conversation = conversation_of(item)
    private_key = keys.moderators_private_key(conversation, item_key)
    if private_key is None:
        return []
    return [
        entry_of(m, keys.open_message(m.ciphertext, m.key_for_moderators, private_key))
        for m in conversation.messages.all()
    ]


def mark_read(item, user) -> None:
    from stories.models import Conversation

    conversation = Conversation.objects.filter(submission=item).first()
    if conversation is not None and conversation.moderators_read < conversation.last_position:
        Conversation.objects.filter(pk=conversation.pk).update(
            moderators_read=conversation.last_position
        )
        _audit(user, READ, item, conversation.last_position)


def unread_answers(item) -> bool:
    """A contributor's message the moderators have not read yet (staff side, no content)."""
    from stories.models import ConversationMessage

    return ConversationMessage.objects.filter(
        conversation__submission=item,
        from_contributor=True,
        position__gt=models_read(item),
    ).exists()


def models_read(item) -> int:
    from stories.models import Conversation

    read = Conversation.objects.filter(submission=item).values_list("moderators_read", flat=True)
    return read.first() or 0


def photo_payload(upload) -> dict | None:
    """A redacted photo a moderator attaches: re-encoded from its pixels like any upload."""
    from stories.privacy.images import scrub_image

    if upload is None:
        return None
    image = scrub_image(upload.read())
    return {"data": crypto.b64(image.content), "extension": image.extension}
