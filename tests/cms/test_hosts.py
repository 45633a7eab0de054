"""Many doors, one site (cms/core/hosts.py): the same pages fetched under the primary clearnet
name, the onion name and a mirror name name only the door they were fetched through.

Every public page type (home, section listings, a standard page, a story, a campaign, a vacancy,
the story form and the receipt check) in two languages, their feeds, the sitemaps, robots.txt and
the campaigns API. Outbound links (the licence, the quick exit, a campaign's sources) may name
other sites; no absolute URL may name another of our doors or the Site record's own address. The
canonical link is the one allowed exception: the primary host, on the primary and mirrors only.
"""

import re
from urllib.parse import urljoin, urlsplit

import pytest
from django.core.cache import cache

from campaigns.models import CampaignPage
from cms.core.models import StandardPage
from tests.builders import make_page
from tests.stories.story_builders import make_story
from tests.volunteering.helpers import make_vacancy

PRIMARY = "polyphony.example.org"
ONION = "pphnyexampleexampleexampleexampleexampleexampleexample2ad.onion"
MIRROR = "mirror-one.example.net"
DOORS = (PRIMARY, ONION, MIRROR)
# The Site record's address (what links named before) and the test client's default host.
NOT_DOORS = {"127.0.0.1", "localhost", "testserver"}
LANGUAGES = ("en", "ru")
ABSOLUTE = re.compile(r"""(?:https?:)?//[^\s"'<>)]+""")
CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


@pytest.fixture
def doors(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, PRIMARY, ONION, MIRROR]
    settings.PRIMARY_HOST = PRIMARY
    settings.ONION_HOST = ONION
    settings.MIRROR_HOSTS = [MIRROR]
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def every_page_type(world):
    """One page of each public type in each of the two languages, live."""
    from stories.models import ReceiptStatusPage, StorySubmissionPage

    admin = world.users["admin"]
    for language in LANGUAGES:
        stories = world.sections["stories"][language]
        campaigns = world.sections["campaigns"][language]
        make_story(stories, f"A story {language}", ["It happened."], user=admin, publish=True)
        make_page(stories, StorySubmissionPage, "Tell", slug="tell", publish=True, intro="<p>x</p>")
        make_page(stories, ReceiptStatusPage, "Status", slug="status", publish=True)
        make_page(
            campaigns, CampaignPage, f"Free them {language}", user=admin, publish=True,
            standfirst="What we demand.", body="[]",
        )  # fmt: skip
        make_vacancy(world.sections["volunteering"][language], f"Translator {language}")
        make_page(world.homes[language], StandardPage, f"About {language}", publish=True)


def get(client, url, host, **extra):
    return client.get(url, HTTP_HOST=host, **extra)


def page_type_paths(code):
    return [
        f"/{code}/", f"/{code}/about-{code}/", f"/{code}/stories/",
        f"/{code}/stories/a-story-{code}/",
        f"/{code}/stories/tell/", f"/{code}/stories/status/", f"/{code}/campaigns/",
        f"/{code}/campaigns/free-them-{code}/", f"/{code}/volunteer/",
        f"/{code}/volunteer/translator-{code}/",
    ]  # fmt: skip


def crawl(client, host, limit=120):
    """Every page type, and every HTML page reachable from them, through this door."""
    queue = [path for code in LANGUAGES for path in page_type_paths(code)]
    seen, pages = set(), {}
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        response = get(client, path, host)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue
        html = response.content.decode()
        pages[path] = html
        for ref in re.findall(r'<a [^>]*href="([^"]+)"', html):
            parts = urlsplit(urljoin(f"http://{host}{path}", ref))
            if parts.hostname == host and parts.path.startswith(tuple(f"/{c}/" for c in LANGUAGES)):
                queue.append(parts.path)
    return pages


def hosts_named(text):
    return {urlsplit(url if ":" in url.split("//")[0] else "http:" + url).hostname for url in
            ABSOLUTE.findall(text)}  # fmt: skip


def other_doors(host):
    return ({*DOORS} - {host}) | NOT_DOORS


@pytest.mark.parametrize("host", DOORS)
def test_every_page_type_names_only_the_door_it_was_fetched_through(
    client, doors, every_page_type, host
):
    # The other doors first: their fragments are in the cache when this door is fetched.
    for other in DOORS:
        if other != host:
            crawl(client, other, limit=20)
    pages = crawl(client, host)
    # Home, three listings, a story, a campaign, a vacancy, about, the form, the receipt check.
    missing = {p for code in LANGUAGES for p in page_type_paths(code)} - set(pages)
    assert not missing
    # The one page whose purpose is to name the other doors (cms/core/blocked.py).
    assert {f"/{code}/if-blocked/" for code in LANGUAGES} <= set(pages)
    pages = {path: html for path, html in pages.items() if not path.endswith("/if-blocked/")}
    for path, html in pages.items():
        without_canonical = CANONICAL.sub("", html)
        assert not hosts_named(without_canonical) & other_doors(host), path
        alternates = re.findall(r'hreflang="[^"]+" href="([^"]+)"', html)
        assert alternates and all(a.startswith(f"http://{host}/") for a in alternates), path
    campaign = next(html for path, html in pages.items() if "/campaigns/free-them-en/" in path)
    assert (
        f'<meta property="og:url" content="http://{host}/en/campaigns/free-them-en/">' in campaign
    )
    vacancy = next(html for path, html in pages.items() if "/volunteer/translator-en/" in path)
    assert f'"url": "http://{host}/en/volunteer/translator-en/"' in vacancy
    assert f'"logo": "http://{host}/static/' in vacancy


