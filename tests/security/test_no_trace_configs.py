"""What the shipped configs really do (site/README.md, "What is never kept"): gunicorn's parsed
configuration and its logger, the systemd unit, nginx's configuration as nginx itself reads it."""

import io
import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from gunicorn.app.base import Application

from bench.servers import NGINX_PURGE_MODULE, nginx_path

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


class ConfigOnly(Application):
    def init(self, parser, opts, args):
        return None

    def load_config(self):
        self.load_config_from_file(str(SITE / "gunicorn.conf.py"))

    def load(self):
        return None


def test_gunicorn_keeps_no_access_log_and_its_logger_drops_public_requests(monkeypatch):
    monkeypatch.delenv("POLYPHONY_RATE_LIMIT_HOST_SECRET", raising=False)
    cfg = ConfigOnly().cfg
    assert cfg.accesslog is None
    assert cfg.preload_app is False
    # The master made the rate limiter's host secret in memory, for its workers.
    import os

    assert len(os.environ["POLYPHONY_RATE_LIMIT_HOST_SECRET"]) == 64
    # Even with an access log turned on, the public site's requests are not written.
    cfg.set("accesslog", "-")
    logger = cfg.logger_class(cfg)
    stream = io.StringIO()
    for handler in logger.access_log.handlers:
        handler.setStream(stream)

    class Response:
        status = "200 OK"
        response_length = 4266
        headers = ()
        sent = 4266

    class Request:
        headers = ()
        method = "POST"
        path = "/en/stories/tell/"
        query = ""
        uri = "/en/stories/tell/"
        version = (1, 1)

    environ = {
        "PATH_INFO": "/en/stories/tell/",
        "RAW_URI": "/en/stories/tell/",
        "REQUEST_METHOD": "POST",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": "1.2.3.4",
    }
    from datetime import timedelta

    logger.access(Response(), Request(), environ, timedelta(milliseconds=152))
    assert stream.getvalue() == ""
    Request.path = Request.uri = "/admin/pages/"
    environ["PATH_INFO"] = "/admin/pages/"
    logger.access(Response(), Request(), environ, timedelta(milliseconds=152))
    line = stream.getvalue()
    assert "/admin/pages/" in line and "1.2.3.4" not in line and "152" not in line
    # A failed request's error line loses its request line.
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logger.error_log.addHandler(handler)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        logger.exception("Error handling request %s %s", "POST", "/en/stories/tell/")
    assert records and "/en/stories/tell/" not in records[-1].getMessage()


def unit(name):
    values = {}
    for line in (SITE / "systemd" / name).read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            values.setdefault(key.strip(), []).append(value.strip())
    return values


def test_the_unit_sends_nothing_below_warning_and_no_stdout_to_the_journal():
    service = unit("polyphony.service")
    assert service["StandardOutput"] == ["null"]
    assert service["LogLevelMax"] == ["warning"]
    assert service["SyslogLevel"] == ["warning"]
    assert "POLYPHONY_RATE_LIMIT_HOST_SECRET" not in (SITE / "env.example").read_text()
    housekeeping = unit("polyphony-housekeeping.service")
    assert any("captcha_clean" in line for line in housekeeping["ExecStart"])


def nginx_blocks(text):
    """(directive, args, children) trees from an nginx configuration (comments removed)."""
    tokens = re.findall(r"'[^']*'|\"[^\"]*\"|[{};]|[^\s{};]+", re.sub(r"#[^\n]*", "", text))

    def parse(index):
        items, words = [], []
        while index < len(tokens):
            token = tokens[index]
            index += 1
            if token == ";":
                items.append((words[0], words[1:], []))
                words = []
            elif token == "{":
                children, index = parse(index)
                items.append((words[0], words[1:], children))
                words = []
            elif token == "}":
                return items, index
            else:
                words.append(token)
        return items, index

    return parse(0)[0]


def walk(items, name):
    for directive, args, children in items:
        if directive == name:
            yield args, children
        yield from walk(children, name)


@pytest.fixture
def tested_nginx_conf(tmp_path):
    """nginx.conf.example as an operator installs it, with this machine's paths, checked by
    nginx itself (-t) and dumped as nginx reads it (-T)."""
    binary = nginx_path()
    if binary is None or not NGINX_PURGE_MODULE.exists() or not shutil.which("openssl"):
        pytest.skip("needs nginx, libnginx-mod-http-cache-purge and openssl")
    for sub in ("cache", "logs", "tmp"):
        (tmp_path / sub).mkdir()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
         "/CN=polyphony.example.org", "-keyout", str(tmp_path / "key.pem"), "-out",
         str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    # The shipped include files include each other by their installed paths (the onion server
    # includes the proxy and cache files): install a copy of all of them with this machine's paths.
    installed = tmp_path / "polyphony"
    installed.mkdir()

    def localised(text):
        text = text.replace("/etc/nginx/polyphony/", f"{installed}/")
        text = text.replace("/var/cache/nginx/polyphony", str(tmp_path / "cache"))
        return text.replace("/var/log/nginx/", f"{tmp_path}/logs/")

    for shipped in (SITE / "nginx").glob("*.conf"):
        (installed / shipped.name).write_text(localised(shipped.read_text()))
    site = localised((SITE / "nginx.conf.example").read_text())
    site = re.sub(r"/etc/letsencrypt/live/[^;]*fullchain.pem", str(tmp_path / "cert.pem"), site)
    site = re.sub(r"/etc/letsencrypt/live/[^;]*privkey.pem", str(tmp_path / "key.pem"), site)
    conf, temp = tmp_path / "nginx.conf", tmp_path / "tmp"
    conf.write_text(
        f"load_module {NGINX_PURGE_MODULE};\npid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/logs/main.log warn;\nevents {{}}\nhttp {{\n"
        f"include /etc/nginx/mime.types;\nclient_body_temp_path {temp};\n"
        f"proxy_temp_path {temp};\n{site}\n}}\n"
    )
    checked = subprocess.run(
        [binary, "-p", str(tmp_path), "-c", str(conf), "-T"], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stderr
    return nginx_blocks(checked.stdout)


IDENTIFYING = ("$remote_addr", "$http_x_forwarded_for", "$http_user_agent", "$http_referer",
               "$request", "$request_uri", "$args", "$query_string", "$realip_remote_addr",
               "$binary_remote_addr", "$http_x_real_ip", "$request_body")  # fmt: skip


def names_a(variable, text):
    return re.search(re.escape(variable) + r"(?![a-z_])", text) is not None


def test_nginx_logs_no_public_request_and_no_address(tested_nginx_conf):
    items = tested_nginx_conf
    formats = {args[0]: " ".join(args[1:]) for args, _c in walk(items, "log_format")}
    for name, text in formats.items():
        assert not any(names_a(variable, text) for variable in IDENTIFYING), (name, text)
    # Server blocks, not the upstream's "server 127.0.0.1:8000;" lines.
    servers = [children for _a, children in walk(items, "server") if children]
    assert len(servers) >= 3
    for children in servers:
        server_level = [args for directive, args, _c in children if directive == "access_log"]
        assert server_level == [["off"]], server_level
        levels = [args for directive, args, _c in children if directive == "error_log"]
        assert levels and all(args[-1] == "emerg" for args in levels), levels
        for args, location in walk(children, "location"):
            for log in (a for d, a, _c in location if d == "access_log"):
                # Only the staff location logs, in the format without an address.
                assert args == ["/admin/"] and log[-1] in formats, (args, log)
    stale = [args for args, _c in walk(items, "proxy_cache_use_stale")]
    assert stale == [["updating"]]
