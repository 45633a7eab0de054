"""Fixtures shared by the stories tests (imported here so pytest registers them)."""

from tests.stories.publish_path_helpers import in_review, make_user  # noqa: F401
from tests.stories.redis_spool import redis_spool  # noqa: F401
from tests.stories.sealing_helpers import sealed_to_test_recovery_key  # noqa: F401
from tests.stories.submission_helpers import form_pages, story_form_env  # noqa: F401
