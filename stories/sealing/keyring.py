"""Moderators' inbox keys: who items are sealed to, setting a key up, unlocking it for a session.

Unlocking unwraps the private key with the passphrase (Argon2id), then wraps it again under a
random key that is sent to the browser only, in an HttpOnly, Secure, SameSite=Strict cookie
limited to /admin/. The session (at rest, server side) holds only the re-wrapped key; the cookie
key is never stored. So the unlocked key is usable only by requests that carry both: locking
deletes both, signing out flushes the session, closing the browser drops the cookie.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.utils import timezone
from nacl.exceptions import CryptoError

from . import crypto

COOKIE_NAME = "polyphony_inbox"
SESSION_KEY = "stories_inbox_wrapped"
COOKIE_PATH = "/admin/"
# Fallback when the story workflow is not in the database yet (a fresh install before sync).
DEFAULT_GROUP = "Moderators"
MIN_PASSPHRASE_LENGTH = 12


def inbox_groups():
    """The groups of the story workflow's first step (the safety review): its members are the
    sealed items' recipients. Declared in cms/core/workflows.py, not here."""
    from wagtail.models import Task

    from stories.moderation import story_workflow_name

    task = (
        Task.objects.filter(workflow_tasks__workflow__name=story_workflow_name(), active=True)
        .order_by("workflow_tasks__sort_order")
        .first()
    )
    groups = getattr(task.specific, "groups", None) if task is not None else None
    if groups is not None and groups.exists():
        return Group.objects.filter(pk__in=groups.values("pk"))
    return Group.objects.filter(name=DEFAULT_GROUP)


def is_inbox_member(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.groups.filter(pk__in=inbox_groups().values("pk")).exists()


def recipients():
    """The inbox keys of every active member of the inbox groups, at this moment."""
    from stories.models import InboxKey

    return InboxKey.objects.filter(user__is_active=True, user__groups__in=inbox_groups()).distinct()


def recovery_public_key() -> bytes | None:
    """The offline recovery key's public half (STORY_RECOVERY_PUBLIC_KEY, base64), if set."""
    value = getattr(settings, "STORY_RECOVERY_PUBLIC_KEY", "")
    return crypto.unb64(value) if value else None


def key_of(user):
    from stories.models import InboxKey

    return InboxKey.objects.filter(user=user).first() if user.is_authenticated else None


def set_up(user, passphrase: str, *, replace=False):
    """Make `user`'s inbox key. Replacing one loses access to every item sealed to the old key
    (a colleague re-seals them): so it is refused unless asked for."""
    from stories.models import InboxKey

    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValueError("passphrase too short")
    existing = key_of(user)
    if existing is not None:
        if not replace:
            raise ValueError("this user already has an inbox key")
        existing.delete()
    fields = crypto.wrap_private_key(crypto.PrivateKey.generate(), passphrase)
    return InboxKey.objects.create(user=user, created_on=timezone.now().date(), **fields)


def revoke(user) -> bool:
    """Delete `user`'s inbox key and every item key sealed to it: they open nothing any more."""
    inbox_key = key_of(user)
    if inbox_key is None:
        return False
    inbox_key.delete()
    return True


def unlock(request, response, passphrase: str) -> bool:
    inbox_key = key_of(request.user)
    if inbox_key is None or not is_inbox_member(request.user):
        return False
    try:
        private_key = crypto.unwrap_private_key(inbox_key, passphrase)
    except crypto.WrongPassphrase:
        return False
    cookie_key, wrapped = crypto.wrap_for_session(private_key)
    request.session[SESSION_KEY] = crypto.b64(wrapped)
    response.set_cookie(
        COOKIE_NAME,
        crypto.b64(cookie_key),
        path=COOKIE_PATH,
        secure=True,
        httponly=True,
        samesite="Strict",
    )
    return True


def lock(request, response) -> None:
    request.session.pop(SESSION_KEY, None)
    response.delete_cookie(COOKIE_NAME, path=COOKIE_PATH, samesite="Strict")


def unlocked(request):
    """(inbox key, private key) of this request's moderator if their key is unlocked in this
    session and they still belong to the inbox groups; (None, None) otherwise."""
    wrapped = request.session.get(SESSION_KEY)
    cookie = request.COOKIES.get(COOKIE_NAME)
    if not wrapped or not cookie or not is_inbox_member(request.user):
        return None, None
    inbox_key = key_of(request.user)
    if inbox_key is None:
        return None, None
    try:
        private_key = crypto.unwrap_from_session(crypto.unb64(cookie), crypto.unb64(wrapped))
    except (CryptoError, ValueError):
        return None, None
    if bytes(private_key.public_key) != bytes(inbox_key.public_key):
        return None, None  # the key was replaced since this session unlocked the old one
    return inbox_key, private_key
