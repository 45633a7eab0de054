"""Translations of a vacancy follow their source's status and deadline at once.

wagtail-localize copies synchronised fields only when someone presses "Sync translated pages".
Until then a Russian copy of a vacancy the coordinators marked "filled" would still say "open"
and take applications. Status and deadline are facts, not words, so when a source vacancy is
published with different ones, its live translations get them too, in a published revision
(pending drafts keep their text and get the new facts as well, see expiry.publish_facts).
"""

from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

FACTS = ("status", "deadline")


def follow_source(source):
    from volunteering.expiry import publish_facts
    from volunteering.models import VacancyPage

    is_source = TranslationSource.objects.filter(
        object_id=source.translation_key, locale_id=source.locale_id
    ).exists()
    if not is_source:
        return []
    wanted = {name: getattr(source, name) for name in FACTS}
    changed = []
    translations = VacancyPage.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    )
    for translation in translations.live():
        if any(getattr(translation, name) != value for name, value in wanted.items()):
            publish_facts(translation, **wanted)
            changed.append(translation)
    return changed


def on_published(sender, instance, **kwargs):
    from volunteering.models import VacancyPage

    if isinstance(instance, VacancyPage):
        follow_source(instance)


def connect():
    page_published.connect(on_published, dispatch_uid="volunteering-follow-source")
