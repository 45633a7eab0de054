"""The Letter volunteers' admin: the queue per prisoner and language, one letter to read,
correct, translate, refuse or mark ready, and the batches to print and send.

Every view checks a model permission that only Letter volunteers (and administrators) hold
(cms/core/roles.py). A writer's return address is stored only when they asked for a reply by
post, and only then shown.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from letters import batches as batching
from letters import moderation
from letters.models import REFUSAL_REASONS, Letter, LetterBatch
from letters.translation import backend, prepare_draft

VIEW = "letters.view_letter"
CHANGE = "letters.change_letter"
VIEW_BATCH = "letters.view_letterbatch"
CHANGE_BATCH = "letters.change_letterbatch"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


class CorrectionForm(forms.Form):
    text = forms.CharField(label=gettext_lazy("Letter"), widget=forms.Textarea(attrs={"rows": 12}))
    translation = forms.CharField(
        label=gettext_lazy("Russian translation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )
    translation_checked = forms.BooleanField(
        label=gettext_lazy("I have checked this translation"), required=False
    )


class RefusalForm(forms.Form):
    reason = forms.ChoiceField(
        label=gettext_lazy("Reason the writer will see"), choices=REFUSAL_REASONS
    )


def queue(request):
    _require(request, VIEW)
    waiting = Letter.objects.waiting()
    groups = (
        waiting.values("prisoner_id", "prisoner__title", "language")
        .annotate(total=Count("pk"))
        .order_by("prisoner__title", "language")
    )
    prisoner, language = request.GET.get("prisoner", ""), request.GET.get("language", "")
    letters = waiting.select_related("prisoner").order_by("received_on", "pk")
    if prisoner.isdigit():
        letters = letters.filter(prisoner_id=int(prisoner))
    if language:
        letters = letters.filter(language=language)
    return TemplateResponse(
        request,
        "letters/admin/queue.html",
        {
            "groups": groups,
            "letters": letters,
            "ready_count": Letter.objects.ready_unbatched().count(),
            "current_prisoner": prisoner,
            "current_language": language,
        },
    )


def letter_detail(request, letter_id):
    _require(request, VIEW)
    letter = get_object_or_404(Letter.objects.select_related("prisoner"), pk=letter_id)
    correction = CorrectionForm(
        initial={
            "text": letter.text,
            "translation": letter.translation,
            "translation_checked": letter.translation_checked,
        }
    )
    refusal = RefusalForm()
    if request.method == "POST":
        _require(request, CHANGE)
        action = request.POST.get("action")
        try:
            if action in ("save", "ready"):
                correction = CorrectionForm(request.POST)
                if correction.is_valid():
                    moderation.save_correction(letter, **correction.cleaned_data)
                    if action == "ready":
                        moderation.mark_ready(letter)
                        messages.success(request, _("The letter is ready to send."))
                        return redirect("letters_queue")
                    messages.success(request, _("Saved."))
                    return redirect("letters_letter", letter.pk)
            elif action == "machine":
                if prepare_draft(letter):
                    messages.success(request, _("A machine draft is ready. Please check it."))
                return redirect("letters_letter", letter.pk)
            elif action == "refuse":
                refusal = RefusalForm(request.POST)
                if refusal.is_valid():
                    moderation.refuse(letter, refusal.cleaned_data["reason"])
                    messages.success(request, _("The letter was refused."))
                    return redirect("letters_queue")
        except moderation.NotAllowed as error:
            messages.error(request, str(error))
            return redirect("letters_letter", letter.pk)
    return TemplateResponse(
        request,
        "letters/admin/letter.html",
        {
            "letter": letter,
            "correction": correction,
            "refusal": refusal,
            "can_change": request.user.has_perm(CHANGE),
            "machine_translation": backend() is not None and letter.needs_translation,
            # Kept only for a reply by post, so shown only then (and cleared on refusal).
            "return_address": letter.return_address if letter.reply == "post" else "",
        },
    )


def batch_list(request):
    _require(request, VIEW_BATCH)
    if request.method == "POST":
        _require(request, CHANGE_BATCH)
        made = batching.make_batches()
        messages.success(request, _("Batches updated: %(count)s.") % {"count": len(made)})
        return redirect("letters_batches")
    return TemplateResponse(
        request,
        "letters/admin/batches.html",
        {
            "batches": LetterBatch.objects.select_related("prison")[:100],
            "ready_count": Letter.objects.ready_unbatched().count(),
            "can_change": request.user.has_perm(CHANGE_BATCH),
        },
    )


def batch_detail(request, batch_id):
    _require(request, VIEW_BATCH)
    batch = get_object_or_404(LetterBatch.objects.select_related("prison"), pk=batch_id)
    if request.method == "POST":
        _require(request, CHANGE_BATCH)
        batching.mark_sent(batch)
        messages.success(request, _("The batch is marked as sent."))
        return redirect("letters_batch", batch.pk)
    return TemplateResponse(
        request,
        "letters/admin/batch.html",
        {
            "batch": batch,
            "letters": batching.batch_letters(batch),
            "can_change": request.user.has_perm(CHANGE_BATCH),
        },
    )


def _download(content, content_type, name):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response


def batch_pdf(request, batch_id):
    _require(request, VIEW_BATCH)
    batch = get_object_or_404(LetterBatch.objects.select_related("prison"), pk=batch_id)
    return _download(batching.render_pdf(batch), "application/pdf", f"letters-{batch.pk}.pdf")


def batch_csv(request, batch_id):
    _require(request, VIEW_BATCH)
    batch = get_object_or_404(LetterBatch.objects.select_related("prison"), pk=batch_id)
    return _download(
        batching.render_csv(batch).encode("utf-8-sig"),
        "text/csv; charset=utf-8",
        f"fsin-pismo-{batch.pk}.csv",
    )
