"""Demo content of the letters section: the prisoner directory in every language, five
fictional prisoners in two prisons and two campaigns (translated into ru and uk), the censor's
word list, letters in three languages waiting for volunteers (machine drafts from the fake
backend beside the foreign ones) and one batch ready to print.

Everyone here is invented. Safe to re-run: pages are found by slug, snippets by name, and
letters are only added when the demo prisoners have none.
"""

import datetime

from django.apps import apps

from cms.core.demo import ensure_page, translate_page
from cms.core.receipts import new_receipt_code, receipt_digest
from letters.batches import make_batches
from letters.models import ForbiddenWord, Letter, Prison, PrisonerDirectoryPage, PrisonerPage
from letters.translation import FakeTranslationBackend

GUIDANCE = (
    "Write in simple words about everyday life: the weather, books, animals, what you cook. "
    "Do not mention the case, the war, politics or the prisoner's lawyers: the censor throws "
    "such letters away. No abbreviations and no foreign words. A short letter that arrives is "
    "better than a long one that does not."
)
INTRO = "People imprisoned for their words. A letter tells them they are not forgotten."
INDEX = {
    "title": "Write to a prisoner",
    "intro": f"<p>{INTRO}</p>",
    "guidance": f"<p>{GUIDANCE}</p>",
}
INDEX_TRANSLATIONS = {
    "ru": {
        "Write to a prisoner": "Написать заключённому",
        INTRO: "Люди, которых посадили за слова. Письмо говорит им, что о них помнят.",
        GUIDANCE: "Пишите простыми словами о повседневном: о погоде, книгах, животных, о том, что вы готовите. Не упоминайте дело, войну, политику и адвокатов: такие письма цензор выбрасывает. Без сокращений и иностранных слов. Короткое письмо, которое дошло, лучше длинного, которое не дошло.",
    },
    "uk": {
        "Write to a prisoner": "Написати в’язню",
        INTRO: "Люди, яких ув’язнили за слова. Лист каже їм, що про них пам’ятають.",
        GUIDANCE: "Пишіть простими словами про повсякденне: погоду, книжки, тварин, що ви готуєте. Не згадуйте справу, війну, політику й адвокатів: такі листи цензор викидає. Без скорочень та іноземних слів. Короткий лист, що дійшов, кращий за довгий, що не дійшов.",
    },
    "de": {
        "Write to a prisoner": "Einer gefangenen Person schreiben",
        INTRO: "Menschen, die für ihre Worte in Haft sind. Ein Brief sagt ihnen, dass sie nicht vergessen sind.",
        GUIDANCE: "Schreiben Sie in einfachen Worten über den Alltag: das Wetter, Bücher, Tiere, was Sie kochen. Erwähnen Sie nicht das Verfahren, den Krieg, Politik oder die Anwälte: Solche Briefe wirft die Zensur weg. Keine Abkürzungen, keine Fremdwörter. Ein kurzer Brief, der ankommt, ist besser als ein langer, der nicht ankommt.",
    },
    "fr": {
        "Write to a prisoner": "Écrire à une personne détenue",
        INTRO: "Des personnes emprisonnées pour leurs mots. Une lettre leur dit qu’on ne les oublie pas.",
        GUIDANCE: "Écrivez simplement sur la vie quotidienne : la météo, les livres, les animaux, ce que vous cuisinez. Ne parlez ni de l’affaire, ni de la guerre, ni de politique, ni des avocats : le censeur jette ces lettres. Pas d’abréviations ni de mots étrangers. Une lettre courte qui arrive vaut mieux qu’une longue qui n’arrive pas.",
    },
    "cs": {
        "Write to a prisoner": "Napsat vězněnému",
        INTRO: "Lidé uvěznění za svá slova. Dopis jim říká, že se na ně nezapomnělo.",
        GUIDANCE: "Pište jednoduše o všedním životě: o počasí, knihách, zvířatech, o tom, co vaříte. Nezmiňujte případ, válku, politiku ani advokáty: takové dopisy cenzor vyhodí. Žádné zkratky ani cizí slova. Krátký dopis, který dojde, je lepší než dlouhý, který nedojde.",
    },
}

PRISONS = [
    {
        "name": "ИК-99 (вымышленная)",
        "region": "Пермский край",
        "address": "614999, Пермский край, г. Вымышленск, ул. Придуманная, д. 1, ФКУ ИК-99",
        "fsin_region": "Пермский край",
        "fsin_institution": "ФКУ ИК-99 (демо)",
    },
    {
        "name": "СИЗО-98 (вымышленный)",
        "region": "Владимирская область",
        "address": "600998, Владимирская обл., г. Несуществующий, ул. Тестовая, д. 2, ФКУ СИЗО-98",
        "fsin_region": "Владимирская область",
        "fsin_institution": "ФКУ СИЗО-98 (демо)",
    },
]

