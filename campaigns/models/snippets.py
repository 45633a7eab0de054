"""Snippets that campaign pages in every locale share: bank accounts and partner organisations.

Neither is translatable. A bank account is a legal fact: the holder's name must match the
bank's register letter for letter (Verification of Payee compares them), and an IBAN is never
"translated". Partner organisations are proper nouns, named by themselves; one shared record
means a logo or link fixed once is fixed on every translation.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from campaigns.payments import PaymentPayloadError, epc_payload, spd_payload
from campaigns.payments.epc import validate_bic, validate_iban

EUR = "EUR"
CZK = "CZK"
CURRENCY_CHOICES = [(EUR, _("Euro (EUR)")), (CZK, _("Czech koruna (CZK)"))]


class BankAccount(index.Indexed, models.Model):
    """An account donations go to. Chosen by the donation block of any campaign, any locale."""

    label = models.CharField(
        _("label"),
        max_length=80,
        help_text=_("For editors only, to tell accounts apart, e.g. 'Main account (EUR)'."),
    )
    holder_name = models.CharField(
        _("account holder"),
        max_length=70,
        help_text=_(
            "Exactly as registered with the bank, letter for letter. Never translate or "
            "transliterate it: banks compare it with their records before paying."
        ),
    )
    iban = models.CharField(_("IBAN"), max_length=42)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    currency = models.CharField(_("currency"), max_length=3, choices=CURRENCY_CHOICES, default=EUR)

    panels = [
        FieldPanel("label"),
        FieldPanel("holder_name"),
        FieldPanel("iban"),
        FieldPanel("bic"),
        FieldPanel("currency"),
    ]
    search_fields = [index.SearchField("label"), index.SearchField("holder_name")]

    class Meta:
        verbose_name = _("bank account")
        verbose_name_plural = _("bank accounts")
        ordering = ["label"]

    def __str__(self):
        return f"{self.label} ({self.currency})"

    def clean(self):
        """Refuse an account that could not be paid by QR code, with the reason on its field.

        The IBAN and BIC are stored compact and upper case, the form payment apps expect.
        """
        super().clean()
        errors = {}
        try:
            self.iban = validate_iban(self.iban)
        except PaymentPayloadError:
            errors["iban"] = _("This is not a valid IBAN. Check it against the bank's letter.")
        try:
            self.bic = validate_bic(self.bic)
        except PaymentPayloadError:
            errors["bic"] = _("This is not a valid BIC (8 or 11 letters and digits).")
        if not errors:
            try:
                epc_payload(name=self.holder_name, iban=self.iban, bic=self.bic)
            except PaymentPayloadError as error:
                errors["holder_name"] = str(error)
        if not errors and self.currency == CZK:
            try:
                spd_payload(iban=self.iban, bic=self.bic, currency=CZK, name=self.holder_name)
            except PaymentPayloadError as error:
                errors["holder_name"] = str(error)
        if errors:
            raise ValidationError(errors)

    @property
    def iban_display(self):
        """The IBAN in groups of four, as printed on bank statements and easy to read aloud."""
        return " ".join(self.iban[i : i + 4] for i in range(0, len(self.iban), 4))


class PartnerOrganisation(index.Indexed, models.Model):
    """An organisation a campaign is run with. Shown as logo and name, linked to its site."""

    name = models.CharField(_("name"), max_length=120)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    url = models.URLField(_("link"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("logo"), FieldPanel("url")]
    search_fields = [index.SearchField("name")]

    class Meta:
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name
