"""Campaign pages and their per-locale index."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from campaigns import licences, seo
from campaigns.blocks import CampaignStreamBlock
from cms.core.fragments import Deferred
from cms.core.hosts import ReaderHostUrlsMixin
from cms.core.models import IndexPage

ACTIVE = "active"
CONCLUDED = "concluded"
STATUS_CHOICES = [(ACTIVE, _("Active")), (CONCLUDED, _("Concluded"))]


class CampaignPageQuerySet(PageQuerySet):
    """ "Published campaigns" is defined once, for the listing, the feed and the API."""

    def published(self):
        return self.live().public()

    def active(self):
        return self.published().filter(status=ACTIVE)

    def concluded(self):
        return self.published().filter(status=CONCLUDED)


class CampaignIndexPage(RoutablePageMixin, IndexPage):
    """The campaigns of one language: `/<lang>/campaigns/`, active ones first, then concluded
    ones; and their Atom feed at `/<lang>/campaigns/feed/`."""

    subpage_types = ["campaigns.CampaignPage"]
    listing_subpaths = ("feed/",)

    class Meta:
        verbose_name = "campaign index page"

    def campaigns(self):
        return (
            CampaignPage.objects.child_of(self)
            .published()
            .select_related("hero_image")
            .order_by("-first_published_at")
        )

    def get_context(self, request, *args, **kwargs):
        from cms.core.fragments import Deferred

        context = super().get_context(request, *args, **kwargs)
        # Built only when the listing's fragment is rendered: `.public()` reads every view
        # restriction as soon as it is called, a query each, on every request.
        context["active"] = Deferred(lambda: self.campaigns().filter(status=ACTIVE))
        context["concluded"] = Deferred(lambda: self.campaigns().filter(status=CONCLUDED))
        return context

    @re_path(r"^$")
    def index(self, request):
        return self.render(request)

    @path("feed/")
    def feed(self, request):
        from campaigns.feeds import serve_feed

        return serve_feed(request, self)


class CampaignPage(ReaderHostUrlsMixin, Page):
    """One campaign in one language: what we demand, the facts, how to help, how to donate.

    Translations are wagtail-localize copies: text fields and text blocks go to translators;
    status, licence, numbers, images and bank accounts are synchronised from the source.
    """

    standfirst = models.TextField(
        _("standfirst"), max_length=500, help_text=_("One or two sentences under the title.")
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt = models.CharField(
        _("hero image alt text"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    hero_credit = models.CharField(_("hero image credit"), max_length=120, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=ACTIVE)
    licence = models.CharField(
        _("licence"),
        max_length=20,
        choices=licences.LICENCE_CHOICES,
        default=licences.SITE_DEFAULT,
        blank=True,
        help_text=_("Under which licence others may reuse this campaign's text."),
    )
    body = StreamField(CampaignStreamBlock(), blank=True, verbose_name=_("body"))

    objects = PageManager.from_queryset(CampaignPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt"), FieldPanel("hero_credit")],
            heading=_("Hero image"),
        ),
        FieldPanel("status"),
        FieldPanel("body"),
        FieldPanel("licence"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    api_fields = [
        APIField("standfirst"),
        APIField("status"),
        APIField("hero_alt"),
        APIField("hero_credit"),
        APIField("licence"),
        APIField("body"),
    ]
    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types = []
    # The donation block's amount choice (campaigns/blocks/donation.py): declared, so the edge
    # cache and the fragment key take it into account.
    query_parameters = ("amount",)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_alt.strip():
            raise ValidationError({"hero_alt": _("Describe the hero image for blind readers.")})

    @property
    def is_active(self):
        return self.status == ACTIVE

    def get_workflow(self):
        """Any language can be a campaign's source: an original goes through "Campaign
        publication" and a translation through "Translation review", whatever language each is
        in, rather than by where it sits in the tree (cms/core/translation/review.py)."""
        from cms.core.translation.review import workflow_for
        from cms.core.workflows import CAMPAIGN_PUBLICATION

        return workflow_for(self, CAMPAIGN_PUBLICATION, default=super().get_workflow())

    def site_settings(self, request):
        from cms.core.models import SiteSettings

        return SiteSettings.for_request(request)

    def get_licence(self, site_settings):
        return licences.resolve(self.licence, site_settings)

    def get_context(self, request, *args, **kwargs):
        # Only what the template's cached fragments need when they are rendered: on a cache hit
        # none of it is computed (cms/core/fragments.py).
        context = super().get_context(request, *args, **kwargs)
        site_settings = Deferred(self.site_settings, request)
        licence = Deferred(lambda: self.get_licence(site_settings()))
        context.update(
            licence=licence,
            attribution=Deferred(
                lambda: licences.attribution_text(
                    title=self.title,
                    author=site_settings().organisation_name,
                    source_url=self.get_full_url(request),
                    licence=licence(),
                )
            ),
            og=Deferred(seo.opengraph, self, request, self.search_description or self.standfirst),
            json_ld=Deferred(lambda: seo.json_ld(self, request, site_settings(), licence())),
            feed_url=Deferred(lambda: self.get_parent().get_url(request) + "feed/"),
        )
        return context


__all__ = ["CampaignIndexPage", "CampaignPage"]
