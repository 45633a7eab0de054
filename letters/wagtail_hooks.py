"""The letters admin (letters.views.admin) and the snippets Letter volunteers and editors keep:
prisons, the censor's word list, prisoners' answers."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from letters.models import ForbiddenWord, Prison, PrisonerAnswer
from letters.views import admin as views


@hooks.register("register_admin_urls")
def register_letter_urls():
    return [
        path("letters/", views.queue, name="letters_queue"),
        path("letters/<int:letter_id>/", views.letter_detail, name="letters_letter"),
        path("letters/batches/", views.batch_list, name="letters_batches"),
        path("letters/batches/<int:batch_id>/", views.batch_detail, name="letters_batch"),
        path("letters/batches/<int:batch_id>/pdf/", views.batch_pdf, name="letters_batch_pdf"),
        path("letters/batches/<int:batch_id>/csv/", views.batch_csv, name="letters_batch_csv"),
    ]


class LettersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(views.VIEW)


@hooks.register("register_admin_menu_item")
def register_letters_menu_item():
    return LettersMenuItem(_("Letters"), reverse("letters_queue"), icon_name="mail", order=260)


class PrisonViewSet(SnippetViewSet):
    model = Prison
    icon = "home"
    list_display = ["name", "region"]


class ForbiddenWordViewSet(SnippetViewSet):
    model = ForbiddenWord
    icon = "warning"
    list_display = ["word", "language", "explanation"]
    list_filter = ["language"]


class PrisonerAnswerViewSet(SnippetViewSet):
    model = PrisonerAnswer
    icon = "openquote"
    list_display = ["prisoner", "received_on", "published"]


class LetterSnippets(SnippetViewSetGroup):
    menu_label = _("Letter settings")
    menu_icon = "mail"
    menu_order = 261
    items = (PrisonViewSet, ForbiddenWordViewSet, PrisonerAnswerViewSet)


register_snippet(LetterSnippets)
