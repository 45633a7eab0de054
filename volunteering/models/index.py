"""The volunteering section's index: `/<lang>/volunteer/` lists the open vacancies of its
language with filters, and `/<lang>/volunteer/feed/` is the same list as an Atom feed."""

from django.conf import settings
from django.db import models
from django.db.models import F
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Locale

from cms.core.fragments import deferred_context
from cms.core.models import IndexPage
from volunteering.filters import apply_filters, build_facets, querystring, selected_filters

from .vacancy import VacancyPage


class VacancyIndexPage(RoutablePageMixin, IndexPage):
    """Open volunteer positions in one language: `/<lang>/volunteer/`."""

    subpage_types = ["volunteering.VacancyPage"]
    listing_subpaths = ("feed/",)
    # The listing's filters (volunteering/filters.py FACETS) and its page number.
    query_parameters = ("team", "skill", "language", "hours", "remote", "page")

    class Meta:
        verbose_name = "vacancy index page"

    def open_vacancies(self, today=None):
        """Every open vacancy for readers of this language, soonest deadline first.

        A vacancy not (yet) translated into this language is listed in the source language
        rather than hidden: most roles are remote and many need English anyway, and a reader of
        the Czech site should not be told there is nothing to do. A translation, once live,
        replaces its source here. Either way `open()` decides, so the count, filters and feed
        still agree.
        """
        own = VacancyPage.objects.child_of(self)
        candidates = models.Q(pk__in=own.values("pk"))
        source_index = self.source_index()
        if source_index is not None:
            untranslated = (
                VacancyPage.objects.child_of(source_index)
                .exclude(translation_key__in=own.live().values("translation_key"))
                .values("pk")
            )
            candidates |= models.Q(pk__in=untranslated)
        return (
            VacancyPage.objects.filter(candidates)
            .open(today)
            .select_related("locale")
            .order_by(F("deadline").asc(nulls_last=True), "-first_published_at", "pk")
            .prefetch_related("skills")
        )

    def source_index(self):
        """The index in the source language, or None when this is it."""
        if self.locale.language_code == settings.SOURCE_LANGUAGE:
            return None
        source_locale = Locale.objects.filter(language_code=settings.SOURCE_LANGUAGE).first()
        if source_locale is None:
            return None
        return self.get_translation_or_none(source_locale)

    def listing_queryset(self):
        return self.open_vacancies()

    def filtered(self, params, today=None):
        """(all open vacancies, the active filters, the vacancies that pass them)."""
        vacancies = list(self.open_vacancies(today))
        selected = selected_filters(params)
        return vacancies, selected, apply_filters(vacancies, selected)

    def get_context(self, request, *args, **kwargs):
        # IndexPage's context paginates an unfiltered queryset; ours paginates the filtered list.
        context = super(IndexPage, self).get_context(request, *args, **kwargs)

        selected = selected_filters(request.GET)

        def listing():
            vacancies, _selected, results = self.filtered(request.GET)
            return {
                "open_count": len(vacancies),
                "result_count": len(results),
                "facets": build_facets(vacancies, selected),
                "items": self.paginate(request, results),
            }

        # Filtering every open vacancy happens only when the cached listing is missing
        # (cms/core/fragments.py; the fragment is keyed on the date too). The head's feed link
        # needs only the filters asked for.
        context.update(deferred_context(listing, ("open_count", "result_count", "facets", "items")))
        context.update(
            selected=selected,
            query=querystring(selected),
            feed_url=self.url + self.reverse_subpage("feed"),
        )
        return context

    @path("feed/", name="feed")
    def feed_view(self, request):
        from volunteering.feeds import atom_response

        _vacancies, selected, results = self.filtered(request.GET)
        return atom_response(self, request, results, selected)
