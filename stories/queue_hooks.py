"""Admin hooks of the moderation queue (imported by stories/wagtail_hooks.py): the count on the
dashboard and in the menu, and Approve as the main button of a story under review."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.sidebar import LinkMenuItem as LinkMenuItemComponent

from . import queue, review
from .moderation import is_story_reviewer


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return is_story_reviewer(request.user)

    def render_component(self, request):
        # The label carries the number waiting, so a reviewer sees work from any admin page.
        total = queue.total_waiting()
        label = f"{self.label} ({total})" if total else str(self.label)
        return LinkMenuItemComponent(
            self.name,
            label,
            self.url,
            icon_name=self.icon_name,
            classname=self.classname,
            attrs=self.attrs,
        )


class InboxMenuItem(MenuItem):
    """The sealed inbox, for the members of its groups only (stories/sealing/keyring.py)."""

    def is_shown(self, request):
        from .sealing.keyring import is_inbox_member

        return is_inbox_member(request.user)


class ModerationQueuePanel(Component):
    name = "story_moderation_queue"
    template_name = "stories/admin/dashboard_panel.html"
    order = 95  # beside the translation queue: the reviewer's work list comes first

    def get_context_data(self, parent_context):
        counts = queue.counts()
        url = reverse("stories_moderation")
        return {
            "counts": counts,
            "url": url,
            "steps": [
                {"task": task, "count": counts["step"].get(task.pk, 0)} for task in queue.steps()
            ],
            "languages": [
                {"locale": locale, "code": code, "count": counts["language"][code]}
                for code, locale in queue.languages().items()
                if counts["language"].get(code)
            ],
        }


@hooks.register("construct_homepage_panels")
def add_moderation_queue_panel(request, panels):
    if is_story_reviewer(request.user):
        panels.append(ModerationQueuePanel())


@hooks.register("construct_page_action_menu")
def approve_first_during_review(menu_items, request, context):
    """Wagtail puts "Save draft" first and Approve in the menu; a reviewer's main act is the
    decision, so Approve becomes the default button and Save draft moves into the menu."""
    page = context.get("page")
    if page is None or not review.is_story(page):
        return
    approve = [item for item in menu_items if getattr(item, "name", "") == "approve"]
    if approve:
        menu_items.remove(approve[0])
        menu_items.insert(0, approve[0])
