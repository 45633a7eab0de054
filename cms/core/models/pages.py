"""Pages that belong to no single section: the per-locale home, generic pages, and the listing
behaviour that every section's index page shares."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Exists, OuterRef
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from cms.core.hosts import ReaderHostUrlsMixin


class HomePage(ReaderHostUrlsMixin, Page):
    """The home of one language. Each locale has one, a translation of the English home, sitting
    directly under the root so that `/<lang>/` routes to it. Sections hang below it."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Base rows are enough for a title, a description and a link; .specific() would cost a
        # query per section type, .public() one for every view restriction.
        from cms.core.templatetags.polyphony import restriction_above

        context["sections"] = (
            self.get_children()
            .live()
            .in_menu()
            .filter(~Exists(restriction_above(OuterRef("path"))))
        )
        return context


class StandardPage(ReaderHostUrlsMixin, Page):
    """A generic page of text and images: about us, safety advice, imprint."""

    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = "standard page"


class IndexPage(ReaderHostUrlsMixin, Page):
    """A section's listing page. Content apps subclass it for their section's index (stories,
    campaigns, volunteering) and narrow `listing_queryset` to what readers should see."""

    intro = RichTextField(features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1
    page_size = 20
    # Paths under the index that list its children too (feeds): an edge cache purges them with
    # the index when a child is published (cms/core/edge_cache.py).
    listing_subpaths = ()
    # The query parameters the listing reads: the only ones its cached copies and fragments
    # vary on (cms/core/edge_cache.py, cms/core/fragments.py).
    query_parameters = ("page",)

    class Meta:
        abstract = True

    def get_cached_paths(self):
        return ["/", *self.listing_subpaths]

    def listing_queryset(self):
        return self.get_children().live().public().specific()

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, self.page_size)
        try:
            return paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            return paginator.page(1)
        except EmptyPage:
            return paginator.page(paginator.num_pages)

    def get_context(self, request, *args, **kwargs):
        from cms.core.fragments import Deferred

        context = super().get_context(request, *args, **kwargs)
        # Counted and fetched only if the template renders the listing (not on a cached one);
        # built then too: `.public()` reads every view restriction when it is called.
        context["items"] = Deferred(lambda: self.paginate(request, self.listing_queryset()))
        return context
