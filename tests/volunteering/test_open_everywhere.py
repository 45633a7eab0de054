"""Listing, count, filters, feed, sitemap, JSON-LD and the apply form all ask the same question
("is this vacancy open today?"), so for any set of vacancies and any day they must agree."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import RequestFactory
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.volunteering.helpers import (
    feed_titles,
    frozen_today,
    job_posting,
    listing,
    make_vacancy,
)
from volunteering.models import VacancyPage

BASE_DAY = date(2031, 3, 10)

vacancy_specs = st.lists(
    st.fixed_dictionaries(
        {
            "status": st.sampled_from(["open", "open", "paused", "filled", "closed"]),
            "deadline": st.one_of(st.none(), st.integers(min_value=-3, max_value=3)),
            "team": st.sampled_from(["writing", "design"]),
            "live": st.sampled_from([True, True, True, False]),
        }
    ),
    min_size=0,
    max_size=5,
)


def deadline_of(spec):
    if spec["deadline"] is None:
        return None
    return BASE_DAY + timedelta(days=spec["deadline"])


def expected_open(spec, today):
    deadline = deadline_of(spec)
    return spec["live"] and spec["status"] == "open" and (deadline is None or deadline >= today)


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    # Each example builds pages and makes a dozen requests: shrinking would take many minutes.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(specs=vacancy_specs, day_offset=st.integers(min_value=-2, max_value=4))
def test_every_consumer_agrees_on_what_is_open(client, world, specs, day_offset):
    index = world.sections["volunteering"]["en"]
    today = BASE_DAY + timedelta(days=day_offset)
    # Each example's pages are rolled back below, but the cache is not: a listing cached by an
    # earlier example under the same content_version and day would show its vacancies.
    cache.clear()
    with transaction.atomic():
        pages = {}
        for number, spec in enumerate(specs):
            title = f"Vacancy {number} {spec['team']}"
            deadline = (
                BASE_DAY + timedelta(days=spec["deadline"])
                if spec["deadline"] is not None
                else None
            )
            pages[title] = (
                make_vacancy(
                    index,
                    title,
                    status=spec["status"],
                    deadline=deadline,
                    team=spec["team"],
                    publish=spec["live"],
                ),
                spec,
            )
        expected = {title for title, (_page, spec) in pages.items() if expected_open(spec, today)}
        expected_design = {t for t in expected if pages[t][1]["team"] == "design"}

        with frozen_today(today):
            shown = listing(client, "/en/volunteer/")
            assert set(shown["titles"]) == expected
            noun = "position" if len(expected) == 1 else "positions"
            assert shown["count_text"] == f"{len(expected)} open {noun}"
            assert set(feed_titles(client, "/en/volunteer/feed/")) == expected

            filtered = listing(client, "/en/volunteer/?team=design")
            assert set(filtered["titles"]) == expected_design
            assert set(feed_titles(client, "/en/volunteer/feed/?team=design")) == expected_design
            if expected_design:
                # The option's own count matches what following it shows.
                assert (
                    f'Design <span class="vacancy-filters__count">({len(expected_design)})'
                    in (shown["html"])
                )

            request = RequestFactory().get("/")
            for title, (page, spec) in pages.items():
                is_open = title in expected
                assert bool(page.get_sitemap_urls(request)) == is_open
                assert VacancyPage.objects.open().filter(pk=page.pk).exists() == is_open
                if not spec["live"]:
                    continue
                response = client.get(page.url)
                text = response.content.decode()
                assert (job_posting(text) is not None) == is_open
                assert ('<meta name="robots" content="noindex">' in text) == (not is_open)
                assert ('name="captcha_0"' in text) == is_open
        transaction.set_rollback(True)


def test_the_deadline_passing_changes_everything_at_once(client, index):
    deadline = date(2031, 5, 1)
    closing = make_vacancy(index, "Closing soon", team="design", deadline=deadline)
    other = make_vacancy(index, "Stays open", team="design")
    request = RequestFactory().get("/")

    with frozen_today(deadline):
        shown = listing(client, "/en/volunteer/")
        assert shown["titles"] == ["Closing soon", "Stays open"]
        assert shown["count_text"] == "2 open positions"
        assert feed_titles(client, "/en/volunteer/feed/") == ["Closing soon", "Stays open"]
        assert closing.get_sitemap_urls(request)
        page = client.get(closing.url).content.decode()
        assert job_posting(page)["validThrough"].startswith("2031-05-01T23:59:59")
        assert 'name="captcha_0"' in page
        assert "Closing soon" in client.get(other.url).content.decode()  # related vacancies
        sitemap = client.get("/sitemap-en.xml").content.decode()
        assert "/en/volunteer/closing-soon/" in sitemap

    with frozen_today(deadline + timedelta(days=1)):
        shown = listing(client, "/en/volunteer/")
        assert shown["titles"] == ["Stays open"]
        assert shown["count_text"] == "1 open position"
        assert feed_titles(client, "/en/volunteer/feed/") == ["Stays open"]
        assert closing.get_sitemap_urls(request) == []
        assert "/en/volunteer/closing-soon/" not in client.get("/sitemap-en.xml").content.decode()
        response = client.get(closing.url)
        assert response.status_code == 200  # still reachable, explained
        page = response.content.decode()
        assert "This position is closed" in page
        assert '<meta name="robots" content="noindex">' in page
        assert job_posting(page) is None
        assert "<form" not in page
        assert "Closing soon" not in client.get(other.url).content.decode()
        assert "Design <span" in listing(client, "/en/volunteer/")["html"]
