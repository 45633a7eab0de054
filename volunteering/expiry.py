"""Keeping stored state in line with the computed "open" (which needs no help to be right):
close vacancies whose deadline has passed, and warn coordinators a week before a deadline."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from volunteering import choices
from volunteering.models import DeadlineReminder, VacancyPage

COORDINATORS_GROUP = "Volunteer coordinators"


def publish_facts(page, user=None, **values):
    """Publish a revision of the page's live content with `values` changed. A pending draft is
    kept as the latest revision, with the same values, so that the editor's unpublished work is
    not lost and publishing it later cannot undo the change (e.g. reopen a closed vacancy)."""
    page = VacancyPage.objects.get(pk=page.pk)
    draft = None
    if page.has_unpublished_changes and page.latest_revision:
        draft = page.latest_revision.as_object()
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision(user=user, log_action=True, clean=False).publish(user=user)
    if draft is not None:
        for name, value in values.items():
            setattr(draft, name, value)
        draft.save_revision(user=user, log_action=False, clean=False)


def close_page(page, user=None):
    publish_facts(page, user=user, status=choices.Status.CLOSED)


def close_expired(today=None):
    """Every live vacancy marked open whose deadline is before `today`, in every language."""
    today = today or timezone.localdate()
    expired = VacancyPage.objects.live().filter(status=choices.Status.OPEN, deadline__lt=today)
    closed = []
    for page in expired:
        with transaction.atomic():
            # Closing a source vacancy closes its translations too (translations.py): don't
            # publish a second, empty revision for those.
            if not VacancyPage.objects.filter(pk=page.pk, status=choices.Status.OPEN).exists():
                continue
            close_page(page)
        closed.append(page)
    return closed


def coordinator_emails():
    User = get_user_model()
    users = User.objects.filter(groups__name=COORDINATORS_GROUP, is_active=True).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def remind_coordinators(today=None, days=None):
    """One email listing the open vacancies whose deadline is within `days`, each vacancy and
    deadline only ever once (DeadlineReminder rows make re-runs quiet)."""
    today = today or timezone.localdate()
    days = days if days is not None else getattr(settings, "VACANCY_REMINDER_DAYS", 7)
    due = (
        VacancyPage.objects.open(today)
        .filter(deadline__lte=today + timedelta(days=days))
        .select_related("locale")
        .order_by("deadline", "pk")
    )
    new = []
    for page in due:
        _reminder, created = DeadlineReminder.objects.get_or_create(
            vacancy=page, deadline=page.deadline, defaults={"sent_on": today}
        )
        if created:
            new.append(page)
    recipients = coordinator_emails()
    if new and recipients:
        lines = [
            f"- {page.title} [{page.locale.language_code}]: {page.deadline.isoformat()} "
            f"{page.full_url or ''}"
            for page in new
        ]
        send_mail(
            subject=ngettext(
                "A vacancy deadline is coming up",
                "%(count)d vacancy deadlines are coming up",
                len(new),
            )
            % {"count": len(new)},
            message=_(
                "These vacancies close soon. Extend the deadline, or let them close by themselves:"
            )
            + "\n\n"
            + "\n".join(lines)
            + "\n",
            from_email=None,
            recipient_list=recipients,
        )
    return new
