"""The reader pages the bench measures: which URL stands for each page type, their SQL queries,
and their throughput directly, through the edge and beside the floors (bench/run.py calls them
in that order)."""

from bench.progress import step


def pages():
    """One URL per reader page type, chosen from the loaded site."""
    from campaigns.models import CampaignPage
    from stories.models import StoryPage
    from volunteering.models import VacancyPage

    def first(queryset):
        page = queryset.filter(locale__language_code="en").live().order_by("pk").first()
        return page.url if page else None

    found = {
        "home": "/en/",
        "story_index": "/en/stories/",
        "story": first(StoryPage.objects.all()),
        "campaign_index": "/en/campaigns/",
        # The demo's campaign comes first: every block, both payment QR codes.
        "campaign": first(CampaignPage.objects.all()),
        "vacancy_index": "/en/volunteer/",
        "vacancy": first(VacancyPage.objects.open()),
        "story_form": "/en/stories/tell/",
        "receipt_check": "/en/stories/status/",
    }
    return {kind: url for kind, url in found.items() if url}


def count_queries(urls):
    """SQL queries of one warm request per URL (the second; the first fills per-process caches)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="localhost")
    counts = {}
    for kind, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        counts[kind] = {"queries": len(captured), "status": response.status_code}
    return counts


# The pages a contributor needs most: behind the edge they must be as fast as served directly,
# with no error at either load (issue #21).
FORM_PAGES = ("story_form", "vacancy")
CONNECTIONS = 8
HIGH_CONNECTIONS = 32


def throughput(urls, ports, seconds, rounds, bakerydemo=None):
    """Every reader page type directly from gunicorn and through the edge, the constant-WSGI
    floor and bakerydemo's pages (if given), all in the same interleaved rounds at 8
    connections: a ratio between any two of them is then not decided by what else the machine
    did during one run. Then the form pages at 32 connections, and the edge-cached campaign
    against nginx serving the same bytes from a file (64 connections)."""
    from bench.load import alternating

    app, edge = f"http://127.0.0.1:{ports['app']}", f"http://127.0.0.1:{ports['edge']}"
    targets = {"floor_constant_wsgi": f"http://127.0.0.1:{ports['constant']}/"}
    for kind, url in urls.items():
        targets[kind] = app + url
        targets[f"{kind}_edge"] = edge + url
    for kind, url in (bakerydemo or {}).items():
        targets[f"bakerydemo_{kind}"] = f"http://127.0.0.1:{ports['bakerydemo']}{url}"
    step(
        f"wrk: {len(targets)} targets (every page type direct and through the edge, the "
        f"floor{', bakerydemo' if bakerydemo else ''}), {rounds} interleaved rounds of "
        f"{seconds} s at {CONNECTIONS} connections"
    )
    runs = alternating(
        targets, rounds=rounds, seconds=seconds, connections=CONNECTIONS, warm_seconds=1
    )
    for name, run in runs.items():
        step(f"{name}:{_summary(run)[1:]}")
    high = {"floor_constant_wsgi_c32": targets["floor_constant_wsgi"]}
    for kind in FORM_PAGES:
        if kind in urls:
            high[f"{kind}_c32"] = app + urls[kind]
            high[f"{kind}_edge_c32"] = edge + urls[kind]
    step(f"wrk: the form pages at {HIGH_CONNECTIONS} connections, direct and through the edge")
    high_runs = alternating(
        high, rounds=rounds, seconds=seconds, connections=HIGH_CONNECTIONS, warm_seconds=1
    )
    for name, run in high_runs.items():
        step(f"{name}:{_summary(run)[1:]}")
    runs.update(high_runs)
    step("wrk: campaign page through the edge cache and nginx serving a saved copy, in turns")
    paired = alternating(
        {
            "campaign_edge_cache": f"{edge}{urls['campaign']}",
            "floor_nginx_static": f"http://127.0.0.1:{ports['static']}/campaign.html",
        },
        rounds=rounds,
        seconds=seconds,
        connections=64,
    )
    for name, run in paired.items():
        step(f"{name}:{_summary(run)[1:]} (rounds: {run['rounds']} req/s)")
    runs.update(paired)
    return runs


def _summary(run):
    return (
        f"  {run['requests_per_second']} req/s, p50 {run['p50_ms']} ms, p99 {run['p99_ms']} ms, "
        f"{run['errors']} errors"
    )


def save_copy(app_port, url, folder):
    import urllib.request

    request = urllib.request.Request(
        f"http://127.0.0.1:{app_port}{url}", headers={"Host": "localhost"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        body = response.read()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "campaign.html").write_bytes(body)
    return folder / "campaign.html"
