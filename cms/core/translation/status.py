"""The state of every page × locale pair: missing, in progress (%), up to date, outdated since.

wagtail-localize 1.14.5 records nothing when a source page is published again
(docs/wagtail8-behaviour.md, "Knowing that a translation is outdated"), so "outdated" is computed:

- the source page was published after its TranslationSource was last synced
  (`source.last_published_at > TranslationSource.last_updated_at`): its new text has not even
  reached the translators yet; or
- the TranslationSource was synced after the translated page was last published
  (`target.last_published_at < TranslationSource.last_updated_at`) and the source had been
  published again since that translation went out: the new strings are in the editor but the
  readers of the translation still see the old version. (A sync with no new publication of the
  source changes nothing a reader would notice, so it does not count.)

Publishing a source syncs it at once (memory.py), so the first case remains only when that sync
failed or the page row changed without a publication; the second is the usual one.

"Since" is the first publication of the source after the translation's basis (the sync or the
translation's last publication, whichever is earlier), read from Wagtail's publish log; pages
published without a log entry fall back to the timestamps above.

Everything is computed for a whole screen of rows at once, in a fixed number of queries,
whatever the number of rows and locales (the report must not issue one query per cell).
"""

import bisect
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, Max, OuterRef, Q
from wagtail.models import Page, PageLogEntry, WorkflowState
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

SOURCE = "source"
MISSING = "missing"
ALIAS = "alias"
NOT_SYNCED = "not_synced"
IN_PROGRESS = "in_progress"
UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
# The source says it may not be translated (a story without its contributor's consent).
NOT_ALLOWED = "not_allowed"

# States a translator still has work to do in (their dashboard queue).
NEEDS_WORK = (OUTDATED, IN_PROGRESS)
# What the report's "Needs work" filter shows: also what nobody has started yet.
REPORT_NEEDS_WORK = (OUTDATED, IN_PROGRESS, MISSING)
STATES = (SOURCE, UP_TO_DATE, IN_PROGRESS, OUTDATED, MISSING, NOT_SYNCED, ALIAS, NOT_ALLOWED)


@dataclass(frozen=True)
class Cell:
    state: str
    locale_id: int
    # The page in this locale (the translation, or the source itself), if there is one.
    page_id: int | None = None
    translation_id: int | None = None
    total: int = 0
    translated: int = 0
    outdated_since: datetime | None = None
    in_review: bool = False
    live: bool = False

    @property
    def percent(self):
        if not self.total:
            return 100
        return self.translated * 100 // self.total

    @property
    def needs_work(self):
        return self.state in NEEDS_WORK


def source_pages():
    """Pages that are not themselves translations: the rows of the report.

    A page is a translation when a localize Translation targets its translation key in its
    locale; aliases mirror another page and are shown in that page's row instead.
    """
    is_translation = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"), target_locale_id=OuterRef("locale_id")
    )
    return (
        Page.objects.filter(depth__gt=1, alias_of__isnull=True)
        .exclude(Exists(is_translation))
        .order_by("path")
    )


def translation_refusals(pages):
    """{page pk: reason} for the pages whose type says they may not be translated now.

    A page type opts in with a `translation_refusal()` method returning a reason or None
    (StoryPage: live and consented); cms.core names no content app, so it asks the page."""
    typed = {}
    for page in pages:
        model = page.specific_class
        if model is not None and callable(getattr(model, "translation_refusal", None)):
            typed.setdefault(model, []).append(page.pk)
    refusals = {}
    for model, pks in typed.items():
        for page in model.objects.filter(pk__in=pks):
            reason = page.translation_refusal()
            if reason:
                refusals[page.pk] = str(reason)
    return refusals


def is_translation(page):
    return Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id
    ).exists()


