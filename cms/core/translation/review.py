"""Submitting a synced translation for review.

wagtail-localize's editor writes translated strings only (StringTranslation rows); it offers no
way to send a translation to a workflow, and POSTing the normal edit view with `action-submit`
is intercepted by localize (docs/wagtail8-behaviour.md). So the translator's "Submit for review"
builds the translated page in memory from the current strings, saves it as a *revision* (never
into the live row: `Translation.save_target(publish=False)` would show unreviewed text to
readers), and starts the page's workflow on that revision. The publisher approves exactly that
revision; strings edited afterwards wait for the next submission.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from cms.core.workflows import TRANSLATION_REVIEW

from .status import is_translation


class CannotSubmit(Exception):
    """Why a translation cannot be submitted now; the message is shown to the translator."""


@dataclass(frozen=True)
class ReviewState:
    """What the translation editor shows above the strings."""

    can_submit: bool
    reason: str
    workflow_state: WorkflowState | None


def translation_page(translation):
    """The translated page of a localize Translation, or None (a snippet, or not created yet)."""
    try:
        instance = translation.get_target_instance()
    except Page.DoesNotExist:
        return None
    return instance if isinstance(instance, Page) else None


def review_state(translation, page, user):
    try:
        workflow_state = _check(translation, page, user)
    except CannotSubmit as refusal:
        return ReviewState(False, str(refusal), page.current_workflow_state if page else None)
    return ReviewState(True, "", workflow_state)


def _check(translation, page, user):
    """The workflow state to resume (or None to start one); raises CannotSubmit otherwise."""
    if page is None or not translation.enabled:
        raise CannotSubmit(_("This translation has no page to submit."))
    if not page.permissions_for_user(user).can_edit():
        raise CannotSubmit(_("You cannot edit this translation."))
    workflow_state = page.current_workflow_state
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise CannotSubmit(_("This translation is already waiting for review."))
    # Checked after the workflow: a page in review is also locked (Wagtail's WorkflowLock).
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        raise CannotSubmit(_("This page is locked."))
    if workflow_state is None and page.get_workflow() is None:
        raise CannotSubmit(_("No review workflow applies to this page; ask a publisher."))
    return workflow_state


@transaction.atomic
def submit_for_review(translation, user):
    """Save the current translated strings as a revision and send it for review.

    Returns the page. Raises CannotSubmit (nothing saved) when the checks refuse.
    """
    page = translation_page(translation)
    # Lock the page row so two submissions cannot both start a workflow.
    if page is not None:
        Page.objects.select_for_update().filter(pk=page.pk).first()
        page = page.specific
    workflow_state = _check(translation, page, user)

    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    try:
        draft.save_revision(user=user, log_action=True)
    except ValidationError as error:
        # e.g. the source's slug is already taken among the translation's siblings.
        messages = "; ".join(error.messages)
        raise CannotSubmit(
            _("The translation cannot be saved: %(errors)s") % {"errors": messages}
        ) from error
    if workflow_state is not None and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        workflow_state.resume(user)
    else:
        draft.get_workflow().start(draft, user)
    return draft


def workflow_for(page, original, default=None):
    """ "Any locale can be the source": cms/core/workflows.py attaches a section's workflow in the
    source language only, so by tree position alone a campaign written in Russian would go
    through Translation review and an English translation of it through Campaign publication.
    This decides by what the page *is* instead: a translation goes through TRANSLATION_REVIEW,
    an original through `original` (a WorkflowSpec), whatever language either is in. For the page
    type's `get_workflow()`:

        def get_workflow(self):
            return workflow_for(self, CAMPAIGN_PUBLICATION, default=super().get_workflow())
    """
    if page.pk and is_translation(page):
        return TRANSLATION_REVIEW.workflow() or default
    return original.workflow() or default
