"""Sync on publish and the translation memory: a changed segment keeps its old translation.

wagtail-localize re-extracts a source only when someone presses "Sync translated pages", which
translators cannot see (docs/wagtail8-behaviour.md), and a changed string then arrives empty. Here:

- publishing a source page syncs its TranslationSource at once (`on_page_published`), and a
  translator can do the same from the editor ("Update from source", views.update_from_source);
- after a sync, every segment without a translation in a locale is *prefilled* from the project's
  own past translations, best first: the previous text of the same segment (same page, same
  field or block), then the same text translated on another page, then the most similar text
  translated in the same field of another page;
- a prefill is a StringTranslation with `has_error=True` and our `tool_name`: localize then leaves
  it out of the page it builds and out of its progress counts (`annotate_translation` excludes
  errors), and its editor shows it with a warning until the translator presses Save, which writes
  it as a normal manual translation (`edit_string_translation` clears both). So nothing prefilled
  reaches a reader unconfirmed;
- each changed segment also gets a SourceChange row (old source, new source, old translation) for
  the diff the translator and the reviewer see, until the translated page is published.
"""

import difflib
import logging

from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, TranslationSource

from .models import SourceChange

logger = logging.getLogger(__name__)

MEMORY_TOOL = "Polyphony translation memory"
# Stored as the prefill's field_error: localize shows a string translation as unconfirmed only
# while field_error is non-empty. The editor replaces it with a message in the reader's language
# (templatetags/translation_review.py).
DRAFT_MARKER = "Prefilled from an earlier translation: check it and press Save."

# Similar-text search: how many recent translations of the field are compared, and how close
# a text must be (difflib ratio) to be offered.
SIMILAR_CANDIDATES = 200
SIMILAR_RATIO = 0.75

CHANGED, REUSED, SIMILAR = "changed", "reused", "similar"


def is_draft(string_translation):
    return string_translation.has_error and string_translation.tool_name == MEMORY_TOOL


def drafts(translation):
    """The prefilled, unconfirmed string translations of a Translation."""
    return StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context__object_id=translation.source.object_id,
        tool_name=MEMORY_TOOL,
        has_error=True,
    )


@transaction.atomic
def sync_source(source):
    """Re-extract the source from its page and prefill every enabled translation.

    Returns {locale pk: number of prefilled segments}."""
    before = dict(source.stringsegment_set.values_list("context_id", "string_id"))
    source.update_from_db()
    result = {}
    for translation in source.translations.filter(enabled=True):
        result[translation.target_locale_id] = prefill(translation, before)
    return result


def prefill(translation, before=None):
    """Prefill the untranslated segments of one Translation; returns how many were prefilled."""
    before = before or {}
    locale_id = translation.target_locale_id
    segments = list(translation.source.stringsegment_set.select_related("string", "context"))
    done = set(
        StringTranslation.objects.filter(
            locale_id=locale_id, context_id__in=[segment.context_id for segment in segments]
        ).values_list("translation_of_id", "context_id")
    )
    count = 0
    for segment in segments:
        if (segment.string_id, segment.context_id) in done:
            continue
        found = _best_previous(segment, locale_id, before.get(segment.context_id))
        if found is None:
            continue
        kind, previous = found
        StringTranslation.objects.create(
            translation_of_id=segment.string_id,
            locale_id=locale_id,
            context_id=segment.context_id,
            data=previous.data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
            tool_name=MEMORY_TOOL,
            last_translated_by=previous.last_translated_by,
            has_error=True,
            field_error=DRAFT_MARKER,
        )
        if kind != REUSED:
            SourceChange.objects.update_or_create(
                locale_id=locale_id,
                context_id=segment.context_id,
                string_id=segment.string_id,
                defaults={
                    "old_source": previous.translation_of.data,
                    "previous_translation": previous.data,
                    "published_at": None,
                },
            )
        count += 1
    return count


def _confirmed(locale_id):
    return StringTranslation.objects.filter(locale_id=locale_id, has_error=False).select_related(
        "translation_of"
    )


def _best_previous(segment, locale_id, string_before):
    """(kind, StringTranslation) to prefill `segment` with, or None."""
    same_place = _confirmed(locale_id).filter(context_id=segment.context_id)
    if string_before and string_before != segment.string_id:
        previous = same_place.filter(translation_of_id=string_before).first()
        if previous is not None:
            return CHANGED, previous
    previous = (
        same_place.exclude(translation_of_id=segment.string_id).order_by("-updated_at").first()
    )
    if previous is not None:
        return CHANGED, previous
    elsewhere = (
        _confirmed(locale_id).filter(translation_of_id=segment.string_id).order_by("-updated_at")
    )
    previous = elsewhere.first()
    if previous is not None:
        return REUSED, previous
    return _similar(segment, locale_id)


