"""Demo content of the volunteering section: the index in every language, thirteen vacancies
(eleven open, two closed) and translations of some of them, all through wagtail-localize."""

from datetime import timedelta

from django.utils import timezone
from django.utils.html import escape

from cms.core.demo import ensure_page, translate_page
from volunteering.demo_translations import TRANSLATIONS
from volunteering.demo_vacancies import VACANCIES
from volunteering.models import VacancyIndexPage, VacancyPage

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


def vacancy_fields(spec, today):
    deadline = spec.get("deadline")
    return {
        "title": spec["title"],
        "team": spec["team"],
        "summary": spec["summary"],
        "responsibilities": "<ul>"
        + "".join(f"<li>{escape(item)}</li>" for item in spec["items"])
        + "</ul>",
        "languages": spec["languages"],
        "hours_per_week": spec["hours"],
        "duration": spec.get("duration", ""),
        "remote": spec["remote"],
        "location": spec.get("location", ""),
        "countries": spec["countries"],
        "deadline": today + timedelta(days=deadline) if deadline is not None else None,
        "status": spec.get("status", "open"),
        "safety_note": spec.get("safety", ""),
    }


def string_map(spec, translated):
    """Source text -> translated text, field by field (what translate_page expects)."""
    pairs = [(spec["title"], translated["title"]), (spec["summary"], translated["summary"])]
    pairs += [
        (escape(a), escape(b)) for a, b in zip(spec["items"], translated["items"], strict=True)
    ]
    for source_key, key in (
        ("duration", "duration"),
        ("location", "location"),
        ("safety", "safety"),
    ):
        if spec.get(source_key) and translated.get(key):
            pairs.append((spec[source_key], translated[key]))
    return dict(pairs)


def ensure_vacancy(index, spec, today, user=None):
    existing = index.get_children().filter(slug=spec["slug"]).first()
    if existing is not None:
        return existing.specific
    page = VacancyPage(
        slug=spec["slug"], locale=index.locale, owner=user, **vacancy_fields(spec, today)
    )
    page.skills.add(*spec["skills"])
    index.add_child(instance=page)
    page.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
    page.refresh_from_db()
    return page


def build(ctx):
    admin = ctx.users.get("admin")
    ctx.step("Vacancy index in every language")
    index = ensure_page(ctx.homes["en"], VacancyIndexPage, "volunteer", show_in_menus=True, **INDEX)
    for language, strings in INDEX_TRANSLATIONS.items():
        translate_page(index, language, strings, user=admin)

    ctx.step(f"{len(VACANCIES)} vacancies, some translated")
    today = timezone.localdate()
    for spec in VACANCIES:
        page = ensure_vacancy(index, spec, today, user=ctx.users.get("coordinator"))
        for language, translated in TRANSLATIONS.get(spec["slug"], {}).items():
            translate_page(page, language, string_map(spec, translated), user=admin)
