"""Plain text from the public, normalised so it carries only what the person wrote.

Shared by the public forms of every content app (stories/privacy/text.py re-exports it).

Story text is plain text and is always rendered escaped, so markup is harmless; what this removes
is what a reader cannot see but a machine can: control characters and invisible formatting
characters (zero-width spaces and joiners, direction marks, soft hyphens). Invisible characters
can be a watermark — a text copied from a chat or a document may carry a pattern unique to its
owner — and control characters break rendering and exports.
"""

from __future__ import annotations

import re
import unicodedata

# Kept because some scripts need them to render correctly (Persian, Indic scripts, emoji).
_KEEP_FORMAT = {"\u200c", "\u200d"}
_SPACES = re.compile(r"[^\S\n]+")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def _visible(char: str) -> bool:
    category = unicodedata.category(char)
    if char in "\n\t":
        return True
    if category == "Cf":
        return char in _KEEP_FORMAT
    # Cc: control characters; Co/Cs/Cn: private use, surrogates, unassigned.
    return not category.startswith("C")


def clean_text(text: str) -> str:
    """Multi-line text: NFC, Unix newlines, no invisible characters, tidy blank lines."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = "".join(char for char in text if _visible(char))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_line(text: str) -> str:
    """One line (a title, a pseudonym): like clean_text, with every line break made a space."""
    return " ".join(clean_text(text).split())


def paragraphs(text: str) -> list[str]:
    """Split cleaned text into paragraphs at blank lines; single newlines stay inside one."""
    return [part.strip() for part in clean_text(text).split("\n\n") if part.strip()]
