"""An audit trail of who looked at private data: contributors' contact details, original story
texts, volunteer applications.

``record(request, action, obj)`` writes a Wagtail log entry (visible in the admin's site history
and reports) with the user, the time, the kind of access and which object — never the content.
The entry's label is a neutral "<model> #<pk>" rather than ``str(obj)``, because the string of an
application or a private record can be an applicant's name or a contributor's contact.
"""

from django.db.models import Model
from wagtail.log_actions import log
from wagtail.models import Page

ACTION = "polyphony.private_data_viewed"
# What was done; anything else is refused so no caller can smuggle content into the log.
KINDS = ("viewed", "exported", "downloaded", "listed")


def _label(obj):
    if isinstance(obj, Page):
        return obj.get_admin_display_title()
    return f"{obj._meta.verbose_name} #{obj.pk}"


def record(request, action, obj):
    """Log that request.user did ``action`` (one of KINDS) on ``obj`` (a saved model instance:
    the private record, the application, or the vacancy/story page whose data was exported)."""
    if action not in KINDS:
        raise ValueError(f"audit action must be one of {KINDS}, not {action!r}")
    if not isinstance(obj, Model) or obj.pk is None:
        raise ValueError("audit entries need a saved object")
    user = getattr(request, "user", None)
    return log(
        instance=obj,
        action=ACTION,
        user=user if user is not None and user.is_authenticated else None,
        title=_label(obj)[:255],
        data={"kind": action, "model": obj._meta.label, "object_id": str(obj.pk)},
    )
