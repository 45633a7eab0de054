"""System checks: every page type an exclusive workflow governs goes through the publish guard,
and every page type names the reader's host in its absolute URLs (cms/core/hosts.py).

A page type escapes the guard (cms/core/publishing.py) if it can be created below a page an
exclusive workflow attaches to but does not use `WorkflowOnlyPublishingMixin`: its pages could
be published by anyone with publish rights, localize or a script. `manage.py check` (and so
migrate, runserver and the test run) fails then, naming the type.
"""

from django.conf import settings
from django.core.checks import Error, register

FINISH_ACTION = "cms.core.workflow_actions.publish_workflow_state"


def governed_page_models(spec):
    """The page classes that can sit at or below the pages `spec` attaches to."""
    from cms.core.models import HomePage
    from cms.core.sections import section_model

    roots = []
    for attachment in spec.attach_to:
        model = HomePage if attachment.translated_homes else section_model(attachment.section)
        if model is not None:
            roots.append(model)
    seen, queue = [], list(roots)
    while queue:
        model = queue.pop()
        if model in seen:
            continue
        seen.append(model)
        queue.extend(model.allowed_subpage_models())
    return seen


@register()
def exclusive_workflows_are_guarded(app_configs, **kwargs):
    from cms.core.publishing import WorkflowOnlyPublishingMixin
    from cms.core.workflows import WORKFLOWS

    errors = []
    for spec in WORKFLOWS:
        if not spec.exclusive:
            continue
        for model in governed_page_models(spec):
            if not issubclass(model, WorkflowOnlyPublishingMixin):
                errors.append(
                    Error(
                        f"{model._meta.label} is governed by the exclusive workflow "
                        f"“{spec.name}” but can be published without it.",
                        hint="Put cms.core.publishing.WorkflowOnlyPublishingMixin first among "
                        "its bases.",
                        obj=model,
                        id="cms.E101",
                    )
                )
    if getattr(settings, "WAGTAIL_FINISH_WORKFLOW_ACTION", None) != FINISH_ACTION:
        errors.append(
            Error(
                "WAGTAIL_FINISH_WORKFLOW_ACTION must be " + FINISH_ACTION + ": only it may "
                "publish pages under exclusive workflows.",
                id="cms.E102",
            )
        )
    return errors


@register()
def every_page_type_follows_the_reader_host(app_configs, **kwargs):
    """A page type without ReaderHostUrlsMixin would name the Site's host in its absolute URLs
    (hreflang, Open Graph, feeds, the API): an onion reader sent to the clearnet name."""
    from wagtail.models import Page, get_page_models

    from cms.core.hosts import ReaderHostUrlsMixin

    return [
        Error(
            f"{model._meta.label} builds its absolute URLs from the Site, not the reader's host.",
            hint="Put cms.core.hosts.ReaderHostUrlsMixin among its bases, before Page.",
            obj=model,
            id="cms.E103",
        )
        for model in get_page_models()
        if model is not Page and not issubclass(model, ReaderHostUrlsMixin)
    ]
