"""What the public sends in, kept apart from the page tree: never in a revision, the search
index, a feed or a translator's view; visible only to Volunteer coordinators and administrators;
deleted after APPLICATION_RETENTION_DAYS (`manage.py purge_applications`)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


def today():
    return timezone.localdate()


class VacancyApplication(models.Model):
    """One application. Deliberately no IP address, user agent or time of day: a date is all a
    coordinator needs to answer in order and to purge on time."""

    vacancy = models.ForeignKey(
        "volunteering.VacancyPage", on_delete=models.CASCADE, related_name="applications"
    )
    received_on = models.DateField(_("received on"), default=today, db_index=True)
    name = models.CharField(_("name or pseudonym"), max_length=100)
    contact = models.CharField(_("email or messenger handle"), max_length=200)
    languages = models.CharField(_("languages"), max_length=200)
    availability = models.CharField(_("availability"), max_length=200)
    motivation = models.TextField(_("motivation"))
    consent = models.BooleanField(_("consent to be contacted"), default=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.NEW,
    )

    class Meta:
        verbose_name = _("vacancy application")
        verbose_name_plural = _("vacancy applications")
        ordering = ["-received_on", "-pk"]

    def __str__(self):
        return f"{self.name} → {self.vacancy_id}"


class DeadlineReminder(models.Model):
    """A record that coordinators were told about a vacancy's coming deadline, so that running
    `close_expired_vacancies` every hour still sends one email per vacancy and deadline. Moving
    the deadline makes a new pair, and a new reminder when that one comes near."""

    vacancy = models.ForeignKey(
        "volunteering.VacancyPage", on_delete=models.CASCADE, related_name="deadline_reminders"
    )
    deadline = models.DateField()
    sent_on = models.DateField(default=today)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["vacancy", "deadline"], name="one_reminder_a_deadline")
        ]

    def __str__(self):
        return f"{self.vacancy_id} @ {self.deadline}"
