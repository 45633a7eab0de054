"""The letters app's settings, each with its default, so the project's settings need name only
what an operator changes."""

from django.conf import settings

DEFAULTS = {
    "LETTERS_TEXT_MIN_LENGTH": 40,
    # A prison censor reads every letter; long ones wait longer or are lost. Two pages.
    "LETTERS_TEXT_MAX_LENGTH": 4000,
    "LETTERS_RATE_LIMIT_PER_ADDRESS": 10,
    "LETTERS_RATE_LIMIT_GLOBAL_PER_MINUTE": 30,
    "LETTERS_CHECK_RATE_LIMIT_PER_ADDRESS": 60,
    # Refused sends (failed challenge, honeypot, findings) per minute from everyone together.
    "LETTERS_RATE_LIMIT_REFUSED_PER_MINUTE": 60,
    "LETTERS_RATE_LIMIT_WINDOW_SECONDS": 3600,
    "LETTERS_RECEIPT_RATE_LIMIT_PER_ADDRESS": 10,
    # Days after a batch was sent (or a letter refused) before the letter texts are deleted.
    "LETTERS_RETENTION_DAYS": 30,
    # "Few letters so far": fewer than this many sent this year.
    "LETTERS_FEW_THRESHOLD": 5,
    "LETTERS_BIRTHDAY_DAYS": 14,
    # A dotted path to a class with translate(text, source, target) -> str, or None: no machine
    # translation, and no call to any outside service.
    "LETTERS_MACHINE_TRANSLATION_BACKEND": None,
    # Printed as the return address of letters whose writers asked for a reply through us.
    "LETTERS_REPLY_ADDRESS": "",
}


def setting(name):
    return getattr(settings, name, DEFAULTS[name])
