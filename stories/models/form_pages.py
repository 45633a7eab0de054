"""The two public pages of the pipeline: the story form and the receipt check.

Both are pages (not plain Django views) so that editors translate their texts with
wagtail-localize like any other page, and so that they live at /<lang>/stories/tell/ and
/<lang>/stories/status/ below the story index of each language. Their `serve` handles GET and
POST itself. Responses are never cached (`Cache-Control: no-store`): they carry a CSRF token, a
captcha, and — once — a receipt code.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from cms.core.blocks import RICH_TEXT_FEATURES
from cms.core.fragments import Deferred
from cms.core.hosts import ReaderHostUrlsMixin
from cms.core.publishing import WorkflowOnlyPublishingMixin

# A form page answers these; anything else (PUT, DELETE, PATCH...) is not treated as a GET.
FORM_METHODS = ("GET", "HEAD", "POST")


def _form_response(response):
    """Headers of every response that carries one of these forms.

    - Never cached: it holds a CSRF token, a captcha, or once a receipt code.
    - ``Referrer-Policy: same-origin`` instead of the site's ``no-referrer``: under no-referrer,
      browsers (Fetch standard) send ``Origin: null`` with a form POST, and Django's CSRF check
      rejects that, so no real browser could send the form. same-origin still sends nothing to
      other sites; to ourselves it sends our own URL, which we do not store.
    """
    add_never_cache_headers(response)  # no-cache, no-store, must-revalidate, private
    response["Referrer-Policy"] = "same-origin"
    return response


def spool_unavailable(request):
    """The translated 503 page of an outage (cms/core/views.py), for a POST that stored nothing."""
    from django.http import HttpResponse
    from django.template.loader import render_to_string

    from cms.core.models import SiteSettings
    from cms.core.views import UNAVAILABLE_RETRY_SECONDS

    context = {
        "was_sending": True,
        "quick_exit_url": SiteSettings._meta.get_field("quick_exit_url").default,
    }
    response = HttpResponse(
        render_to_string("cms/unavailable.html", context, request=request), status=503
    )
    response["Retry-After"] = str(UNAVAILABLE_RETRY_SECONDS)
    return _form_response(response)


class StorySubmissionPage(WorkflowOnlyPublishingMixin, ReaderHostUrlsMixin, Page):
    """The form through which anyone tells their story, anonymously. The POST only seals the
    submission into the spool (stories.pipeline.queue_submission, stories/sealing/) and shows
    the receipt code once, after the spool said it is durable."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)
    safety_tips = RichTextField(
        _("safety tips"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_(
            "Shown beside the form: use Tor Browser, leave out names, what we keep and for how "
            "long."
        ),
    )
    thank_you = RichTextField(
        _("thank-you text"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown with the receipt code after a story was sent."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("safety_tips"),
        FieldPanel("thank_you"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story form page")

    def get_sitemap_urls(self, request=None):
        # The form answers noindex (it carries a CSRF token: cms/core/security/headers.py); a
        # sitemap must not ask search engines for it.
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Only the receipt links to it: looked up when a template renders it, not for every
        # reader of the empty form (two queries).
        context["status_page"] = Deferred(
            lambda: self.get_siblings().type(ReceiptStatusPage).live().public().first()
        )
        return context

    def serve(self, request, *args, **kwargs):
        from stories.forms import StorySubmissionForm
        from stories.pipeline import queue_submission
        from stories.ratelimits import (
            ACCEPTED_SCOPE,
            REFUSED_SCOPE,
            SUBMIT_SCOPE,
            client_address,
            refused_budget,
            submission_limiter,
            too_many_requests,
        )
        from stories.sealing.spool import SpoolUnavailable

        if request.method not in FORM_METHODS:
            return HttpResponseNotAllowed(FORM_METHODS)
        if request.method == "POST":
            limiter = submission_limiter()
            # Counted before anything is parsed or decoded: the limit protects that work.
            if not limiter.hit_address(SUBMIT_SCOPE, client_address(request)):
                return too_many_requests(request, self)
            if request.POST.get(StorySubmissionForm.NEW_QUESTION):
                # Only a new challenge: nothing is checked or queued, the text stays.
                form = StorySubmissionForm.with_new_question(request.POST, locale=self.locale)
                context = {**self.get_context(request), "form": form, "new_question": True}
                return _form_response(
                    TemplateResponse(request, self.get_template(request), context)
                )
            form = StorySubmissionForm(request.POST, request.FILES, locale=self.locale)
            valid = form.is_valid()
            # The global caps count what passed the checks and what did not apart: junk from
            # many addresses cannot use up genuine contributors' budget (stories/ratelimits.py).
            if not valid and not limiter.hit_global(REFUSED_SCOPE, refused_budget()):
                return too_many_requests(request, self)
            if valid and not limiter.hit_global(ACCEPTED_SCOPE):
                return too_many_requests(request, self)
            if valid:
                try:
                    code = queue_submission(form, self.locale.language_code)
                except SpoolUnavailable:
                    # Nothing was stored and no receipt is shown: "nothing arrived, try again".
                    return spool_unavailable(request)
                context = {**self.get_context(request), "receipt_code": code}
                return _form_response(
                    TemplateResponse(request, self.get_template(request), context)
                )
        else:
            form = StorySubmissionForm(locale=self.locale)
        context = {**self.get_context(request), "form": form}
        return _form_response(TemplateResponse(request, self.get_template(request), context))

    def serve_after_csrf_failure(self, request):
        """The form again, after the CSRF check refused a POST (cms/core/views.py): with what
        was typed, a new challenge, and a message saying what happened. Photos cannot be kept:
        the contributor chooses them again. Nothing is queued."""
        from stories.forms import StorySubmissionForm

        data = request.POST.copy()
        for name in ("captcha_0", "captcha_1"):
            data.pop(name, None)
        form = StorySubmissionForm(data, locale=self.locale)
        form.add_error(
            None,
            _(
                "Your story was not sent: your browser did not confirm that the form came from "
                "this site. What you wrote is still below. Please choose your photos again, "
                "answer the new question and send it again."
            ),
        )
        context = {**self.get_context(request), "form": form}
        return _form_response(TemplateResponse(request, self.get_template(request), context))


class ReceiptStatusPage(WorkflowOnlyPublishingMixin, ReaderHostUrlsMixin, Page):
    """Where a contributor types their receipt code (by POST, never in a URL) and learns only
    whether their story was received, is in review, was published (with a link) or was not."""

    intro = RichTextField(_("introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("receipt check page")

    def get_sitemap_urls(self, request=None):
        # Nothing here for search engines: an empty form that answers only to a code.
        return []

    def serve(self, request, *args, **kwargs):
        from stories.conversation.public import thread_for
        from stories.forms import ReceiptStatusForm
        from stories.privacy.receipts import receipt_digest
        from stories.ratelimits import (
            RECEIPT_SCOPE,
            client_address,
            receipt_limiter,
            too_many_requests,
        )
        from stories.sealing.spool import SpoolUnavailable
        from stories.status import status_for_digest

        if request.method not in FORM_METHODS:
            return HttpResponseNotAllowed(FORM_METHODS)
        status = thread = None
        if request.method == "POST":
            limiter, address = receipt_limiter(), client_address(request)
            # A blocked address learns nothing, even with a right code: no oracle. The global
            # budget of wrong codes is not asked here: others' wrong codes never lock out a
            # right one.
            if not limiter.check_address(RECEIPT_SCOPE, address):
                return too_many_requests(request, self)
            form = ReceiptStatusForm(request.POST)
            if form.is_valid():
                code = form.cleaned_data["code"]
                try:
                    status = status_for_digest(receipt_digest(code))
                    # Read and answered with the code (stories/conversation/public.py); one
                    # Argon2id derivation for every code, right or wrong.
                    thread = thread_for(request, code, receipt_digest(code))
                except SpoolUnavailable:
                    return spool_unavailable(request)
                if status is None:
                    form.add_error(
                        "code",
                        _(
                            "We know no story with this code. Please check it. Codes of stories "
                            "that left review are forgotten after %(days)s days."
                        )
                        % {"days": getattr(settings, "STORY_RETENTION_DAYS", 30)},
                    )
            if not form.is_valid():
                limiter.hit_address(RECEIPT_SCOPE, address)
                if not limiter.hit_global(RECEIPT_SCOPE):
                    return too_many_requests(request, self)
            else:
                # The code is not shown back: a new, empty form.
                form = ReceiptStatusForm()
        else:
            form = ReceiptStatusForm()
        context = {
            **self.get_context(request),
            "form": form,
            "status": status,
            "thread": thread if status is not None else None,
        }
        return _form_response(TemplateResponse(request, self.get_template(request), context))
