"""Demo content of the public side of stories: the form (/<lang>/stories/tell/) and the receipt
check (/<lang>/stories/status/) in every language, translated through wagtail-localize as editors
would. Called from stories/demo.py; safe to re-run."""

from cms.core.demo import ensure_page, translate_page
from stories.models import ReceiptStatusPage, StorySubmissionPage

TELL_TITLE = "Tell your story"
TELL_INTRO = (
    "Tell us what the war has done to your life. You do not need to give your name. Two editors "
    "read every story and remove anything that could identify you or others before it is "
    "published."
)
TIPS = (
    "If you can, use Tor Browser. This form works with JavaScript switched off.",
    "Do not write names of people, streets or small towns, or details only you would know.",
    "We do not keep your IP address, your browser or the time you wrote: only the day.",
    "Photos are cleaned of hidden data such as the location. Faces and documents in a photo "
    "can still identify someone.",
    "If you give a contact, it is deleted 30 days after your story is published or rejected.",
)
THANKS = "Editors will read your story soon. It may take a few days."
STATUS_TITLE = "Check your story"
STATUS_INTRO = (
    "Type the receipt code you received when you sent your story. We tell you only whether it "
    "was received, is in review, was published or was not published."
)

TELL_PAGE = {
    "title": TELL_TITLE,
    "intro": f"<p>{TELL_INTRO}</p>",
    "safety_tips": "<ul>" + "".join(f"<li>{tip}</li>" for tip in TIPS) + "</ul>",
    "thank_you": f"<p>{THANKS}</p>",
}
STATUS_PAGE = {"title": STATUS_TITLE, "intro": f"<p>{STATUS_INTRO}</p>"}

