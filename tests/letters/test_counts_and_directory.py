"""Counts of letters sent (the only thing that outlives the letters), the directory's filters
and the numbers beside them, compared with the database, and retention."""

import datetime
import re

import pytest
from django.core.management import call_command

from letters.directory import Filters, apply, birthday_soon_q
from letters.models import Letter, LetterBatch, LetterCount, PrisonerAnswer, PrisonerPage

from .conftest import make_letter, ru

pytestmark = pytest.mark.django_db
YEAR = datetime.date.today().year


def _count(key, number, year=YEAR):
    LetterCount.objects.create(prisoner_key=key, year=year, count=number)


def test_prisoner_pages_show_this_years_count_in_every_language(client, letters):
    anna = letters["anna"]
    _count(anna.translation_key, 3)
    _count(anna.translation_key, 40, year=YEAR - 1)
    assert "3 letters sent to Anna Fictional this year" in client.get(anna.url).content.decode()
    page = client.get(ru(anna).url).content.decode()
    assert 'data-sent-this-year="3"' in page and "3 письма отправлено" in page


def test_directory_filters_and_their_numbers_match_the_database(client, letters):
    anna, boris, vera = letters["anna"], letters["boris"], letters["vera"]
    _count(anna.translation_key, 6)  # not "few": the threshold is 5
    _count(vera.translation_key, 2)
    directory = letters["directory"]
    everyone = PrisonerPage.objects.child_of(directory).live()

    page = client.get(directory.url).content.decode()
    campaign = letters["campaign"]
    in_campaign = everyone.filter(campaign=campaign).count()
    assert f'value="{campaign.pk}" data-count="{in_campaign}"' in page
    assert in_campaign == 2
    for region in ("Пермский край", "Владимирская область"):
        expected = everyone.filter(prison__region=region).count()
        assert f'value="{region}" data-count="{expected}"' in page
    soon = everyone.filter(birthday_soon_q()).count()
    assert f'<span data-filter-count="birthday">{soon}</span>' in page and soon == 1
    few = everyone.exclude(translation_key=anna.translation_key).count()
    assert f'<span data-filter-count="few">{few}</span>' in page
    # Letters to the campaign's people this year: Anna's 6, Boris's none.
    assert re.search(rf'data-campaign-letters="{campaign.pk}">6 letters sent this year', page)

    for query, expected in (
        ({"few": "1"}, {"Boris Invented", "Vera Madeup"}),
        ({"birthday": "soon"}, {"Anna Fictional"}),
        ({"campaign": str(campaign.pk), "few": "1"}, {"Boris Invented"}),
        ({"region": "Владимирская область"}, {"Vera Madeup"}),
    ):
        listing = client.get(directory.url, query).content.decode()
        results = listing.split('class="prisoner-list"', 1)[1].split("</ul>", 1)[0]
        shown = set(re.findall(r'<li><a href="[^"]+">([^<]+)</a>', results))
        assert shown == expected, query
        assert {p.title for p in apply(everyone, Filters.from_query(query))} == expected

    random_pick = client.get(directory.random_url())
    assert random_pick.status_code == 302
    assert random_pick["Location"] in {boris.write_url(), vera.write_url()}


def _days(q):
    days = set()
    for child in q.children:
        if hasattr(child, "children"):
            fields = dict(child.children)
            days.add((fields["birthday__month"], fields["birthday__day"]))
    return days


def test_birthdays_soon_cross_the_new_year():
    days = _days(birthday_soon_q(today=datetime.date(2026, 12, 25), days=14))
    assert (12, 25) in days and (12, 31) in days and (1, 7) in days
    assert (12, 24) not in days and (1, 8) not in days
    assert (2, 29) in _days(birthday_soon_q(today=datetime.date(2027, 2, 28), days=1))


def test_published_answers_with_consent_are_quoted(client, letters):
    anna = letters["anna"]
    PrisonerAnswer.objects.create(
        prisoner=anna,
        quote="Спасибо всем, кто пишет!",
        received_on=datetime.date.today(),
        consent_to_publish=True,
        published=True,
    )
    PrisonerAnswer.objects.create(
        prisoner=anna,
        quote="Это личное.",
        received_on=datetime.date.today(),
        consent_to_publish=False,
        published=False,
    )
    page = client.get(ru(anna).url).content.decode()
    assert "Спасибо всем, кто пишет!" in page and "Это личное." not in page


def test_retention_deletes_letters_and_keeps_the_counts(client, letters, settings):
    settings.LETTERS_RETENTION_DAYS = 30
    anna = letters["anna"]
    today = datetime.date.today()
    prison = letters["prisons"][0]
    old = LetterBatch.objects.create(
        prison=prison,
        created_on=today,
        state=LetterBatch.SENT,
        sent_on=today - datetime.timedelta(days=31),
        letter_count=1,
    )
    recent = LetterBatch.objects.create(
        prison=prison,
        created_on=today,
        state=LetterBatch.SENT,
        sent_on=today - datetime.timedelta(days=10),
        letter_count=1,
    )
    make_letter(anna, text="Старое.", state=Letter.SENT, batch=old)
    kept = make_letter(anna, text="Недавнее.", state=Letter.SENT, batch=recent)
    make_letter(
        anna,
        text="Отклонённое.",
        state=Letter.REFUSED,
        refusal_reason="abuse",
        decided_on=today - datetime.timedelta(days=40),
    )
    waiting = make_letter(anna, text="Ждёт.", received_on=today - datetime.timedelta(days=90))
    _count(anna.translation_key, 2)

    call_command("purge_letters", verbosity=0)

    assert set(Letter.objects.values_list("pk", flat=True)) == {kept.pk, waiting.pk}
    assert not Letter.objects.filter(text__in=["Старое.", "Отклонённое."]).exists()
    old.refresh_from_db()
    assert old.letter_count == 1
    assert "2 letters sent to Anna Fictional" in client.get(anna.url).content.decode()


def test_sending_a_batch_purges_the_prisoners_pages_from_the_edge_cache(
    letters, settings, monkeypatch, django_capture_on_commit_callbacks
):
    from cms.core import edge_cache
    from letters.batches import make_batches, mark_sent

    settings.WAGTAILFRONTENDCACHE = {
        "edge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:9",
        }
    }
    purged = []
    monkeypatch.setattr(edge_cache, "_purge", purged.extend)
    make_letter(letters["anna"], state=Letter.READY)
    (batch,) = make_batches()
    with django_capture_on_commit_callbacks(execute=True):
        mark_sent(batch)
    paths = {url.split("://", 1)[1].split("/", 1)[1] for url in purged}
    assert {"en/letters/anna/", "ru/letters/anna/", "en/letters/", "ru/letters/"} <= paths
    assert "en/letters/vera/" not in paths


def test_write_to_someone_at_random_with_nobody_listed_leads_back_to_the_directory(client, letters):
    directory = letters["directory"]
    PrisonerPage.objects.child_of(directory).update(live=False)
    answer = client.get(directory.random_url())
    assert answer.status_code == 302
    assert answer["Location"] == directory.url
    assert "no-store" in answer["Cache-Control"]
