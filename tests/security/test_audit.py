"""Audit entries for views and exports of private data: who, what, when — never the content."""

import pytest
from django.test import RequestFactory
from wagtail.models import ModelLogEntry

from cms.core.security.audit import ACTION, record
from tests.volunteering.helpers import make_vacancy
from volunteering.models import VacancyApplication

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(world):
    vacancy = make_vacancy(world.sections["volunteering"]["en"], "Translator")
    return VacancyApplication.objects.create(
        vacancy=vacancy,
        name="Secret Name",
        contact="secret@example.org",
        languages="ru",
        availability="evenings",
        motivation="Secret motivation",
        consent=True,
    )


def request_by(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_viewing_an_application_leaves_an_entry_without_its_content(world, application):
    coordinator = world.users["coordinator"]
    entry = record(request_by(coordinator), "viewed", application)
    saved = ModelLogEntry.objects.get(pk=entry.pk)
    assert saved.action == ACTION
    assert saved.user_id == coordinator.pk
    assert saved.object_id == str(application.pk)
    assert saved.timestamp is not None
    stored = f"{saved.label} {saved.data}"
    for secret in ("Secret Name", "secret@example.org", "Secret motivation"):
        assert secret not in stored
    assert saved.data["kind"] == "viewed"
    assert saved.message == "Viewed private data"


def test_an_export_of_a_vacancy_is_recorded_on_the_page(world, application):
    from wagtail.models import PageLogEntry

    record(request_by(world.users["coordinator"]), "exported", application.vacancy)
    entry = PageLogEntry.objects.filter(page=application.vacancy, action=ACTION).get()
    assert entry.data["kind"] == "exported"
    assert entry.user_id == world.users["coordinator"].pk


def test_entries_show_in_the_admin_history_for_administrators(client, world, application):
    record(request_by(world.users["coordinator"]), "viewed", application)
    client.force_login(world.users["admin"])
    response = client.get("/admin/reports/site-history/", {"action": ACTION})
    assert response.status_code == 200
    assert "Viewed private data" in response.content.decode()


def test_only_known_kinds_of_access_are_accepted(world, application):
    with pytest.raises(ValueError):
        record(request_by(world.users["coordinator"]), "viewed: Secret Name", application)
