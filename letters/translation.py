"""Machine translation of letters into Russian: a hook, off by default.

`LETTERS_MACHINE_TRANSLATION_BACKEND` names a class with
`translate(text, source_language, target_language) -> str`. With none configured nothing is
sent anywhere: a Letter volunteer (or a Russian translator) translates by hand. A draft is only
a draft: the letter cannot be marked ready until a volunteer has checked it
(Letter.translation_checked), so nothing reaches a prison untranslated or unread.
"""

from django.utils.module_loading import import_string

from letters.conf import setting

TARGET_LANGUAGE = "ru"


def backend():
    path = setting("LETTERS_MACHINE_TRANSLATION_BACKEND")
    if not path:
        return None
    return import_string(path)()


class FakeTranslationBackend:
    """For tests and the demo: marks the text instead of translating it, and calls nobody."""

    def translate(self, text, source_language, target_language):
        return f"[Черновик перевода ({source_language} → {target_language})]\n{text}"


def prepare_draft(letter):
    """Fill `letter.translation` with a machine draft, if a backend is configured and the letter
    needs one. Returns whether a draft was made. The draft is unchecked."""
    engine = backend()
    if engine is None or not letter.needs_translation:
        return False
    letter.translation = engine.translate(letter.text, letter.language, TARGET_LANGUAGE)
    letter.translation_checked = False
    letter.save(update_fields=["translation", "translation_checked"])
    return True