def test_the_canonical_link_names_the_primary_host_and_the_onion_has_none(
    client, doors, every_page_type
):
    for host in (PRIMARY, MIRROR):
        html = get(client, "/ru/campaigns/free-them-ru/", host).content.decode()
        assert CANONICAL.findall(html) == [f"https://{PRIMARY}/ru/campaigns/free-them-ru/"]
    html = get(client, "/ru/campaigns/free-them-ru/", ONION).content.decode()
    assert CANONICAL.findall(html) == []


@pytest.mark.parametrize("host", DOORS)
def test_feeds_sitemaps_robots_and_the_api_follow_the_door(client, doors, every_page_type, host):
    urls = [
        *(f"/{code}/{section}/feed/" for code in LANGUAGES
          for section in ("stories", "campaigns", "volunteer")),
        "/sitemap.xml", "/sitemap-en.xml", "/sitemap-ru.xml", "/robots.txt",
        "/api/v2/campaigns/?locale=ru",
    ]  # fmt: skip
    for url in urls:
        response = get(client, url, host)
        assert response.status_code == 200, url
        text = response.content.decode()
        named = hosts_named(text)
        assert host in named, url
        assert not named & other_doors(host), (url, named & other_doors(host))
    api = get(client, "/api/v2/campaigns/?locale=ru", host).json()
    [item] = api["items"]
    assert item["meta"]["detail_url"].startswith(f"http://{host}/api/v2/campaigns/")
    assert item["meta"]["html_url"] == f"http://{host}/ru/campaigns/free-them-ru/"


def test_behind_the_onion_server_every_url_is_plain_http(client, doors, every_page_type, settings):
    """site/nginx/polyphony-onion.conf tells the application the connection is secure
    (X-Forwarded-Proto: https), so request.scheme says https; an onion has no TLS, so a URL
    built from the raw request (build_absolute_uri) would lead nowhere."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    urls = [
        *(f"/{code}/{section}/feed/" for code in LANGUAGES
          for section in ("stories", "campaigns", "volunteer")),
        *page_type_paths("ru"), "/sitemap.xml", "/sitemap-ru.xml", "/robots.txt",
        "/api/v2/campaigns/?locale=ru",
    ]  # fmt: skip
    for url in urls:
        response = get(client, url, ONION, HTTP_X_FORWARDED_PROTO="https")
        assert response.status_code == 200, url
        text = response.content.decode()
        assert f"http://{ONION}/" in text, url
        assert f"https://{ONION}" not in text, url


def test_onion_location_is_sent_on_clearnet_doors_only(client, doors, world):
    for host in (PRIMARY, MIRROR):
        response = get(client, "/ru/stories/", host)
        assert response["Onion-Location"] == f"http://{ONION}/ru/stories/"
    assert "Onion-Location" not in get(client, "/ru/stories/", ONION)


def test_the_if_blocked_page_names_every_door_in_the_readers_language(client, doors, world):
    en = get(client, "/en/", PRIMARY).content.decode()
    assert '<a href="/en/if-blocked/">If this site is blocked</a>' in en
    ru = get(client, "/ru/if-blocked/", ONION).content.decode()
    assert "Если сайт заблокирован" in ru
    assert f"http://{ONION}/" in ru and f"https://{MIRROR}/" in ru and f"https://{PRIMARY}/" in ru
    assert "bridges.torproject.org" in ru


def test_the_if_blocked_page_under_make_run_names_the_address_it_is_served_at(client, world):
    """No PRIMARY_HOST: the first name of ALLOWED_HOSTS is the primary, as under `make run`,
    which serves plain HTTP on a port: https://127.0.0.1/ there would lead nowhere."""
    from cms.core.hosts import primary_host

    door = f"{primary_host()}:8123"
    html = get(client, "/en/if-blocked/", door).content.decode()
    assert f"<code>http://{door}/</code>" in html
    assert f"https://{primary_host()}/" not in html


def test_without_an_onion_host_no_onion_location(client, doors, world, settings):
    settings.ONION_HOST = ""
    assert "Onion-Location" not in get(client, "/en/", PRIMARY)


