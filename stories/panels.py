"""The private record of a story, shown read-only inside the story's editor to Moderators.

It is a panel, not a form field: nothing of it is posted back, saved into a revision or offered
to translators. `is_shown` hides it (heading included) from anyone without
`stories.view_storyprivaterecord` — Publishers, Translators and Submitters see no trace of it.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from cms.core.security.audit import record as record_access

PERMISSION = "stories.view_storyprivaterecord"


def private_record_of(page):
    from stories.models.private import StoryPrivateRecord  # the page models import this module

    if page is None or page.pk is None:
        return None
    return StoryPrivateRecord.objects.filter(page_id=page.pk).first()


class PrivateRecordPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Private: about the contributor"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/private_record_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.record = None
            if self.request is not None and self.request.user.has_perm(PERMISSION):
                self.record = private_record_of(self.instance)

        def is_shown(self):
            return self.record is not None

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["record"] = self.record
            if self.record is not None:
                # Who read a contributor's private data, and when (never what).
                record_access(self.request, "viewed", self.record)
            return context
