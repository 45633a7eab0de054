"""Reviewing a translation happens in the translation editor: Approve / Send back and the source
diff, several languages approved together; the translator's first button is Submit, and what
throws work away is behind "More" with a confirmation (cms/core/translation/editor.py)."""

import re

import pytest
from django.test import Client
from wagtail.models import Page, WorkflowState

from cms.core.models import SourceChange
from tests.cms.translation.test_translation_memory import (
    NEW,
    OLD,
    edit_paragraph_in_place,
    props_of,
)
from tests.cms.translation.translation_support import put_string, segment_ids, submit_url

pytestmark = pytest.mark.django_db


def footer_buttons(response):
    footer = response.content.decode().split('id="translation-editor-footer"', 1)[1]
    footer = footer.split("</footer>", 1)[0]
    return [
        " ".join(re.sub("<[^>]+>", "", label).split())
        for label in re.findall(r"<button[^>]*>(.*?)</button>", footer, re.S)
    ], footer


def _client(world, username):
    client = Client()
    client.force_login(world.users[username])
    return client


@pytest.fixture
def submitted(world, translated):
    """ru and uk translated by their translators and submitted for review."""
    source, ru, uk = translated
    pages = {}
    for language, translation, text in (("ru", ru, "Свободу всем"), ("uk", uk, "Свободу всім")):
        client = _client(world, f"translator_{language}")
        segments = segment_ids(translation)
        assert put_string(client, translation, segments["Free them all"], text).status_code == 201
        assert put_string(client, translation, segments[OLD], text + "!").status_code == 201
        assert client.post(submit_url(translation)).status_code == 302
        pages[language] = source.get_translation(translation.target_locale)
    return source, pages


def test_the_translators_first_button_is_submit_and_destructive_ones_ask(world, translated):
    source, ru, _uk = translated
    ru_page = source.get_translation(ru.target_locale)
    editor = _client(world, "translator_ru").get(f"/admin/pages/{ru_page.pk}/edit/")
    buttons, footer = footer_buttons(editor)
    assert buttons[0] == "Submit translation for review"
    assert "Convert to alias page" not in footer, "translators may not convert (publishers may)"
    assert f"/admin/translation/{ru.pk}/stop/" in footer
    props = props_of(editor)
    # localize's own footer (hidden) would have made these the primary button.
    assert props["links"]["convertToAliasUrl"] is None
    assert props["perms"]["canDelete"] is False

    publisher_editor = _client(world, "publisher").get(f"/admin/pages/{ru_page.pk}/edit/")
    _buttons, footer = footer_buttons(publisher_editor)
    assert f"/admin/localize/page/{ru_page.pk}/convert_to_alias/?next=" in footer
    # The link leads to localize's confirmation page, which changes nothing by itself.
    confirm = _client(world, "publisher").get(
        f"/admin/localize/page/{ru_page.pk}/convert_to_alias/"
    )
    assert confirm.status_code == 200
    assert Page.objects.get(pk=ru_page.pk).alias_of_id is None


def test_the_publisher_approves_in_the_editor_and_both_languages_go_live(world, submitted):
    source, pages = submitted
    publisher = _client(world, "publisher")
    editor = publisher.get(f"/admin/pages/{pages['ru'].pk}/edit/")
    buttons, _footer = footer_buttons(editor)
    assert buttons[:2] == ["Approve and publish", "Send back to the translator"]
    html = editor.content.decode()
    assert "without review" not in html, "no Publish around the workflow during a review"
    assert props_of(editor)["perms"]["canPublish"] is False
    assert f'name="page" value="{pages["uk"].pk}"' in html, "the other language is offered"

    response = publisher.post(
        "/admin/translation/approve/",
        {"page": [pages["ru"].pk, pages["uk"].pk], "next": f"/admin/pages/{pages['ru'].pk}/edit/"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{pages['ru'].pk}/edit/"
    for language, title in (("ru", "Свободу всем"), ("uk", "Свободу всім")):
        page = Page.objects.get(pk=pages[language].pk)
        assert page.live and page.title == title
        assert title in Client().get(page.url).content.decode()


def test_send_back_reaches_the_translator(world, submitted):
    _source, pages = submitted
    ru_page = pages["ru"]
    publisher = _client(world, "publisher")
    task_state = WorkflowState.objects.for_instance(ru_page).get().current_task_state
    response = publisher.post(
        f"/admin/pages/workflow/action/{ru_page.pk}/reject/{task_state.pk}/",
        {"comment": "Please check the title."},
    )
    assert response.status_code == 302
    state = WorkflowState.objects.for_instance(ru_page).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    html = _client(world, "translator_ru").get(f"/admin/pages/{ru_page.pk}/edit/").content.decode()
    assert "A reviewer asked for changes" in html
    assert not Page.objects.get(pk=ru_page.pk).live


def test_translators_cannot_approve_even_through_the_bulk_view(world, submitted):
    _source, pages = submitted
    translator = _client(world, "translator_ru")
    translator.post("/admin/translation/approve/", {"page": [pages["ru"].pk, pages["uk"].pk]})
    assert not Page.objects.filter(pk__in=[pages["ru"].pk, pages["uk"].pk], live=True).exists()
    buttons, _footer = footer_buttons(translator.get(f"/admin/pages/{pages['ru'].pk}/edit/"))
    assert "Approve and publish" not in buttons


def test_the_reviewer_sees_what_changed_in_the_source(world, translated):
    source, ru, _uk = translated
    translator = _client(world, "translator_ru")
    segments = segment_ids(ru)
    put_string(translator, ru, segments["Free them all"], "Свободу всем")
    put_string(translator, ru, segments[OLD], "Освободите узников войны.")
    edit_paragraph_in_place(source, NEW, world.users["publisher"])
    put_string(translator, ru, segment_ids(ru)[NEW], "Освободите узников войны и заложников.")
    translator.post(submit_url(ru))

    ru_page = source.get_translation(ru.target_locale)
    html = _client(world, "publisher").get(f"/admin/pages/{ru_page.pk}/edit/").content.decode()
    changes = html.split('id="translation-source-changes"', 1)[1].split("</table>", 1)[0]
    assert "<del>war.</del> <ins>war and the hostages.</ins>" in changes
    assert "Освободите узников войны и заложников." in changes

    # Approved and published: the change is answered, and the editor no longer lists it.
    publisher = _client(world, "publisher")
    publisher.post("/admin/translation/approve/", {"page": [ru_page.pk]})
    assert Page.objects.get(pk=ru_page.pk).live
    assert SourceChange.objects.get(locale=ru.target_locale).published_at is not None
    html = publisher.get(f"/admin/pages/{ru_page.pk}/edit/").content.decode()
    assert 'id="translation-source-changes"' not in html
