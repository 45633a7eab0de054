"""The conversation in the admin: a moderator with an unlocked inbox key reads the thread of a
sealed item, writes to the contributor, and sends the edited version for consent.

Access is the sealed item's (stories/inbox_views.py `_opened`: Moderators only, their key
unlocked, the item sealed to it; every opening audited). Responses are no-store and rendered
without the template engine's DEBUG log, like an opened item.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from stories import inbox_views
from stories.privacy.images import ImageRejected
from stories.sealing import inbox, keyring

from . import consent, store
from .forms import ModeratorMessageForm, VersionForm


def _with_key(request, pk):
    item, _payload = inbox_views._opened(request, pk)
    inbox_key, private_key = keyring.unlocked(request)
    return item, inbox.item_key(item, private_key, inbox_key)


def conversation_view(request, pk):
    item, item_key = _with_key(request, pk)
    try:
        entries = store.thread_for_moderators(item, item_key)
    except store.NoConversation:
        entries = None
    if entries is not None:
        store.mark_read(item, request.user)
    page = item.page
    return inbox_views._render(
        request,
        "stories/admin/conversation.html",
        {
            "page_title": _("Conversation with the contributor"),
            "header_icon": "mail",
            "item": item,
            "entries": entries,
            "reachable": entries is not None,
            "story": page,
            "consent": consent.describe(consent.consent_of(page)) if page else "",
            "message_form": ModeratorMessageForm(),
            "version_form": VersionForm(),
        },
    )


def _back(item):
    return inbox_views._no_store(redirect("stories_conversation", pk=item.pk))


@require_POST
def write_message(request, pk):
    item, item_key = _with_key(request, pk)
    form = ModeratorMessageForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("The message was not sent: it needs a text."))
        return _back(item)
    try:
        photo = store.photo_payload(form.cleaned_data.get("photo"))
    except ImageRejected:
        messages.error(request, _("The message was not sent: the photo is not a usable image."))
        return _back(item)
    try:
        store.write(
            item, item_key, request.user, {"text": form.cleaned_data["text"], "photo": photo}
        )
    except store.NoConversation:
        raise PermissionDenied from None
    messages.success(request, _("Sent. The contributor reads it when they check their code."))
    return _back(item)


@require_POST
def send_version(request, pk):
    item, item_key = _with_key(request, pk)
    form = VersionForm(request.POST)
    if item.page is None or item.state != item.DRAFTED or not form.is_valid():
        messages.error(request, _("Only a story in review can be sent for consent."))
        return _back(item)
    try:
        store.send_version(item, item_key, request.user, form.cleaned_data["note"])
    except store.NoConversation:
        raise PermissionDenied from None
    messages.success(
        request,
        _("The version is sent. The story goes live only once the contributor approves it."),
    )
    return _back(item)
