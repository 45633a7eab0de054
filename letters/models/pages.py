"""The prisoner directory and one page per prisoner, translatable with wagtail-localize.

What is the same in every language (the prison, the addressee's name in the form the prison
requires, dates, whether they can answer) is synchronised from the source page; translators see
only the texts a reader reads. The public routes (write/, status/, random/) are in
letters.views, called from the page's routes so that every language has them under its own URL.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.hosts import ReaderHostUrlsMixin
from cms.core.models import IndexPage


class PrisonerDirectoryPage(RoutablePageMixin, IndexPage):
    """`/<lang>/letters/`: everyone people can write to, with filters, a "write to someone at
    random" entry, the writer's guidance and the receipt check (`status/`)."""

    guidance = RichTextField(
        _("guidance for writers"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The organisations' rules, shown above every letter form."),
    )

    content_panels = [*IndexPage.content_panels, FieldPanel("guidance")]
    subpage_types = ["letters.PrisonerPage"]
    # The filters (letters.directory): filtered listings may be kept briefly by the edge cache.
    query_parameters = ("campaign", "region", "birthday", "few")

    class Meta:
        verbose_name = _("prisoner directory")

    def prisoners(self):
        return (
            PrisonerPage.objects.child_of(self)
            .live()
            .public()
            .select_related("prison", "photo")
            .order_by("title")
        )

    @path("")
    def directory(self, request):
        from letters.views.public import directory

        return directory(request, self)

    @path("random/")
    def random_prisoner(self, request):
        from letters.views.public import random_prisoner

        return random_prisoner(request, self)

    @path("status/")
    def status(self, request):
        from letters.views.public import letter_status

        return letter_status(request, self)

    def random_url(self):
        return self.url + self.reverse_subpage("random_prisoner")

    def status_url(self):
        return self.url + self.reverse_subpage("status")


class PrisonerPage(RoutablePageMixin, ReaderHostUrlsMixin, Page):
    """One person people can write to: who they are, why they are held, where letters go, and
    the letter form (`write/`)."""

    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    photo_alt = models.CharField(_("photo alt text"), max_length=250, blank=True)
    photo_credit = models.CharField(_("photo credit"), max_length=120, blank=True)
    case_summary = RichTextField(_("the case, in short"), features=RICH_TEXT_FEATURES)
    sentence = models.CharField(_("sentence"), max_length=200, blank=True)
    expected_release = models.DateField(_("expected release"), null=True, blank=True)
    prison = models.ForeignKey(
        "letters.Prison",
        verbose_name=_("prison"),
        on_delete=models.PROTECT,
        related_name="prisoners",
    )
    addressee_name = models.CharField(
        _("name on the envelope"),
        max_length=200,
        help_text=_(
            "In the form the prison requires, in Russian: full name in the dative and year of "
            "birth, e.g. Иванову Ивану Ивановичу, 1985 г. р."
        ),
    )
    birthday = models.DateField(_("birthday"), null=True, blank=True)
    interests = models.TextField(_("what they like to hear about"), blank=True)
    can_answer = models.BooleanField(_("can answer letters"), default=True)
    campaign = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("photo"), FieldPanel("photo_alt"), FieldPanel("photo_credit")],
            heading=_("Photo"),
        ),
        FieldPanel("case_summary"),
        FieldPanel("sentence"),
        FieldPanel("expected_release"),
        FieldPanel("prison"),
        FieldPanel("addressee_name"),
        FieldPanel("birthday"),
        FieldPanel("interests"),
        FieldPanel("can_answer"),
        PageChooserPanel("campaign", page_type="campaigns.CampaignPage"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("case_summary")]
    override_translatable_fields = [
        SynchronizedField("addressee_name"),
        SynchronizedField("prison"),
        SynchronizedField("birthday"),
        SynchronizedField("expected_release"),
        SynchronizedField("can_answer"),
        SynchronizedField("photo"),
    ]
    parent_page_types = ["letters.PrisonerDirectoryPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("prisoner page")

    def clean(self):
        from django.core.exceptions import ValidationError

        super().clean()
        if self.photo_id and not self.photo_alt.strip():
            raise ValidationError({"photo_alt": _("Describe the photo for blind readers.")})

    @path("")
    def profile(self, request):
        from letters.views.public import prisoner_profile

        return prisoner_profile(request, self)

    def write_url(self):
        return self.url + self.reverse_subpage("write")

    def serve_after_csrf_failure(self, request):
        from letters.views.public import letter_form_after_csrf_failure

        if not request.path.endswith("/" + self.reverse_subpage("write")):
            from django.template.response import TemplateResponse

            return TemplateResponse(request, "cms/csrf_failure.html", {"page": self})
        return letter_form_after_csrf_failure(request, self)

    @path("write/")
    def write(self, request):
        from letters.views.public import write_letter

        return write_letter(request, self)
