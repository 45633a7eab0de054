"""Campaign content: the pages (pages.py) and the snippets they share across locales
(snippets.py)."""

from .pages import CampaignIndexPage, CampaignPage
from .snippets import BankAccount, PartnerOrganisation

__all__ = ["BankAccount", "CampaignIndexPage", "CampaignPage", "PartnerOrganisation"]
