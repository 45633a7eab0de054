"""Run daily (or hourly) by a timer. Safe to re-run: closing is done once per vacancy, and each
reminder is recorded so coordinators hear about a deadline once."""

from datetime import date

from django.core.management.base import BaseCommand

from volunteering.expiry import close_expired, remind_coordinators


class Command(BaseCommand):
    help = "Mark vacancies past their deadline closed; email coordinators a week before one."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", type=date.fromisoformat, help="Act as if today were this date (YYYY-MM-DD)."
        )

    def handle(self, *args, today=None, **options):
        closed = close_expired(today)
        reminded = remind_coordinators(today)
        self.stdout.write(f"{len(closed)} vacancy page(s) closed, {len(reminded)} reminder(s) sent")
