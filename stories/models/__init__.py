"""Models of the stories section.

- ``pages``: the public side of a story (index, story page) and its topics.
- ``private``: what a contributor told us that must never be published (contact, consents).
- ``submissions``: the former plain-text queue (kept for rows from before sealing:
  `seal_queued_submissions` seals them).
- ``sealed``: the sealed inbox: moderators' keys, sealed items, the simple spool.
- ``conversation``: talking with a contributor through their receipt.
- ``form_pages``: the story form and the receipt check, pages editors translate.
"""

from .conversation import Conversation, ConversationMessage, SpooledAnswer
from .form_pages import ReceiptStatusPage, StorySubmissionPage
from .pages import REGION_CHOICES, StoryIndexPage, StoryPage, StoryTopic
from .private import StoryPrivateRecord
from .sealed import InboxKey, SealedKey, SealedSubmission, SpooledSubmission
from .submissions import QueuedPhoto, QueuedSubmission

__all__ = [
    "Conversation",
    "ConversationMessage",
    "SpooledAnswer",
    "InboxKey",
    "SealedKey",
    "SealedSubmission",
    "SpooledSubmission",
    "QueuedPhoto",
    "QueuedSubmission",
    "ReceiptStatusPage",
    "StorySubmissionPage",
    "REGION_CHOICES",
    "StoryIndexPage",
    "StoryPage",
    "StoryPrivateRecord",
    "StoryTopic",
]
