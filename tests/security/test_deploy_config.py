"""What production really runs with: settings resolved under cms.settings.production, and the
gunicorn and nginx files in site/ (read as text, as an operator would copy them)."""

import json
import re
import runpy

from tests.cms.test_settings import PRODUCTION_ENV, ROOT, manage

SHOW = (
    "import json; from django.conf import settings as s; print(json.dumps({k: getattr(s, k) "
    "for k in ('DEBUG', 'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_NAME',"
    " 'SESSION_COOKIE_SAMESITE', 'SESSION_COOKIE_AGE', 'SESSION_EXPIRE_AT_BROWSER_CLOSE',"
    " 'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_NAME', 'CSRF_COOKIE_SAMESITE', 'SECURE_HSTS_SECONDS',"
    " 'SECURE_HSTS_INCLUDE_SUBDOMAINS', 'SECURE_PROXY_SSL_HEADER')}))"
)


def test_production_cookies_and_hsts():
    result = manage("shell", "-c", SHOW, env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] and values["SESSION_COOKIE_HTTPONLY"]
    assert values["SESSION_COOKIE_SAMESITE"] == "Strict"
    assert values["SESSION_COOKIE_NAME"].startswith("__Host-")
    assert values["SESSION_EXPIRE_AT_BROWSER_CLOSE"] is True
    assert values["SESSION_COOKIE_AGE"] <= 8 * 3600
    assert values["CSRF_COOKIE_SECURE"] and values["CSRF_COOKIE_SAMESITE"] == "Strict"
    assert values["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert values["SECURE_HSTS_SECONDS"] >= 365 * 24 * 3600
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]


def test_gunicorn_access_log_names_no_client():
    config = runpy.run_path(str(ROOT / "site" / "gunicorn.conf.py"))
    log_format = config["access_log_format"]
    # %(h)s address, %(a)s agent, %(f)s referrer, %(r)s/%(q)s carry the query string, and any
    # {header}i / {variable}e could carry X-Real-IP or a cookie.
    for forbidden in ("%(h)s", "%(a)s", "%(f)s", "%(r)s", "%(q)s", "%(u)s", "}i", "}e"):
        assert forbidden not in log_format
    assert config["preload_app"] is False  # each worker loads Django's log scrubber


def test_nginx_example_keeps_no_public_log_and_serves_files_safely():
    text = (ROOT / "site" / "nginx.conf.example").read_text()
    https = text.split("listen 443", 1)[1]
    server_level = https.split("location", 1)[0]
    assert "access_log off;" in server_level
    size = re.search(r"client_max_body_size (\d+)m;", server_level)
    assert size and int(size.group(1)) <= 64
    for location in ("/static/", "/media/", "/media/documents/"):
        block = https.split(f"location {location} {{", 1)[1].split("}", 1)[0]
        assert "X-Content-Type-Options nosniff always" in block, location
    documents = https.split("location /media/documents/ {", 1)[1].split("}", 1)[0]
    assert "Content-Disposition attachment always" in documents
    # The proxy headers live in an include file that the benchmark and the edge tests run too.
    assert "include /etc/nginx/polyphony/polyphony-proxy.conf;" in https
    proxy = (ROOT / "site" / "nginx" / "polyphony-proxy.conf").read_text()
    assert 'proxy_set_header X-Forwarded-For ""' in proxy
    assert "proxy_set_header X-Forwarded-Proto $scheme" in proxy
