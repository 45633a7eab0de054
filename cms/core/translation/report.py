"""The Translation status report: rows are source pages, columns are locales.

Each state has a colour, a shape and a word (never colour alone), explained by a legend that also
counts it per language and filters by it; "Needs work" shows what is outdated, unfinished or not
started; the same selection downloads as CSV. Pages that may not be translated (a story without
its contributor's consent) are left out unless translations of them exist, which then show what
is missing as "Not to be translated".
"""

import csv

from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import status
from .access import can_start_translations, can_view_report, translator_languages
from .views import (
    ALL,
    PAGE_SIZE,
    _selected_locales,
    _type_choices,
    build_rows,
    ordered_locales,
    visible_source_pages,
)

NEEDS_WORK = "needs_work"
# Rows whose cells are computed in one go (status.compute's queries take lists of this size).
CHUNK = 500

# (shape, label, what it means); the colour is in the template's stylesheet, by state.
LEGEND = {
    status.UP_TO_DATE: (
        "●",
        gettext_lazy("Up to date"),
        gettext_lazy("Readers see the current text."),
    ),
    status.IN_PROGRESS: (
        "◐",
        gettext_lazy("In progress"),
        gettext_lazy("Started, not finished or not yet published."),
    ),
    status.OUTDATED: (
        "▲",
        gettext_lazy("Outdated"),
        gettext_lazy("The source changed after this translation was published."),
    ),
    status.MISSING: ("○", gettext_lazy("Missing"), gettext_lazy("Not translated yet.")),
    status.NOT_SYNCED: (
        "□",
        gettext_lazy("Not synced"),
        gettext_lazy("Translated by hand; it does not follow the source."),
    ),
    status.ALIAS: (
        "↪",
        gettext_lazy("Alias of the source"),
        gettext_lazy("Shows the source itself."),
    ),
    status.NOT_ALLOWED: (
        "⊘",
        gettext_lazy("Not to be translated"),
        gettext_lazy("The source may not be translated (for a story: no consent)."),
    ),
    status.SOURCE: ("◆", gettext_lazy("Source"), gettext_lazy("The original.")),
}


def _cells_for(pages, locales):
    cells = {}
    for start in range(0, len(pages), CHUNK):
        cells.update(status.compute(pages[start : start + CHUNK], locales))
    return cells


def _apply_refusals(pages, cells, locales, refusals):
    """Drop refused pages nobody translated; mark the rest's missing cells as not allowed."""
    kept = []
    for page in pages:
        if page.pk not in refusals:
            kept.append(page)
            continue
        row = [cells[page.pk, locale.pk] for locale in locales if locale.pk != page.locale_id]
        if all(cell.state == status.MISSING for cell in row):
            continue
        for locale in locales:
            if cells[page.pk, locale.pk].state == status.MISSING:
                cells[page.pk, locale.pk] = status.Cell(status.NOT_ALLOWED, locale.pk)
        kept.append(page)
    return kept


def _matches(page, cells, columns, wanted):
    states = {cells[page.pk, locale.pk].state for locale in columns}
    if wanted == NEEDS_WORK:
        return bool(states & set(status.REPORT_NEEDS_WORK))
    return wanted in states


def _counts(pages, cells, columns):
    """{locale pk: {state: n, NEEDS_WORK: n}} over the pages shown (before the state filter)."""
    counts = {locale.pk: dict.fromkeys((*status.STATES, NEEDS_WORK), 0) for locale in columns}
    for page in pages:
        for locale in columns:
            state = cells[page.pk, locale.pk].state
            counts[locale.pk][state] += 1
            if state in status.REPORT_NEEDS_WORK:
                counts[locale.pk][NEEDS_WORK] += 1
    return counts


def report(request):
    """Translation status (GET filters: locale, type, state; format=csv downloads it)."""
    if not can_view_report(request.user):
        raise PermissionDenied
    locales = ordered_locales()
    languages = translator_languages(request.user)
    selected_locale, columns = _selected_locales(request, locales, languages)

    rows = visible_source_pages(request.user)
    type_choices = _type_choices(rows)
    selected_type = request.GET.get("type", "")
    if selected_type.isdigit() and int(selected_type) in {pk for pk, _name in type_choices}:
        rows = rows.filter(content_type_id=int(selected_type))
    else:
        selected_type = ""

    pages = list(rows.select_related("locale"))
    cells = _cells_for(pages, locales)
    pages = _apply_refusals(pages, cells, locales, status.translation_refusals(pages))
    counts = _counts(pages, cells, columns)
    selected_state = request.GET.get("state", "")
    if selected_state in (NEEDS_WORK, *status.STATES):
        pages = [page for page in pages if _matches(page, cells, columns, selected_state)]
    else:
        selected_state = ""

    if request.GET.get("format") == "csv":
        return _csv(request, pages, cells, columns)

    page_obj = Paginator(pages, PAGE_SIZE).get_page(request.GET.get("p"))
    shown = list(page_obj.object_list)
    legend = [
        {
            "state": state,
            "shape": shape,
            "label": label,
            "meaning": meaning,
            "total": sum(counts[locale.pk][state] for locale in columns),
        }
        for state, (shape, label, meaning) in LEGEND.items()
    ]
    return TemplateResponse(
        request,
        "cms/translation/report.html",
        {
            "page_title": _("Translation status"),
            "header_icon": "site",
            "columns": columns,
            "locales": locales,
            "selected_locale": selected_locale,
            "type_choices": type_choices,
            "selected_type": selected_type,
            "selected_state": selected_state,
            "legend": legend,
            "shapes": {state: shape for state, (shape, _label, _meaning) in LEGEND.items()},
            "count_rows": _count_rows(counts, columns),
            "rows": build_rows(request.user, shown, columns, cells=cells),
            "page_obj": page_obj,
            "ALL": ALL,
            "NEEDS_WORK": NEEDS_WORK,
            "can_start": can_start_translations(request.user),
        },
    )


def _count_rows(counts, columns):
    """The counts table: one row per state that occurs, plus "Needs work"."""
    result = []
    for state, (shape, label, _meaning) in LEGEND.items():
        numbers = [counts[locale.pk][state] for locale in columns]
        if any(numbers):
            result.append({"state": state, "shape": shape, "label": label, "numbers": numbers})
    result.append(
        {
            "state": NEEDS_WORK,
            "shape": "",
            "label": _("Needs work"),
            "numbers": [counts[locale.pk][NEEDS_WORK] for locale in columns],
        }
    )
    return result


def _spreadsheet_safe(text):
    """A cell a spreadsheet would run as a formula is written as text."""
    text = str(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(request, pages, cells, columns):
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="translation-status-{stamp}.csv"'
    writer = csv.writer(response)
    header = [_("Page"), _("Page ID"), _("Type"), _("Language of the source")]
    for locale in columns:
        code = locale.language_code
        header += [code, f"{code} %", f"{code} " + _("outdated since")]
    writer.writerow(header)
    for page in pages:
        model = page.specific_class
        line = [
            _spreadsheet_safe(page.get_admin_display_title()),
            page.pk,
            _spreadsheet_safe(model._meta.verbose_name if model is not None else ""),
            page.locale.language_code,
        ]
        for locale in columns:
            cell = cells[page.pk, locale.pk]
            label = LEGEND[cell.state][1]
            percent = cell.percent if cell.translation_id else ""
            since = cell.outdated_since.date().isoformat() if cell.outdated_since else ""
            line += [str(label), percent, since]
        writer.writerow(line)
    return response