def _similar(segment, locale_id):
    """The closest text translated in the same field of another page (a title, a summary)."""
    text = segment.string.data
    candidates = (
        _confirmed(locale_id)
        .filter(context__path=segment.context.path)
        .exclude(context__object_id=segment.context.object_id)
        .order_by("-updated_at")[:SIMILAR_CANDIDATES]
    )
    best, best_ratio = None, SIMILAR_RATIO
    for candidate in candidates:
        matcher = difflib.SequenceMatcher(None, candidate.translation_of.data, text)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio:
            best, best_ratio = candidate, ratio
    return (SIMILAR, best) if best is not None else None


def pending_changes(translation):
    """SourceChange rows of a Translation not yet published, in the source's segment order, each
    with `current` (the translation as it is now, or None) and `confirmed`."""
    segments = list(
        translation.source.stringsegment_set.order_by("order").values_list(
            "context_id", "string_id"
        )
    )
    order = {key: index for index, key in enumerate(segments)}
    rows = [
        change
        for change in SourceChange.objects.filter(
            locale_id=translation.target_locale_id,
            context__object_id=translation.source.object_id,
            published_at__isnull=True,
        ).select_related("string")
        if (change.context_id, change.string_id) in order
    ]
    current = {
        (item.translation_of_id, item.context_id): item
        for item in StringTranslation.objects.filter(
            locale_id=translation.target_locale_id,
            context_id__in=[change.context_id for change in rows],
        )
    }
    for change in rows:
        answer = current.get((change.string_id, change.context_id))
        change.current = answer.data if answer is not None else None
        change.confirmed = answer is not None and not answer.has_error
    rows.sort(key=lambda change: order[change.context_id, change.string_id])
    return rows


def word_diff(old, new):
    """HTML of the change from `old` to `new`, word by word: <del> what went, <ins> what came."""
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape(" ".join(old_words[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(' '.join(old_words[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(' '.join(new_words[b1:b2]))}</ins>")
    return mark_safe(" ".join(parts))  # noqa: S308 (every word is escaped above)


def text_diff(old, new, limit=300):
    """The same change as plain text, for localize's editor (which shows text only)."""
    old_words, new_words = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(None, old_words, new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            words = old_words[a1:a2]
            parts.append(" ".join(words) if len(words) <= 6 else f"{words[0]} … {words[-1]}")
            continue
        if a2 > a1:
            parts.append("[−" + " ".join(old_words[a1:a2]) + "]")
        if b2 > b1:
            parts.append("[+" + " ".join(new_words[b1:b2]) + "]")
    text = " ".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mark_published(page):
    """The translated `page` went live: its answered source changes are history now."""
    changes = SourceChange.objects.filter(
        locale_id=page.locale_id, context__object_id=page.translation_key, published_at__isnull=True
    )
    answered = set(
        StringTranslation.objects.filter(
            locale_id=page.locale_id, context__object_id=page.translation_key, has_error=False
        ).values_list("translation_of_id", "context_id")
    )
    ids = [change.pk for change in changes if (change.string_id, change.context_id) in answered]
    if ids:
        SourceChange.objects.filter(pk__in=ids).update(published_at=timezone.now())


def on_page_published(sender, instance, **kwargs):
    """A source published: its translations get the new text (prefilled where possible) now,
    not when a publisher remembers "Sync translated pages". A translation published: mark it."""
    page = instance
    sources = TranslationSource.objects.filter(
        object_id=page.translation_key, locale_id=page.locale_id, translations__enabled=True
    ).distinct()
    for source in sources:
        try:
            sync_source(source)
        except (Page.DoesNotExist, ValueError):
            # The source cannot be re-read (deleted, or a schema it cannot extract): the report
            # keeps saying "outdated", and "Update from source" shows the error to a person.
            logger.exception("Sync of translation source %s after publishing failed", source.pk)
    mark_published(page)


def on_translation_saved(sender, instance, created, raw=False, **kwargs):
    """A new translation starts from what the project has translated before (other pages)."""
    if created and not raw and instance.enabled:
        prefill(instance)


def connect():
    from django.db.models.signals import post_save
    from wagtail.signals import page_published
    from wagtail_localize.models import Translation

    page_published.connect(on_page_published, dispatch_uid="cms-translation-sync-on-publish")
    post_save.connect(
        on_translation_saved, sender=Translation, dispatch_uid="cms-translation-memory-new"
    )
