"""The application form: as few questions as a coordinator needs to answer someone."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from cms.core.forms import HumanCheckForm
from volunteering.models import VacancyApplication
from volunteering.retention import retention_days

# One-line answers (a name, a contact) may end up in a mail header, a CSV cell or a log line:
# a line break or another control character there is never legitimate, so it is refused.
single_line = RegexValidator(
    r"[\x00-\x1f\x7f\u2028\u2029]",
    inverse_match=True,
    message=_("Please write this on one line."),
    code="control_characters",
)


class VacancyApplicationForm(HumanCheckForm):
    name = forms.CharField(
        label=_("Name or pseudonym"),
        max_length=100,
        validators=[single_line],
        help_text=_("A pseudonym is fine. Please don't give your passport name unless asked."),
    )
    contact = forms.CharField(
        label=_("Email or messenger handle"),
        max_length=200,
        validators=[single_line],
        help_text=_("How we should reach you, e.g. name@example.org or a Signal username."),
    )
    languages = forms.CharField(
        label=_("Languages you work in"),
        max_length=200,
        validators=[single_line],
    )
    availability = forms.CharField(
        label=_("Availability"),
        max_length=200,
        validators=[single_line],
        help_text=_("Hours a week, and from when."),
    )
    motivation = forms.CharField(
        label=_("Why this role?"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("A few sentences about you and what you would like to do."),
    )
    consent = forms.BooleanField(label="", required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The promise has the real number of days in it, so it must be built per form.
        self.fields["consent"].label = _(
            "I agree that the volunteer coordinators keep these answers for up to %(days)d days "
            "to contact me about this role."
        ) % {"days": retention_days()}

    def save(self, vacancy):
        data = self.cleaned_data
        return VacancyApplication.objects.create(
            vacancy=vacancy,
            name=data["name"],
            contact=data["contact"],
            languages=data["languages"],
            availability=data["availability"],
            motivation=data["motivation"],
            consent=data["consent"],
        )
