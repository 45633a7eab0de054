"""How long an applicant's answers are kept: the number promised in the consent checkbox."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from volunteering.models import VacancyApplication


def retention_days():
    return getattr(settings, "APPLICATION_RETENTION_DAYS", 180)


def purge_applications(today=None):
    """Delete applications received more than APPLICATION_RETENTION_DAYS before `today`."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=retention_days())
    deleted, _by_model = VacancyApplication.objects.filter(received_on__lt=cutoff).delete()
    return deleted
