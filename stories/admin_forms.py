"""The story editor's form: topics are the story's own language's, as checkboxes.

Topics are translatable snippets, so every language has its own "Exile"; a multi-select of all of
them showed each name up to six times and let a German story carry a Russian topic.
"""

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class StoryPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("topics")
        if field is None:
            return
        locale = self._story_locale()
        if locale is not None:
            field.queryset = field.queryset.filter(locale=locale).order_by("name")
        # Whatever the panel declares: a short list of checkboxes is one click per topic.
        field.widget = forms.CheckboxSelectMultiple(choices=field.choices)

    def _story_locale(self):
        if self.instance is not None and self.instance.locale_id:
            return self.instance.locale
        parent = getattr(self, "parent_page", None)
        return getattr(parent, "locale", None)
