"""The words of the demo campaigns, in English and in translation (used by campaigns/demo.py).

The organisations, people and figures are illustrative: the demo must look real without
making claims about real cases.
"""

# ruff: noqa: E501 - prose in four languages reads better unwrapped

TITLE = "Free the Voices"
STANDFIRST = (
    "Hundreds of people are in prison in Russia for speaking, writing or posting against the "
    "war. We ask European governments to make their release a condition of every negotiation."
)
# The source text after its translations were made: de is left without it, so it is outdated.
STANDFIRST_UPDATED = (
    "Hundreds of people are in prison in Russia for speaking, writing or posting against the "
    "war. We ask European governments to make their release, and their safe passage, a "
    "condition of every negotiation."
)
PARAGRAPH = "A teacher who spoke to her pupils about peace. A priest who read the commandment against killing. A student who wrote two words on a banknote. Each was sentenced for words alone."
FIGURES_HEADING = "In numbers"
FIGURE_PEOPLE = "people imprisoned for anti-war statements"
FIGURE_YEARS = "years: the longest sentence for a social media post"
FIGURE_UNIT_PEOPLE = "people"
FIGURE_UNIT_YEARS = "years"
FIGURE_SOURCE = "Illustrative figure for the demo"
DEMANDS_HEADING = "We demand"
DEMANDS = [
    "Release everyone imprisoned for speaking against the war.",
    "Make their release a condition of any agreement with the Russian state.",
    "Grant humanitarian visas to those released and to their families.",
]
QUOTE = "He wrote one post. They gave him seven years. Every letter from abroad tells the guards that someone is watching."
ATTRIBUTION = "The sister of a prisoner, Moscow"
CTA_TEXT = "Were you, or someone close to you, prosecuted for speaking out? You can tell your story safely and anonymously."
CTA_LABEL = "Tell your story"
PARTNERS_HEADING = "With our partners"
DONATE_HEADING = "Support the prisoners' legal defence"
DONATE_TEXT = "Your donation pays for lawyers, parcels and the families' travel to court."
DONATE_CZK_HEADING = "Donate from a Czech bank account"
REMITTANCE = "Donation Free the Voices"
PRESS_HEADING = "Press kit"
PRESS_DESCRIPTION = "Two pages: the demands, the figures and how to reach us."
PRESS_ROLE = "Press office"
HERO_ALT = "Candles and hand-written names of prisoners on a pavement at a night vigil"
HERO_CREDIT = "Polyphony network"

