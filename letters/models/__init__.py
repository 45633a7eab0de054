from .letters import (
    REFUSAL_REASONS,
    REPLY_CHOICES,
    REPLY_NONE,
    REPLY_POST,
    REPLY_THROUGH_US,
    Letter,
    LetterBatch,
    LetterCount,
)
from .pages import PrisonerDirectoryPage, PrisonerPage
from .snippets import ForbiddenWord, Prison, PrisonerAnswer

__all__ = [
    "REFUSAL_REASONS",
    "REPLY_CHOICES",
    "REPLY_NONE",
    "REPLY_POST",
    "REPLY_THROUGH_US",
    "ForbiddenWord",
    "Letter",
    "LetterBatch",
    "LetterCount",
    "Prison",
    "PrisonerAnswer",
    "PrisonerDirectoryPage",
    "PrisonerPage",
]
