"""A per-locale Atom feed of published campaigns: `/<lang>/campaigns/feed/`.

The rendered feed is cached. Its key holds the language, the host and the site's one
`content_version` (cms/core/fragments.py), which every change readers could see moves (a
campaign published or unpublished, the organisation's name in the site settings, a view
restriction), so a reader of one language never gets another language's feed and nobody waits
for a timeout to see a change.
"""

from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from cms.core.fragments import content_version

FEED_SIZE = 20
CACHE_SECONDS = 60 * 60


def cache_key(request, index):
    language = index.locale.language_code
    return f"campaigns:feed:{language}:{index.pk}:{request.get_host()}:{content_version()}"


class CampaignFeed(Feed):
    feed_type = Atom1Feed

    def __init__(self, index):
        super().__init__()
        self.index = index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        self.language = self.index.locale.language_code
        return self.index

    def title(self, index):
        return index.title

    # Absolute URLs on the reader's configured host, like the hreflang links (cms/core/hosts.py);
    # the cache key above keeps each host's copy apart.
    def link(self, index):
        return index.get_full_url(self.request)

    def subtitle(self, index):
        return _("Campaigns published in this language.")

    def feed_url(self, index):
        return index.get_full_url(self.request) + "feed/"

    def items(self, index):
        return index.campaigns()[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.standfirst

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        from cms.core.models import SiteSettings

        return SiteSettings.for_request(self.request).organisation_name


def serve_feed(request, index):
    key = cache_key(request, index)
    cached = cache.get(key)
    if cached is None:
        response = CampaignFeed(index)(request)
        cached = (response.content, response["Content-Type"])
        cache.set(key, cached, CACHE_SECONDS)
    content, content_type = cached
    return HttpResponse(content, content_type=content_type)
