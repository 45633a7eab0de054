"""The public side of a story: the index of a language's stories, one story, and its topics."""

from urllib.parse import urlencode

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.core.fragments import Deferred
from cms.core.hosts import ReaderHostUrlsMixin
from cms.core.models import IndexPage
from cms.core.publishing import WorkflowOnlyPublishingMixin
from stories.admin_forms import StoryPageForm
from stories.panels import PrivateRecordPanel

# Coarse on purpose: a city or district could identify someone in a small place.
REGION_CHOICES = [
    ("moscow", _("Moscow")),
    ("st-petersburg", _("St Petersburg")),
    ("central", _("Central Russia")),
    ("north-west", _("North-West Russia")),
    ("south", _("Southern Russia and the North Caucasus")),
    ("volga", _("Volga region")),
    ("urals", _("Urals")),
    ("siberia", _("Siberia")),
    ("far-east", _("Far East")),
    ("occupied", _("Occupied territories of Ukraine")),
    ("outside", _("Outside Russia")),
]

CREDIT_ANONYMOUS = "anonymous"
CREDIT_PSEUDONYM = "pseudonym"
CREDIT_CHOICES = [
    (CREDIT_ANONYMOUS, _("Anonymous")),
    (CREDIT_PSEUDONYM, _("A pseudonym")),
]


