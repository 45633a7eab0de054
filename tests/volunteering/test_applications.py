"""Applying without JavaScript, and who may read what was sent."""

import csv
import io
import re
from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageLogEntry

from cms.core.security.audit import ACTION as AUDIT_ACTION
from tests.volunteering.helpers import ANSWERS, make_vacancy
from volunteering.models import VacancyApplication

HASHKEY = re.compile(
    r'name="captcha_0"[^>]*value="([0-9a-f]+)"|value="([0-9a-f]+)"[^>]*name="captcha_0"'
)
STARTED = re.compile(r'name="form_started" value="([^"]+)"')
ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) TestBrowser/1.0"


@pytest.fixture(autouse=True)
def _people_are_fast(settings):
    # The minimum fill time is tested in cms; here applicants are simply quick.
    settings.FORM_MIN_FILL_SECONDS = 0


def protection(client, url):
    """GET the page like a browser; return the hidden fields with the captcha answered."""
    page = client.get(url).content.decode()
    match = HASHKEY.search(page)
    assert match, "the page has no apply form"
    hashkey = match.group(1) or match.group(2)
    return {
        "form_started": STARTED.search(page).group(1),
        "captcha_0": hashkey,
        "captcha_1": CaptchaStore.objects.get(hashkey=hashkey).response,
        "website": "",
    }


def apply(client, vacancy, **changes):
    data = {**ANSWERS, **protection(client, vacancy.url), **changes}
    return client.post(vacancy.url, data, REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT)


@pytest.fixture
def vacancy(index):
    return make_vacancy(index, "Translator")


def test_application_is_stored_privately_and_thanks_the_applicant(client, vacancy):
    response = apply(client, vacancy)
    assert response.status_code == 303
    assert response["Location"] == "/en/volunteer/translator/thanks/"
    thanks = client.get(response["Location"])
    assert "Thank you for applying" in thanks.content.decode()

    application = VacancyApplication.objects.get()
    assert application.vacancy_id == vacancy.pk
    assert application.name == "Lisa Pseudonym"
    assert application.contact == "@lisa_signal"
    assert application.consent is True
    assert application.status == "new"
    assert application.received_on == timezone.localdate()
    # Nothing about the visitor's connection is kept, in any column.
    row = VacancyApplication.objects.filter(pk=application.pk).values().get()
    for value in row.values():
        assert ADDRESS not in str(value) and "TestBrowser" not in str(value)
    field_names = {field.name for field in VacancyApplication._meta.get_fields()}
    assert not field_names & {"ip", "ip_address", "user_agent", "created_at"}
    # The public page shows nothing of it.
    assert "Lisa Pseudonym" not in client.get(vacancy.url).content.decode()


def test_thank_you_page_is_in_the_applicants_language(client, world):
    russian = make_vacancy(world.sections["volunteering"]["ru"], "Переводчик")
    response = apply(client, russian)
    assert response.status_code == 303
    thanks = client.get(response["Location"]).content.decode()
    assert '<html lang="ru">' in thanks
    assert "Спасибо" in thanks
    assert VacancyApplication.objects.get().vacancy_id == russian.pk


@pytest.mark.parametrize(
    "changes",
    [
        {"website": "http://spam.example"},  # the honeypot
        {"captcha_1": "wrong"},
        {"consent": ""},
        {"name": ""},
    ],
)
def test_bad_submissions_store_nothing(client, vacancy, changes):
    response = apply(client, vacancy, **changes)
    assert response.status_code == 400
    assert VacancyApplication.objects.count() == 0
    assert 'class="error-summary"' in response.content.decode()


def test_closed_vacancy_takes_no_application(client, vacancy):
    data = {**ANSWERS, **protection(client, vacancy.url)}
    vacancy.status = "filled"
    vacancy.save_revision().publish()
    response = client.post(vacancy.url, data)
    assert response.status_code == 200
    assert "This position has been filled." in response.content.decode()
    assert VacancyApplication.objects.count() == 0


def test_applications_from_one_address_are_limited(client, vacancy, settings):
    settings.VACANCY_APPLY_PER_ADDRESS = 2
    assert apply(client, vacancy).status_code == 303
    assert apply(client, vacancy).status_code == 303
    assert apply(client, vacancy).status_code == 429
    assert VacancyApplication.objects.count() == 2


