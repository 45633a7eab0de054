"""Admin registration: the snippets campaigns share across locales."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from campaigns.models import BankAccount, PartnerOrganisation


class BankAccountViewSet(SnippetViewSet):
    model = BankAccount
    icon = "form"
    menu_label = "Bank accounts"
    list_display = ["label", "holder_name", "iban_display", "currency"]


class PartnerOrganisationViewSet(SnippetViewSet):
    model = PartnerOrganisation
    icon = "group"
    menu_label = "Partner organisations"
    list_display = ["name", "url"]


register_snippet(BankAccountViewSet)
register_snippet(PartnerOrganisationViewSet)
