"""Demo content of the stories section: the index in every language, topics, published stories
across languages, three stories waiting in moderation, and the sealed inbox: the moderators'
inbox keys (passphrase in stories/demo_inbox.py) and two sealed items. Safe to re-run: existing
pages, topics, keys and records are left as they are."""

from django.utils import timezone
from wagtail.models import Locale

from cms.core.demo import ensure_page, translate_page
from cms.core.publishing import setup_publishing
from stories.demo_content import IN_MODERATION, PUBLISHED, TOPICS
from stories.demo_forms import build_form_pages
from stories.demo_inbox import DEMO_NOTES, ensure_inbox_keys, ensure_sealed_items
from stories.models import StoryIndexPage, StoryPage, StoryPrivateRecord, StoryTopic
from stories.privacy.receipts import new_receipt_code, receipt_digest

__all__ = ["DEMO_NOTES", "build"]

INDEX = {
    "title": "Stories",
    "intro": "<p>People tell what the war has done to their lives. Every story is checked by two "
    "people so that nobody can be identified.</p>",
}
INTRO = "People tell what the war has done to their lives. Every story is checked by two people so that nobody can be identified."
INDEX_TRANSLATIONS = {
    "ru": {
        "Stories": "Истории",
        INTRO: "Люди рассказывают, что война сделала с их жизнью. Каждую историю проверяют два человека, чтобы никого нельзя было узнать.",
    },
    "uk": {
        "Stories": "Історії",
        INTRO: "Люди розповідають, що війна зробила з їхнім життям. Кожну історію перевіряють двоє людей, щоб нікого не можна було впізнати.",
    },
    "de": {
        "Stories": "Geschichten",
        INTRO: "Menschen erzählen, was der Krieg mit ihrem Leben gemacht hat. Jede Geschichte wird von zwei Personen geprüft, damit niemand erkannt werden kann.",
    },
    "fr": {
        "Stories": "Récits",
        INTRO: "Des personnes racontent ce que la guerre a fait de leur vie. Chaque récit est vérifié par deux personnes pour que personne ne puisse être identifié.",
    },
    "cs": {
        "Stories": "Příběhy",
        INTRO: "Lidé vyprávějí, co válka udělala s jejich životy. Každý příběh kontrolují dva lidé, aby nikoho nebylo možné poznat.",
    },
}


def ensure_topics():
    """Each topic in every language, the translations sharing the English one's key."""
    topics = {}
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for slug, names in TOPICS.items():
        source, _ = StoryTopic.objects.get_or_create(
            locale=locales["en"], slug=slug, defaults={"name": names["en"]}
        )
        topics[("en", slug)] = source
        for language, name in names.items():
            if language == "en" or language not in locales:
                continue
            topic, _ = StoryTopic.objects.get_or_create(
                locale=locales[language],
                slug=slug,
                defaults={"name": name, "translation_key": source.translation_key},
            )
            topics[(language, slug)] = topic
    return topics


def ensure_story(index, spec, topics, *, publish, user=None):
    """The story with this slug under `index`; returns (page, created)."""
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific, False
    page = StoryPage(
        slug=spec["slug"],
        title=spec["title"],
        locale=index.locale,
        owner=None,  # contributors have no account
        live=False,
        body=[("paragraph", text) for text in spec["body"]],
        region=spec.get("region", ""),
        credit=spec.get("credit", "anonymous"),
        pseudonym=spec.get("pseudonym", ""),
        # Published demo stories stand for contributors who said yes (the demo translates them).
        translation_consented=spec.get("consent_translation", publish),
    )
    index.add_child(instance=page)
    page.topics.set([topics[(index.locale.language_code, slug)] for slug in spec["topics"]])
    revision = page.save_revision(user=user, log_action=False)
    if publish:
        # Demo set-up, not an editor's action: the story workflow doesn't apply.
        with setup_publishing():
            revision.publish(user=user, log_action=False, skip_permission_checks=True)
    page.refresh_from_db()
    return page, True


def build(ctx):
    ctx.step("Story index in every language")
    index = ensure_page(ctx.homes["en"], StoryIndexPage, "stories", show_in_menus=True, **INDEX)
    indexes = {"en": index}
    for language, strings in INDEX_TRANSLATIONS.items():
        indexes[language] = translate_page(index, language, strings, user=ctx.users.get("admin"))
    # The public side (stories-A, stories/demo_forms.py): the form and the receipt check.
    build_form_pages(ctx, index)

    ctx.step("Story topics in every language")
    topics = ensure_topics()

    ctx.step(f"{len(PUBLISHED)} published stories across languages")
    publisher = ctx.users.get("publisher")
    for spec in PUBLISHED:
        ensure_story(indexes[spec["language"]], spec, topics, publish=True, user=publisher)

    ctx.step(f"{len(IN_MODERATION)} stories waiting in moderation")
    for spec in IN_MODERATION:
        page, created = ensure_story(indexes[spec["language"]], spec, topics, publish=False)
        if not created:
            continue
        StoryPrivateRecord.objects.create(
            page=page,
            # Nobody holds this code: demo stories have no contributor to check on them.
            receipt_digest=receipt_digest(new_receipt_code()),
            contact=spec["contact"],
            consent_publication=True,
            consent_translation=spec["consent_translation"],
            submitted_on=timezone.localdate(),
        )
        page.get_workflow().start(page, ctx.users.get("submitter"))

    ctx.step("Inbox keys of the moderators, and sealed items waiting for them")
    ensure_inbox_keys(ctx.users)
    ensure_sealed_items()
