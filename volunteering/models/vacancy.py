"""A volunteer position, and the one definition of "open" that everything else asks."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.core.hosts import ReaderHostUrlsMixin
from volunteering import choices
from volunteering.fields import CountryListField, LanguageListField

from .serving import VacancyServingMixin


class VacancyQuerySet(PageQuerySet):
    def open(self, today=None):
        """Vacancies taking volunteers on `today` (default: the current date in TIME_ZONE).

        The listing, its count, the feeds, the sitemap, JobPosting data, related vacancies and
        the apply form all ask this, so they cannot disagree; a deadline passing needs nobody
        to press a button. `close_expired_vacancies` only tidies the stored status afterwards.
        """
        today = today or timezone.localdate()
        return self.live().filter(
            models.Q(deadline__isnull=True) | models.Q(deadline__gte=today),
            status=choices.Status.OPEN,
        )


VacancyManager = PageManager.from_queryset(VacancyQuerySet)


class VacancyTag(TaggedItemBase):
    """Skills of a vacancy. A through model of our own keeps vacancy skills out of every other
    tag list (the skill filter lists only these)."""

    content_object = ParentalKey(
        "volunteering.VacancyPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class VacancyPage(VacancyServingMixin, RoutablePageMixin, ReaderHostUrlsMixin, Page):
    """One volunteer position. Closed positions keep their page, marked closed, so links from
    elsewhere still explain what happened instead of answering 404."""

    team = models.CharField(_("team"), max_length=20, choices=choices.Team.choices)
    summary = models.TextField(
        _("summary"), help_text=_("Two or three sentences: what the volunteer will do and why.")
    )
    responsibilities = RichTextField(
        _("responsibilities"), features=["bold", "italic", "ul", "ol", "link"]
    )
    skills = ClusterTaggableManager(
        through=VacancyTag, blank=True, verbose_name=_("skills"), help_text=_("One skill a tag.")
    )
    languages = LanguageListField(_("languages needed"))
    hours_per_week = models.PositiveSmallIntegerField(_("hours per week"))
    duration = models.CharField(
        _("duration"), max_length=80, blank=True, help_text=_("For example: three months.")
    )
    remote = models.BooleanField(
        _("fully remote"),
        default=True,
        help_text=_("Only for roles that can be done entirely from home."),
    )
    location = models.CharField(
        _("location"), max_length=120, blank=True, help_text=_("City, for roles done in person.")
    )
    countries = CountryListField(
        _("countries applicants may be in"),
        help_text=_("Where the volunteer may live. Not about citizenship or visas."),
    )
    deadline = models.DateField(
        _("deadline"),
        null=True,
        blank=True,
        help_text=_("Last day to apply. After it the vacancy closes by itself."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=choices.Status.choices, default=choices.Status.OPEN
    )
    apply_method = models.CharField(
        _("how to apply"),
        max_length=10,
        choices=choices.ApplyMethod.choices,
        default=choices.ApplyMethod.FORM,
    )
    apply_url = models.URLField(_("external application link"), blank=True)
    contact_role = models.CharField(
        _("contact"),
        max_length=20,
        choices=choices.ContactRole.choices,
        default=choices.ContactRole.COORDINATION,
        help_text=_("A team, never a person's name."),
    )
    safety_note = models.TextField(
        _("safety note"),
        blank=True,
        help_text=_("What applicants should know to stay safe, e.g. about using a pseudonym."),
    )

    objects = VacancyManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("team"),
        FieldPanel("summary"),
        FieldPanel("responsibilities"),
        FieldPanel("skills"),
        FieldPanel("languages"),
        FieldRowPanel([FieldPanel("hours_per_week"), FieldPanel("duration")]),
        MultiFieldPanel(
            [FieldPanel("remote"), FieldPanel("location"), FieldPanel("countries")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [FieldPanel("status"), FieldPanel("deadline")],
            heading=_("Status and deadline"),
        ),
        MultiFieldPanel(
            [FieldPanel("apply_method"), FieldPanel("apply_url"), FieldPanel("contact_role")],
            heading=_("Applying"),
        ),
        FieldPanel("safety_note"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("responsibilities"),
        index.FilterField("status"),
        index.FilterField("deadline"),
    ]
    # The facts a reader filters by follow the source page; a translator changes only words.
    override_translatable_fields = [
        SynchronizedField("status", overridable=False),
        SynchronizedField("deadline", overridable=False),
        SynchronizedField("hours_per_week", overridable=False),
        SynchronizedField("languages", overridable=False),
        SynchronizedField("countries", overridable=False),
        SynchronizedField("remote", overridable=False),
        SynchronizedField("team", overridable=False),
    ]
    parent_page_types = ["volunteering.VacancyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("vacancy")
        verbose_name_plural = _("vacancies")

    def clean(self):
        super().clean()
        errors = {}
        if self.apply_method == choices.ApplyMethod.EXTERNAL and not self.apply_url:
            errors["apply_url"] = _("Give the link where people apply.")
        if self.remote and not self.countries:
            # JobPosting needs at least one country for a remote role.
            errors["countries"] = _("Choose at least one country applicants may live in.")
        if not self.remote and not self.location:
            errors["location"] = _("Say where the work takes place, or mark the role remote.")
        if errors:
            raise ValidationError(errors)

    # --- "open", asked of one page ------------------------------------------------------------

    def is_open(self, today=None):
        if not self.pk:
            return False
        # Asked by the view and by its context in one request: answered once per day asked.
        day = today or timezone.localdate()
        known = getattr(self, "_open_on", None)
        if known is None or known[0] != day:
            known = (day, type(self).objects.open(today).filter(pk=self.pk).exists())
            self._open_on = known
        return known[1]

    def get_sitemap_urls(self, request=None):
        """A closed vacancy stays reachable but is not advertised to search engines."""
        if request is None:
            is_open = self.is_open()
        else:
            # One query per sitemap, not one per vacancy: the open ones of today, kept on the
            # request.
            today = timezone.localdate()
            day, open_ids = getattr(request, "_polyphony_open_vacancies", (None, None))
            if day != today:
                open_ids = set(type(self).objects.open(today).values_list("pk", flat=True))
                request._polyphony_open_vacancies = (today, open_ids)
            is_open = self.pk in open_ids
        if not is_open:
            return []
        return super().get_sitemap_urls(request)

    def related_vacancies(self, today=None, limit=3):
        """Other open vacancies of the same index, same team first."""
        siblings = (
            VacancyPage.objects.sibling_of(self, inclusive=False)
            .open(today)
            .order_by(models.Case(models.When(team=self.team, then=0), default=1), "deadline")
        )
        return siblings[:limit]

    # --- display helpers for templates and JSON-LD --------------------------------------------

    def language_names(self):
        return [choices.language_name(code) for code in self.languages]

    def country_names(self):
        return [choices.country_name(code) for code in self.countries]

    def hours_range(self):
        return choices.hours_range_of(self.hours_per_week)

    def skill_names(self):
        # The page shows them and its JSON-LD lists them: one query per render, not two.
        if not hasattr(self, "_skill_names"):
            self._skill_names = sorted(tag.name for tag in self.skills.all())
        return self._skill_names

    def takes_applications_here(self):
        return self.apply_method == choices.ApplyMethod.FORM
