"""Atom feeds of published stories: one per language, one per topic of a language.

An entry carries what the public page shows and nothing more: title, text, topics and the
credit ("Anonymous" or the pseudonym). No contact, no consent, no submission date — the date is
the publication date. Contributor text is plain text, so it is escaped before it becomes the
entry's HTML summary.
"""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _


class StoryFeed(Feed):
    feed_type = Atom1Feed
    max_entries = 30

    def __init__(self, index, topic=None):
        super().__init__()
        self.index = index
        self.topic = topic

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index

    def title(self, index):
        if self.topic:
            return f"{index.title}: {self.topic.name}"
        return index.title

    def absolute(self, page):
        # The reader's door, as every page's URLs (cms/core/hosts.py), not the raw request:
        # behind the onion server nginx says https (site/nginx/polyphony-onion.conf), and
        # build_absolute_uri() would send onion readers to https://<onion>, where nothing answers.
        return page.get_full_url(self.request)

    def link(self, index):
        url = self.absolute(index)
        return f"{url}?topic={self.topic.slug}" if self.topic else url

    def feed_url(self, index):
        suffix = f"feed/{self.topic.slug}/" if self.topic else "feed/"
        return self.absolute(index) + suffix

    def subtitle(self, index):
        return _("Stories told by people affected by the war, edited so nobody can be identified.")

    def items(self, index):
        return index.listing_queryset(self.topic)[: self.max_entries]

    def item_title(self, story):
        return story.title

    def item_link(self, story):
        return self.absolute(story)

    def item_description(self, story):
        # linebreaks() escapes: "<script>" in a story stays text in every feed reader.
        return "".join(
            linebreaks(block.value, autoescape=True)
            for block in story.body
            if block.block_type == "paragraph"
        )

    def item_author_name(self, story):
        return story.credit_label

    def item_pubdate(self, story):
        return story.first_published_at

    def item_updateddate(self, story):
        return story.last_published_at

    def item_categories(self, story):
        return [topic.name for topic in story.topics.all()]
