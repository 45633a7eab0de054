"""Admin views: the rows of the Translation status report (the view is report.py) and "Submit for
review"."""

from django.conf import settings
from django.contrib import messages
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale
from wagtail_localize.models import Translation

from . import status
from .access import (
    can_start_translations,
    editable_locale_ids,
    translator_languages,
)
from .actions import editable_translation
from .review import CannotSubmit, submit_for_review

PAGE_SIZE = 50
ALL = "all"


def ordered_locales():
    """Locales in the order of WAGTAIL_CONTENT_LANGUAGES (the order readers see everywhere)."""
    order = {code: index for index, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    locales = Locale.objects.filter(language_code__in=order)
    return sorted(locales, key=lambda locale: order[locale.language_code])


def visible_source_pages(user):
    """Rows this user may see. Publishers and administrators see every source page; translators
    see published ones and those already sent for translation into one of their languages, so
    that unpublished drafts elsewhere (a story before its safety review) stay out of sight."""
    rows = status.source_pages()
    if can_start_translations(user):
        return rows
    languages = translator_languages(user)
    mine = Translation.objects.filter(
        source__object_id=OuterRef("translation_key"),
        target_locale__language_code__in=languages,
        enabled=True,
    )
    return rows.filter(Q(live=True) | Q(Exists(mine)))


def _selected_locales(request, locales, languages):
    wanted = request.GET.get("locale", "")
    by_code = {locale.language_code: locale for locale in locales}
    if wanted in by_code:
        return wanted, [by_code[wanted]]
    if wanted != ALL and languages and not can_start_translations(request.user):
        # A translator starts from the languages they work in.
        return "", [by_code[code] for code in languages if code in by_code]
    return ALL, locales


def _type_choices(rows):
    """(content type pk, name) of the page types present in the rows, for the type filter."""
    from django.contrib.contenttypes.models import ContentType

    type_ids = rows.order_by().values_list("content_type_id", flat=True).distinct()
    types = ContentType.objects.filter(pk__in=type_ids)
    choices = []
    for content_type in types:
        model = content_type.model_class()
        if model is not None:
            choices.append((content_type.pk, str(model._meta.verbose_name).capitalize()))
    return sorted(choices, key=lambda choice: choice[1])


def _cell_link(cell, row, locale, editable, can_start):
    if cell.state == status.MISSING:
        if can_start:
            url = reverse("wagtail_localize:submit_page_translation", args=[row.pk])
            return f"{url}?select_locale={locale.language_code}"
        return None
    if cell.page_id and locale.pk in editable:
        return reverse("wagtailadmin_pages:edit", args=[cell.page_id])
    return None


def build_rows(user, pages, locales, cells=None):
    if cells is None:
        cells = status.compute(pages, locales)
    editable = editable_locale_ids(user)
    can_start = can_start_translations(user)
    rows = []
    for page in pages:
        row_cells = []
        for locale in locales:
            cell = cells[page.pk, locale.pk]
            link = _cell_link(cell, page, locale, editable, can_start)
            row_cells.append({"cell": cell, "locale": locale, "url": link})
        model = page.specific_class
        type_name = model._meta.verbose_name if model is not None else ""
        rows.append({"page": page, "type": type_name, "cells": row_cells})
    return rows


@require_POST
def submit(request, translation_id):
    """ "Submit for review" from the translation editor (a POST with CSRF, never a GET)."""
    translation, page = editable_translation(request, translation_id)
    try:
        submit_for_review(translation, request.user)
    except CannotSubmit as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("'%(title)s' in %(language)s has been submitted for review.")
            % {
                "title": page.get_admin_display_title(),
                "language": translation.target_locale.get_display_name(),
            },
        )
    return redirect("wagtailadmin_pages:edit", page.pk)
