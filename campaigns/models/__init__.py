"""Campaign content: the pages (pages.py) and the snippets they share across locales
(snippets.py)."""

from .pages import CampaignIndexPage

__all__ = ["CampaignIndexPage"]