def test_purge_deletes_only_applications_past_retention(vacancy, settings):
    settings.APPLICATION_RETENTION_DAYS = 30
    today = timezone.localdate()
    old = VacancyApplication.objects.create(
        vacancy=vacancy, received_on=today - timedelta(days=31), **_fields()
    )
    edge = VacancyApplication.objects.create(
        vacancy=vacancy, received_on=today - timedelta(days=30), **_fields()
    )
    call_command("purge_applications", stdout=io.StringIO())
    assert not VacancyApplication.objects.filter(pk=old.pk).exists()
    assert VacancyApplication.objects.filter(pk=edge.pk).exists()


def _fields(**changes):
    values = {key: value for key, value in ANSWERS.items() if key != "consent"}
    return {**values, "consent": True, **changes}


# --- who may read them -------------------------------------------------------------------------

ALLOWED = {"admin", "coordinator"}
DEMO_ROLES = [
    "admin",
    "submitter",
    "moderator",
    "moderator2",
    "translator_ru",
    "translator_uk",
    "publisher",
    "coordinator",
]


@pytest.fixture
def application(vacancy):
    return VacancyApplication.objects.create(vacancy=vacancy, **_fields(name="=HYPERLINK(1)"))


@pytest.mark.parametrize("username", DEMO_ROLES)
def test_only_coordinators_and_admins_see_applications(
    client, users, vacancy, application, username
):
    client.force_login(users[username])
    # Each URL, and what it shows when allowed.
    urls = {
        "/admin/volunteering/applications/": "Translator",
        f"/admin/volunteering/applications/{vacancy.pk}/": "HYPERLINK",
        f"/admin/volunteering/applications/{vacancy.pk}/csv/": "HYPERLINK",
    }
    for url, evidence in urls.items():
        response = client.get(url)
        if username in ALLOWED:
            assert response.status_code == 200, url
            assert evidence in response.content.decode("utf-8-sig")
        else:
            assert response.status_code == 403, (username, url)
            assert b"HYPERLINK" not in response.content
            assert b"Translator" not in response.content
    response = client.post(
        f"/admin/volunteering/applications/{vacancy.pk}/",
        {"application": application.pk, "status": "accepted"},
    )
    application.refresh_from_db()
    if username in ALLOWED:
        assert response.status_code == 302
        assert application.status == "accepted"
    else:
        assert response.status_code == 403
        assert application.status == "new"
    menu = client.get("/admin/").content.decode()
    assert ("/admin/volunteering/applications/" in menu) == (username in ALLOWED)


def test_anonymous_visitors_are_sent_to_login(client, vacancy, application):
    response = client.get(f"/admin/volunteering/applications/{vacancy.pk}/csv/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_csv_export_holds_every_answer_and_defuses_formulas(client, users, vacancy, application):
    VacancyApplication.objects.create(vacancy=vacancy, **_fields(name="Ольга", status="contacted"))
    other = make_vacancy(vacancy.get_parent(), "Designer")
    VacancyApplication.objects.create(vacancy=other, **_fields(name="Not this one"))
    client.force_login(users["coordinator"])
    response = client.get(f"/admin/volunteering/applications/{vacancy.pk}/csv/")
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == [
        "received on",
        "status",
        "name or pseudonym",
        "email or messenger handle",
        "languages",
        "availability",
        "motivation",
        "consent to be contacted",
    ]
    by_name = {row[2]: row for row in rows[1:]}
    assert set(by_name) == {"'=HYPERLINK(1)", "Ольга"}
    olga = by_name["Ольга"]
    assert olga[1] == "contacted"
    assert olga[3:7] == [
        "'@lisa_signal",  # "@" starts a formula in some spreadsheets too
        "Russian, German",
        "5 hours a week from March",
        "I translate for a living and want to help.",
    ]
    assert olga[0] == timezone.localdate().isoformat()
    # The export is on the vacancy's history: who and when, none of the answers.
    entry = PageLogEntry.objects.get(page=vacancy, action=AUDIT_ACTION, data__kind="exported")
    assert entry.user_id == users["coordinator"].pk
    assert "Ольга" not in f"{entry.label} {entry.data}"
