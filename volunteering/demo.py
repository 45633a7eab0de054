"""Demo content of the volunteering section."""

from cms.demo import ensure_page, translate_page
from volunteering.models import VacancyIndexPage

INTRO = "The network runs on volunteers. Find a role that fits your skills and your time."
INDEX = {"title": "Volunteer", "intro": f"<p>{INTRO}</p>"}
INDEX_TRANSLATIONS = {
    "ru": {
        "Volunteer": "Волонтёрство",
        INTRO: "Сеть держится на волонтёрах. Найдите роль по своим навыкам и времени.",
    },
    "uk": {
        "Volunteer": "Волонтерство",
        INTRO: "Мережа тримається на волонтерах. Знайдіть роль відповідно до своїх навичок і часу.",
    },
    "de": {
        "Volunteer": "Mitmachen",
        INTRO: "Das Netzwerk lebt von Freiwilligen. Finden Sie eine Aufgabe, die zu Ihren Fähigkeiten und Ihrer Zeit passt.",
    },
    "fr": {
        "Volunteer": "Bénévolat",
        INTRO: "Le réseau vit grâce aux bénévoles. Trouvez un rôle adapté à vos compétences et à votre temps.",
    },
    "cs": {
        "Volunteer": "Dobrovolnictví",
        INTRO: "Síť stojí na dobrovolnících. Najděte si roli podle svých dovedností a času.",
    },
}


def build(ctx):
    ctx.step("Vacancy index in every language")
    index = ensure_page(ctx.homes["en"], VacancyIndexPage, "volunteer", show_in_menus=True, **INDEX)
    for language, strings in INDEX_TRANSLATIONS.items():
        translate_page(index, language, strings, user=ctx.users.get("admin"))
