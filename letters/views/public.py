"""The public side: the directory, a prisoner's page, the letter form and the receipt check.

None of them needs JavaScript. Pages with a form are never cached (CSRF token, captcha, once a
receipt code) and send `Referrer-Policy: same-origin`, which browsers need to send the form's
Origin (see stories' form pages for why).
"""

import secrets

from django.core.cache import cache
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _

from cms.core.ratelimit import RateLimiter, client_address
from letters import directory as filters_
from letters.conf import setting
from letters.counts import sent_this_year
from letters.forms import CHECK, LetterForm, LetterStatusForm
from letters.submission import save_letter, status_for_code

FORM_METHODS = ("GET", "HEAD", "POST")
SEND_SCOPE = "letter-send"
CHECK_SCOPE = "letter-check"
STATUS_SCOPE = "letter-receipt"


def _limiter(per_address):
    return RateLimiter(
        cache,
        per_address=per_address,
        global_per_minute=setting("LETTERS_RATE_LIMIT_GLOBAL_PER_MINUTE"),
        window_seconds=setting("LETTERS_RATE_LIMIT_WINDOW_SECONDS"),
    )


def _form_response(response):
    add_never_cache_headers(response)
    response["Referrer-Policy"] = "same-origin"
    return response


def _too_many(request, page):
    response = TemplateResponse(
        request, "letters/rate_limited.html", {"page": page, "self": page}, status=429
    )
    response["Retry-After"] = "60"
    response["Cache-Control"] = "no-store"
    return response


def _render(request, page, template, context):
    return TemplateResponse(
        request, template, {**page.get_context(request), **context, "page": page, "self": page}
    )


def directory(request, page):
    filters = filters_.Filters.from_query(request.GET)
    everyone = page.prisoners()
    options = filters_.options(everyone)
    return _render(
        request,
        page,
        "letters/prisoner_directory_page.html",
        {
            "filters": filters,
            "prisoners": filters_.apply(everyone, filters),
            "options": options,
        },
    )


def random_prisoner(request, page):
    """Someone to write to, chosen at random among those with few letters this year (everyone,
    if nobody has few)."""
    everyone = page.prisoners()
    few = filters_.apply(everyone, filters_.Filters(few_letters=True))
    candidates = list(few.values_list("pk", flat=True)) or list(
        everyone.values_list("pk", flat=True)
    )
    if not candidates:
        # Nobody in this language yet: the directory says so, rather than a dead end.
        response = HttpResponseRedirect(page.url)
        response["Cache-Control"] = "no-store"
        return response
    chosen = everyone.get(pk=secrets.choice(candidates))
    response = HttpResponseRedirect(chosen.url + chosen.reverse_subpage("write"))
    response["Cache-Control"] = "no-store"
    return response


def prisoner_profile(request, prisoner):
    return _render(
        request,
        prisoner,
        "letters/prisoner_page.html",
        {
            "sent_this_year": sent_this_year(prisoner.translation_key),
            "answers": prisoner_answers(prisoner),
        },
    )


def prisoner_answers(prisoner):
    from letters.models import PrisonerAnswer

    return PrisonerAnswer.objects.filter(
        prisoner__translation_key=prisoner.translation_key,
        consent_to_publish=True,
        published=True,
    )[:5]


def write_letter(request, prisoner):
    if request.method not in FORM_METHODS:
        return HttpResponseNotAllowed(FORM_METHODS)
    directory_page = prisoner.get_parent().specific
    context = {"directory": directory_page}
    if request.method == "POST":
        check_only = request.POST.get("action") == CHECK
        scope, limit = (
            (CHECK_SCOPE, setting("LETTERS_CHECK_RATE_LIMIT_PER_ADDRESS"))
            if check_only
            else (SEND_SCOPE, setting("LETTERS_RATE_LIMIT_PER_ADDRESS"))
        )
        limiter = _limiter(limit)
        # Counted before anything is parsed: the limit protects that work.
        if not limiter.hit_address(scope, client_address(request)):
            return _too_many(request, prisoner)
        form = LetterForm(request.POST, locale=prisoner.locale, check_only=check_only)
        valid = form.is_valid()
        # As for stories, the global caps count what passed and what did not apart: junk from
        # many addresses cannot use up the budget of people who write real letters.
        if not limiter.hit_global(
            f"{scope}-{'ok' if valid else 'refused'}",
            None if valid else setting("LETTERS_RATE_LIMIT_REFUSED_PER_MINUTE"),
        ):
            return _too_many(request, prisoner)
        if check_only:
            context["checked"] = True
            context["check_passed"] = valid
            # Shown again with a fresh captcha, and with every protection field to fill.
            form.check_only = False
        elif valid:
            code = save_letter(form, prisoner)
            context["receipt_code"] = code
            form = None
    else:
        form = LetterForm(locale=prisoner.locale)
    context["form"] = form
    return _form_response(_render(request, prisoner, "letters/letter_form.html", context))


def letter_status(request, page):
    if request.method not in FORM_METHODS:
        return HttpResponseNotAllowed(FORM_METHODS)
    status = None
    if request.method == "POST":
        limiter = _limiter(setting("LETTERS_RECEIPT_RATE_LIMIT_PER_ADDRESS"))
        address = client_address(request)
        # A blocked address learns nothing, even with a right code; others' wrong codes never
        # lock out a right one (the global budget counts wrong codes only).
        if not limiter.check_address(STATUS_SCOPE, address):
            return _too_many(request, page)
        form = LetterStatusForm(request.POST)
        if form.is_valid():
            status = status_for_code(form.cleaned_data["code"])
            if status is None:
                form.add_error(
                    "code",
                    _(
                        "We know no letter with this code. Please check it. Codes of letters "
                        "that were sent or refused are forgotten after %(days)s days."
                    )
                    % {"days": setting("LETTERS_RETENTION_DAYS")},
                )
        if not form.is_valid():
            limiter.hit_address(STATUS_SCOPE, address)
            if not limiter.hit_global(STATUS_SCOPE):
                return _too_many(request, page)
        else:
            form = LetterStatusForm()
    else:
        form = LetterStatusForm()
    return _form_response(
        _render(request, page, "letters/letter_status.html", {"form": form, "status": status})
    )


def letter_form_after_csrf_failure(request, prisoner):
    """The letter form again after the CSRF check refused a POST (cms/core/views.csrf_failure):
    with what was typed and the censor's findings, a new challenge, and what happened. Nothing
    is saved."""
    data = request.POST.copy()
    for name in ("captcha_0", "captcha_1"):
        data.pop(name, None)
    form = LetterForm(data, locale=prisoner.locale, check_only=True)
    form.is_valid()
    form.check_only = False
    form.add_error(
        None,
        _(
            "Your letter was not sent: your browser did not confirm that the form came from "
            "this site. What you wrote is still below. Please answer the new question and send "
            "it again."
        ),
    )
    context = {"directory": prisoner.get_parent().specific, "form": form}
    return _form_response(_render(request, prisoner, "letters/letter_form.html", context))
