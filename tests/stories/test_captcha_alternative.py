"""The challenge works without sight (issue 13, item 7): its question is written in words in the
reader's language and tied to the answer box, its help matches it, and the audio link appears
only where there is audio."""

import re
from html import unescape

import pytest
from captcha.conf import settings as captcha_settings
from captcha.models import CaptchaStore
from django.utils import translation

from cms.core.spoken_captcha import challenge_in_words
from tests.builders import LANGUAGES
from tests.stories.submission_helpers import HASHKEY, solved_protection, story_fields


def _store(html):
    match = HASHKEY.search(html)
    return CaptchaStore.objects.get(hashkey=match.group(1) or match.group(2))


def _answer_box(html):
    return re.search(r'<input[^>]*name="captcha_1"[^>]*>', html).group(0)


def _described_by(html):
    box = _answer_box(html)
    ids = re.search(r'aria-describedby="([^"]*)"', box).group(1).split()
    texts = []
    for ref in ids:
        element = re.search(rf'id="{re.escape(ref)}"[^>]*>([^<]*)<', html)
        assert element, f"aria-describedby names a missing element {ref}"
        texts.append(unescape(element.group(1)))
    return " ".join(texts)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_question_is_in_words_in_the_readers_language(
    client, form_pages, story_form_env, language, world
):
    from tests.stories.submission_helpers import ensure_form_pages

    ensure_form_pages(world, (language,))
    html = client.get(f"/{language}/stories/tell/").content.decode()
    store = _store(html)
    with translation.override(language):
        words = challenge_in_words(store.challenge)
    assert words, store.challenge
    # What a screen reader reads with the answer box: the question itself, no symbol.
    described = _described_by(html)
    assert words in described
    assert "*" not in described
    # And the picture's text alternative is the question, not "a sum".
    alt = re.search(r'<img[^>]*class="captcha__image"[^>]*>', html).group(0)
    assert f'alt="{words}"' in unescape(alt)


def test_english_words_say_the_operation():
    assert challenge_in_words("9*1=") == "How much is nine times one?"
    assert challenge_in_words("7-3=") == "How much is seven minus three?"
    assert challenge_in_words("2+10=") == "How much is two plus ten?"
    # Another challenge function: nothing rather than something wrong.
    assert challenge_in_words("ABCD") is None


def test_the_words_lead_to_the_right_answer(client, form_pages, story_form_env):
    """Someone who only reads the words, answers, and gets through."""
    html = client.get("/en/stories/tell/").content.decode()
    store = _store(html)
    first, operation, second = re.match(
        r"How much is (\w+) (plus|minus|times) (\w+)\?", challenge_in_words(store.challenge)
    ).groups()
    numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    a, b = numbers.index(first) + 1, numbers.index(second) + 1
    answer = {"plus": a + b, "minus": a - b, "times": a * b}[operation]
    assert str(answer) == store.response


def test_the_help_matches_the_challenge(client, form_pages, story_form_env):
    html = client.get("/en/stories/tell/").content.decode()
    help_text = re.search(r'id="id_captcha-help">([^<]*)<', html).group(1)
    assert "sum" not in help_text
    assert "calculation" in help_text


def test_no_audio_link_without_audio(client, form_pages, story_form_env, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_FLITE_PATH", None)
    html = client.get("/en/stories/tell/").content.decode()
    assert "captcha__audio" not in html
    assert "Listen to the question" not in html


def test_audio_link_where_flite_is_installed(client, form_pages, story_form_env, monkeypatch):
    monkeypatch.setattr(captcha_settings, "CAPTCHA_FLITE_PATH", "/usr/bin/flite")
    html = client.get("/en/stories/tell/").content.decode()
    assert 'class="captcha__audio" href="/captcha/audio/' in html


def test_a_wrong_answer_gives_a_new_question_in_words(client, form_pages, story_form_env):
    url = "/en/stories/tell/"
    data = {**solved_protection(client, url), **story_fields()}
    data["captcha_1"] = "999"
    html = client.post(url, data).content.decode()
    assert "That answer is not right" in html
    assert challenge_in_words(_store(html).challenge) in _described_by(html)
