"""Demo content of the campaigns section: the index in every language, an active campaign
translated into ru, uk and de with the de translation deliberately left outdated (so the
Translation status report has something to show), a concluded campaign, two bank accounts
(EUR and CZK), partner organisations and a press kit document.

Safe to re-run: existing pages are left as editors left them, snippets and media are found
by their names.
"""

import json
import uuid

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from campaigns import demo_content as text
from campaigns.media import make_document, make_image
from campaigns.models import BankAccount, CampaignIndexPage, CampaignPage, PartnerOrganisation
from cms.core.demo import ensure_page, translate_page

INTRO = "Campaigns of the network: what we demand, why, and how you can help."
INDEX = {"title": "Campaigns", "intro": f"<p>{INTRO}</p>"}
INDEX_TRANSLATIONS = {
    "ru": {
        "Campaigns": "Кампании",
        INTRO: "Кампании сети: чего мы требуем, почему и как вы можете помочь.",
    },
    "uk": {
        "Campaigns": "Кампанії",
        INTRO: "Кампанії мережі: чого ми вимагаємо, чому і як ви можете допомогти.",
    },
    "de": {
        "Campaigns": "Kampagnen",
        INTRO: "Kampagnen des Netzwerks: was wir fordern, warum, und wie Sie helfen können.",
    },
    "fr": {
        "Campaigns": "Campagnes",
        INTRO: "Les campagnes du réseau : ce que nous demandons, pourquoi, et comment vous pouvez aider.",  # noqa: E501
    },
    "cs": {"Campaigns": "Kampaně", INTRO: "Kampaně sítě: co požadujeme, proč a jak můžete pomoci."},
}

# Valid test IBANs from the banks' own documentation; the holder names are fictional.
ACCOUNTS = [
    {
        "label": "Demo: main account (EUR)",
        "holder_name": "Polyphony & Friends e.V.",
        "iban": "DE89370400440532013000",
        "bic": "COBADEFFXXX",
        "currency": "EUR",
    },
    {
        "label": "Demo: Prague account (CZK)",
        "holder_name": "Polyfonie, z. s.",
        "iban": "CZ6508000000192000145399",
        "bic": "GIBACZPX",
        "currency": "CZK",
    },
]
PARTNERS = [
    ("Letters Behind Bars", "https://letters-behind-bars.example/", (120, 40, 40)),
    ("Open Court Watch", "https://open-court-watch.example/", (30, 90, 60)),
]
PRESS_LINES = [
    "Free the Voices - press release (demo)",
    "",
    "Hundreds of people are in prison in Russia for speaking against the war.",
    "We ask European governments to make their release a condition of every negotiation.",
    "",
    "Press office: press@polyphony.example",
]


def _block(block_type, value):
    return {"type": block_type, "value": value, "id": str(uuid.uuid4())}


def _items(values):
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def _figure(value, unit, label, as_of):
    return {
        "value": value,
        "unit": unit,
        "label": label,
        "as_of": as_of,
        "source": text.FIGURE_SOURCE,
        "source_url": "",
    }


def ensure_snippets():
    accounts = [
        BankAccount.objects.get_or_create(label=fields["label"], defaults=fields)[0]
        for fields in ACCOUNTS
    ]
    partners = []
    for name, url, colour in PARTNERS:
        logo = make_image(f"Logo: {name}", f"logo-{url[8:20]}.png", size=(360, 180), colour=colour)
        partner, _ = PartnerOrganisation.objects.get_or_create(
            name=name, defaults={"url": url, "logo": logo}
        )
        partners.append(partner)
    return accounts, partners


def story_form_call_to_action(home):
    """ "Tell your story" opens the story form itself, not the story index. The stories section
    is built before this one (INSTALLED_APPS order); the page chooser leads each reader to the
    form of their own language."""
    stories = home.get_children().filter(slug="stories").first()
    form = stories.get_children().filter(slug="tell").first() if stories is not None else None
    cta = {"text": text.CTA_TEXT, "label": text.CTA_LABEL, "page": None, "url": ""}
    if form is not None:
        cta["page"] = form.pk
    else:
        cta["url"] = "https://polyphony.example/"
    return cta


