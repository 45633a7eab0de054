"""The role matrix of Letter volunteers over HTTP, and who else may open letters: what they can
and cannot open in the admin, and when a writer's return address is shown."""

import pytest
from django.urls import reverse

from letters.models import Letter, LetterBatch
from tests.admin_client import edit_url

from .conftest import make_letter

pytestmark = pytest.mark.django_db

SECRET = "Письмо, которое видят только волонтёры писем."


@pytest.fixture
def letter(letters):
    return make_letter(letters["anna"], text=SECRET)


def _batch(letters):
    return LetterBatch.objects.create(prison=letters["prisons"][0], created_on="2026-01-05")


def test_letter_volunteers_work_on_letters_and_nothing_else(client, users, letters, letter):
    client.force_login(users["letters"])
    batch = _batch(letters)
    for url in (
        reverse("letters_queue"),
        reverse("letters_letter", args=[letter.pk]),
        reverse("letters_batches"),
        reverse("letters_batch", args=[batch.pk]),
        reverse("letters_batch_csv", args=[batch.pk]),
        reverse("wagtailsnippets_letters_forbiddenword:list"),
        reverse("wagtailsnippets_letters_forbiddenword:add"),
        reverse("wagtailsnippets_letters_prisoneranswer:add"),
    ):
        assert client.get(url).status_code == 200, url
    assert SECRET in client.get(reverse("letters_letter", args=[letter.pk])).content.decode()
    for url in (
        edit_url(letters["anna"]),
        edit_url(letters["directory"]),
        reverse("wagtailsnippets_letters_prison:add"),
        reverse("wagtailusers_users:index"),
        reverse("wagtailadmin_pages:add_subpage", args=[letters["directory"].pk]),
    ):
        assert client.get(url).status_code in (302, 403), url


@pytest.mark.parametrize(
    "username", ["moderator", "publisher", "submitter", "translator_ru", "coordinator"]
)
def test_other_roles_cannot_open_letters(client, users, letters, letter, username):
    client.force_login(users[username])
    batch = _batch(letters)
    for url in (
        reverse("letters_queue"),
        reverse("letters_letter", args=[letter.pk]),
        reverse("letters_batches"),
        reverse("letters_batch_pdf", args=[batch.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), (username, url)
        assert SECRET not in response.content.decode()
    client.post(
        reverse("letters_letter", args=[letter.pk]), {"action": "refuse", "reason": "abuse"}
    )
    letter.refresh_from_db()
    assert letter.state == Letter.RECEIVED


def test_publishers_edit_prisoner_pages_letter_volunteers_do_not(client, users, letters):
    client.force_login(users["publisher"])
    assert client.get(edit_url(letters["anna"])).status_code == 200


def test_the_return_address_shows_only_for_a_reply_by_post(client, users, letters):
    client.force_login(users["letters"])
    by_post = make_letter(letters["anna"], reply="post", return_address="Почтовая 1, Берлин")
    # Never stored by the form unless asked for; even if a row had one, it is not shown.
    through_us = make_letter(letters["anna"], reply="through_us", return_address="Скрытая 2, Прага")
    shown = client.get(reverse("letters_letter", args=[by_post.pk])).content.decode()
    assert "Почтовая 1, Берлин" in shown
    hidden = client.get(reverse("letters_letter", args=[through_us.pk])).content.decode()
    assert "Скрытая 2, Прага" not in hidden and "return-address" not in hidden
    queue = client.get(reverse("letters_queue")).content.decode()
    assert "Почтовая 1" not in queue


def test_prisoner_pages_are_campaign_content_for_editors_and_translators(client, users, letters):
    from cms.core.sync import sync_all
    from cms.core.workflows import CAMPAIGN_PUBLICATION, TRANSLATION_REVIEW

    from .conftest import ru

    sync_all()  # the directory is new: attach roles and workflows to it as `migrate` would
    assert CAMPAIGN_PUBLICATION.governs(letters["anna"].get_workflow())
    assert TRANSLATION_REVIEW.governs(ru(letters["anna"]).get_workflow())
    add = reverse(
        "wagtailadmin_pages:add",
        args=["letters", "prisonerpage", letters["directory"].pk],
    )
    client.force_login(users["submitter"])
    assert client.get(add).status_code == 200
    client.force_login(users["letters"])
    assert client.get(add).status_code in (302, 403)


def test_letter_volunteers_transcribe_an_answer_and_publish_it_only_with_consent(
    client, users, letters
):
    from letters.models import PrisonerAnswer

    client.force_login(users["letters"])
    add = reverse("wagtailsnippets_letters_prisoneranswer:add")
    fields = {
        "prisoner": letters["vera"].pk,
        "quote": "Спасибо за письма, они греют.",
        "received_on": "2026-03-01",
        "published": "on",
    }
    refused = client.post(add, fields)
    assert refused.status_code == 200 and not PrisonerAnswer.objects.exists()
    client.post(add, {**fields, "consent_to_publish": "on"})
    answer = PrisonerAnswer.objects.get()
    assert answer.published and answer.consent_to_publish
    assert "Спасибо за письма, они греют." in client.get(letters["vera"].url).content.decode()
