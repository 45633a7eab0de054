from django import forms
from django.utils.translation import gettext_lazy as _


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        strip=True,
        help_text=_("The six digits your authenticator app shows now, or one recovery code."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off", "spellcheck": "false"}
        ),
    )

    def clean_token(self):
        # People copy codes with spaces ("123 456") or from the printed sheet in capitals.
        return "".join(self.cleaned_data["token"].split()).lower()


def is_totp_code(token):
    return token.isdigit() and len(token) == 6
