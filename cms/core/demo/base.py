"""The demo's own content: one home per language, a page about the project, and one user per
role. Sections come from the content apps' demo modules."""

import os

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Locale, Page, Site

from cms.core.models import HomePage, StandardPage
from cms.core.roles import translator_group_name

from .pages import ensure_page, translate_page

# username -> (group, first name, last name). Administrators are superusers, not a group.
DEMO_USERS = {
    "admin": (None, "Ada", "Admin"),
    "submitter": ("Submitters", "Sasha", "Submitter"),
    "moderator": ("Moderators", "Mira", "Moderator"),
    "moderator2": ("Moderators", "Max", "Moderator"),
    "translator_ru": (translator_group_name("ru"), "Roma", "Translator"),
    "translator_uk": (translator_group_name("uk"), "Uliana", "Translator"),
    "publisher": ("Publishers", "Pavel", "Publisher"),
    "coordinator": ("Volunteer coordinators", "Cora", "Coordinator"),
    "letters": ("Letter volunteers", "Lena", "Letters"),
}

HOME = {
    "title": "Polyphony",
    "intro": "<p>Many voices against the war: stories told safely, campaigns in your language, "
    "and ways to help.</p>",
}
HOME_TRANSLATIONS = {
    "ru": {
        "Polyphony": "Полифония",
        "Many voices against the war: stories told safely, campaigns in your language, and ways to help.": "Много голосов против войны: истории, рассказанные безопасно, кампании на вашем языке и способы помочь.",
    },
    "uk": {
        "Polyphony": "Поліфонія",
        "Many voices against the war: stories told safely, campaigns in your language, and ways to help.": "Багато голосів проти війни: історії, розказані безпечно, кампанії вашою мовою і способи допомогти.",
    },
    "de": {
        "Polyphony": "Polyphonie",
        "Many voices against the war: stories told safely, campaigns in your language, and ways to help.": "Viele Stimmen gegen den Krieg: sicher erzählte Geschichten, Kampagnen in Ihrer Sprache und Wege zu helfen.",
    },
    "fr": {
        "Polyphony": "Polyphonie",
        "Many voices against the war: stories told safely, campaigns in your language, and ways to help.": "Plusieurs voix contre la guerre : des récits racontés en sécurité, des campagnes dans votre langue et des moyens d'aider.",
    },
    "cs": {
        "Polyphony": "Polyfonie",
        "Many voices against the war: stories told safely, campaigns in your language, and ways to help.": "Mnoho hlasů proti válce: příběhy vyprávěné bezpečně, kampaně ve vašem jazyce a způsoby, jak pomoci.",
    },
}

ABOUT_BODY = [
    (
        "paragraph",
        "<p>Polyphony is run by a network of Russian anti-war and human-rights initiatives, in exile and inside Russia.</p>",
    ),
    (
        "paragraph",
        "<p>We publish stories only after two people have checked that nobody can be identified from them.</p>",
    ),
]
ABOUT_RU = {
    "About us": "О нас",
    "Polyphony is run by a network of Russian anti-war and human-rights initiatives, in exile and inside Russia.": "«Полифонию» ведёт сеть российских антивоенных и правозащитных инициатив — в эмиграции и внутри России.",
    "We publish stories only after two people have checked that nobody can be identified from them.": "Мы публикуем истории только после того, как два человека проверили, что по ним никого нельзя узнать.",
}


def ensure_users(password):
    users = {}
    User = get_user_model()
    for username, (group_name, first, last) in DEMO_USERS.items():
        user, _ = User.objects.get_or_create(username=username)
        user.first_name, user.last_name = first, last
        user.email = f"{username}@example.org"
        user.is_superuser = user.is_staff = group_name is None
        user.is_active = True
        user.set_password(password)
        user.save()
        if group_name:
            user.groups.set([Group.objects.get(name=group_name)])
        users[username] = user
    return users


@transaction.atomic
def ensure_homes(languages, user=None):
    """The English home at the site root and its live translation in every other language."""
    root = Page.get_first_root_node()
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.filter(locale=english, depth=2).first()
    if home is None:
        # Wagtail's migration leaves a "Welcome to your new Wagtail site!" page in our way.
        for page in root.get_children().filter(content_type__model="page", numchild=0):
            page.delete()
        home = ensure_page(root, HomePage, "home", user=user, **HOME)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    # What `make run` serves (its PORT): the Site's address is where links go when a request's
    # host is not one of the configured doors (cms/core/hosts.py).
    port = int(os.environ.get("PORT") or 8000)
    site.hostname, site.port, site.site_name, site.root_page = "127.0.0.1", port, "Polyphony", home
    site.save()
    homes = {"en": home}
    for language in languages:
        if language != "en":
            homes[language] = translate_page(home, language, HOME_TRANSLATIONS[language], user=user)
    return homes


def ensure_about(home, homes, user=None):
    about = ensure_page(
        home,
        StandardPage,
        "about",
        title="About us",
        body=ABOUT_BODY,
        show_in_menus=True,
        user=user,
    )
    translate_page(about, "ru", ABOUT_RU, user=user)
    return about
