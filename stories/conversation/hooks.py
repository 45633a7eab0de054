"""Admin hooks of the conversations (imported by stories/wagtail_hooks.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from . import admin_views, consent, store


@hooks.register("register_admin_urls")
def conversation_urls():
    return [
        path(
            "stories/inbox/<uuid:pk>/conversation/",
            admin_views.conversation_view,
            name="stories_conversation",
        ),
        path(
            "stories/inbox/<uuid:pk>/conversation/write/",
            admin_views.write_message,
            name="stories_conversation_write",
        ),
        path(
            "stories/inbox/<uuid:pk>/conversation/version/",
            admin_views.send_version,
            name="stories_conversation_version",
        ),
    ]


@hooks.register("go_live_refusal")
def consent_gate(page, revision):
    return consent.go_live_refusal(page.specific, revision)


@hooks.register("register_page_header_buttons")
def conversation_button(page, user, view_name=None, next_url=None):
    from stories.sealing.keyring import is_inbox_member

    if view_name != "edit" or not is_inbox_member(user):
        return
    item = consent.submission_of(page)
    if item is None or not item.is_open_able:
        return
    label = _("Conversation with the contributor")
    if store.unread_answers(item):
        label = _("Conversation with the contributor (new answer)")
    yield Button(
        label, reverse("stories_conversation", args=[item.pk]), icon_name="mail", priority=5
    )


@hooks.register("before_edit_page")
def say_where_consent_stands(request, page):
    """Reviewers, publishers included, see the consent state (never the conversation)."""
    if request.method != "GET":
        return None
    text = consent.describe(consent.consent_of(page.specific))
    if text:
        messages.info(request, text)
    return None


@hooks.register("register_log_actions")
def conversation_log_actions(actions):
    for action, label in (
        (store.WROTE, gettext_lazy("Wrote to the contributor")),
        (store.SENT_VERSION, gettext_lazy("Sent the edited version for consent")),
        (store.READ, gettext_lazy("Read the contributor's answers")),
    ):

        class Formatter(LogFormatter):
            pass

        Formatter.label = label
        actions.register_action(action)(Formatter)
