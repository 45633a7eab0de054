"""The floor of the application server: a WSGI app that answers every request with the same
bytes (a saved copy of the page being compared), under the same gunicorn and settings file.
Whatever the real application achieves is measured against what gunicorn itself can do."""

import os
from pathlib import Path

_BODY = Path(os.environ["BENCH_CONSTANT_BODY"]).read_bytes()
_HEADERS = [
    ("Content-Type", "text/html; charset=utf-8"),
    ("Content-Length", str(len(_BODY))),
]


def application(environ, start_response):
    start_response("200 OK", _HEADERS)
    return [_BODY]