# (slug, name, addressee, prison index, campaign slug, birthday offset in days, summary, interests)
PEOPLE = [
    (
        "ivan-demo",
        "Ivan Demo",
        "Демову Ивану Сергеевичу, 1988 г. р.",
        0,
        "free-the-voices",
        5,
        "A fictional teacher sentenced for a post about peace.",
        "Chess, history, his dog.",
    ),
    (
        "olga-example",
        "Olga Example",
        "Примеровой Ольге Андреевне, 1979 г. р.",
        0,
        "free-the-voices",
        90,
        "A fictional doctor held for donating to a charity.",
        "Gardening and crosswords.",
    ),
    (
        "pavel-sample",
        "Pavel Sample",
        "Образцову Павлу Игоревичу, 1995 г. р.",
        1,
        "free-the-voices",
        200,
        "A fictional student held for a leaflet.",
        "Football and science fiction.",
    ),
    (
        "nina-fiction",
        "Nina Fiction",
        "Вымысловой Нине Олеговне, 1964 г. р.",
        1,
        "justice-for-the-letter-writers",
        12,
        "A fictional librarian held for reading a poem aloud.",
        "Poetry, cats and cooking.",
    ),
    (
        "lev-invented",
        "Lev Invented",
        "Выдуманному Льву Петровичу, 1990 г. р.",
        0,
        "justice-for-the-letter-writers",
        300,
        "A fictional musician held for a song.",
        "Music, travel stories and jokes.",
    ),
]
TRANSLATIONS = {
    "ru": {
        "Ivan Demo": "Иван Демо",
        "Olga Example": "Ольга Пример",
        "Pavel Sample": "Павел Образец",
        "Nina Fiction": "Нина Вымысел",
        "Lev Invented": "Лев Выдумка",
        "A fictional teacher sentenced for a post about peace.": "Вымышленный учитель, осуждённый за пост о мире.",
        "A fictional doctor held for donating to a charity.": "Вымышленный врач, задержанная за пожертвование благотворительному фонду.",
        "A fictional student held for a leaflet.": "Вымышленный студент, задержанный за листовку.",
        "A fictional librarian held for reading a poem aloud.": "Вымышленный библиотекарь, задержанная за чтение стихотворения вслух.",
        "A fictional musician held for a song.": "Вымышленный музыкант, задержанный за песню.",
        "Chess, history, his dog.": "Шахматы, история, его собака.",
        "Gardening and crosswords.": "Сад и кроссворды.",
        "Football and science fiction.": "Футбол и фантастика.",
        "Poetry, cats and cooking.": "Стихи, кошки и кулинария.",
        "Music, travel stories and jokes.": "Музыка, рассказы о путешествиях и шутки.",
    },
    "uk": {
        "Ivan Demo": "Іван Демо",
        "Olga Example": "Ольга Приклад",
        "Pavel Sample": "Павло Зразок",
        "Nina Fiction": "Ніна Вигадка",
        "Lev Invented": "Лев Вигаданий",
        "A fictional teacher sentenced for a post about peace.": "Вигаданий учитель, засуджений за допис про мир.",
        "A fictional doctor held for donating to a charity.": "Вигадана лікарка, затримана за пожертву благодійному фонду.",
        "A fictional student held for a leaflet.": "Вигаданий студент, затриманий за листівку.",
        "A fictional librarian held for reading a poem aloud.": "Вигадана бібліотекарка, затримана за читання вірша вголос.",
        "A fictional musician held for a song.": "Вигаданий музикант, затриманий за пісню.",
        "Chess, history, his dog.": "Шахи, історія, його собака.",
        "Gardening and crosswords.": "Сад і кросворди.",
        "Football and science fiction.": "Футбол і фантастика.",
        "Poetry, cats and cooking.": "Вірші, коти й куховарство.",
        "Music, travel stories and jokes.": "Музика, розповіді про подорожі й жарти.",
    },
}

FORBIDDEN = {
    "ru": ["войн", "спецоперац", "мобилизац", "адвокат", "приговор", "ЛГБТ"],
    "uk": ["війн", "мобілізац", "адвокат"],
    "en": ["war", "mobilisation", "lawyer", "LGBT"],
    "de": ["Krieg", "Mobilisierung", "Anwalt"],
    "fr": ["guerre", "mobilisation", "avocat"],
    "cs": ["válk", "mobilizac", "advokát"],
}

