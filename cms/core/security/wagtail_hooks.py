from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .audit import ACTION
from .otp import views as otp_views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/enrol/", otp_views.enrol, name="polyphony_otp_enrol"),
        path("two-factor/verify/", otp_views.verify, name="polyphony_otp_verify"),
    ]


@hooks.register("register_log_actions")
def register_private_data_action(actions):
    @actions.register_action(ACTION)
    class PrivateDataViewed(LogFormatter):
        label = _("View private data")

        def format_message(self, log_entry):
            kind = (log_entry.data or {}).get("kind", "viewed")
            labels = {
                "viewed": _("Viewed private data"),
                "exported": _("Exported private data"),
                "downloaded": _("Downloaded private data"),
                "listed": _("Listed private data"),
            }
            return labels.get(kind, labels["viewed"])

    actions.register_action(
        "polyphony.2fa_reset",
        _("Reset two-factor authentication"),
        _("Two-factor authentication reset by an administrator"),
    )
