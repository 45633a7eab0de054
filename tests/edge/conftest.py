"""The edge cache as production runs it: nginx with site/nginx/*.conf in front of a live server
(pytest-django's, on the test database). Without nginx and its cache purge module these tests
skip, except under CI=true, where that is a failure."""

import os
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

import pytest

from bench import servers
from tests.dbtemplates import restore_world

IN_CI = os.environ.get("CI", "").lower() == "true"
SITE_HOST = "localhost"  # the default Site's hostname (cms/core/demo/base.py)


@dataclass
class Answer:
    status: int
    cache: str
    headers: dict
    text: str


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@dataclass
class Edge:
    port: int

    def get(self, path, *, method="GET", headers=None):
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}",
            method=method,
            headers={"Host": SITE_HOST, **(headers or {})},
        )
        opener = urllib.request.build_opener(NoRedirect)
        try:
            with opener.open(request, timeout=10) as response:
                return Answer(
                    response.status,
                    response.headers.get("X-Cache-Status", ""),
                    dict(response.headers),
                    response.read().decode(),
                )
        except urllib.error.HTTPError as error:
            return Answer(
                error.code,
                error.headers.get("X-Cache-Status", ""),
                dict(error.headers),
                error.read().decode(errors="replace"),
            )


@pytest.fixture
def edge(live_server, transactional_db, settings, tmp_path):
    missing = servers.missing_tools()
    if missing:
        reason = f"the edge cache needs: apt-get install {' '.join(missing)}"
        if IN_CI:
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    # The world this process started with (what build_world() makes), back in a second.
    restore_world()
    port = servers.free_port()
    upstream = urlsplit(live_server.url).port
    with servers.nginx(tmp_path / "nginx", port, [upstream]):
        settings.WAGTAILFRONTENDCACHE = {
            "edge": {
                "BACKEND": "cms.core.edge_cache.NginxPurgeBackend",
                "LOCATION": f"http://127.0.0.1:{port}",
            }
        }
        yield Edge(port)