class StoryTopic(TranslatableMixin, models.Model):
    """What a story is about (repression, exile, ...). A snippet translated per locale with
    wagtail-localize; stories point at the topic of their own locale."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_(
            "Used in the address of the topic filter and feed; keep it the same in every language."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("story topic")
        verbose_name_plural = _("story topics")
        ordering = ["name"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


register_snippet(StoryTopic)


class StoryBodyBlock(blocks.StreamBlock):
    """Contributor text is plain text, never HTML: paragraphs are TextBlocks rendered escaped."""

    paragraph = blocks.TextBlock(
        label=_("Paragraph"), template="components/blocks/stories_paragraph.html"
    )
    photo = blocks.StructBlock(
        [
            ("image", ImageChooserBlock(label=_("Image"))),
            (
                "alt_text",
                blocks.CharBlock(
                    label=_("Alt text"),
                    max_length=250,
                    help_text=_("Describe the photo for people who cannot see it."),
                ),
            ),
        ],
        label=_("Photo"),
        icon="image",
        template="components/blocks/stories_photo.html",
    )


class StoryPage(WorkflowOnlyPublishingMixin, ReaderHostUrlsMixin, Page):
    """One person's story, edited by moderators so nobody can be identified.

    The contributor's contact and consents are NOT here: they live in the sealed item (or, for
    stories from before sealing, StoryPrivateRecord), outside the page, so they never enter a
    revision, the API, search or a translation. One consent is the page's own, because it must
    outlive both: `translation_consented`, which says nothing about who sent it.
    """

    body = StreamField(StoryBodyBlock(), blank=True, verbose_name=_("story"))
    topics = ParentalManyToManyField(
        StoryTopic, blank=True, related_name="stories", verbose_name=_("topics")
    )
    region = models.CharField(_("region"), max_length=20, choices=REGION_CHOICES, blank=True)
    credit = models.CharField(
        _("credit"), max_length=20, choices=CREDIT_CHOICES, default=CREDIT_ANONYMOUS
    )
    pseudonym = models.CharField(
        _("pseudonym"),
        max_length=60,
        blank=True,
        help_text=_("Shown only when the credit is a pseudonym. Never a real name."),
    )
    # The contributor's answer to "may it be translated?", copied from the sealed item when the
    # draft is started. Not editable: nobody but the contributor decides it, and it stays after
    # the retention purge has shredded the item (translations go on being made for years).
    translation_consented = models.BooleanField(
        _("the contributor consents to translation"), default=False, editable=False
    )

    # An emergency unpublish must take a story offline even while the application answers 5xx:
    # the edge cache never serves a stale copy of one (cms/core/edge_cache.py).
    edge_serve_stale = False

    # Topics of the story's language only, as checkboxes (stories/admin_forms.py).
    base_form_class = StoryPageForm
    content_panels = [
        # Read-only, and only for Moderators: see stories/panels.py.
        PrivateRecordPanel(),
        *Page.content_panels,
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("region"),
                FieldPanel("credit"),
                FieldPanel("pseudonym"),
            ],
            heading=_("About the story"),
        ),
    ]
    # Searchable text: the title (in Page.search_fields, with its filter fields the admin needs)
    # and the body. Nothing else: no private data, nothing a reader cannot see on the page.
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("story")
        verbose_name_plural = _("stories")

    def permissions_for_user(self, user):
        # A story in review is for its reviewers only (stories/visibility.py): anyone else gets
        # a tester that refuses every view of it.
        from stories.visibility import tester_for

        return tester_for(user, self, super().permissions_for_user(user))

    def translation_refusal(self):
        """A story is translated only once it is live (reviewed) and only if its contributor
        consented (`translation_consented` of the story in any language)."""
        from stories.models.private import StoryPrivateRecord

        if not self.live or self.has_unpublished_changes:
            return _("Only a published story without changes waiting for review can be translated.")
        consented = (
            StoryPage.objects.filter(
                translation_key=self.translation_key, translation_consented=True
            ).exists()
            # Stories from before sealing: the consent is on their private record until purged.
            or StoryPrivateRecord.objects.filter(
                page__translation_key=self.translation_key, consent_translation=True
            ).exists()
        )
        if not consented:
            return _("The contributor of this story did not consent to its translation.")
        return None

    @property
    def credit_label(self):
        """What readers see as the author: the pseudonym, or "Anonymous"."""
        if self.credit == CREDIT_PSEUDONYM and self.pseudonym:
            return self.pseudonym
        return str(_("Anonymous"))


class StoryIndexPage(WorkflowOnlyPublishingMixin, RoutablePageMixin, IndexPage):
    """The stories of one language: `/<lang>/stories/`. Published stories are listed here,
    filterable by topic with plain links (`?topic=<slug>`), with an Atom feed of the language
    (`feed/`) and of each topic (`feed/<slug>/`). The submission form and the receipt check live
    below it."""

    listing_subpaths = ("feed/",)
    # Only what Story moderation is built for: any other page type here would be published
    # without it (cms/core/checks.py).
    subpage_types = [
        "stories.StoryPage",
        "stories.StorySubmissionPage",
        "stories.ReceiptStatusPage",
    ]
    query_parameters = ("page", "topic")

    class Meta:
        verbose_name = "story index page"

    def stories(self):
        """Every published story of this index, newest first: the listing and the feeds use it.

        Built once per page object: `.public()` runs a query of its own (the view restrictions)
        each time it is called, and the listing and the topic list both start from here."""
        if not hasattr(self, "_stories"):
            self._stories = (
                StoryPage.objects.child_of(self)
                .live()
                .public()
                .order_by("-first_published_at", "-pk")
                .prefetch_related("topics")
            )
        return self._stories

    def topics(self):
        """Topics of this language that at least one published story here carries."""
        return (
            StoryTopic.objects.filter(locale_id=self.locale_id, stories__in=self.stories())
            .distinct()
            .order_by("name")
        )

    def get_cached_paths(self):
        topics = StoryTopic.objects.filter(locale_id=self.locale_id).values_list("slug", flat=True)
        return [*super().get_cached_paths(), *(f"feed/{slug}/" for slug in topics)]

    def topic_from_slug(self, slug):
        if not slug:
            return None
        return StoryTopic.objects.filter(locale_id=self.locale_id, slug=slug).first()

    def listing_queryset(self, topic=None):
        stories = self.stories()
        return stories.filter(topics=topic) if topic else stories

    def feed_url(self, topic=None):
        if topic:
            return self.url + self.reverse_subpage("topic_feed_route", args=[topic.slug])
        return self.url + self.reverse_subpage("feed_route")

    def get_context(self, request, *args, **kwargs):
        # Not IndexPage.get_context: it would paginate the unfiltered listing first.
        context = Page.get_context(self, request, *args, **kwargs)
        requested = request.GET.get("topic")
        topic = self.topic_from_slug(requested)
        if requested and topic is None:
            raise Http404
        context.update(
            topic=topic,
            # Rendered inside a cached fragment (cms/core/fragments.py): computed on a miss only.
            topics=Deferred(self.topics),
            items=Deferred(lambda: self.paginate(request, self.listing_queryset(topic))),
            query=urlencode({"topic": topic.slug}) if topic else "",
            feed_url=self.feed_url(topic),
        )
        return context

    @path("feed/")
    def feed_route(self, request):
        from stories.feeds import StoryFeed

        return StoryFeed(self)(request)

    @path("feed/<slug:topic_slug>/")
    def topic_feed_route(self, request, topic_slug):
        from stories.feeds import StoryFeed

        topic = self.topic_from_slug(topic_slug)
        if topic is None:
            raise Http404
        return StoryFeed(self, topic)(request)