TRANSLATIONS = {
    "ru": {
        TITLE: "Свободу голосам",
        STANDFIRST: "Сотни людей в России сидят в тюрьме за то, что говорили, писали или публиковали что-то против войны. Мы просим европейские правительства сделать их освобождение условием любых переговоров.",
        STANDFIRST_UPDATED: "Сотни людей в России сидят в тюрьме за то, что говорили, писали или публиковали что-то против войны. Мы просим европейские правительства сделать их освобождение и безопасный выезд условием любых переговоров.",
        PARAGRAPH: "Учительница, которая говорила ученикам о мире. Священник, который прочитал заповедь «не убий». Студент, написавший два слова на купюре. Каждого осудили только за слова.",
        FIGURES_HEADING: "В цифрах",
        FIGURE_PEOPLE: "человек в заключении за антивоенные высказывания",
        FIGURE_YEARS: "лет — самый длинный срок за пост в соцсетях",
        FIGURE_UNIT_PEOPLE: "чел.",
        FIGURE_UNIT_YEARS: "лет",
        FIGURE_SOURCE: "Условная цифра для демонстрации",
        DEMANDS_HEADING: "Мы требуем",
        DEMANDS[0]: "Освободить всех, кто заключён за высказывания против войны.",
        DEMANDS[1]: "Сделать их освобождение условием любого соглашения с российским государством.",
        DEMANDS[2]: "Выдать гуманитарные визы освобождённым и их семьям.",
        QUOTE: "Он написал один пост. Ему дали семь лет. Каждое письмо из-за границы говорит охране, что за ними следят.",
        ATTRIBUTION: "Сестра заключённого, Москва",
        CTA_TEXT: "Вас или ваших близких преследовали за высказывания? Вы можете рассказать свою историю безопасно и анонимно.",
        CTA_LABEL: "Рассказать свою историю",
        PARTNERS_HEADING: "Вместе с партнёрами",
        DONATE_HEADING: "Поддержите защиту заключённых",
        DONATE_TEXT: "Ваше пожертвование оплачивает адвокатов, передачи и поездки семей на суды.",
        DONATE_CZK_HEADING: "Пожертвовать с чешского счёта",
        REMITTANCE: "Пожертвование Свободу голосам",
        PRESS_HEADING: "Для прессы",
        PRESS_DESCRIPTION: "Две страницы: требования, цифры и как с нами связаться.",
        PRESS_ROLE: "Пресс-служба",
        HERO_ALT: "Свечи и написанные от руки имена заключённых на тротуаре во время ночного пикета",
        HERO_CREDIT: "Сеть «Полифония»",
    },
    "uk": {
        TITLE: "Свободу голосам",
        STANDFIRST: "Сотні людей у Росії сидять у в'язниці за те, що говорили, писали або публікували щось проти війни. Ми просимо європейські уряди зробити їхнє звільнення умовою будь-яких переговорів.",
        STANDFIRST_UPDATED: "Сотні людей у Росії сидять у в'язниці за те, що говорили, писали або публікували щось проти війни. Ми просимо європейські уряди зробити їхнє звільнення та безпечний виїзд умовою будь-яких переговорів.",
        PARAGRAPH: "Вчителька, яка говорила учням про мир. Священник, який прочитав заповідь «не вбий». Студент, що написав два слова на купюрі. Кожного засудили лише за слова.",
        FIGURES_HEADING: "У цифрах",
        FIGURE_PEOPLE: "людей ув'язнено за антивоєнні висловлювання",
        FIGURE_YEARS: "років — найдовший строк за допис у соцмережах",
        FIGURE_UNIT_PEOPLE: "осіб",
        FIGURE_UNIT_YEARS: "років",
        FIGURE_SOURCE: "Умовна цифра для демонстрації",
        DEMANDS_HEADING: "Ми вимагаємо",
        DEMANDS[0]: "Звільнити всіх, кого ув'язнено за висловлювання проти війни.",
        DEMANDS[1]: "Зробити їхнє звільнення умовою будь-якої угоди з російською державою.",
        DEMANDS[2]: "Надати гуманітарні візи звільненим та їхнім родинам.",
        QUOTE: "Він написав один допис. Йому дали сім років. Кожен лист з-за кордону каже охороні, що за ними стежать.",
        ATTRIBUTION: "Сестра в'язня, Москва",
        CTA_TEXT: "Вас або ваших близьких переслідували за висловлювання? Ви можете розповісти свою історію безпечно й анонімно.",
        CTA_LABEL: "Розповісти свою історію",
        PARTNERS_HEADING: "Разом з партнерами",
        DONATE_HEADING: "Підтримайте захист в'язнів",
        DONATE_TEXT: "Ваша пожертва оплачує адвокатів, передачі та поїздки родин на суди.",
        DONATE_CZK_HEADING: "Пожертвувати з чеського рахунку",
        REMITTANCE: "Пожертва Свободу голосам",
        PRESS_HEADING: "Для преси",
        PRESS_DESCRIPTION: "Дві сторінки: вимоги, цифри і як з нами зв'язатися.",
        PRESS_ROLE: "Пресслужба",
        HERO_ALT: "Свічки та написані від руки імена в'язнів на тротуарі під час нічного пікету",
        HERO_CREDIT: "Мережа «Поліфонія»",
    },
    "de": {
        TITLE: "Freiheit für die Stimmen",
        STANDFIRST: "Hunderte Menschen sitzen in Russland im Gefängnis, weil sie sich gegen den Krieg geäußert, geschrieben oder gepostet haben. Wir fordern die europäischen Regierungen auf, ihre Freilassung zur Bedingung jeder Verhandlung zu machen.",
        PARAGRAPH: "Eine Lehrerin, die mit ihren Schülern über Frieden sprach. Ein Priester, der das Gebot „Du sollst nicht töten“ vorlas. Ein Student, der zwei Wörter auf einen Geldschein schrieb. Alle wurden allein für Worte verurteilt.",
        FIGURES_HEADING: "In Zahlen",
        FIGURE_PEOPLE: "Menschen in Haft wegen Äußerungen gegen den Krieg",
        FIGURE_YEARS: "Jahre: die längste Strafe für einen Beitrag in sozialen Medien",
        FIGURE_UNIT_PEOPLE: "Menschen",
        FIGURE_UNIT_YEARS: "Jahre",
        FIGURE_SOURCE: "Beispielzahl für die Demo",
        DEMANDS_HEADING: "Wir fordern",
        DEMANDS[0]: "Die Freilassung aller, die wegen Äußerungen gegen den Krieg inhaftiert sind.",
        DEMANDS[
            1
        ]: "Ihre Freilassung zur Bedingung jeder Vereinbarung mit dem russischen Staat zu machen.",
        DEMANDS[2]: "Humanitäre Visa für die Freigelassenen und ihre Familien.",
        QUOTE: "Er schrieb einen einzigen Beitrag. Sie gaben ihm sieben Jahre. Jeder Brief aus dem Ausland zeigt den Wärtern, dass jemand hinsieht.",
        ATTRIBUTION: "Die Schwester eines Gefangenen, Moskau",
        CTA_TEXT: "Wurden Sie oder Ihnen nahestehende Menschen für Ihre Worte verfolgt? Sie können Ihre Geschichte sicher und anonym erzählen.",
        CTA_LABEL: "Erzählen Sie Ihre Geschichte",
        PARTNERS_HEADING: "Mit unseren Partnern",
        DONATE_HEADING: "Unterstützen Sie die Verteidigung der Gefangenen",
        DONATE_TEXT: "Ihre Spende bezahlt Anwälte, Pakete und die Reisen der Familien zum Gericht.",
        DONATE_CZK_HEADING: "Spenden von einem tschechischen Konto",
        REMITTANCE: "Spende Freiheit für die Stimmen",
        PRESS_HEADING: "Pressemappe",
        PRESS_DESCRIPTION: "Zwei Seiten: die Forderungen, die Zahlen und wie Sie uns erreichen.",
        PRESS_ROLE: "Pressestelle",
        HERO_ALT: "Kerzen und handgeschriebene Namen von Gefangenen auf einem Gehweg bei einer nächtlichen Mahnwache",
        HERO_CREDIT: "Netzwerk Polyphonie",
    },
}

CONCLUDED_TITLE = "Justice for the Letter Writers"
CONCLUDED_STANDFIRST = "Four pensioners were charged for letters to their local newspaper. After a year of campaigning, the charges were dropped."
CONCLUDED_PARAGRAPH = "Thank you to everyone who wrote, signed and came to the hearings. This campaign is closed; the page stays as a record."
CONCLUDED_TRANSLATIONS = {
    "ru": {
        CONCLUDED_TITLE: "Справедливость для авторов писем",
        CONCLUDED_STANDFIRST: "Четырём пенсионерам предъявили обвинения за письма в местную газету. После года кампании обвинения сняли.",
        CONCLUDED_PARAGRAPH: "Спасибо всем, кто писал, подписывал и приходил на заседания. Кампания завершена; страница остаётся как память.",
    }
}
