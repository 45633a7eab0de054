"""How a vacancy page answers: the page with its apply form, the POST of that form, and the
thank-you page. Kept apart from the model's fields so each file reads as one concept."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.contrib.routable_page.models import path

from cms.core.fragments import Deferred
from cms.core.ratelimit import RateLimiter, client_address

TOO_MANY = gettext_noop("Too many applications came from here just now. Please try again later.")


def apply_limiter():
    return RateLimiter(
        cache,
        per_address=getattr(settings, "VACANCY_APPLY_PER_ADDRESS", 5),
        global_per_minute=getattr(settings, "VACANCY_APPLY_GLOBAL_PER_MINUTE", 30),
        window_seconds=3600,
    )


class VacancyServingMixin:
    def get_context(self, request, *args, **kwargs):
        from volunteering.jsonld import job_posting_json

        context = super().get_context(request, *args, **kwargs)
        is_open = self.is_open()
        context["is_open"] = is_open
        context["accepting_here"] = is_open and self.takes_applications_here()
        # Computed only when their fragments are rendered (volunteering/vacancy_page.html):
        # a query each, and the same for every reader of the day.
        context["related"] = Deferred(lambda: list(self.related_vacancies()))
        context["job_posting"] = Deferred(
            lambda: job_posting_json(self, request) if is_open else None
        )
        return context

    @path("", name="vacancy")
    def vacancy_view(self, request):
        """GET shows the page (with an empty form while open); POST stores an application.

        No IP address, user agent or exact time is kept: the application row has a date only,
        and the rate limiter keys are HMACs under a secret that lives in the cache for a day.
        """
        from volunteering.forms import VacancyApplicationForm

        if request.method not in ("GET", "HEAD", "POST"):
            return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
        accepting = self.is_open() and self.takes_applications_here()
        form = VacancyApplicationForm() if accepting else None
        status = 200
        if accepting and request.method == "POST":
            form = VacancyApplicationForm(request.POST)
            if form.is_valid():
                if apply_limiter().hit("vacancy-apply", client_address(request)):
                    form.save(self)
                    response = HttpResponseRedirect(self.url + self.reverse_subpage("thanks"))
                    response.status_code = 303  # See Other: the browser GETs the thank-you page
                    return response
                form.add_error(None, _(TOO_MANY))
                status = 429
            else:
                status = 400
        response = self.render(request, context_overrides={"form": form})
        response.status_code = status
        # The form makes the page private (never stored: its CSRF token is this reader's), but an
        # open position is there to be found: its JobPosting data is for search engines.
        response.polyphony_indexable = accepting
        return response

    @path("thanks/", name="thanks")
    def thanks_view(self, request):
        response = self.render(request, template="volunteering/vacancy_thanks.html")
        # Says that someone applied: not for caches or search engines
        # (cms/core/security/headers.py).
        response.polyphony_private = True
        return response
