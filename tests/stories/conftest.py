"""Fixtures shared by the stories tests (imported here so pytest registers them)."""

from tests.stories.submission_helpers import form_pages, story_form_env  # noqa: F401
