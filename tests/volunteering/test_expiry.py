"""The scheduled command: stored status follows the deadline, coordinators hear once."""

import io
from datetime import date, timedelta

from django.core import mail
from django.core.management import call_command

from tests.volunteering.helpers import frozen_today, make_vacancy
from volunteering.models import DeadlineReminder, VacancyPage

TODAY = date(2031, 9, 15)


def run(today=TODAY):
    with frozen_today(today):
        call_command("close_expired_vacancies", stdout=io.StringIO())


def test_expired_vacancies_are_closed_with_a_published_revision(index):
    expired = make_vacancy(index, "Expired", deadline=TODAY - timedelta(days=1))
    due_today = make_vacancy(index, "Due today", deadline=TODAY)
    undated = make_vacancy(index, "Undated")
    revisions_before = expired.revisions.count()

    run()

    expired.refresh_from_db()
    assert expired.status == "closed"
    assert expired.live
    assert expired.revisions.count() == revisions_before + 1
    assert expired.live_revision.as_object().status == "closed"
    assert VacancyPage.objects.get(pk=due_today.pk).status == "open"
    assert VacancyPage.objects.get(pk=undated.pk).status == "open"
    run()  # a second run changes nothing more
    assert expired.revisions.count() == revisions_before + 1


def test_an_editors_pending_draft_survives_closing(index):
    vacancy = make_vacancy(index, "Has a draft", deadline=TODAY - timedelta(days=2))
    draft = vacancy.get_latest_revision_as_object()
    draft.summary = "A better summary, not yet published."
    draft.save_revision()

    run()

    vacancy = VacancyPage.objects.get(pk=vacancy.pk)
    assert vacancy.status == "closed"
    assert vacancy.summary != "A better summary, not yet published."  # live content kept
    latest = vacancy.get_latest_revision_as_object()
    assert latest.summary == "A better summary, not yet published."
    assert latest.status == "closed"  # publishing the draft later cannot reopen it


def test_coordinators_are_told_once_a_week_before_the_deadline(index, users):
    soon = make_vacancy(index, "Closing in a week", deadline=TODAY + timedelta(days=7))
    make_vacancy(index, "Closing later", deadline=TODAY + timedelta(days=8))
    make_vacancy(index, "Paused", deadline=TODAY + timedelta(days=3), status="paused")

    run()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [users["coordinator"].email]
    assert "Closing in a week" in message.body
    assert "Closing later" not in message.body and "Paused" not in message.body

    run()
    run(TODAY + timedelta(days=1))
    assert len(mail.outbox) == 2  # only "Closing later" is new the next day
    assert "Closing later" in mail.outbox[1].body
    assert "Closing in a week" not in mail.outbox[1].body

    # A moved deadline is a new deadline: coordinators hear about it when it comes near.
    soon.deadline = TODAY + timedelta(days=20)
    soon.save_revision().publish()
    run(TODAY + timedelta(days=14))
    assert "Closing in a week" in mail.outbox[-1].body
    assert DeadlineReminder.objects.filter(vacancy=soon).count() == 2


def test_translations_follow_their_sources_status_and_deadline(client, index):
    from cms.core.demo import translate_page

    source = make_vacancy(index, "Researcher", deadline=TODAY + timedelta(days=30))
    russian = translate_page(source, "ru", {"Researcher": "Исследователь"})
    assert russian.status == "open"
    assert "Исследователь" in client.get("/ru/volunteer/").content.decode()

    source.status = "filled"
    source.save_revision().publish()
    russian = VacancyPage.objects.get(pk=russian.pk)
    assert russian.status == "filled"
    assert russian.title == "Исследователь"  # words untouched
    assert "Исследователь" not in client.get("/ru/volunteer/").content.decode()

    source.status = "open"
    source.deadline = TODAY - timedelta(days=1)
    source.save_revision().publish()
    russian = VacancyPage.objects.get(pk=russian.pk)
    assert (russian.status, russian.deadline) == ("open", TODAY - timedelta(days=1))
    run()
    assert VacancyPage.objects.get(pk=russian.pk).status == "closed"
