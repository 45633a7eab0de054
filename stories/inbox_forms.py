"""The forms of the sealed inbox (stories/inbox_views.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stories.forms import TITLE_MAX_LENGTH
from stories.sealing.keyring import MIN_PASSPHRASE_LENGTH


class KeySetupForm(forms.Form):
    passphrase = forms.CharField(
        label=_("Passphrase"),
        min_length=MIN_PASSPHRASE_LENGTH,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "At least 12 characters; several words are best. Nobody can recover it: without it, "
            "the items sealed to your key stay closed to you."
        ),
    )
    passphrase_again = forms.CharField(
        label=_("Passphrase, again"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("passphrase") != cleaned.get("passphrase_again"):
            self.add_error("passphrase_again", _("The two passphrases differ."))
        return cleaned


class UnlockForm(forms.Form):
    passphrase = forms.CharField(
        label=_("Passphrase"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )


class DraftForm(forms.Form):
    """What the moderator keeps. Title and text arrive as the contributor wrote them, to edit."""

    title = forms.CharField(label=_("Title"), max_length=TITLE_MAX_LENGTH)
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 14}))
    photos = forms.TypedMultipleChoiceField(
        label=_("Photos to keep"), coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    topics = forms.MultipleChoiceField(
        label=_("Topics to keep"), required=False, widget=forms.CheckboxSelectMultiple
    )
    keep_region = forms.BooleanField(label=_("Keep the region"), required=False)
    keep_credit = forms.BooleanField(label=_("Keep the signature (credit)"), required=False)

    def __init__(self, *args, payload, topic_names, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["photos"].choices = [
            (position, photo["alt_text"] or _("Photo %(number)s") % {"number": position + 1})
            for position, photo in enumerate(payload["photos"])
        ]
        self.fields["topics"].choices = [
            (key, topic_names.get(key, key)) for key in payload["topic_keys"]
        ]


# Why an item is declined, as a choice: the tombstone keeps the key for the day it lives, and a
# free text box invited quoting the story ("the name Ivan P. was in it") into a row at rest.
DECLINE_REASONS = (
    ("unsafe", _("Publishing it could endanger someone, even edited")),
    ("not_a_story", _("Not a story for this site")),
    ("abuse", _("Spam, abuse or a provocation")),
    ("duplicate", _("The same story was sent again")),
    ("other", _("Another reason (talk to your colleagues)")),
)


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why is it declined?"),
        choices=DECLINE_REASONS,
        widget=forms.RadioSelect,
        help_text=_("The item is destroyed. Only this choice is kept, never a word of the story."),
    )
