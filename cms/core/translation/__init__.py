"""Translation review, for every page type of every content app: what wagtail-localize lacks.

It knows pages, locales and localize's tables only, never a content app; a page type that wants
an original and its translations reviewed differently calls `review.workflow_for()` from its own
`get_workflow()` (CampaignPage does).

- status.py: is each page × locale missing, in progress, up to date or outdated (and since when);
- access.py: who may see the report and which languages each person works in;
- review.py: a translator submits a synced translation to the "Translation review" workflow;
- views.py, dashboard.py, wagtail_hooks.py: the Translation status report, the dashboard queue,
  the submit view (hooks loaded by cms/core/wagtail_hooks.py);
- templates in templates/cms/translation/, the editor's review bar through
  cms/core/templatetags/translation_review.py and templates/wagtail_localize/admin/.
"""
