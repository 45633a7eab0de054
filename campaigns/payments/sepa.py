"""Text rules shared by the payment payload builders.

SEPA only guarantees ``a-z A-Z 0-9 / - ? : ( ) . , ' +`` and space end to end: banks may reject
or mangle anything else in a reference. Donors and editors write Russian, Ukrainian, Czech,
German and French, so free text is transliterated rather than dropped wholesale.
"""

import re
import unicodedata


class PaymentPayloadError(ValueError):
    """A payment QR payload cannot be built; the message is fit to show an editor.

    Defined in this module because every builder imports it, and keeping it out of the package
    ``__init__`` avoids an import cycle.
    """


SEPA_CHARACTERS = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-?:().,'+ "
)

# Each language follows the scheme its passports use, so a donor's name in a reference matches
# how it is spelt on their bank account abroad: Russian ICAO Doc 9303 (since 2014), Ukrainian
# the national scheme of 2010.
_RUSSIAN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "ie", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia", "ў": "u",
}  # fmt: skip
# Ukrainian reads some shared letters differently (г, и) and has its own (ґ, є, і, ї).
_UKRAINIAN = {
    **_RUSSIAN,
    "г": "h", "ґ": "g", "и": "y", "є": "ie", "і": "i", "ї": "i",
}  # fmt: skip
# The Ukrainian scheme spells these differently at the start of a word (Yevhen, Yurii).
_UKRAINIAN_INITIAL = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}
_UKRAINIAN_ONLY = frozenset("ґєії")
# The scheme drops the apostrophe inside a word (м'ята -> miata), but not around Latin text.
_UKRAINIAN_APOSTROPHE = re.compile("(?<=[а-яґєії])['’ʼ](?=[а-яґєії])", re.IGNORECASE)

# Latin letters that NFKD does not decompose, and German umlauts, which Germans write as
# ae/oe/ue rather than dropping the dots.
_LATIN = {
    "ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "ẞ": "SS",
    "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L",
    "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i", "ħ": "h",
}  # fmt: skip
# Typographic punctuation with an allowed ASCII look-alike; "&" becomes the nearest sign, "+".
_PUNCTUATION = {
    "«": "'", "»": "'", "„": "'", "“": "'", "”": "'", '"': "'", "‹": "'", "›": "'",
    "‘": "'", "’": "'", "‚": "'", "`": "'", "´": "'", "‐": "-", "‑": "-", "‒": "-",
    "–": "-", "—": "-", "―": "-", "−": "-", "&": "+",
}  # fmt: skip

_SPACES = re.compile(r"\s+")


def _is_ukrainian(text: str) -> bool:
    return any(char in _UKRAINIAN_ONLY for char in text.lower())


def _cyrillic(text: str, table: dict[str, str], initial: dict[str, str]) -> str:
    out = []
    for i, char in enumerate(text):
        lower = char.lower()
        prev = text[i - 1] if i else ""
        word_start = not prev.isalpha()
        latin = initial.get(lower) if word_start else None
        if latin is None:
            latin = table.get(lower)
        if latin is None:
            out.append(char)
            continue
        if char != lower:
            # "Щукин" -> "Shchukin" but "ЩУКИН" -> "SHCHUKIN": look at the neighbours.
            nxt = text[i + 1] if i + 1 < len(text) else ""
            shouting = nxt.isupper() or (not nxt.isalpha() and prev.isupper())
            latin = latin.upper() if shouting else latin.capitalize()
        out.append(latin)
    return "".join(out)


def transliterate(text: str) -> str:
    """Return ``text`` in ASCII: Cyrillic and accented Latin letters become plain Latin ones.

    Ukrainian is recognised by its own letters (ґ є і ї) and then spelt by the Ukrainian
    passport scheme (Київ -> Kyiv); other Cyrillic by the Russian one. Characters with no
    ASCII equivalent are dropped.
    """
    if _is_ukrainian(text):
        text = _UKRAINIAN_APOSTROPHE.sub("", text)
        text = text.replace("зг", "zgh").replace("Зг", "Zgh").replace("ЗГ", "ZGH")
        text = _cyrillic(text, _UKRAINIAN, _UKRAINIAN_INITIAL)
    else:
        text = _cyrillic(text, _RUSSIAN, {})
    text = "".join(_LATIN.get(char) or _PUNCTUATION.get(char) or char for char in text)
    decomposed = unicodedata.normalize("NFKD", text)
    return decomposed.encode("ascii", "ignore").decode("ascii")


def to_sepa(text: str) -> str:
    """Reduce free text to the SEPA character set, transliterating what it can.

    Anything left outside the set is dropped and runs of whitespace collapse to one space, so
    ``"Пожертвование «Голос» — 2025!"`` becomes ``"Pozhertvovanie 'Golos' - 2025"``.
    """
    text = _SPACES.sub(" ", transliterate(_SPACES.sub(" ", text)))
    kept = "".join(char for char in text if char in SEPA_CHARACTERS)
    return _SPACES.sub(" ", kept).strip()
