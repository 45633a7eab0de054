"""The translator's queue on the admin dashboard: their languages' outdated and unfinished
translations, outdated first (readers are seeing old text there)."""

from django.db.models import Exists, OuterRef
from wagtail.admin.ui.components import Component
from wagtail_localize.models import Translation

from . import status
from .access import translator_languages
from .views import build_rows, ordered_locales

# Rows examined for one dashboard; the full picture is the report.
QUEUE_SCAN_LIMIT = 200
QUEUE_SHOWN = 20


def translator_queue(user, languages):
    locales = [locale for locale in ordered_locales() if locale.language_code in languages]
    mine = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        target_locale__in=locales,
        enabled=True,
    )
    pages = list(
        status.source_pages().filter(Exists(mine)).select_related("locale")[:QUEUE_SCAN_LIMIT]
    )
    items = [
        {"page": row["page"], **item}
        for row in build_rows(user, pages, locales)
        for item in row["cells"]
        if item["cell"].needs_work
    ]
    items.sort(key=lambda item: (item["cell"].state != status.OUTDATED, item["page"].path))
    return items


class TranslationQueuePanel(Component):
    name = "translation_queue"
    template_name = "cms/translation/dashboard_panel.html"
    order = 90  # above Wagtail's own panels: this is the translator's work list

    def __init__(self, languages):
        self.languages = languages

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        items = translator_queue(request.user, self.languages)
        return {
            "items": items[:QUEUE_SHOWN],
            "more": max(len(items) - QUEUE_SHOWN, 0),
            "request": request,
        }


def add_queue_panel(request, panels):
    languages = translator_languages(request.user)
    if languages:
        panels.append(TranslationQueuePanel(languages))
