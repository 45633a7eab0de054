"""Fixtures of the translation review tests: a page translated into ru and uk, a ru translator."""

from tests.cms.translation.translation_support import translated, translator  # noqa: F401
