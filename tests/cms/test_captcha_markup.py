"""The captcha's markup is filled in from a skeleton rendered once per language (issue #21):
what each reader gets must be exactly what rendering it afresh gives, with their own key and
their own question, in their language."""

import pytest
from captcha.models import CaptchaStore
from django.utils import translation

from cms.core.spoken_captcha import SpokenCaptchaInput, challenge_in_words

pytestmark = pytest.mark.django_db

ATTRS = {"id": "id_captcha", "aria-describedby": "id_captcha-help", "required": True}


@pytest.mark.parametrize("language", ["en", "ru", "de"])
def test_each_reader_gets_their_own_key_and_question_as_if_rendered_afresh(language):
    widget = SpokenCaptchaInput(attrs={"autocomplete": "off", "inputmode": "numeric"})
    seen = set()
    with translation.override(language):
        for _ in range(4):
            html = widget.render("captcha", None, dict(ATTRS))
            store = CaptchaStore.objects.get(hashkey=widget._key)
            assert html == widget._render_now("captcha", dict(ATTRS), None)
            assert f'value="{store.hashkey}"' in html
            assert f"/captcha/image/{store.hashkey}/" in html
            assert challenge_in_words(store.challenge) in html
            assert "placeholder" not in html
            seen.add(store.hashkey)
    assert len(seen) == 4
