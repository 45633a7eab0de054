"""Demo content of the campaigns section."""

from campaigns.models import CampaignIndexPage
from cms.demo import ensure_page, translate_page

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
        INTRO: "Les campagnes du réseau : ce que nous demandons, pourquoi, et comment vous pouvez aider.",
    },
    "cs": {"Campaigns": "Kampaně", INTRO: "Kampaně sítě: co požadujeme, proč a jak můžete pomoci."},
}


def build(ctx):
    ctx.step("Campaign index in every language")
    index = ensure_page(
        ctx.homes["en"], CampaignIndexPage, "campaigns", show_in_menus=True, **INDEX
    )
    for language, strings in INDEX_TRANSLATIONS.items():
        translate_page(index, language, strings, user=ctx.users.get("admin"))
