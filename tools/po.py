"""Keep the six gettext catalogues complete.

    python tools/po.py fill translations.json   # {"msgid": {"ru": "...", "uk": [...plural forms]}}
    python tools/po.py check                    # lists every empty or fuzzy entry; exit 1 if any

English is the source language: its msgstr is the msgid (or msgid_plural for plural forms).
Run `make messages` first so the catalogues hold every string in the code. Concurrent editors:
wrap both steps in `flock /tmp/polyphony-po.lock ...`.
"""

import json
import sys
from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
SOURCE = "en"


def catalogues():
    for path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po")):
        yield path.parent.parent.name, path


def missing(entry):
    if "fuzzy" in entry.flags:
        return True
    if entry.msgid_plural:
        return not entry.msgstr_plural or any(not s for s in entry.msgstr_plural.values())
    return not entry.msgstr


def fill(mapping_path):
    mapping = json.loads(Path(mapping_path).read_text(encoding="utf-8"))
    for language, path in catalogues():
        po = polib.pofile(str(path), wrapwidth=100)
        # makemessages leaves the header fuzzy, which makes msgfmt skip it (and plural rules).
        po.metadata_is_fuzzy = False
        po.metadata["Language"] = language
        changed = 0
        for entry in po:
            if language == SOURCE:
                text = entry.msgid
                value = [entry.msgid, entry.msgid_plural] if entry.msgid_plural else text
            else:
                value = mapping.get(entry.msgid, {}).get(language)
            if value is None:
                continue
            if entry.msgid_plural:
                forms = value if isinstance(value, list) else [value]
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = value
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            changed += 1
        po.save(str(path))
        print(f"{language}: {changed} entries written")


def check():
    gaps = 0
    for language, path in catalogues():
        for entry in polib.pofile(str(path)):
            if not entry.obsolete and missing(entry):
                gaps += 1
                print(f"{language}: {entry.msgid!r}")
        if polib.pofile(str(path)).metadata_is_fuzzy:
            gaps += 1
            print(f"{language}: the header is marked fuzzy")
    print(f"{gaps} missing translation(s)")
    return 1 if gaps else 0


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "fill":
        fill(sys.argv[2])
    elif len(sys.argv) == 2 and sys.argv[1] == "check":
        sys.exit(check())
    else:
        sys.exit(__doc__)
