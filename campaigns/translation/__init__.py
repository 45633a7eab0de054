"""The translation workflow around wagtail-localize: what localize lacks and we build.

- status.py: is each page × locale missing, in progress, up to date or outdated (and since when);
- access.py: who may see the report and which languages each person works in;
- review.py: a translator submits a synced translation to the "Translation review" workflow;
- views.py, wagtail_hooks.py: the Translation status report, the dashboard queue, the submit view.
"""
