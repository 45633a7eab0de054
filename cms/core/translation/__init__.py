"""Translation review, for every page type of every content app: what wagtail-localize lacks.

It knows pages, locales and localize's tables only, never a content app; a page type that wants
an original and its translations reviewed differently calls `review.workflow_for()` from its own
`get_workflow()` (CampaignPage does), and one that may not always be translated says why in a
`translation_refusal()` method (StoryPage does).

- status.py: is each page × locale missing, in progress, up to date or outdated (and since when);
- access.py: who may see the report and which languages each person works in;
- memory.py (+ models.py, SourceChange): publishing a source syncs it; changed and new strings
  are prefilled from earlier translations as drafts the translator confirms, with the diff;
- review.py: a translator submits a synced translation to the "Translation review" workflow;
- editor.py, actions.py: what our override of localize's editor shows (progress, diff, Submit or
  Approve first, destructive actions behind "More") and the views its buttons lead to (Update
  from source, approving several languages together, the confirmation before stopping a sync);
- report.py, views.py: the Translation status report (legend, counts, filters, CSV);
- dashboard.py, wagtail_hooks.py: the translator's queue and the admin URLs (hooks loaded by
  cms/core/wagtail_hooks.py; memory's signals connected in cms/core/apps.py);
- templates in templates/cms/translation/, the editor through
  cms/core/templatetags/translation_review.py and templates/wagtail_localize/admin/.
"""
