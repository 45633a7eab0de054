"""`manage.py reset_2fa <username>`: for a staff member who lost their phone and codes.

Removes their authenticator and recovery codes; at their next admin request (their sessions
included) they must enrol a new device before any admin page opens. Check who is asking, in
person or on a known channel, before running it: this is how an account is taken over.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from wagtail.log_actions import log

from cms.core.security.otp.devices import remove_all_devices


class Command(BaseCommand):
    help = "Remove a user's two-factor devices so they enrol again at their next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as error:
            raise CommandError(f"No user called {username!r}.") from error
        removed = remove_all_devices(user)
        log(instance=user, action="polyphony.2fa_reset", title=user.get_username())
        self.stdout.write(
            self.style.SUCCESS(
                f"Removed {removed} two-factor item(s) of {username}; "
                "they will set up a new authenticator at their next sign-in."
            )
        )
