"""The report's legend, counts per language, "Needs work" filter and CSV export, and stories that
appear only where their contributor allowed translation, read over HTTP."""

import csv
import io
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client

from cms.core.demo import translate_page
from cms.core.models import StandardPage
from tests.cms.translation.translation_support import (
    REPORT_URL,
    make_source_page,
    read_report,
    start_translation,
)
from tests.stories.story_builders import make_private_record, make_story

pytestmark = pytest.mark.django_db


def _client(world, username):
    client = Client()
    client.force_login(world.users[username])
    return client


def counts(response):
    """{state: [count per column]} from the counts table."""
    html = response.content.decode()
    table = html.split('id="translation-counts"', 1)[1].split("</table>", 1)[0]
    return {
        state: [int(n) for n in re.findall(r"<td>(\d+)</td>", row)]
        for state, row in re.findall(r'<tr data-count-state="(\w+)">(.*?)</tr>', table, re.S)
    }


@pytest.fixture
def pages(world, django_capture_on_commit_callbacks):
    """A: Russian up to date, Ukrainian started; B: not translated at all."""
    publisher = world.users["publisher"]
    done = make_source_page(world, title="Free them all")
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(
            done,
            "ru",
            {
                "Free them all": "Свободу всем",
                "free-them-all": "svobodu-vsem",
                "Release the prisoners of the war.": "Освободите узников войны.",
            },
            user=publisher,
        )
    start_translation(Client(), publisher, done, "uk")
    untouched = make_source_page(world, title="Write to them", paragraph="Letters help.")
    standard = ContentType.objects.get_for_model(StandardPage).pk
    return done, untouched, {"type": standard, "locale": "all"}


def test_counts_per_language_and_a_legend_in_words_and_shapes(world, pages):
    _done, _untouched, query = pages
    response = _client(world, "publisher").get(REPORT_URL, query)
    html = response.content.decode()
    # Columns: en ru uk de fr cs.
    table = counts(response)
    assert table["source"] == [2, 0, 0, 0, 0, 0]
    assert table["up_to_date"] == [0, 1, 0, 0, 0, 0]
    assert table["in_progress"] == [0, 0, 1, 0, 0, 0]
    assert table["missing"] == [0, 1, 1, 2, 2, 2]
    assert table["needs_work"] == [0, 1, 2, 2, 2, 2]
    legend = html.split('id="translation-legend"', 1)[1].split("</ul>", 1)[0]
    for shape, word in (("●", "Up to date"), ("▲", "Outdated"), ("○", "Missing")):
        assert shape in legend and word in legend


def test_needs_work_and_each_state_filter_the_rows(world, pages):
    done, untouched, query = pages
    client = _client(world, "publisher")
    needs = read_report(client.get(REPORT_URL, {**query, "locale": "ru", "state": "needs_work"}))
    assert {page for page, _language in needs.cells} == {untouched.pk}
    fine = read_report(client.get(REPORT_URL, {**query, "locale": "ru", "state": "up_to_date"}))
    assert {page for page, _language in fine.cells} == {done.pk}
    # In Ukrainian both need work: one started, one missing.
    uk = read_report(client.get(REPORT_URL, {**query, "locale": "uk", "state": "needs_work"}))
    assert {page for page, _language in uk.cells} == {done.pk, untouched.pk}


def test_csv_export_has_the_same_selection(world, pages):
    done, untouched, query = pages
    response = _client(world, "publisher").get(
        REPORT_URL, {**query, "state": "needs_work", "locale": "ru", "format": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:4] == ["Page", "Page ID", "Type", "Language of the source"]
    assert rows[0][4:] == ["ru", "ru %", "ru outdated since"]
    assert [row[1] for row in rows[1:]] == [str(untouched.pk)]
    assert rows[1][4] == "Missing"

    everything = _client(world, "publisher").get(REPORT_URL, {**query, "format": "csv"})
    lines = {row[1]: row for row in csv.reader(io.StringIO(everything.content.decode()))}
    ru_column = lines["Page ID"].index("ru")
    assert lines[str(done.pk)][ru_column : ru_column + 2] == ["Up to date", "100"]


def test_csv_cells_never_run_as_formulas(world):
    make_source_page(world, title="=HYPERLINK(1)")
    standard = ContentType.objects.get_for_model(StandardPage).pk
    response = _client(world, "publisher").get(REPORT_URL, {"type": standard, "format": "csv"})
    titles = [row[0] for row in csv.reader(io.StringIO(response.content.decode()))]
    assert "'=HYPERLINK(1)" in titles


def test_stories_appear_only_where_translation_is_allowed(world):
    section = world.sections["stories"]["en"]
    allowed = make_story(section, "Told, may be translated", ["Reviewed."], publish=True)
    make_private_record(allowed, consent_translation=True)
    refused = make_story(section, "Told, not to be translated", ["Reviewed."], publish=True)
    make_private_record(refused, consent_translation=False)

    report = read_report(_client(world, "publisher").get(REPORT_URL, {"locale": "ru"}))
    assert report.cells[allowed.pk, "ru"][0] == "missing"
    assert (refused.pk, "ru") not in report.cells, "no consent: not offered for translation"