LETTERS = [
    (
        "ivan-demo",
        "ru",
        "Здравствуйте, Иван! У нас в городе выпал первый снег, и дети лепят снеговиков. Я прочитала книгу о шахматах и думаю о вас.",
        "Анна",
        "Рига",
    ),
    (
        "ivan-demo",
        "en",
        "Dear Ivan, greetings from a rainy town by the sea. My dog is learning to fetch the newspaper. We think of you often.",
        "Kate",
        "Leeds",
    ),
    (
        "nina-fiction",
        "de",
        "Liebe Nina, bei uns blühen die ersten Krokusse. Ich habe ein Gedicht von Rilke gelesen und dabei an Sie gedacht.",
        "Jonas",
        "Köln",
    ),
    (
        "olga-example",
        "ru",
        "Ольга, добрый день! Посадила помидоры на балконе, пока растут медленно. Держитесь, мы с вами.",
        "Лена",
        "Тбилиси",
    ),
]
READY = [
    (
        "ivan-demo",
        "Иван, здравствуйте! Пишу из Вильнюса, тут ярмарка и пахнет корицей. Обнимаю.",
        "Марина",
    ),
    (
        "lev-invented",
        "Лев, привет! Выучил на гитаре вашу любимую мелодию. Жду новых песен.",
        "Дима",
    ),
]


def ensure_prisons():
    prisons = []
    for fields in PRISONS:
        prison, _created = Prison.objects.get_or_create(name=fields["name"], defaults=fields)
        prisons.append(prison)
    return prisons


def ensure_words():
    for language, words in FORBIDDEN.items():
        for word in words:
            ForbiddenWord.objects.get_or_create(language=language, word=word)


def _campaigns(home):
    """The campaign pages by slug, found by model label: content apps never import each other."""
    try:
        model = apps.get_model("campaigns", "CampaignPage")
    except LookupError:
        return {}
    return {page.slug: page for page in model.objects.filter(locale=home.locale)}


def _in_year(day, year):
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February
        return day.replace(year=year, day=28)


def build_people(ctx, directory, prisons):
    admin = ctx.users.get("admin")
    campaigns = _campaigns(ctx.homes["en"])
    today = datetime.date.today()
    pages = {}
    for slug, name, addressee, prison, campaign, birthday, summary, interests in PEOPLE:
        born = today + datetime.timedelta(days=birthday)
        page = ensure_page(
            directory,
            PrisonerPage,
            slug,
            title=name,
            case_summary=f"<p>{summary}</p>",
            sentence="6 years, general regime colony",
            prison=prisons[prison],
            addressee_name=addressee,
            birthday=_in_year(born, 1980 + len(slug)),
            interests=interests,
            campaign=campaigns.get(campaign),
            user=admin,
        )
        for language, strings in TRANSLATIONS.items():
            translate_page(page, language, strings, user=admin)
        pages[slug] = page
    return pages


def _letter(prisoner, language, text, name, city, **fields):
    return Letter.objects.create(
        prisoner=prisoner,
        language=language,
        text=text,
        signature_name=name,
        signature_city=city,
        receipt_digest=receipt_digest(new_receipt_code()),
        received_on=datetime.date.today(),
        **fields,
    )


def build_letters(ctx, people):
    if Letter.objects.filter(prisoner__in=list(people.values())).exists():
        return
    ctx.step("Letters in ru, en and de waiting; a batch ready to print")
    fake = FakeTranslationBackend()
    for slug, language, text, name, city in LETTERS:
        letter = _letter(people[slug], language, text, name, city)
        if letter.needs_translation:
            letter.translation = fake.translate(text, language, "ru")
            letter.save(update_fields=["translation"])
    for slug, text, name in READY:
        _letter(
            people[slug], "ru", text, name, "", state=Letter.READY, decided_on=datetime.date.today()
        )
    make_batches()


def build(ctx):
    admin = ctx.users.get("admin")
    ctx.step("Prisoner directory in every language")
    directory = ensure_page(
        ctx.homes["en"], PrisonerDirectoryPage, "letters", show_in_menus=True, user=admin, **INDEX
    )
    for language, strings in INDEX_TRANSLATIONS.items():
        translate_page(directory, language, strings, user=admin)
    directory = directory.specific
    prisons = ensure_prisons()
    ensure_words()
    ctx.step("Five fictional prisoners, translated into ru and uk")
    people = build_people(ctx, directory, prisons)
    build_letters(ctx, people)
