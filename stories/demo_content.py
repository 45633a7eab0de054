"""The words of the demo: topics in six languages and short first-person stories.

The stories are invented, written for the demo; like real ones after moderation they carry no
names, no towns smaller than a region and no dates that could single anyone out.
"""

TOPICS = {
    "repression": {
        "en": "Repression",
        "ru": "Репрессии",
        "uk": "Репресії",
        "de": "Repression",
        "fr": "Répression",
        "cs": "Represe",
    },
    "mobilisation": {
        "en": "Mobilisation",
        "ru": "Мобилизация",
        "uk": "Мобілізація",
        "de": "Mobilmachung",
        "fr": "Mobilisation",
        "cs": "Mobilizace",
    },
    "exile": {
        "en": "Exile",
        "ru": "Эмиграция",
        "uk": "Еміграція",
        "de": "Exil",
        "fr": "Exil",
        "cs": "Exil",
    },
    "family": {
        "en": "Family",
        "ru": "Семья",
        "uk": "Родина",
        "de": "Familie",
        "fr": "Famille",
        "cs": "Rodina",
    },
    "work": {
        "en": "Work",
        "ru": "Работа",
        "uk": "Робота",
        "de": "Arbeit",
        "fr": "Travail",
        "cs": "Práce",
    },
    "protest": {
        "en": "Protest",
        "ru": "Протест",
        "uk": "Протест",
        "de": "Protest",
        "fr": "Protestation",
        "cs": "Protest",
    },
}

PUBLISHED = [
    {
        "language": "en",
        "slug": "the-letter-from-the-enlistment-office",
        "title": "The letter from the enlistment office",
        "topics": ["mobilisation", "family"],
        "region": "volga",
        "credit": "anonymous",
        "body": [
            "The letter came on a Tuesday. My husband read it twice at the kitchen table and then "
            "folded it very small, as if that would make it go away.",
            "We had two days. He did not go. For three months he slept at relatives' places and I "
            "told everyone who asked that we had separated. My son still thinks it was true for a "
            "while.",
            "Now we live far away. I am telling this because many women are doing the same thing "
            "right now, alone, and nobody talks about it.",
        ],
    },
    {
        "language": "en",
        "slug": "a-sticker-on-a-bus-stop",
        "title": "A sticker on a bus stop",
        "topics": ["protest", "repression"],
        "region": "st-petersburg",
        "credit": "pseudonym",
        "pseudonym": "Grey Heron",
        "body": [
            "I put up one sticker. It said only 'No to war'. A camera saw me, and a week later two "
            "men were waiting outside my building.",
            "I spent a night at the station and paid a fine larger than my monthly salary. The "
            "officer said next time it would be a criminal case.",
            "I don't regret it. I only wish I had known how many cameras there are.",
        ],
    },
    {
        "language": "ru",
        "slug": "uvolili-za-molchanie",
        "title": "Уволили за молчание",
        "topics": ["work", "repression"],
        "region": "central",
        "credit": "anonymous",
        "body": [
            "На собрании нас попросили подписать письмо в поддержку «специальной операции». "
            "Я не подписала. Ничего не сказала, просто не подписала.",
            "Через месяц мне сообщили, что моя должность сокращена. Коллеги перестали со мной "
            "здороваться в коридоре, хотя многие думают так же, как я.",
            "Сейчас работаю удалённо и учусь не бояться. Пока получается не всегда.",
        ],
    },
    {
        "language": "ru",
        "slug": "granica-noch",
        "title": "Граница ночью",
        "topics": ["exile", "mobilisation"],
        "region": "outside",
        "credit": "pseudonym",
        "pseudonym": "Северный",
        "body": [
            "Мы стояли в очереди на границе двое суток. Машины, люди с рюкзаками, кто-то с "
            "котом в переноске. Все молчали.",
            "Пограничник долго смотрел на мой паспорт, потом вернул его и сказал: «Проходите». "
            "Я до сих пор помню, как дрожали руки.",
            "Мама осталась дома. Мы созваниваемся каждый вечер и говорим о погоде.",
        ],
    },
    {
        "language": "uk",
        "slug": "lysty-do-brata",
        "title": "Листи до брата",
        "topics": ["family"],
        "region": "occupied",
        "credit": "anonymous",
        "body": [
            "Мій брат залишився там, де тепер стоїть чужа армія. Телефонувати небезпечно, тому "
            "ми пишемо одне одному про дрібниці: про сад, про кота, про ціни.",
            "Я навчилася читати між рядків. Якщо він пише, що яблука вродили, значить, у нього "
            "все гаразд.",
        ],
    },
    {
        "language": "de",
        "slug": "mein-vater-und-das-fernsehen",
        "title": "Mein Vater und das Fernsehen",
        "topics": ["family"],
        "region": "outside",
        "credit": "pseudonym",
        "pseudonym": "Lina",
        "body": [
            "Ich lebe seit zehn Jahren in Deutschland. Mein Vater ruft jeden Sonntag an und "
            "erklärt mir, was im Fernsehen über den Krieg gesagt wurde.",
            "Früher habe ich gestritten. Jetzt frage ich ihn nach seinem Garten. Ich weiß nicht, "
            "ob das Feigheit ist oder Liebe.",
        ],
    },
    {
        "language": "fr",
        "slug": "la-classe-silencieuse",
        "title": "La classe silencieuse",
        "topics": ["work", "repression"],
        "region": "urals",
        "credit": "anonymous",
        "body": [
            "J'étais enseignante. On nous a demandé de faire des « leçons sur ce qui est "
            "important » et de parler de la guerre comme d'une fierté.",
            "Un élève a posé une question honnête. Le lendemain, ses parents ont été convoqués, "
            "et moi aussi. J'ai démissionné à la fin du trimestre.",
        ],
    },
    {
        "language": "cs",
        "slug": "kufr-u-dveri",
        "title": "Kufr u dveří",
        "topics": ["exile"],
        "region": "moscow",
        "credit": "anonymous",
        "body": [
            "Půl roku jsme měli u dveří sbalený kufr. Doklady, léky, nabíječky, fotky dětí.",
            "Jednoho rána jsme ho vzali a odjeli. Teď stojí v komoře v jiné zemi a já ho pořád "
            "nedokážu vybalit.",
        ],
    },
]

