"""Admin views the translation editor's own buttons lead to: "Update from source", approving
several languages of one page together, and the confirmation before "Stop synced translation"."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page
from wagtail_localize.models import Translation

from . import memory
from .editor import APPROVE, reviewer_actions
from .review import translation_page


def editable_translation(request, translation_id):
    """The enabled translation and its page, for someone who may edit that page (a translator
    of another language gets a 403: the page is outside their grants)."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation_page(translation)
    if page is None:
        raise Http404
    # The translator of another language gets nothing here (the page is outside their grants).
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return translation, page


def _source_refusal(translation):
    """Why the source may not be re-read for translators now, or None."""
    try:
        source_page = translation.source.get_source_instance()
    except Page.DoesNotExist:
        return _("The source page no longer exists.")
    if not source_page.live:
        return _("The source page is not published; there is nothing new to translate.")
    refusal = getattr(source_page, "translation_refusal", None)
    return refusal() if callable(refusal) else None


@require_POST
def update_from_source(request, translation_id):
    """The translator's own "Sync translated pages": the source's published text, prefilled."""
    translation, page = editable_translation(request, translation_id)
    refusal = _source_refusal(translation)
    if refusal:
        messages.error(request, refusal)
        return redirect("wagtailadmin_pages:edit", page.pk)
    counts = memory.sync_source(translation.source)
    prefilled = counts.get(translation.target_locale_id, 0)
    messages.success(
        request,
        ngettext(
            "Updated from the source. %(count)d changed string is prefilled with its earlier "
            "translation: check it and press Save.",
            "Updated from the source. %(count)d changed strings are prefilled with their earlier "
            "translations: check them and press Save.",
            prefilled,
        )
        % {"count": prefilled}
        if prefilled
        else _("Updated from the source. Nothing needed prefilling."),
    )
    return redirect("wagtailadmin_pages:edit", page.pk)


def stop_translation(request, translation_id):
    """A confirmation page before localize's "Stop synced translation" (which acts at once)."""
    translation, page = editable_translation(request, translation_id)
    return TemplateResponse(
        request,
        "cms/translation/confirm_stop.html",
        {"page_title": _("Stop synced translation"), "translation": translation, "page": page},
    )


def approve_all(pages, user, comment=""):
    """Approve the current task of each page the user may approve; returns the approved pages.
    Each approval is Wagtail's own (`task.on_action`), so a final approval publishes."""
    approved = []
    for page in pages:
        with transaction.atomic():
            page = Page.objects.select_for_update().get(pk=page.pk).specific
            task_state, actions = reviewer_actions(page, user)
            if APPROVE not in actions:
                continue
            task_state.task.specific.on_action(task_state, user, APPROVE, comment=comment)
        approved.append(page)
    return approved


@require_POST
def approve_many(request):
    """Approve and publish several languages of one page at once, from the editor's panel."""
    ids = [int(pk) for pk in request.POST.getlist("page") if pk.isdigit()]
    pages = list(Page.objects.filter(pk__in=ids).select_related("locale"))
    approved = approve_all(pages, request.user, request.POST.get("comment", "").strip())
    skipped = len(ids) - len(approved)
    if approved:
        messages.success(
            request,
            _("Approved: %(pages)s.")
            % {
                "pages": ", ".join(
                    f"{page.get_admin_display_title()} ({page.locale.get_display_name()})"
                    for page in approved
                )
            },
        )
    if skipped or not ids:
        messages.warning(
            request,
            ngettext(
                "%(count)d translation was not approved: it is not waiting for you.",
                "%(count)d translations were not approved: they are not waiting for you.",
                max(skipped, 1),
            )
            % {"count": max(skipped, 1)},
        )
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(next_url)
    return redirect("wagtailadmin_home")
