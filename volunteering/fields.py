"""A list of codes (languages, countries) stored as JSON, edited as checkboxes.

JSON rather than a PostgreSQL array because `make run` serves the demo from SQLite. Filtering by
these lists happens in Python over one index's open vacancies (a few dozen rows), so no database
needs a JSON containment lookup.
"""

from django import forms
from django.db import models

from volunteering import choices


class CodeListField(models.JSONField):
    choices_function = None

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("default", list)
        kwargs.setdefault("blank", True)
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=type(self).choices_function,
            required=not self.blank,
            label=self.verbose_name[:1].upper() + self.verbose_name[1:],
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )


class LanguageListField(CodeListField):
    choices_function = staticmethod(choices.language_choices)


class CountryListField(CodeListField):
    choices_function = staticmethod(choices.country_choices)