def compute(rows, locales):
    """{(row page pk, locale pk): Cell} for every row and locale, in eight queries at most."""
    rows = list(rows)
    if not rows or not locales:
        return {}
    locale_ids = [locale.pk for locale in locales]
    keys = {row.translation_key for row in rows}

    pages = {
        (page["translation_key"], page["locale_id"]): page
        for page in Page.objects.filter(translation_key__in=keys, locale_id__in=locale_ids).values(
            "pk",
            "translation_key",
            "locale_id",
            "live",
            "last_published_at",
            "has_unpublished_changes",
            "alias_of_id",
            "live_revision__created_at",
        )
    }
    sources = {
        (source["object_id"], source["locale_id"]): source
        for source in TranslationSource.objects.filter(object_id__in=keys).values(
            "pk", "object_id", "locale_id", "last_updated_at"
        )
    }
    source_ids = [source["pk"] for source in sources.values()]
    translations = {
        (translation["source_id"], translation["target_locale_id"]): translation
        for translation in Translation.objects.filter(
            source_id__in=source_ids, target_locale_id__in=locale_ids
        ).values("pk", "source_id", "target_locale_id", "enabled")
    }
    progress = _progress(source_ids, locale_ids)
    last_edits = {
        (edit["context__object_id"], edit["locale_id"]): edit["last"]
        for edit in StringTranslation.objects.filter(
            context__object_id__in=keys, locale_id__in=locale_ids
        )
        .values("context__object_id", "locale_id")
        .annotate(last=Max("updated_at"))
    }
    target_ids = [page["pk"] for page in pages.values()]
    active_states = WorkflowState.objects.active().filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(pk) for pk in target_ids],
    )
    in_review = {int(object_id) for object_id in active_states.values_list("object_id", flat=True)}
    publications = _publications([row.pk for row in rows])

    cells = {}
    for row in rows:
        source = sources.get((row.translation_key, row.locale_id))
        for locale_id in locale_ids:
            target = pages.get((row.translation_key, locale_id))
            translation = None
            if source is not None:
                translation = translations.get((source["pk"], locale_id))
            cells[row.pk, locale_id] = _cell(
                row,
                locale_id,
                target,
                source,
                translation,
                progress,
                last_edits.get((row.translation_key, locale_id)),
                target is not None and target["pk"] in in_review,
                publications.get(row.pk, []),
            )
    return cells


def _progress(source_ids, locale_ids):
    """{(source pk, locale pk): (total, translated)} in one grouped query, counted the way
    `Translation.get_progress()` counts (a translation with an error does not count)."""
    if not source_ids:
        return {}
    counts = {}
    for locale_id in locale_ids:
        translated = StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale_id=locale_id,
            has_error=False,
        )
        counts[f"done_{locale_id}"] = Count("pk", filter=Q(Exists(translated)))
    result = {}
    for row in (
        StringSegment.objects.filter(source_id__in=source_ids)
        .values("source_id")
        .annotate(total=Count("pk"), **counts)
        .order_by()
    ):
        for locale_id in locale_ids:
            result[row["source_id"], locale_id] = (row["total"], row[f"done_{locale_id}"])
    return result


def _publications(page_ids):
    """{page pk: sorted publish timestamps} from Wagtail's audit log."""
    result = defaultdict(list)
    for page_id, timestamp in (
        PageLogEntry.objects.filter(page_id__in=page_ids, action="wagtail.publish")
        .order_by("timestamp")
        .values_list("page_id", "timestamp")
    ):
        result[page_id].append(timestamp)
    return result


def _first_after(timestamps, moment):
    index = bisect.bisect_right(timestamps, moment)
    return timestamps[index] if index < len(timestamps) else None


def _cell(row, locale_id, target, source, translation, progress, last_edit, review, published):
    if locale_id == row.locale_id:
        return Cell(SOURCE, locale_id, page_id=row.pk, live=row.live)
    if target is None:
        return Cell(MISSING, locale_id)
    common = {"page_id": target["pk"], "live": target["live"], "in_review": review}
    if target["alias_of_id"]:
        return Cell(ALIAS, locale_id, **common)
    target_published = target["last_published_at"]

    if translation is None or not translation["enabled"]:
        # Translated by hand (or localize's sync was stopped): only publication dates compare.
        since = None
        if row.last_published_at and target_published and row.last_published_at > target_published:
            since = _first_after(published, target_published) or row.last_published_at
        return Cell(NOT_SYNCED, locale_id, outdated_since=since, **common)

    total, translated = progress.get((source["pk"], locale_id), (0, 0))
    common.update(translation_id=translation["pk"], total=total, translated=translated)
    synced = source["last_updated_at"]
    source_changed = row.last_published_at is not None and row.last_published_at > synced
    # A sync alone is not a change ("Sync translated pages" with nothing new, or the demo
    # syncing once per language): the source must also have been published since.
    not_republished = (
        target_published is not None
        and target_published < synced
        and row.last_published_at is not None
        and row.last_published_at > target_published
    )
    if source_changed or not_republished:
        basis = min(synced, target_published) if target_published else synced
        fallback = row.last_published_at if source_changed else synced
        since = _first_after(published, basis) or fallback
        return Cell(OUTDATED, locale_id, outdated_since=since, **common)

    # Strings typed after the revision readers see (the one submitted for review, or saved by
    # "Publish in <language>") are not live yet, however late that revision was approved.
    live_basis = target["live_revision__created_at"] or target_published
    unpublished_edits = last_edit is not None and (live_basis is None or last_edit > live_basis)
    if (
        translated < total
        or not target["live"]
        or target["has_unpublished_changes"]
        or unpublished_edits
        or review
    ):
        return Cell(IN_PROGRESS, locale_id, **common)
    return Cell(UP_TO_DATE, locale_id, **common)
