"""JobPosting data, checked against the properties search engines require, and against the
text a reader sees on the same page."""

import re
from datetime import date

from tests.volunteering.helpers import frozen_today, job_posting, make_vacancy, visible_text

REQUIRED = ("title", "description", "datePosted", "hiringOrganization")


def main_text(page_html):
    return visible_text(page_html.split('<main id="main"', 1)[1].split("</main>", 1)[0])


def test_remote_vacancy_has_every_required_property_and_matches_the_page(client, index):
    vacancy = make_vacancy(
        index,
        "Fact-checker",
        summary="Check figures & quotes before <publication>.",
        deadline=date(2031, 6, 30),
        countries=["DE", "CZ"],
        skills=["research", "fact-checking"],
        hours_per_week=6,
    )
    with frozen_today(date(2031, 6, 1)):
        page = client.get(vacancy.url).content.decode()
    data = job_posting(page)
    for name in REQUIRED:
        assert data[name], name
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["employmentType"] == "VOLUNTEER"
    assert "baseSalary" not in data
    organisation = data["hiringOrganization"]
    assert organisation["name"] == "Polyphony"
    assert organisation["sameAs"].startswith("http")
    assert organisation["logo"].endswith("/static/volunteering/logo.png")
    assert data["validThrough"].startswith("2031-06-30T23:59:59")
    assert data["datePosted"] == vacancy.first_published_at.date().isoformat()
    # Fully remote: no jobLocation, but where applicants may live.
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert "jobLocation" not in data
    assert data["applicantLocationRequirements"] == [
        {"@type": "Country", "name": "Germany"},
        {"@type": "Country", "name": "Czechia"},
    ]
    assert data["directApply"] is True
    assert data["skills"] == "fact-checking, research"

    # What the markup says is what the page says.
    shown = main_text(page)
    assert re.search(r"<h1>Fact-checker</h1>", page)
    assert data["title"] == "Fact-checker"
    description = visible_text(data["description"])
    assert "Check figures & quotes before <publication>." in description
    assert "fully remote" in description
    assert description in shown
    assert data["workHours"] in shown
    assert "Germany, Czechia" in shown


def test_in_person_vacancy_has_a_job_location_and_external_one_no_direct_apply(client, index):
    vacancy = make_vacancy(
        index,
        "Stand helper",
        remote=False,
        location="Prague",
        countries=["CZ"],
        apply_method="external",
        apply_url="https://example.org/apply",
    )
    page = client.get(vacancy.url).content.decode()
    data = job_posting(page)
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {"@type": "PostalAddress", "addressLocality": "Prague", "addressCountry": "CZ"},
    }
    assert "jobLocationType" not in data
    assert "directApply" not in data
    assert "validThrough" not in data  # no deadline
    assert "This role is done in person in Prague." in main_text(page)
    assert 'href="https://example.org/apply"' in page
    assert "<form" not in page


def test_each_language_describes_its_own_page(client, world):
    index = world.sections["volunteering"]["de"]
    vacancy = make_vacancy(index, "Übersetzer*in", summary="Übersetzen Sie <b>Kampagnen</b>.")
    page = client.get(vacancy.url).content.decode()
    assert '<html lang="de">' in page
    data = job_posting(page)
    assert data["inLanguage"] == "de"
    assert data["title"] == "Übersetzer*in"
    assert "Übersetzen Sie <b>Kampagnen</b>." in visible_text(data["description"])
    # The JSON cannot end its <script> element early, whatever an editor types.
    script = page.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "<b>" not in script


def test_paused_and_filled_vacancies_have_no_markup_and_say_why(client, index):
    paused = make_vacancy(index, "Paused role", status="paused")
    filled = make_vacancy(index, "Filled role", status="filled")
    paused_page = client.get(paused.url).content.decode()
    filled_page = client.get(filled.url).content.decode()
    assert job_posting(paused_page) is None and job_posting(filled_page) is None
    assert "not taking applications at the moment" in paused_page
    assert "This position has been filled." in filled_page
