"""Outside translators work with PO files (localize's download/upload, limited to the locales a
translator may edit), and no machine translation runs unless one is configured."""

import html
import io
import os
import socket
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation

pytestmark = pytest.mark.django_db


def _download(client, translation):
    return client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))


def _upload(client, translation, po_text):
    upload = io.BytesIO(po_text.encode())
    upload.name = "translation.po"
    return client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": upload, "next": "/admin/"},
    )


def _translations(source, translation):
    return dict(
        StringTranslation.objects.filter(
            locale=translation.target_locale, context__object_id=source.translation_key
        ).values_list("translation_of__data", "data")
    )


def test_translator_round_trips_a_po_file_for_russian(translated, translator):
    source, ru, _uk = translated
    response = _download(translator, ru)
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith("-ru.po")
    po = polib.pofile(response.content.decode())
    wanted = {
        "Free them all": "Свободу всем",
        "free-them-all": "svobodu-vsem",
        "Release the prisoners of the war.": "Освободите узников.",
    }
    assert {entry.msgid for entry in po} == set(wanted)

    for entry in po:
        entry.msgstr = wanted[entry.msgid]
    assert _upload(translator, ru, str(po)).status_code == 302

    assert _translations(source, ru) == wanted
    # Importing fills the editor only: nothing is published by it.
    ru_page = Page.objects.get(pk=source.get_translation(ru.target_locale).pk)
    assert not ru_page.live


def test_translator_cannot_download_or_upload_ukrainian(translated, translator, world):
    source, _ru, uk = translated
    assert _download(translator, uk).status_code in (302, 403)

    publisher = Client()
    publisher.force_login(world.users["publisher"])
    po = polib.pofile(_download(publisher, uk).content.decode())
    for entry in po:
        entry.msgstr = "Підроблено"
    response = _upload(translator, uk, str(po))
    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response["Location"] == "/admin/"
    assert _translations(source, uk) == {}


def test_no_machine_translator_without_configuration(translated, translator, monkeypatch):
    source, ru, _uk = translated
    assert getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) is None

    def no_network(*args, **kwargs):
        raise AssertionError("something tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    ru_page = source.get_translation(ru.target_locale)
    editor = html.unescape(translator.get(f"/admin/pages/{ru_page.pk}/edit/").content.decode())
    assert '"machineTranslator": null' in editor

    response = translator.post(
        reverse("wagtail_localize:machine_translate", args=[ru.pk]), {"next": "/admin/"}
    )
    # 404 (LocaleMiddleware may turn an admin 404 into a redirect to /en/...), never the
    # success redirect to `next`.
    assert response.status_code == 404 or response["Location"] != "/admin/"
    assert _translations(source, ru) == {}


def _configured_translator(**env):
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR as the settings compute it from this environment."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEEPL_API_KEY", "LIBRETRANSLATE_URL"}
    }
    environment.update(env, DJANGO_SETTINGS_MODULE="cms.settings.test")
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS'))"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", code],
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        cwd=settings.BASE_DIR,
    )
    return result.stdout.strip()


def test_machine_translation_is_opt_in_through_the_environment():
    assert _configured_translator() == "None"
    assert _configured_translator(DEEPL_API_KEY="key:fx").endswith("DeepLTranslator")
    assert _configured_translator(LIBRETRANSLATE_URL="http://mt.internal").endswith(
        "LibreTranslator"
    )
