"""What every public form shares: checks that keep bots out without JavaScript and without
keeping anything about the visitor.

- A honeypot field that people never see (hidden by CSS, skipped by keyboard and screen readers)
  and naive bots fill in.
- A minimum fill time: the form carries a signed timestamp of when it was shown. It is only sent
  back by the browser and checked; it is never stored.
- A captcha (django-simple-captcha, stored in our own database; no third party sees the visitor):
  a small calculation shown as a picture, written in words for screen readers
  (cms/core/spoken_captcha.py) and, where `flite` is installed, read aloud in English.
"""

import time

from captcha.fields import CaptchaField
from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

from cms.core.receipts import normalise_receipt_code
from cms.core.spoken_captcha import SpokenCaptchaInput

SIGNING_SALT = "polyphony.forms.started"


def issue_started_token():
    return signing.dumps(int(time.time()), salt=SIGNING_SALT)


class HoneypotInput(forms.TextInput):
    def __init__(self):
        super().__init__(attrs={"autocomplete": "off", "tabindex": "-1", "class": "hp-input"})


class HumanCheckForm(forms.Form):
    """Base class for public forms. Subclasses add their fields; call super().clean()."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=HoneypotInput(),
    )
    form_started = forms.CharField(widget=forms.HiddenInput)
    captcha = CaptchaField(
        label=_("Anti-spam question"),
        help_text=_(
            # The challenge adds, subtracts or multiplies (CAPTCHA_CHALLENGE_FUNCT): not a "sum".
            "Type the result of the calculation, in digits. Reload the page for a new question."
        ),
        widget=SpokenCaptchaInput(attrs={"autocomplete": "off", "inputmode": "numeric"}),
        error_messages={"invalid": _("That answer is not right. Please try the new question.")},
    )

    # Fields a template renders apart from the visible ones (see components/form_fields.html).
    protection_fields = ("website", "form_started", "captcha")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_started"].initial = issue_started_token()

    def visible_content_fields(self):
        return [field for field in self if field.name not in self.protection_fields]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(
                _("Your message could not be accepted. Please try again."), code="honeypot"
            )
        started = self.data.get(self.add_prefix("form_started"), "")
        try:
            shown_at = signing.loads(
                started, salt=SIGNING_SALT, max_age=settings.FORM_MAX_AGE_SECONDS
            )
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("This form was open for too long. Please check your answers and send it again."),
                code="expired",
            ) from None
        except signing.BadSignature:
            raise forms.ValidationError(
                _("Your message could not be accepted. Please try again."), code="tampered"
            ) from None
        if time.time() - shown_at < settings.FORM_MIN_FILL_SECONDS:
            raise forms.ValidationError(
                _("That was faster than a person can fill in this form. Please send it again."),
                code="too_fast",
            )
        return cleaned


class ReceiptCodeForm(forms.Form):
    """One field: a receipt code, as every receipt check asks for it (stories, letters).
    Deliberately without a captcha — a code has 100 random bits, so guessing is hopeless, and
    wrong codes are rate-limited by the page; a picture puzzle would only stand between a
    worried person and an answer."""

    code = forms.CharField(
        label=_("Your receipt code"),
        max_length=100,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )

    def clean_code(self):
        code = normalise_receipt_code(self.cleaned_data["code"])
        if code is None:
            raise forms.ValidationError(
                _("This does not look like a receipt code. Please check it and try again."),
                code="invalid",
            )
        return code
