"""Licences a campaign may carry, and the attribution text a reader can copy to reuse it.

Licence names are the licensors' own ("CC BY 4.0") and are not translated; the sentence around
them is. A page whose licence is left blank uses the site's licence from SiteSettings.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SITE_DEFAULT = ""
LICENCES = {
    "cc-by-4.0": ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    "cc-by-sa-4.0": ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/"),
    "cc-by-nd-4.0": ("CC BY-ND 4.0", "https://creativecommons.org/licenses/by-nd/4.0/"),
    "cc0-1.0": ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/"),
}
LICENCE_CHOICES = [
    (SITE_DEFAULT, gettext_lazy("The site's licence (Site settings)")),
    *((key, name) for key, (name, _url) in LICENCES.items()),
]


@dataclass(frozen=True)
class Licence:
    name: str
    url: str


def resolve(choice, site_settings):
    """The licence a page carries: its own choice, or the site's."""
    if choice in LICENCES:
        return Licence(*LICENCES[choice])
    return Licence(site_settings.licence_name, site_settings.licence_url)


def attribution_text(*, title, author, source_url, licence):
    """TASL (title, author, source, licence), as Creative Commons recommends, in the active
    language."""
    return _(
        "“%(title)s” by %(author)s, %(url)s, licensed under %(licence)s (%(licence_url)s)."
    ) % {
        "title": title,
        "author": author,
        "url": source_url,
        "licence": licence.name,
        "licence_url": licence.url,
    }
