"""A submitter's vacancy goes live only through "Vacancy publication", approved by a
coordinator, all over HTTP as in the admin."""

import json

from cms.core.workflows import VACANCY_PUBLICATION
from volunteering.models import VacancyPage

CONTENTSTATE = json.dumps(
    {
        "blocks": [
            {
                "key": "a1b2c",
                "type": "unordered-list-item",
                "text": "Write one article a month.",
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [],
            }
        ],
        "entityMap": {},
    }
)


def form_data(**changes):
    data = {
        "title": "Podcast editor",
        "slug": "podcast-editor",
        "team": "communications",
        "summary": "Edit our monthly podcast.",
        "responsibilities": CONTENTSTATE,
        "skills": "audio, editing",
        "languages": ["ru", "en"],
        "hours_per_week": "5",
        "duration": "Six months",
        "remote": "on",
        "location": "",
        "countries": ["DE", "CZ"],
        "deadline": "",
        "status": "open",
        "apply_method": "form",
        "apply_url": "",
        "contact_role": "editorial",
        "safety_note": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_submitter_drafts_go_through_vacancy_publication(client, world, users):
    index = world.sections["volunteering"]["en"]
    add_url = f"/admin/pages/add/volunteering/vacancypage/{index.pk}/"

    client.force_login(users["submitter"])
    response = client.post(add_url, form_data(**{"action-publish": "1"}))
    assert response.status_code == 302
    page = VacancyPage.objects.get(slug="podcast-editor")
    assert not page.live  # a submitter cannot publish
    assert page.languages == ["ru", "en"] and page.countries == ["DE", "CZ"]
    assert sorted(tag.name for tag in page.skills.all()) == ["audio", "editing"]

    edit_url = f"/admin/pages/{page.pk}/edit/"
    response = client.post(edit_url, form_data(**{"action-submit": "1"}))
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and VACANCY_PUBLICATION.governs(state.workflow)
    assert not page.live
    assert client.get("/en/volunteer/").content.decode().count("Podcast editor") == 0

    task_state = state.current_task_state
    approve_url = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
    client.force_login(users["publisher"])  # not in the task's group
    client.post(approve_url, {"comment": ""})
    page.refresh_from_db()
    assert not page.live

    client.force_login(users["coordinator"])
    response = client.post(approve_url, {"comment": ""})
    page.refresh_from_db()
    assert page.live
    assert "Podcast editor" in client.get("/en/volunteer/").content.decode()


def test_admin_form_refuses_a_remote_role_without_countries(client, world, users):
    index = world.sections["volunteering"]["en"]
    client.force_login(users["coordinator"])
    response = client.post(
        f"/admin/pages/add/volunteering/vacancypage/{index.pk}/",
        form_data(countries=[], **{"action-publish": "1"}),
    )
    assert response.status_code == 200  # the form again, with the error
    assert "Choose at least one country applicants may live in." in response.content.decode()
    assert not VacancyPage.objects.filter(slug="podcast-editor").exists()
