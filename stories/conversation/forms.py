"""The contributor's forms on the status page, and the moderators' in the admin. Each of the
contributor's carries the receipt code in a hidden field: no cookie, no session, no URL."""

from django import forms
from django.utils.translation import gettext_lazy as _

MESSAGE_MAX_LENGTH = 5000


class _OwnIds(forms.Form):
    """Several of these forms share the status page: each gets its own field ids."""

    id_prefix = "conversation"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class AnswerForm(_OwnIds):
    id_prefix = "answer"

    text = forms.CharField(
        label=_("Your answer"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Only the editors read it. Leave out names and places that could identify you."
        ),
    )


class ChangesForm(_OwnIds):
    id_prefix = "changes"

    text = forms.CharField(
        label=_("What should change?"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class WithdrawForm(_OwnIds):
    id_prefix = "withdraw"

    confirm = forms.BooleanField(
        label=_("I am sure: do not publish my story, and destroy everything I sent."),
    )


class ModeratorMessageForm(forms.Form):
    text = forms.CharField(
        label=_("Message to the contributor"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "They read it with their receipt code, in their language. Quote nothing that "
            "would harm them if someone else found the code."
        ),
    )
    photo = forms.FileField(
        label=_("A redacted photo (optional)"),
        required=False,
        help_text=_("Re-encoded from its pixels; blur faces and details before attaching it."),
    )


class VersionForm(forms.Form):
    note = forms.CharField(
        label=_("A note with the version (optional)"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
