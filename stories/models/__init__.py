"""Models of the stories section.

- ``pages``: the public side of a story (index, story page) and its topics.
- ``private``: what a contributor told us that must never be published (contact, consents).

stories-A adds ``submissions`` (the queue) and ``forms`` (the form page) beside these.
"""

from .pages import REGION_CHOICES, StoryIndexPage, StoryPage, StoryTopic
from .private import StoryPrivateRecord

__all__ = [
    "REGION_CHOICES",
    "StoryIndexPage",
    "StoryPage",
    "StoryPrivateRecord",
    "StoryTopic",
]