def test_a_host_that_is_only_a_pattern_is_never_echoed(client, doors, world, settings):
    """ALLOWED_HOSTS may hold ".example.com": any name under it passes Django's check, but a
    forged name must not reach a page (and the edge cache): links keep the Site's address."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, ".wild.example"]
    html = get(client, "/en/", "attacker.wild.example").content.decode()
    assert "attacker.wild.example" not in html
    assert 'hreflang="en" href="http://127.0.0.1:8000/en/"' in html
    assert get(client, "/en/", "elsewhere.invalid").status_code == 400
    for path in ("/robots.txt", "/sitemap.xml", "/sitemap-en.xml"):
        answer = get(client, path, "attacker.wild.example")
        assert answer.status_code == 200, path
        body = answer.content.decode()
        assert "attacker.wild.example" not in body, path
        assert "http://127.0.0.1:8000/" in body, path


def test_each_door_keeps_its_own_fragments(client, doors, world):
    """Template fragments hold absolute URLs: a fragment cached for one door is never served
    to another (cms/core/fragments.py keys them per door)."""
    first = get(client, "/de/", PRIMARY).content.decode()
    second = get(client, "/de/", ONION).content.decode()
    assert f"http://{PRIMARY}/de/" in first and PRIMARY not in second
    assert f"http://{ONION}/de/" in second


# --- The story form and the receipt check over the onion ------------------------------------


@pytest.fixture
def onion_forms(doors, world, settings):
    from tests.stories.sealing_helpers import RECOVERY, crypto
    from tests.stories.submission_helpers import ensure_form_pages

    settings.STORY_RECOVERY_PUBLIC_KEY = crypto.b64(RECOVERY.public_key)
    settings.STORY_INBOX_KDF = "min"
    settings.FORM_MIN_FILL_SECONDS = 0
    return ensure_form_pages(world)


def test_the_story_form_and_receipt_check_work_over_the_onion(onion_forms, settings):
    """As behind site/nginx/polyphony-onion.conf: nginx says the connection is secure (so Django
    neither redirects to TLS nor refuses Secure cookies), Tor Browser posts from http://<onion>.
    No cookie is needed: public forms are checked by their Origin (cms/core/security/csrf.py)."""
    from django.test import Client

    from tests.stories.sealing_helpers import received_count
    from tests.stories.submission_helpers import receipt_from, solved_protection, story_fields

    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CSRF_TRUSTED_ORIGINS = [f"http://{ONION}"]
    tor_browser = Client(enforce_csrf_checks=True)
    headers = {"HTTP_HOST": ONION, "HTTP_X_FORWARDED_PROTO": "https"}
    form = tor_browser.get("/en/stories/tell/", **headers)
    assert form.status_code == 200 and not form.cookies
    assert "Strict-Transport-Security" not in form  # SECURE_HSTS_SECONDS is 0 here; nginx hides it
    data = {**solved_protection(tor_browser, "/en/stories/tell/", **headers), **story_fields()}
    sent = tor_browser.post("/en/stories/tell/", data, HTTP_ORIGIN=f"http://{ONION}", **headers)
    assert sent.status_code == 200 and received_count() == 1
    checked = tor_browser.post(
        "/en/stories/status/",
        {"code": receipt_from(sent)},
        HTTP_ORIGIN=f"http://{ONION}",
        **headers,
    )
    assert checked.status_code == 200 and "Received." in checked.content.decode()
    # A page of another site posting to the onion form is still refused.
    forged = tor_browser.post(
        "/en/stories/tell/", data, HTTP_ORIGIN="http://evil.example", **headers
    )
    assert forged.status_code == 403


def test_onion_visitors_share_one_address_for_the_rate_limits(client, doors, world):
    from django.test import RequestFactory

    from cms.core.ratelimit import client_address

    onion = RequestFactory().get("/en/", HTTP_HOST=ONION, REMOTE_ADDR="127.0.0.1")
    mirror = RequestFactory().get("/en/", HTTP_HOST=MIRROR, REMOTE_ADDR="10.1.2.3")
    assert client_address(onion) is None  # only the global cap applies (site/SCALE-OUT.md)
    assert client_address(mirror) == "10.1.2.3"


def test_a_page_type_without_the_reader_host_urls_fails_the_system_check(monkeypatch):
    from types import SimpleNamespace

    from wagtail.models import Page, get_page_models

    from cms.core.checks import every_page_type_follows_the_reader_host

    assert every_page_type_follows_the_reader_host(None) == [], "every shipped type has it"

    class StrayPage(Page):  # not a model (no table): enough for issubclass and a label
        class Meta:
            abstract = True

    StrayPage._meta = SimpleNamespace(label="tests.StrayPage")
    monkeypatch.setattr("wagtail.models.get_page_models", lambda: [*get_page_models(), StrayPage])
    errors = every_page_type_follows_the_reader_host(None)
    assert [(e.id, e.obj) for e in errors] == [("cms.E103", StrayPage)]
