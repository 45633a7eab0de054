"""The public forms of the stories section: telling a story, and checking a receipt code.

Every label, help text and error is translated: the person filling this in may read only
Russian or Ukrainian. Photos are validated and scrubbed in the form (stories.privacy.images), so
``cleaned_data`` only ever holds clean bytes, never the upload.
"""

from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.core.forms import HumanCheckForm, ReceiptCodeForm
from stories.models import REGION_CHOICES, StoryTopic
from stories.models.pages import CREDIT_ANONYMOUS, CREDIT_CHOICES, CREDIT_PSEUDONYM
from stories.privacy.images import ImageRejected, scrub_image
from stories.privacy.text import clean_line, clean_text

PHOTO_SLOTS = (1, 2, 3)
TITLE_MAX_LENGTH = 120
PSEUDONYM_MAX_LENGTH = 60
CONTACT_MAX_LENGTH = 500
ALT_TEXT_MAX_LENGTH = 250


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class StorySubmissionForm(HumanCheckForm):
    """Everything a contributor can send. See ARCHITECTURE.md, "The anonymous story pipeline"."""

    title = forms.CharField(
        label=_("Title"),
        max_length=TITLE_MAX_LENGTH,
        help_text=_("A few words. Please do not use names of people or small places."),
    )
    text = forms.CharField(
        label=_("Your story"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Plain text. Leave an empty line between paragraphs. Do not include names, "
            "addresses, phone numbers or anything else that could identify you or others."
        ),
    )
    language = forms.ChoiceField(
        label=_("Language of your story"),
        choices=settings.LANGUAGES,
        help_text=_("Your story is published in this language first."),
    )
    topics = TopicChoiceField(
        label=_("Topics"),
        queryset=StoryTopic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    region = forms.ChoiceField(
        label=_("Region"),
        choices=[("", _("I prefer not to say")), *REGION_CHOICES],
        required=False,
        help_text=_("Only a large region, never a town: a small place can identify you."),
    )
    credit = forms.ChoiceField(
        label=_("How should we sign your story?"),
        choices=CREDIT_CHOICES,
        initial=CREDIT_ANONYMOUS,
        widget=forms.RadioSelect,
    )
    pseudonym = forms.CharField(
        label=_("Pseudonym"),
        max_length=PSEUDONYM_MAX_LENGTH,
        required=False,
        help_text=_("Only if you chose a pseudonym. Never your real name or a nickname you use."),
    )
    consent_publication = forms.BooleanField(
        label=_(
            "I agree that my story is published after editors have removed anything that "
            "could identify someone."
        ),
        error_messages={
            "required": _("We can only publish your story if you agree to this."),
        },
    )
    consent_translation = forms.BooleanField(
        label=_("I agree that my story is translated into other languages."),
        required=False,
    )
    contact = forms.CharField(
        label=_("Contact (optional)"),
        max_length=CONTACT_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "Only if you want editors to be able to ask you questions. Warning: a contact "
            "(an e-mail address, a messenger name) can identify you if our data were ever "
            "seized. Use an address made only for this, or leave it empty. We delete it "
            "after the story is published or rejected."
        ),
    )

    # The "New question" button's name: a POST with it only asks for another challenge.
    NEW_QUESTION = "new_question"

    @classmethod
    def with_new_question(cls, data, *, locale=None):
        """The form as it was typed (unbound, so no errors are shown yet) with a fresh
        challenge: pressing "New question" must not cost a long story, with or without
        JavaScript. Photos cannot be kept (browsers never send them back)."""
        probe = cls(locale=locale)
        initial = {}
        for name, field in probe.fields.items():
            if name in ("captcha", "website") or isinstance(field, forms.FileField):
                continue
            if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
                initial[name] = data.getlist(name)
            elif isinstance(field, forms.BooleanField):
                initial[name] = bool(data.get(name))
            elif name in data:
                initial[name] = data.get(name)
        return cls(initial=initial, locale=locale)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = locale or Locale.get_active()
        self.fields["captcha"].help_text = _(
            "Type the result of the calculation, in digits. The “New question” button below "
            "gives you another one and keeps what you wrote."
        )
        # From settings at request time, so an operator (or a test) can change the maximum.
        text = self.fields["text"]
        text.max_length = settings.STORY_TEXT_MAX_LENGTH
        text.validators = [MaxLengthValidator(text.max_length)]
        text.widget.attrs["maxlength"] = str(text.max_length)
        self.fields["language"].initial = self.locale.language_code
        self.fields["topics"].queryset = StoryTopic.objects.filter(locale=self.locale)
        if not self.fields["topics"].queryset.exists():
            del self.fields["topics"]
        for slot in PHOTO_SLOTS:
            self.fields[f"photo_{slot}"] = forms.FileField(
                label=_("Photo %(number)s (optional)") % {"number": slot},
                required=False,
                allow_empty_file=True,
                help_text=_("JPEG, PNG or WebP, at most 10 MB. We remove all hidden data."),
                widget=forms.ClearableFileInput(
                    attrs={"accept": "image/jpeg,image/png,image/webp"}
                ),
            )
            self.fields[f"photo_{slot}_alt"] = forms.CharField(
                label=_("What does photo %(number)s show? (optional)") % {"number": slot},
                max_length=ALT_TEXT_MAX_LENGTH,
                required=False,
                help_text=_("A short description for people who cannot see the photo."),
            )

    def clean_title(self):
        return clean_line(self.cleaned_data["title"])

    def clean_text(self):
        text = clean_text(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Please write your story."), code="required")
        return text

    def clean_pseudonym(self):
        return clean_line(self.cleaned_data.get("pseudonym", ""))

    def clean_contact(self):
        return clean_text(self.cleaned_data.get("contact", ""))

    def _clean_photo(self, slot):
        upload = self.cleaned_data.get(f"photo_{slot}")
        if not upload:
            return None
        if getattr(upload, "oversized", False):
            raise forms.ValidationError(ImageRejected("too_large").message, code="too_large")
        try:
            return scrub_image(upload.read())
        except ImageRejected as rejected:
            raise forms.ValidationError(rejected.message, code=rejected.code) from None

    def clean(self):
        cleaned = super().clean()
        # Cheap checks first, so a person with a wrong answer learns every other mistake at once.
        if cleaned.get("credit") == CREDIT_PSEUDONYM and not cleaned.get("pseudonym"):
            self.add_error(
                "pseudonym", _("Please choose a pseudonym, or sign the story as anonymous.")
            )
        if cleaned.get("credit") != CREDIT_PSEUDONYM:
            cleaned["pseudonym"] = ""
        if "captcha" in self.errors:
            # Photos are decoded only for someone who answered the challenge: junk must not
            # cost the server an image decode (the story form's refused budget, ratelimits.py).
            return cleaned
        for slot in PHOTO_SLOTS:
            name = f"photo_{slot}"
            if name in self.errors:
                continue
            try:
                cleaned[name] = self._clean_photo(slot)
            except forms.ValidationError as error:
                self.add_error(name, error)
            alt = f"{name}_alt"
            if alt in cleaned:
                cleaned[alt] = clean_line(cleaned[alt])
        return cleaned

    def photos(self):
        """The scrubbed photos with their descriptions, in the order they were given."""
        return [
            (self.cleaned_data[f"photo_{slot}"], self.cleaned_data.get(f"photo_{slot}_alt", ""))
            for slot in PHOTO_SLOTS
            if self.cleaned_data.get(f"photo_{slot}")
        ]


class ReceiptStatusForm(ReceiptCodeForm):
    """The story receipt check: the shared code field, with an example of a story code."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].help_text = _(
            "For example 7K2M-XQ9D-4RTA-W8PB-N3C6. Upper or lower case, with or without dashes."
        )