# Drafts waiting in "Story moderation", as ingestion leaves them: with a private record.
IN_MODERATION = [
    {
        "language": "ru",
        "slug": "obysk-u-soseda",
        "title": "Обыск у соседа",
        "topics": ["repression"],
        "region": "siberia",
        "credit": "anonymous",
        "contact": "demo: contact for moderators only (not a real address)",
        "consent_translation": True,
        "body": [
            "В шесть утра в подъезде было очень шумно. Пришли к соседу с третьего этажа, "
            "который работает в школе.",
            "Забрали ноутбук и телефоны. Теперь все в доме делают вид, что ничего не было.",
        ],
    },
    {
        "language": "en",
        "slug": "the-call-up-at-the-factory",
        "title": "The call-up at the factory",
        "topics": ["mobilisation", "work"],
        "region": "urals",
        "credit": "pseudonym",
        "pseudonym": "Welder",
        "contact": "",
        "consent_translation": False,
        "body": [
            "At our plant the HR office handed out summonses together with the payslips.",
            "Half of my shift did not come back after the weekend. Nobody asked where they went.",
        ],
    },
    {
        "language": "de",
        "slug": "die-wohnung-meiner-grossmutter",
        "title": "Die Wohnung meiner Großmutter",
        "topics": ["family", "exile"],
        "region": "outside",
        "credit": "anonymous",
        "contact": "demo: contact for moderators only (not a real address)",
        "consent_translation": True,
        "body": [
            "Meine Großmutter will ihre Wohnung nicht verlassen. Ich schicke ihr Geld über drei "
            "Umwege, weil Überweisungen nicht mehr gehen.",
        ],
    },
]
