"""Moderators' inbox keys (stories/sealing/keyring.py), from the command line.

    manage.py inbox_keys list                       # who has a key (no key material)
    manage.py inbox_keys setup USERNAME             # asks for the passphrase twice
    manage.py inbox_keys setup USERNAME --replace   # a new key: items sealed to the old one
                                                    # need a colleague's "re-seal"
    manage.py inbox_keys revoke USERNAME            # they open nothing any more
    manage.py inbox_keys recovery-keypair           # a new offline recovery key pair

The recovery key's private half is printed once, to be kept offline (on paper, in a safe); its
public half goes into STORY_RECOVERY_PUBLIC_KEY. The server never holds the private half.
"""

import getpass
import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from stories.sealing import crypto, keyring


class Command(BaseCommand):
    help = "List, set up and revoke moderators' inbox keys; make an offline recovery key pair."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["list", "setup", "revoke", "recovery-keypair"])
        parser.add_argument("username", nargs="?")
        parser.add_argument("--replace", action="store_true")
        parser.add_argument(
            "--passphrase-env",
            help="Read the passphrase from this environment variable (scripts, the demo).",
        )

    def handle(self, *args, action, username=None, replace=False, passphrase_env=None, **opts):
        if action == "list":
            for user in get_user_model().objects.filter(story_inbox_key__isnull=False):
                member = "member" if keyring.is_inbox_member(user) else "NOT a member"
                self.stdout.write(
                    f"{user.get_username()}: key since {user.story_inbox_key.created_on} ({member})"
                )
            return
        if action == "recovery-keypair":
            private_key = crypto.PrivateKey.generate()
            self.stdout.write(f"STORY_RECOVERY_PUBLIC_KEY={crypto.b64(private_key.public_key)}")
            self.stdout.write(
                f"private (keep offline, never on the server): {crypto.b64(private_key)}"
            )
            return
        if not username:
            raise CommandError("Which user?")
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        if action == "revoke":
            done = keyring.revoke(user)
            self.stdout.write("Revoked." if done else "That user has no inbox key.")
            return
        if passphrase_env:
            passphrase = os.environ.get(passphrase_env, "")
        else:
            passphrase = getpass.getpass("Passphrase: ")
            if getpass.getpass("Again: ") != passphrase:
                raise CommandError("The two passphrases differ.")
        try:
            keyring.set_up(user, passphrase, replace=replace)
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Inbox key set up for {username}.")
