"""Building blocks for demo content: find-or-create pages, and translate them the way a
translator would, through wagtail-localize, so the translation editor and the translation status
report see real synced translations."""

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.core.publishing import setup_publishing


def ensure_page(parent, model, slug, *, publish=True, user=None, **fields):
    """The child of `parent` with this slug, created (and published) if missing. An existing
    page is left alone so that editors' changes survive a re-run."""
    existing = parent.get_children().filter(slug=slug, locale=parent.locale).first()
    if existing is not None:
        return existing.specific
    # Page.live defaults to True: a draft must say it is not live, as the admin does.
    page = model(slug=slug, locale=parent.locale, owner=user, live=False, **fields)
    parent.add_child(instance=page)
    revision = page.save_revision(user=user, log_action=False)
    if publish:
        # Demo content is set-up, not an editor's action: exclusive workflows don't apply.
        with setup_publishing():
            revision.publish(user=user, log_action=False, skip_permission_checks=True)
    page.refresh_from_db()
    return page


def translate_page(page, language, strings, *, publish=True, user=None):
    """Translate `page` into `language` through wagtail-localize (see _translate_page).

    Set-up, not an editor's action: under an exclusive workflow the translation would otherwise
    have to go through its review (cms/core/publishing.py)."""
    with setup_publishing():
        return _translate_page(page, language, strings, publish=publish, user=user)


@transaction.atomic
def _translate_page(page, language, strings, *, publish=True, user=None):
    """Translate `page` into `language` through wagtail-localize.

    `strings` maps source text to translated text; segments not in it stay in the source
    language (localize's fallback). Re-running updates the translation rather than duplicating it.
    """
    locale = Locale.objects.get(language_code=language)
    source, created = TranslationSource.get_or_create_from_instance(page)
    if not created:
        source.update_from_db()
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = strings.get(segment.string.data)
        if text is None and segment.context.path == "slug":
            # Paths are the same in every language (/ru/stories/): the slug is "translated" to
            # itself, so the translation counts as complete.
            text = segment.string.data
        if text is None:
            continue
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": text,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
    # Localize would publish on commit, which never comes inside a test's transaction and
    # comes too late for children translated in the same transaction: publish here instead.
    translation.save_target(user=user, publish=False)
    target = Page.objects.get(translation_key=page.translation_key, locale=locale).specific
    if publish:
        target.get_latest_revision().publish(user=user, skip_permission_checks=True)
        target.refresh_from_db()
    return target
