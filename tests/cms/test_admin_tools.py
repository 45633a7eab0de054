"""The Sharing view and the guard on deleting other people's pages."""

import pytest
from django.urls import reverse

from cms.core.models import StandardPage
from cms.core.workflows import STORY_MODERATION
from tests.builders import make_page


def test_sharing_shows_each_grant_and_where_it_comes_from(client, world):
    story = make_page(world.sections["stories"]["ru"], StandardPage, "A draft", user=None)
    client.force_login(world.users["publisher"])
    response = client.get(reverse("cms_page_sharing", args=[story.pk]))
    assert response.status_code == 200
    rows = response.content.decode()
    assert "Moderators" in rows and "add, change, lock, unlock" in rows
    assert "Translators (ru)" in rows
    assert "Translators (uk)" not in rows
    assert "Publishers" in rows and "the whole site" in rows
    assert STORY_MODERATION.name in rows


def test_sharing_is_for_people_who_can_edit_the_page(client, world):
    client.force_login(world.users["translator_uk"])
    page = world.sections["campaigns"]["en"]
    response = client.get(reverse("cms_page_sharing", args=[page.pk]))
    # Wagtail turns a refusal into a redirect to the dashboard with a message.
    assert response.status_code in (302, 403)
    assert b"Publishers" not in response.content


@pytest.mark.parametrize(("role", "may_delete"), [("translator_ru", False), ("publisher", True)])
def test_deleting_a_translation_someone_else_wrote(client, world, role, may_delete):
    page = make_page(
        world.sections["campaigns"]["ru"], StandardPage, "Перевод", user=world.users["admin"]
    )
    client.force_login(world.users[role])
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert StandardPage.objects.filter(pk=page.pk).exists() != may_delete


def test_submitters_may_discard_their_own_drafts(client, world):
    submitter = world.users["submitter"]
    page = make_page(world.sections["campaigns"]["en"], StandardPage, "Mine", user=submitter)
    client.force_login(submitter)
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert not StandardPage.objects.filter(pk=page.pk).exists()
