"""The sealed inbox in the admin (stories/sealing/ has the design).

Only members of the story workflow's first-step groups (the Moderators) get in. Until their key
is unlocked in this session, items show their received day and state only. Every opening of an
item (its page or one of its photos) is written to the audit trail: who, when, which item.
Every response is no-store: decrypted content must not sit in a browser or proxy cache.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from cms.core.security.audit import record as audit

from .inbox_forms import DeclineForm, DraftForm, KeySetupForm, UnlockForm
from .sealing import crypto, drafts, inbox, keyring

# By the extension stories.privacy.images gives a scrubbed photo (with its dot).
CONTENT_TYPES = {".jpg": "image/jpeg", ".png": "image/png", ".webp": "image/webp"}


def _member(request):
    if not keyring.is_inbox_member(request.user):
        raise PermissionDenied


def _no_store(response):
    add_never_cache_headers(response)
    return response


class Opened:
    """An opened item for the template: attribute access like the payload dict, and a repr that
    says nothing. Django's template engine logs the repr of the whole context at DEBUG when a
    variable is missing (the `django.template` logger); the payload must never be in it."""

    def __init__(self, payload):
        self.__dict__.update(payload)
        self.photos = [
            Opened({**photo, "position": n}) for n, photo in enumerate(payload.get("photos", []))
        ]

    def __repr__(self):
        return "<opened sealed item>"


@contextmanager
def _no_template_debug_log():
    """Missing-variable records of `django.template` carry the rendering context (see Opened):
    none while an opened item is rendered, even with DEBUG logging switched on."""
    template_logger = logging.getLogger("django.template")
    was = template_logger.disabled
    template_logger.disabled = True
    try:
        yield
    finally:
        template_logger.disabled = was


def _render(request, template, context):
    response = TemplateResponse(request, template, context)
    with _no_template_debug_log():
        response.render()
    return _no_store(response)


def inbox_listing(request):
    from .models import SealedSubmission

    _member(request)
    inbox_key, private_key = keyring.unlocked(request)
    mine = set()
    own = keyring.key_of(request.user)
    if own is not None:
        mine = set(own.sealed_keys.values_list("submission_id", flat=True))
    items = SealedSubmission.objects.filter(
        state__in=[SealedSubmission.SEALED, SealedSubmission.DRAFTED]
    ).order_by("received_on", "id")
    return _render(
        request,
        "stories/admin/inbox.html",
        {
            "page_title": _("Sealed inbox"),
            "header_icon": "lock",
            "has_key": own is not None,
            "unlocked": private_key is not None,
            "rows": [{"item": item, "mine": item.pk in mine} for item in items],
            "setup_form": KeySetupForm(),
            "unlock_form": UnlockForm(),
        },
    )


@require_POST
def key_setup(request):
    _member(request)
    form = KeySetupForm(request.POST)
    if keyring.key_of(request.user) is not None:
        messages.error(request, _("You already have an inbox key."))
    elif form.is_valid():
        keyring.set_up(request.user, form.cleaned_data["passphrase"])
        messages.success(request, _("Your inbox key is ready. New items are sealed to it."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    return _no_store(redirect("stories_inbox"))


@require_POST
def unlock(request):
    _member(request)
    response = _no_store(redirect("stories_inbox"))
    form = UnlockForm(request.POST)
    if form.is_valid() and keyring.unlock(request, response, form.cleaned_data["passphrase"]):
        messages.success(request, _("Your inbox key is unlocked for this session."))
    else:
        messages.error(request, _("This passphrase does not unlock your inbox key."))
    return response


@require_POST
def lock(request):
    _member(request)
    response = _no_store(redirect("stories_inbox"))
    keyring.lock(request, response)
    messages.success(request, _("Your inbox key is locked."))
    return response


@require_POST
def reseal(request):
    _member(request)
    inbox_key, private_key = keyring.unlocked(request)
    if private_key is None:
        raise PermissionDenied
    added = inbox.reseal(private_key, inbox_key)
    messages.success(request, _("Items sealed to colleagues' keys: %(n)s.") % {"n": added})
    return _no_store(redirect("stories_inbox"))


def _opened(request, pk):
    """(item, payload) for this moderator's unlocked key; 403 if it cannot be opened."""
    from .models import SealedSubmission

    _member(request)
    item = get_object_or_404(SealedSubmission, pk=pk)
    inbox_key, private_key = keyring.unlocked(request)
    if private_key is None:
        raise PermissionDenied
    try:
        payload = inbox.open_item(item, private_key, inbox_key)
    except inbox.NotOpenable:
        raise PermissionDenied from None
    # Who opened which item, and when; never what it says.
    audit(request, "viewed", item)
    return item, payload


def _topic_names(payload):
    from .models import StoryTopic

    topics = StoryTopic.objects.filter(
        translation_key__in=payload["topic_keys"], locale__language_code=payload["language"]
    )
    return {str(topic.translation_key): topic.name for topic in topics}


def item_view(request, pk):
    item, payload = _opened(request, pk)
    names = _topic_names(payload)
    initial = {
        "title": payload["title"],
        "text": payload["text"],
        "photos": list(range(len(payload["photos"]))),
        "topics": payload["topic_keys"],
        "keep_region": True,
        "keep_credit": True,
    }
    return _render(
        request,
        "stories/admin/inbox_item.html",
        {
            "page_title": _("Sealed item"),
            "header_icon": "lock",
            "item": item,
            "payload": Opened(payload),
            "topics": [names.get(key, key) for key in payload["topic_keys"]],
            "draft_form": DraftForm(initial=initial, payload=payload, topic_names=names),
            "decline_form": DeclineForm(),
        },
    )


def photo(request, pk, position):
    item, payload = _opened(request, pk)
    if not 0 <= position < len(payload["photos"]):
        raise Http404
    data = payload["photos"][position]
    content_type = CONTENT_TYPES.get(data["extension"].lower(), "application/octet-stream")
    response = HttpResponse(crypto.unb64(data["data"]), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return _no_store(response)


@require_POST
def start_draft(request, pk):
    item, payload = _opened(request, pk)
    if item.state != item.SEALED:
        messages.error(request, _("A draft was already started from this item."))
        return _no_store(redirect("stories_inbox_item", pk=item.pk))
    form = DraftForm(request.POST, payload=payload, topic_names=_topic_names(payload))
    if not form.is_valid():
        messages.error(request, _("The draft was not started: please check the form."))
        return _no_store(redirect("stories_inbox_item", pk=item.pk))
    data = form.cleaned_data
    keep = drafts.Keep(
        title=data["title"],
        text=data["text"],
        photos=data["photos"],
        topic_keys=data["topics"],
        region=data["keep_region"],
        credit=data["keep_credit"],
    )
    page = drafts.start_draft(item, payload, keep, request.user)
    messages.success(request, _("The draft is started and in the Story moderation workflow."))
    return _no_store(redirect("wagtailadmin_pages:edit", page.pk))


@require_POST
def decline(request, pk):
    item, _payload = _opened(request, pk)
    form = DeclineForm(request.POST)
    if item.state != item.SEALED or not form.is_valid():
        messages.error(request, _("The item was not declined: a reason is needed."))
        return _no_store(redirect("stories_inbox_item", pk=item.pk))
    inbox.decline(item, form.cleaned_data["reason"], request.user)
    messages.success(request, _("The item is declined and destroyed."))
    return _no_store(redirect("stories_inbox"))