# Per language: the texts above in the order TELL_TITLE, TELL_INTRO, *TIPS, THANKS, STATUS_TITLE,
# STATUS_INTRO.
_TRANSLATED = {
    "ru": (
        "Расскажите свою историю",
        "Расскажите, что война сделала с вашей жизнью. Называть своё имя не нужно. Каждую "
        "историю читают два редактора и до публикации убирают всё, по чему можно узнать вас "
        "или других людей.",
        "Если можете, используйте Tor Browser. Эта форма работает и с выключенным JavaScript.",
        "Не пишите имён людей, названий улиц или небольших городов и подробностей, которые "
        "знаете только вы.",
        "Мы не храним ваш IP-адрес, ваш браузер и время, когда вы писали: только день.",
        "Из фотографий удаляются скрытые данные, например место съёмки. Но лица и документы на "
        "фото всё равно могут кого-то выдать.",
        "Если вы оставите контакт, он будет удалён через 30 дней после публикации или "
        "отклонения истории.",
        "Редакторы скоро прочитают вашу историю. Это может занять несколько дней.",
        "Проверить свою историю",
        "Введите код квитанции, который вы получили, когда отправили историю. Мы сообщим "
        "только, получена ли она, на проверке ли, опубликована или не опубликована.",
    ),
    "uk": (
        "Розкажіть свою історію",
        "Розкажіть, що війна зробила з вашим життям. Називати своє ім'я не потрібно. Кожну "
        "історію читають двоє редакторів і до публікації прибирають усе, за чим можна впізнати "
        "вас або інших людей.",
        "Якщо можете, користуйтеся Tor Browser. Ця форма працює і з вимкненим JavaScript.",
        "Не пишіть імен людей, назв вулиць чи невеликих міст і подробиць, які знаєте лише ви.",
        "Ми не зберігаємо ваш IP-адресу, ваш браузер і час, коли ви писали: лише день.",
        "З фотографій видаляються приховані дані, наприклад місце зйомки. Але обличчя й "
        "документи на фото все одно можуть когось видати.",
        "Якщо ви залишите контакт, його буде видалено через 30 днів після публікації або "
        "відхилення історії.",
        "Редактори незабаром прочитають вашу історію. Це може тривати кілька днів.",
        "Перевірити свою історію",
        "Введіть код квитанції, який ви отримали, коли надіслали історію. Ми повідомимо лише, "
        "чи її отримано, чи вона на перевірці, опублікована чи не опублікована.",
    ),
    "de": (
        "Erzählen Sie Ihre Geschichte",
        "Erzählen Sie uns, was der Krieg mit Ihrem Leben gemacht hat. Sie müssen Ihren Namen "
        "nicht nennen. Zwei Redakteurinnen oder Redakteure lesen jede Geschichte und entfernen "
        "vor der Veröffentlichung alles, woran man Sie oder andere erkennen könnte.",
        "Nutzen Sie wenn möglich den Tor Browser. Dieses Formular funktioniert auch ohne "
        "JavaScript.",
        "Schreiben Sie keine Namen von Personen, Straßen oder kleinen Orten und keine Details, "
        "die nur Sie kennen.",
        "Wir speichern weder Ihre IP-Adresse noch Ihren Browser oder die Uhrzeit, nur den Tag.",
        "Aus Fotos werden versteckte Daten wie der Aufnahmeort entfernt. Gesichter und "
        "Dokumente auf einem Foto können trotzdem jemanden verraten.",
        "Wenn Sie einen Kontakt angeben, wird er 30 Tage nach Veröffentlichung oder Ablehnung "
        "Ihrer Geschichte gelöscht.",
        "Die Redaktion liest Ihre Geschichte bald. Das kann einige Tage dauern.",
        "Stand Ihrer Geschichte",
        "Geben Sie den Quittungscode ein, den Sie beim Absenden erhalten haben. Wir sagen "
        "Ihnen nur, ob die Geschichte eingegangen ist, geprüft wird, veröffentlicht oder nicht "
        "veröffentlicht wurde.",
    ),
    "fr": (
        "Racontez votre histoire",
        "Racontez-nous ce que la guerre a fait de votre vie. Vous n'avez pas à donner votre "
        "nom. Deux personnes de la rédaction lisent chaque récit et retirent avant publication "
        "tout ce qui pourrait vous identifier, vous ou d'autres.",
        "Si vous le pouvez, utilisez Tor Browser. Ce formulaire fonctionne sans JavaScript.",
        "N'écrivez pas de noms de personnes, de rues ou de petites villes, ni de détails que "
        "vous seul connaissez.",
        "Nous ne gardons ni votre adresse IP, ni votre navigateur, ni l'heure : seulement le jour.",
        "Les données cachées des photos, comme le lieu, sont effacées. Les visages et les "
        "documents visibles peuvent pourtant identifier quelqu'un.",
        "Si vous laissez un contact, il est effacé 30 jours après la publication ou le refus "
        "de votre récit.",
        "La rédaction lira bientôt votre récit. Cela peut prendre quelques jours.",
        "Suivre votre récit",
        "Saisissez le code de reçu obtenu à l'envoi de votre récit. Nous vous disons seulement "
        "s'il a été reçu, s'il est en relecture, publié ou non publié.",
    ),
    "cs": (
        "Vyprávějte svůj příběh",
        "Řekněte nám, co válka udělala s vaším životem. Své jméno uvádět nemusíte. Každý "
        "příběh čtou dva redaktoři a před zveřejněním z něj odstraní vše, podle čeho by bylo "
        "možné poznat vás nebo jiné.",
        "Pokud můžete, použijte Tor Browser. Tento formulář funguje i s vypnutým JavaScriptem.",
        "Nepište jména lidí, ulic ani malých obcí, ani podrobnosti, které znáte jen vy.",
        "Neuchováváme vaši IP adresu, prohlížeč ani čas, kdy jste psali: jen den.",
        "Z fotografií odstraňujeme skrytá data, například místo pořízení. Obličeje a doklady "
        "na fotografii však někoho prozradit mohou.",
        "Pokud uvedete kontakt, smažeme ho 30 dní po zveřejnění nebo zamítnutí příběhu.",
        "Redakce si váš příběh brzy přečte. Může to trvat několik dní.",
        "Stav vašeho příběhu",
        "Zadejte kód potvrzení, který jste dostali při odeslání příběhu. Řekneme vám jen, zda "
        "byl přijat, je v kontrole, byl zveřejněn, nebo nebyl zveřejněn.",
    ),
}
_SOURCES = (TELL_TITLE, TELL_INTRO, *TIPS, THANKS, STATUS_TITLE, STATUS_INTRO)
TRANSLATIONS = {
    language: dict(zip(_SOURCES, texts, strict=True)) for language, texts in _TRANSLATED.items()
}


def build_form_pages(ctx, index):
    """The form and the receipt check under the English story index, then their translations
    (the translated story indexes must exist already)."""
    ctx.step("Story form and receipt check in every language")
    user = ctx.users.get("admin")
    tell = ensure_page(index, StorySubmissionPage, "tell", user=user, **TELL_PAGE)
    status = ensure_page(index, ReceiptStatusPage, "status", user=user, **STATUS_PAGE)
    for language, strings in TRANSLATIONS.items():
        translate_page(tell, language, strings, user=user)
        translate_page(status, language, strings, user=user)
