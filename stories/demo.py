"""Demo content of the stories section."""

from cms.demo import ensure_page, translate_page
from stories.demo_forms import build_form_pages
from stories.models import StoryIndexPage

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


def build(ctx):
    ctx.step("Story index in every language")
    index = ensure_page(ctx.homes["en"], StoryIndexPage, "stories", show_in_menus=True, **INDEX)
    for language, strings in INDEX_TRANSLATIONS.items():
        translate_page(index, language, strings, user=ctx.users.get("admin"))
    # The public side (stories-A): the form and the receipt check, in every language.
    build_form_pages(ctx, index)
