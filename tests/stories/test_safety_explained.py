"""Safety explained where it matters: the story form says what quick exit does and does not do
in every language; "New question" gives a new challenge and keeps what was typed, without
JavaScript; the challenge outlives a long story; long filter lists fold."""

import datetime
import re

import pytest
from captcha.models import CaptchaStore
from django.conf import settings
from django.utils import timezone

from tests.stories.sealing_helpers import received_count
from tests.stories.submission_helpers import (
    HASHKEY,
    ensure_form_pages,
    solved_protection,
    story_fields,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

LANGUAGES = [code for code, _name in settings.LANGUAGES]
# The quick-exit explanation in each language: a phrase of its Esc sentence and of its
# private-window sentence (the catalogues' own words, so a missing translation fails).
EXPLAINED = {
    "en": ("Pressing Esc three times", "private (incognito) window"),
    "ru": ("Трижды нажатая клавиша Esc", "Приватное окно"),
    "uk": ("Тричі натиснута клавіша Esc", "Приватне вікно"),
    "de": ("Dreimal Esc drücken", "Ein privates Fenster"),
    "fr": ("Appuyer trois fois sur Échap", "Une fenêtre privée"),
    "cs": ("trojí stisk klávesy Esc", "Anonymní (soukromé) okno"),
}


@pytest.fixture
def every_form(world):
    return ensure_form_pages(world, languages=LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
def test_before_you_write_explains_quick_exit_in_every_language(client, every_form, language):
    tell, _status = every_form[language]
    html = client.get(tell.url).content.decode()
    box = html[html.index("data-quick-exit-help") :]
    box = box[: box.index("</section>")]
    for phrase in EXPLAINED[language]:
        assert phrase in box, (language, phrase)
    # Five points: what it does, history, what it does not delete, private windows, shared devices.
    assert box.count("<li>") == 5


def test_new_question_keeps_what_was_typed_and_gives_a_fresh_challenge(client, every_form):
    tell, _status = every_form["en"]
    protection = solved_protection(client, tell.url)
    long_text = "Paragraph one of a long story.\n\n" + "It went on. " * 500
    fields = story_fields(text=long_text, title="What we saw", credit="pseudonym", pseudonym="Lis")
    data = {**protection, **fields, "captcha_1": "", "new_question": "1"}

    response = client.post(tell.url, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert received_count() == 0, "asking for a new question sends nothing"
    assert "It went on. It went on." in html
    assert 'value="What we saw"' in html
    assert 'value="Lis"' in html
    assert re.search(r'name="credit" value="pseudonym"[^>]*checked', html)
    assert re.search(r'name="consent_publication"[^>]*checked', html)
    new_key = HASHKEY.search(html)
    new_key = new_key.group(1) or new_key.group(2)
    assert new_key != protection["captcha_0"]
    assert CaptchaStore.objects.filter(hashkey=new_key).exists()
    assert "Here is a new question." in html
    assert "errorlist" not in html and "Error:" not in html

    # Answering the new question sends the story that was kept.
    answer = CaptchaStore.objects.get(hashkey=new_key).response
    sent = client.post(
        tell.url, {**protection, **fields, "captcha_0": new_key, "captcha_1": answer}
    )
    assert sent.status_code == 200
    assert received_count() == 1


def test_the_new_question_button_comes_after_send_so_enter_sends(client, every_form):
    tell, _status = every_form["en"]
    html = client.get(tell.url).content.decode()
    form = html[html.index('class="story-form"') :]
    send = form.index("Send my story")
    new = form.index('name="new_question"')
    assert send < new
    assert "formnovalidate" in form[new - 200 : new + 200]


def test_a_challenge_outlives_a_long_story(client, every_form):
    tell, _status = every_form["en"]
    client.get(tell.url)
    row = CaptchaStore.objects.order_by("-pk").first()
    # At least two hours of writing, whatever the time of day the form was opened.
    assert row.expiration - timezone.now() >= datetime.timedelta(hours=2)
    assert settings.CAPTCHA_TIMEOUT >= 120


def test_long_filter_lists_fold_until_opened_or_chosen(client, world):
    from tests.stories.story_builders import make_story, make_topic

    index = world.sections["stories"]["en"]
    topic = make_topic(index.locale, "Exile", "exile")
    make_story(index, "Told", ["Text."], publish=True, topics=[topic])

    stories = client.get(index.url).content.decode()
    chosen = client.get(index.url, {"topic": "exile"}).content.decode()
    vacancies = client.get(world.sections["volunteering"]["en"].url).content.decode()

    nav = stories[stories.index('class="story-topics"') :]
    assert re.match(
        r'class="story-topics"[^>]*>\s*(\{#.*?#\}\s*)?<details class="fold">', nav, re.S
    )
    assert '<details class="fold" open>' in chosen
    filters = vacancies[vacancies.index('class="vacancy-filters"') :]
    assert filters.index('<details class="fold"') < filters.index("</nav>")
    assert filters.index("<summary") < filters.index("</details>")
