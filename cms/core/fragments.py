"""Cached fragments of reader pages, always current.

Rendering a campaign's body (payment codes, partner logos, images) costs far more than serving
the page around it, and the result is the same for every reader until an editor changes
something. Templates cache such fragments with Django's `{% cache %}` tag, keyed on the page,
the language and `content_version`:

    {% cache fragment_seconds campaign_article page.pk LANGUAGE_CODE content_version %}
    ...
    {% endcache %}

`content_version` is a counter in the shared cache that every change readers could see moves
on: a page published, unpublished, moved or deleted; who may view a page (a view restriction
added, changed or removed, its groups changed); a snippet, image, document, locale or site
setting saved or deleted. Everything cached for readers keys on it (the campaigns feed too).
A fragment can therefore list other pages or show snippets and never be stale, on every
application host at once (the counter lives in Redis in production).
Renditions, revisions, drafts, captchas and queued submissions do not move it: they change
nothing a reader sees, and some are written on every request.

A fragment that depends on the query string keys on `validated_query` (the parameters its page
declares in `query_parameters`, never the raw path): a random query string then reuses the
page's fragment instead of filling every worker's cache with copies. A declared parameter can
still be given any value (?page=<random>), and only the page knows which values it accepts, so
fragments keyed on a query go to a cache of their own (`fragment_cache`, "query_fragments"):
however many such values arrive, they evict only each other, never the articles, headers and
plain listings in "template_fragments".

The counter must be shared by every process: production refuses to start without REDIS_URL
(cms/settings/production.py). A per-process cache would let other workers serve old fragments,
and a database cache would write rate-limit counters with their expiry times into PostgreSQL's
WAL and backups.

The lifetime (EDGE_CACHE_SECONDS) still bounds what cannot be announced: the date (a vacancy's
deadline passing) and signed media URLs expiring (cms/settings/media.py).
"""

import uuid
from functools import cache as memoize
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.signals import page_published, page_unpublished, post_page_move

from .hosts import current_request, host_key

KEY = "polyphony:content-version"


# Read once per request: a reader page asks for it in its route, its site settings, its view
# restrictions and its fragments, and each read was a round trip to Redis.
REQUEST_ATTRIBUTE = "_polyphony_content_version"


def content_version():
    request = current_request()
    version = getattr(request, REQUEST_ATTRIBUTE, None)
    if version is not None:
        return version
    version = cache.get(KEY)
    if version is None:
        # add() so that two processes starting together agree on the first value.
        cache.add(KEY, 1, timeout=None)
        version = cache.get(KEY, 1)
    if request is not None:
        setattr(request, REQUEST_ATTRIBUTE, version)
    return version


def _bump():
    try:
        cache.incr(KEY)
    except ValueError:  # not set yet (or evicted): any new value differs from what keyed fragments
        cache.set(KEY, 2, timeout=None)


def content_changed(**kwargs):
    _bump()
    # Again once the change is committed: a reader served between the first move and the commit
    # read the old rows and kept them under the new version, on whichever host answered.
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_bump)
    # A request that changed content (a publish in the admin) reads the new version after it.
    request = current_request()
    if request is not None:
        request.__dict__.pop(REQUEST_ATTRIBUTE, None)


@memoize
def _content_models():
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.documents.models import AbstractDocument
    from wagtail.images.models import AbstractImage
    from wagtail.models import BaseViewRestriction, Locale, Page, Site
    from wagtail.snippets.models import get_snippet_models

    return tuple(get_snippet_models()) + (
        BaseViewRestriction,
        AbstractImage,
        AbstractDocument,
        BaseSiteSetting,
        Locale,
        Site,
        Page,
    )


def _on_save_or_delete(sender, instance, **kwargs):
    from wagtail.models import Page

    if not isinstance(instance, _content_models()):
        return
    # Saving a page writes drafts too; readers see a page change only when it is published,
    # unpublished, moved or deleted (the signals below).
    if isinstance(instance, Page) and kwargs.get("signal") is post_save:
        return
    content_changed()


class Deferred:
    """A context value computed only if a template renders it (that is, on a fragment cache
    miss), and then once: templates call callables, and every `{{ og.title }}` would
    otherwise recompute it."""

    def __init__(self, function, *args, **kwargs):
        self._call = (function, args, kwargs)

    def __call__(self):
        if not hasattr(self, "_value"):
            function, args, kwargs = self._call
            self._value = function(*args, **kwargs)
        return self._value


def deferred_context(function, names):
    """Context entries `names`, all taken from the one dict `function()` returns, computed
    only if a template renders one of them (listings: filtering, counting, paginating)."""
    shared = Deferred(function)
    return {name: Deferred(lambda name=name: shared()[name]) for name in names}


def context(request):
    """Context processor: `content_version`, read from the cache only if a template uses it,
    and `fragment_seconds`. An editor's preview shows a draft under the live page's pk: it must
    neither read nor keep a fragment, so it gets a version of its own that nothing shares."""
    if getattr(request, "is_preview", False):
        return {"content_version": f"preview-{uuid.uuid4()}", "fragment_seconds": 0}
    return {
        # Per door too: fragments hold absolute URLs on the reader's host (cms/core/hosts.py).
        "content_version": SimpleLazyObject(lambda: f"{content_version()}@{host_key(request)}"),
        "fragment_seconds": settings.EDGE_CACHE_SECONDS,
        # For fragments that depend on the date (open vacancies): a new day, a new key.
        "fragment_day": SimpleLazyObject(lambda: timezone.localdate().isoformat()),
    }


def validated_query(page, request):
    """The query parameters `page` declares, as a stable string for a fragment key; others (and
    overlong values) are left out, as the page's own code ignores them."""
    allowed = getattr(page, "query_parameters", ())
    pairs = sorted(
        (name, request.GET.get(name, "")[:100]) for name in allowed if request.GET.get(name)
    )
    return urlencode(pairs)


QUERY_FRAGMENTS = "query_fragments"
FRAGMENTS = "template_fragments"


def fragment_cache(page, request):
    """The cache alias for a fragment keyed on `validated_query(page, request)` (the default
    cache where the settings name neither, as in tests)."""
    alias = QUERY_FRAGMENTS if validated_query(page, request) else FRAGMENTS
    return alias if alias in settings.CACHES else "default"


def _on_groups_changed(sender, instance, **kwargs):
    content_changed()


def connect():
    from wagtail.models import PageViewRestriction

    m2m_changed.connect(
        _on_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="polyphony-fragments-restriction-groups",
    )
    page_published.connect(content_changed, dispatch_uid="polyphony-fragments-published")
    page_unpublished.connect(content_changed, dispatch_uid="polyphony-fragments-unpublished")
    post_page_move.connect(content_changed, dispatch_uid="polyphony-fragments-moved")
    post_save.connect(_on_save_or_delete, dispatch_uid="polyphony-fragments-saved")
    post_delete.connect(_on_save_or_delete, dispatch_uid="polyphony-fragments-deleted")
