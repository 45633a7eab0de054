"""The public letter form and the receipt check.

The form has two buttons: "Check my letter" runs only the censor's checks (no captcha asked,
nothing saved) and shows the page again with the findings and the text kept; "Send" runs the
same checks and the human checks of every public form (cms.core.forms.HumanCheckForm).
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from cms.core.forms import HumanCheckForm, ReceiptCodeForm
from cms.core.plaintext import clean_line, clean_text
from letters.checks import findings
from letters.conf import setting
from letters.models import REPLY_CHOICES, REPLY_NONE, REPLY_POST

CHECK = "check"
SEND = "send"


class LetterForm(HumanCheckForm):
    text = forms.CharField(
        label=_("Your letter"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Plain text. Write about everyday things, what you see and read, and that people "
            "remember them. Do not write about the case, the war or politics."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of your letter"),
        choices=settings.LANGUAGES,
        help_text=_(
            "Letters must reach the prison in Russian. If you write in another language, a "
            "volunteer translates your letter before it is sent."
        ),
    )
    signature_name = forms.CharField(
        label=_("First name to sign with (optional)"), max_length=60, required=False
    )
    signature_city = forms.CharField(label=_("Your city (optional)"), max_length=60, required=False)
    reply = forms.ChoiceField(
        label=_("Would you like a reply?"),
        choices=REPLY_CHOICES,
        initial=REPLY_NONE,
        widget=forms.RadioSelect,
    )
    return_address = forms.CharField(
        label=_("Return address (only for a reply by post)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "The prison and its censor will read it. We keep it only if you asked for a reply "
            "by post, and delete it with the letter."
        ),
    )

    def __init__(self, *args, locale=None, check_only=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.check_only = check_only
        language = locale.language_code if locale is not None else settings.LANGUAGE_CODE
        self.fields["language"].initial = language
        self.fields["text"].widget.attrs["maxlength"] = str(setting("LETTERS_TEXT_MAX_LENGTH"))

    def full_clean(self):
        if not self.check_only:
            return super().full_clean()
        # A check is not a submission: the captcha stays unanswered for the real send.
        kept = self.fields
        self.fields = {n: f for n, f in kept.items() if n not in self.protection_fields}
        try:
            super().full_clean()
        finally:
            self.fields = kept

    def clean_text(self):
        return clean_text(self.cleaned_data["text"])

    def clean_signature_name(self):
        return clean_line(self.cleaned_data.get("signature_name", ""))

    def clean_signature_city(self):
        return clean_line(self.cleaned_data.get("signature_city", ""))

    def clean_return_address(self):
        return clean_text(self.cleaned_data.get("return_address", ""))

    def clean(self):
        cleaned = forms.Form.clean(self) if self.check_only else super().clean()
        text, language = cleaned.get("text"), cleaned.get("language")
        if text is not None and language:
            for problem in findings(text, language):
                self.add_error("text", problem)
        if cleaned.get("reply") == REPLY_POST:
            if not cleaned.get("return_address"):
                self.add_error(
                    "return_address",
                    _("For a reply by post, please give the address the answer should go to."),
                )
        else:
            # Not asked for: not kept, so nobody can ever read it.
            cleaned["return_address"] = ""
        return cleaned


class LetterStatusForm(ReceiptCodeForm):
    """A letter's receipt check asks for the code like the story check does."""
