"""The captcha's question in words, for people who cannot see its picture.

django-simple-captcha's audio alternative needs `flite`, which a fresh `make run` machine rarely
has, and it speaks English only. So the question (CAPTCHA_CHALLENGE_FUNCT is
`captcha.helpers.math_challenge`: two numbers from 1 to 10 added, subtracted or multiplied) is
also written in words in the reader's language, in an element that the answer box names with
aria-describedby and that the picture's alt text repeats. A screen reader then reads "How much is
nine times one?" where the picture shows "9*1=".

Words, not digits and a symbol: "9*1" is read "nine asterisk one" by most screen readers.
"""

import re

from captcha.conf import settings as captcha_settings
from captcha.fields import CaptchaTextInput
from captcha.models import CaptchaStore
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext, pgettext

_MATH = re.compile(r"^\s*(\d+)\s*([-+*×x])\s*(\d+)\s*=?\s*$")


def _number(value):
    words = {
        1: pgettext("captcha number", "one"),
        2: pgettext("captcha number", "two"),
        3: pgettext("captcha number", "three"),
        4: pgettext("captcha number", "four"),
        5: pgettext("captcha number", "five"),
        6: pgettext("captcha number", "six"),
        7: pgettext("captcha number", "seven"),
        8: pgettext("captcha number", "eight"),
        9: pgettext("captcha number", "nine"),
        10: pgettext("captcha number", "ten"),
    }
    return words.get(value, str(value))


def challenge_in_words(challenge):
    """ "9*1=" -> "How much is nine times one?" in the active language; None for a challenge
    that is not arithmetic (another CAPTCHA_CHALLENGE_FUNCT): the caller then says nothing
    rather than something wrong."""
    match = _MATH.match(challenge or "")
    if match is None:
        return None
    first, operator, second = match.groups()
    numbers = {"a": _number(int(first)), "b": _number(int(second))}
    if operator == "+":
        return gettext("How much is %(a)s plus %(b)s?") % numbers
    if operator == "-":
        return gettext("How much is %(a)s minus %(b)s?") % numbers
    return gettext("How much is %(a)s times %(b)s?") % numbers


# Placeholders of a rendered widget (letters only: escaping leaves them as they are), and its
# rendered shapes: a few per language and form.
_KEY_MARK = "polyphonycaptchakeyplaceholder"
_WORDS_MARK = "polyphonycaptchawordsplaceholder"
MAX_SKELETONS = 256
_skeletons: dict[tuple, str] = {}


class SpokenCaptchaInput(CaptchaTextInput):
    """django-simple-captcha's widget, with the question in words (`words` in the template,
    and the id of the element holding them added to the answer box's aria-describedby)."""

    template_name = "captcha/widgets/captcha.html"

    def fetch_captcha_store(self, name, value, attrs=None, generator=None):
        # As CaptchaStore.generate_key does, keeping the challenge: reading it back would cost a
        # query on every render.
        challenge, response = captcha_settings.get_challenge(generator)()
        store = CaptchaStore.objects.create(challenge=challenge, response=response)
        self._value = [store.hashkey, ""]
        self._key = store.hashkey
        self._challenge = challenge
        self.id_ = self.build_attrs(attrs).get("id", None)

    def render(self, name, value, attrs=None, renderer=None):
        """The widget's markup is the same for every reader of a language but for the key and
        the question in words: it is rendered once per process with placeholders, then filled
        in with this reader's (rendering it was a sixth of the story form's time, issue #21).
        A challenge that is not arithmetic is rendered as it is."""
        self.fetch_captcha_store(name, value, attrs, self.generator)
        words = challenge_in_words(self._challenge)
        if words is None:
            return self._render_now(name, attrs, renderer)
        shape = (
            get_language(),
            name,
            # In their order, which is the order of the attributes in the markup.
            repr(list((attrs or {}).items())),
            repr(list(self.attrs.items())),
            bool(captcha_settings.CAPTCHA_FLITE_PATH),
        )
        skeleton = _skeletons.get(shape)
        if skeleton is None:
            key = self._key
            self._key, self._value, self._words = _KEY_MARK, [_KEY_MARK, ""], _WORDS_MARK
            try:
                skeleton = str(self._render_now(name, attrs, renderer))
            finally:
                self._key, self._value, self._words = key, [key, ""], None
            if len(_skeletons) < MAX_SKELETONS:
                _skeletons[shape] = skeleton
        return mark_safe(  # noqa: S308 - our own template's output; the words are escaped
            skeleton.replace(_KEY_MARK, self._key).replace(_WORDS_MARK, escape(words))
        )

    def _render_now(self, name, attrs, renderer):
        return super(CaptchaTextInput, self).render(name, self._value, attrs, renderer)

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        words = getattr(self, "_words", None) or challenge_in_words(getattr(self, "_challenge", ""))
        context["words"] = words
        subwidgets = context["widget"]["subwidgets"]
        if words and len(subwidgets) > 1:
            answer = subwidgets[-1]["attrs"]
            words_id = f"{answer.get('id') or name}-words"
            context["words_id"] = words_id
            described = answer.get("aria-describedby", "")
            answer["aria-describedby"] = f"{words_id} {described}".strip()
        return context
