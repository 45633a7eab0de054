# ruff: noqa: E501 - demo prose reads better unwrapped
"""Translations of some demo vacancies, field by field in the order of demo_vacancies.py.
volunteering/demo.py turns them into wagtail-localize string translations."""

NOTE_RU = "Можно откликнуться под псевдонимом. Никогда не присылайте нам сканы документов; если вы живёте в России, используйте контакт, не привязанный к вашему номеру телефона."
NOTE_UK = "Можна відгукнутися під псевдонімом. Ніколи не надсилайте нам скани документів; якщо ви живете в Росії, використовуйте контакт, не прив'язаний до вашого номера телефону."

TRANSLATIONS = {
    "russian-english-translator": {
        "ru": {
            "title": "Переводчик с русского на английский",
            "summary": "Переводите истории от первого лица и тексты кампаний с русского на ясный, тёплый английский, чтобы европейские читатели услышали эти голоса такими, какими они были.",
            "items": [
                "Переводить две-три истории в месяц (около 1500 слов каждая).",
                "Сохранять интонацию оригинала: это собственные слова людей.",
                "Сообщать модераторам обо всём, что может выдать автора.",
            ],
            "duration": "Не меньше трёх месяцев",
            "safety": NOTE_RU,
        },
        "uk": {
            "title": "Перекладач з російської на англійську",
            "summary": "Перекладайте історії від першої особи та тексти кампаній з російської ясною, теплою англійською, щоб європейські читачі почули ці голоси такими, якими вони були.",
            "items": [
                "Перекладати дві-три історії на місяць (близько 1500 слів кожна).",
                "Зберігати інтонацію оригіналу: це власні слова людей.",
                "Повідомляти модераторам про все, що може видати автора.",
            ],
            "duration": "Щонайменше три місяці",
            "safety": NOTE_UK,
        },
    },
    "story-editor": {
        "ru": {
            "title": "Редактор историй",
            "summary": "Помогите людям ясно рассказать свои истории и остаться в безопасности. Вы редактируете присланные истории и убираете всё, что может выдать авторов.",
            "items": [
                "Редактировать присланные истории для ясности, не меняя их смысла.",
                "Убирать имена, места и детали, по которым можно кого-то узнать.",
                "Работать со вторым редактором, который проверяет каждую историю перед публикацией.",
            ],
            "duration": "Не меньше шести месяцев",
            "safety": "Редакторы видят неопубликованные истории. Мы попросим вас использовать отдельный профиль браузера и двухфакторную аутентификацию.",
        },
        "uk": {
            "title": "Редактор історій",
            "summary": "Допоможіть людям ясно розповісти свої історії й залишитися в безпеці. Ви редагуєте надіслані історії та прибираєте все, що може видати авторів.",
            "items": [
                "Редагувати надіслані історії для ясності, не змінюючи їхнього змісту.",
                "Прибирати імена, місця й деталі, за якими можна когось упізнати.",
                "Працювати з другим редактором, який перевіряє кожну історію перед публікацією.",
            ],
            "duration": "Щонайменше шість місяців",
            "safety": "Редактори бачать неопубліковані історії. Ми попросимо вас використовувати окремий профіль браузера і двофакторну автентифікацію.",
        },
    },
    "court-monitoring-researcher": {
        "ru": {
            "title": "Исследователь: мониторинг судов",
            "summary": "Следите за политическими процессами по открытым судебным данным и поддерживайте наш обзор антивоенных преследований точным и актуальным.",
            "items": [
                "Читать опубликованные судебные решения и графики заседаний.",
                "Заносить дела в нашу общую таблицу.",
                "Кратко описывать новые дела для еженедельного обзора.",
            ],
            "duration": "Не меньше трёх месяцев",
            "safety": NOTE_RU,
        },
    },
    "fact-checker": {
        "ru": {
            "title": "Фактчекер",
            "summary": "Проверяйте факты и цифры в наших кампаниях по источникам до публикации, чтобы никто не мог назвать нашу работу пропагандой.",
            "items": [
                "Сверять числа, даты и цитаты с указанными источниками.",
                "Находить источники получше там, где наши слабы.",
                "Писать короткую заметку по каждой проверенной кампании.",
            ],
            "duration": "Постоянно",
        },
    },
    "german-translator": {
        "de": {
            "title": "Übersetzer*in Russisch–Deutsch",
            "summary": "Bringen Sie unsere Kampagnen zu deutschsprachigen Leser*innen: Übersetzen Sie Kampagnenseiten, Forderungen und Pressemitteilungen aus dem Russischen oder Englischen ins Deutsche.",
            "items": [
                "Kampagnenseiten im Übersetzungseditor übersetzen.",
                "Deutsche Übersetzungen anderer prüfen.",
                "Ein kurzes Glossar unserer Begriffe pflegen.",
            ],
            "duration": "Fortlaufend",
        },
    },
    "berlin-events-volunteer": {
        "de": {
            "title": "Ehrenamtliche Hilfe bei Veranstaltungen in Berlin",
            "summary": "Helfen Sie bei Lesungen und Infoständen in Berlin, wo Menschen die Geschichten persönlich hören und unsere Kampagnen unterschreiben können.",
            "items": [
                "Ein- bis zweimal im Monat einen Infostand aufbauen und betreuen.",
                "Mit Besucher*innen über unsere Kampagnen sprechen.",
                "Bei Lesungen helfen: Stühle, Bücher, Tee.",
            ],
            "duration": "Fortlaufend",
            "location": "Berlin",
            "safety": "Von Ehrenamtlichen und Besucher*innen werden bei unseren Veranstaltungen nie ohne ausdrückliche Zustimmung Fotos gemacht.",
        },
    },
    "social-media-editor": {
        "de": {
            "title": "Social-Media-Redakteur*in",
            "summary": "Teilen Sie unsere Geschichten und Kampagnen auf Mastodon und Bluesky auf Deutsch oder Französisch und beantworten Sie Fragen von Leser*innen.",
            "items": [
                "Einige Beiträge pro Woche planen und schreiben.",
                "Höflich auf Kommentare und Nachrichten antworten.",
                "Schwierige Fragen an das richtige Team weitergeben.",
            ],
            "duration": "Mindestens drei Monate",
        },
    },
}
