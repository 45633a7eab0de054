"""Plain text from what a contributor typed: the core's cleaning (cms/core/plaintext.py), shared
by the public forms of every content app."""

from cms.core.plaintext import clean_line, clean_text, paragraphs

__all__ = ["clean_line", "clean_text", "paragraphs"]