def campaign_body(home, accounts, partners, press_document):
    eur, czk = accounts
    cta = story_form_call_to_action(home)
    figures = [
        _figure("1372", text.FIGURE_UNIT_PEOPLE, text.FIGURE_PEOPLE, "2026-10-01"),
        _figure("8.5", text.FIGURE_UNIT_YEARS, text.FIGURE_YEARS, "2026-10-01"),
    ]
    return [
        _block("paragraph", f"<p>{text.PARAGRAPH}</p>"),
        _block("key_figures", {"heading": text.FIGURES_HEADING, "figures": _items(figures)}),
        _block("demands", {"heading": text.DEMANDS_HEADING, "demands": _items(text.DEMANDS)}),
        _block("testimony", {"quote": text.QUOTE, "attribution": text.ATTRIBUTION, "story": None}),
        _block("call_to_action", cta),
        _block(
            "partners",
            {"heading": text.PARTNERS_HEADING, "partners": _items([p.pk for p in partners])},
        ),
        _block(
            "donation",
            {
                "heading": text.DONATE_HEADING,
                "text": text.DONATE_TEXT,
                "account": eur.pk,
                "amounts": _items(["10", "25", "50"]),
                "open_amount": True,
                "remittance": text.REMITTANCE,
            },
        ),
        _block(
            "donation",
            {
                "heading": text.DONATE_CZK_HEADING,
                "text": "",
                "account": czk.pk,
                "amounts": _items(["250", "500"]),
                "open_amount": True,
                "remittance": text.REMITTANCE,
            },
        ),
        _block(
            "press_kit",
            {
                "heading": text.PRESS_HEADING,
                "documents": _items(
                    [{"document": press_document.pk, "description": text.PRESS_DESCRIPTION}]
                ),
                "contact_role": text.PRESS_ROLE,
                "contact_email": "press@polyphony.example",
                "contact_phone": "",
            },
        ),
    ]


@transaction.atomic
def sync_translations(page, strings_by_language, user=None):
    """Bring several translations up to date after ONE sync of the source, as a translator
    would after "Sync translated pages". (Calling translate_page per language would re-sync
    the source each time and leave the earlier languages looking outdated.)"""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    source.update_from_db()
    for language, strings in strings_by_language.items():
        locale = Locale.objects.get(language_code=language)
        translation = Translation.objects.get(source=source, target_locale=locale)
        for segment in source.stringsegment_set.select_related("string", "context"):
            if (data := strings.get(segment.string.data)) is not None:
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": data, "last_translated_by": user, "has_error": False},
                )
        # Published here rather than by localize on commit, as cms.core.demo.translate_page does.
        translation.save_target(user=user, publish=False)
        target = Page.objects.get(translation_key=page.translation_key, locale=locale)
        target.get_latest_revision().publish(user=user, skip_permission_checks=True)


def build_active_campaign(ctx, index):
    admin = ctx.users.get("admin")
    accounts, partners = ensure_snippets()
    hero = make_image("Vigil for political prisoners (demo)", "vigil.png")
    press = make_document("Free the Voices - press release", "free-the-voices.pdf", PRESS_LINES)
    campaign = ensure_page(
        index,
        CampaignPage,
        "free-the-voices",
        title=text.TITLE,
        standfirst=text.STANDFIRST,
        hero_image=hero,
        hero_alt=text.HERO_ALT,
        hero_credit=text.HERO_CREDIT,
        body=json.dumps(campaign_body(ctx.homes["en"], accounts, partners, press)),
        user=admin,
    )
    for language in ("ru", "uk", "de"):
        translate_page(campaign, language, text.TRANSLATIONS[language], user=admin)
    ctx.step("Campaign changed after translation: ru and uk re-synced, de left outdated")
    campaign.standfirst = text.STANDFIRST_UPDATED
    campaign.save_revision(user=admin, log_action=False).publish(user=admin, log_action=False)
    sync_translations(campaign, {lang: text.TRANSLATIONS[lang] for lang in ("ru", "uk")}, admin)


def build_concluded_campaign(ctx, index):
    admin = ctx.users.get("admin")
    campaign = ensure_page(
        index,
        CampaignPage,
        "justice-for-the-letter-writers",
        title=text.CONCLUDED_TITLE,
        standfirst=text.CONCLUDED_STANDFIRST,
        status="concluded",
        body=json.dumps([_block("paragraph", f"<p>{text.CONCLUDED_PARAGRAPH}</p>")]),
        user=admin,
    )
    translate_page(campaign, "ru", text.CONCLUDED_TRANSLATIONS["ru"], user=admin)


def build(ctx):
    ctx.step("Campaign index in every language")
    index = ensure_page(
        ctx.homes["en"], CampaignIndexPage, "campaigns", show_in_menus=True, **INDEX
    )
    for language, strings in INDEX_TRANSLATIONS.items():
        translate_page(index, language, strings, user=ctx.users.get("admin"))
    index = index.specific
    if not index.get_children().filter(slug="free-the-voices").exists():
        ctx.step("Active campaign 'Free the Voices' in en, ru, uk, de")
        build_active_campaign(ctx, index)
    if not index.get_children().filter(slug="justice-for-the-letter-writers").exists():
        ctx.step("Concluded campaign")
        build_concluded_campaign(ctx, index)
