"""Who sees the translation status report and in which languages each person works.

Roles are declared in cms/core/roles.py; this module only reads them. A translator is a member of a
"Translators (<lang>)" group; a publisher holds `wagtail_localize.submit_translation` (which
gates "Translate this page"); administrators see everything.
"""

from wagtail.models import Locale
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.core.roles import translator_group_name
from cms.core.sections import translation_languages

START_TRANSLATIONS = "wagtail_localize.submit_translation"


def translator_languages(user):
    """Language codes of the Translators groups the user belongs to, in declaration order."""
    if not user.is_authenticated or not user.is_active:
        return []
    names = set(user.groups.values_list("name", flat=True))
    return [code for code in translation_languages() if translator_group_name(code) in names]


def can_start_translations(user):
    return user.is_active and (user.is_superuser or user.has_perm(START_TRANSLATIONS))


def can_view_report(user):
    return can_start_translations(user) or bool(translator_languages(user))


def editable_locale_ids(user):
    """Locales in which the user holds `change` somewhere: cells there link to the editor.

    The editor checks the exact page again; this only avoids offering links that would be
    refused (a translator for ru gets no link into the uk column).
    """
    if not user.is_active:
        return set()
    if user.is_superuser:
        return set(Locale.objects.values_list("pk", flat=True))
    locale_ids = set()
    for grant in PagePermissionPolicy().get_all_permissions_for_user(user):
        if grant.permission.codename not in {"change_page", "add_page"}:
            continue
        if grant.page.depth == 1:
            return set(Locale.objects.values_list("pk", flat=True))
        locale_ids.add(grant.page.locale_id)
    return locale_ids
