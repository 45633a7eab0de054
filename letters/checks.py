"""The censor's rules, checked before a letter is sent, each finding explained in the writer's
language.

Prison censors throw away letters they cannot read or do not like: letters not in Russian,
letters with foreign words or abbreviations (they could be a code), letters that mention the
war, the case or other forbidden topics. The list of forbidden words is editable per language
(letters.ForbiddenWord); everything else is a rule here.
"""

import re

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from letters.conf import setting

LATIN_WORD = re.compile(r"\b[^\W\d_]*[A-Za-z][^\W\d_]*\b")
# Two or more capitals in a row (Latin or Cyrillic): ВСУ, СВО, NATO. Roman numerals (XX, IV)
# are spelt out by nobody, so they count too.
ABBREVIATION = re.compile(r"\b[A-ZА-ЯЁ]{2,}\b")


def forbidden_words(language):
    from letters.models import ForbiddenWord

    return list(ForbiddenWord.objects.filter(language=language).order_by("word"))


def find_forbidden(text, language):
    lowered = text.lower()
    found = []
    for entry in forbidden_words(language):
        pattern = r"(?<!\w)" + re.escape(entry.word.lower())
        if re.search(pattern, lowered):
            found.append(entry)
    return found


def length_problem(text):
    minimum = setting("LETTERS_TEXT_MIN_LENGTH")
    maximum = setting("LETTERS_TEXT_MAX_LENGTH")
    if len(text) < minimum:
        return ngettext(
            "The letter is too short: please write at least %(count)d character.",
            "The letter is too short: please write at least %(count)d characters.",
            minimum,
        ) % {"count": minimum}
    if len(text) > maximum:
        return ngettext(
            "The letter is too long for the censor: at most %(count)d character, please.",
            "The letter is too long for the censor: at most %(count)d characters, please.",
            maximum,
        ) % {"count": maximum}
    return None


def findings(text, language):
    """Every problem the censor would have with `text`, as messages for the writer."""
    problems = []
    if problem := length_problem(text):
        problems.append(problem)
    for entry in find_forbidden(text, language):
        message = _("“%(word)s”: prison censors throw away letters that mention this.") % {
            "word": entry.word
        }
        if entry.explanation:
            message = f"{message} {entry.explanation}"
        problems.append(message)
    if language == "ru":
        latin = sorted(set(LATIN_WORD.findall(text)))
        if latin:
            problems.append(
                _(
                    "Words in Latin letters (%(words)s): the censor reads only Russian. Please "
                    "write them in Russian or leave them out."
                )
                % {"words": ", ".join(latin[:5])}
            )
    abbreviations = sorted(set(ABBREVIATION.findall(text)))
    if abbreviations:
        problems.append(
            _(
                "Abbreviations (%(words)s): the censor may take them for a code. Please write "
                "the words out."
            )
            % {"words": ", ".join(abbreviations[:5])}
        )
    return problems
