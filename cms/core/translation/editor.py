"""What our override of localize's translation editor shows around its React app.

localize's editor is a React bundle fed by one JSON blob of props (views/edit_translation.py in
wagtail-localize 1.14.5). We do not patch the bundle; we change the props it receives and put our
own panel above it and our own footer below it:

- prefilled strings (memory.py) arrive with a warning that says, in the translator's language,
  that the text was prefilled and how the source changed;
- the React footer makes its *last* action the primary button: for a translator that was
  "Convert to alias page" or "Stop Synced translation", both of which throw work away. The React
  footer is hidden (CSS in the template) and ours puts Submit (or, in review, Approve) first and
  every destructive action behind "More", each one leading to a confirmation page;
- during a review "Publish in <language>" is withdrawn: it would publish around the workflow.
"""

import json

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.models import TaskState, WorkflowState

from . import memory, status
from .access import translator_languages
from .review import review_state

APPROVE = "approve"
SEND_BACK = "reject"  # Wagtail's group approval calls "Request changes" reject


def reviewer_actions(page, user):
    """(task state, {action name: label}) when `user` may act on the page's current task now."""
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != WorkflowState.STATUS_IN_PROGRESS:
        return None, {}
    task_state = workflow_state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_IN_PROGRESS:
        return None, {}
    task = task_state.task.specific
    actions = {}
    for name, label, _modal in task.get_actions(page, user):
        actions.setdefault(name, str(label))
    return task_state, actions


def others_awaiting(page, user):
    """The page's other translations this user may approve now: approved together."""
    result = []
    for other in page.get_translations().select_related("locale").order_by("locale__pk"):
        if other.locale_id == page.locale_id:
            continue
        other = other.specific
        task_state, actions = reviewer_actions(other, user)
        if APPROVE in actions:
            result.append({"page": other, "task_state": task_state})
    return result


def _draft_messages(translation, changes):
    by_string = {(change.string_id, change.context_id): change for change in changes}
    result = {}
    for draft in memory.drafts(translation):
        change = by_string.get((draft.translation_of_id, draft.context_id))
        if change is not None:
            result[draft.translation_of_id, draft.context_id] = _(
                "Prefilled with the earlier translation; the source changed: %(diff)s. "
                "Check it and press Save."
            ) % {"diff": memory.text_diff(change.old_source, change.string.data)}
        else:
            result[draft.translation_of_id, draft.context_id] = _(
                "Prefilled with a translation of the same or similar text on another page. "
                "Check it and press Save."
            )
    return result


def rewrite_props(props, translation, changes, in_review):
    """The JSON props of localize's editor, as our editor wants them (see the module's doc)."""
    data = json.loads(props)
    messages = _draft_messages(translation, changes)
    segment_keys = dict(translation.source.stringsegment_set.values_list("pk", "string_id"))
    contexts = dict(translation.source.stringsegment_set.values_list("pk", "context_id"))
    for item in data.get("initialStringTranslations", []):
        key = (segment_keys.get(item.get("segment_id")), contexts.get(item.get("segment_id")))
        if key in messages:
            item["error"] = messages[key]
    links, perms = data.setdefault("links", {}), data.setdefault("perms", {})
    # Shown by our footer behind "More", each with a confirmation page.
    links["convertToAliasUrl"] = None
    perms["canDelete"] = False
    perms["canUnpublish"] = False
    if in_review:
        perms["canPublish"] = False
    return json.dumps(data)


def editor_context(request, translation, page, props):
    """Everything the panel and the footer need, and the rewritten props."""
    user = request.user
    perms = page.permissions_for_user(user)
    changes = memory.pending_changes(translation)
    for change in changes:
        change.diff = memory.word_diff(change.old_source, change.string.data)
    task_state, actions = reviewer_actions(page, user)
    in_review = task_state is not None
    row = page.get_translations().filter(locale=translation.source.locale).first()
    cell = None
    if row is not None:
        cell = status.compute([row], [translation.target_locale])[
            row.pk, translation.target_locale_id
        ]
    original_props = json.loads(props)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    more = []
    if original_props.get("links", {}).get("convertToAliasUrl") and perms.can_publish():
        more.append(
            (
                _("Convert to alias page"),
                original_props["links"]["convertToAliasUrl"] + "?" + urlencode({"next": edit_url}),
            )
        )
    if perms.can_unpublish() and perms.can_publish():
        more.append((_("Unpublish"), reverse("wagtailadmin_pages:unpublish", args=[page.pk])))
    if perms.can_delete() and perms.can_publish():
        more.append((_("Delete"), reverse("wagtailadmin_pages:delete", args=[page.pk])))
    more.append(
        (_("Stop synced translation"), reverse("cms_translation:stop", args=[translation.pk]))
    )
    previews = original_props.get("previewModes") or []
    return {
        "translation": translation,
        "page": page,
        "cell": cell,
        "drafts": memory.drafts(translation).count(),
        "changes": changes,
        "state": review_state(translation, page, user),
        "task_state": task_state,
        "can_approve": APPROVE in actions,
        "can_send_back": SEND_BACK in actions,
        "approve_url": task_state
        and reverse("wagtailadmin_pages:workflow_action", args=[page.pk, APPROVE, task_state.pk]),
        "send_back_url": task_state
        and reverse("wagtailadmin_pages:workflow_action", args=[page.pk, SEND_BACK, task_state.pk]),
        "others": others_awaiting(page, user) if APPROVE in actions else [],
        "can_publish": perms.can_publish() and not in_review,
        "is_translator": translation.target_locale.language_code in translator_languages(user),
        "more": more,
        "preview_url": previews[0]["url"] if previews else None,
        "edit_url": edit_url,
        "props": rewrite_props(props, translation, changes, in_review),
    }
