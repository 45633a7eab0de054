"""Keep cached campaign feeds fresh: any change to what is published starts a new generation."""

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from campaigns import feeds


def _campaign_changed(sender, **kwargs):
    feeds.invalidate()


def connect():
    from campaigns.models import CampaignPage

    for signal in (page_published, page_unpublished, post_delete):
        signal.connect(_campaign_changed, sender=CampaignPage, dispatch_uid=f"campaigns-{signal}")
