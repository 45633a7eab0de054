"""Models of the stories section.

- ``pages``: the public side of a story (index, story page) and its topics.
- ``private``: what a contributor told us that must never be published (contact, consents).
- ``submissions``: the queue between the public form and the page tree.
- ``form_pages``: the story form and the receipt check, pages editors translate.
"""

from .form_pages import ReceiptStatusPage, StorySubmissionPage
from .pages import REGION_CHOICES, StoryIndexPage, StoryPage, StoryTopic
from .private import StoryPrivateRecord
from .submissions import QueuedPhoto, QueuedSubmission

__all__ = [
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
