"""The onion service as shipped (site/tor/torrc, site/nginx/polyphony-onion.conf): Debian's tor
accepts the torrc, and nginx accepts the onion server block with the gzip settings next to the
other include files. Without tor or nginx these skip, except under CI=true (a failure)."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from bench import servers

ROOT = Path(__file__).resolve().parents[2]
TORRC = ROOT / "site" / "tor" / "torrc"
SITE_NGINX = ROOT / "site" / "nginx"
IN_CI = os.environ.get("CI", "").lower() == "true"


def need(binary, package):
    path = shutil.which(binary) or (
        f"/usr/sbin/{binary}" if Path(f"/usr/sbin/{binary}").exists() else None
    )
    if path is None:
        reason = f"needs {binary}: apt-get install {package}"
        if IN_CI:
            pytest.fail(f"CI=true and {reason}", pytrace=False)
        pytest.skip(reason)
    return path


def verify_torrc(tor, text, tmp_path):
    """`tor --verify-config` on `text`, with the service directory moved into tmp_path (tor
    checks that directory's owner and mode; /var/lib/tor is root's and tor's)."""
    tmp_path.chmod(0o700)
    conf = tmp_path / "torrc"
    conf.write_text(
        text.replace("/var/lib/tor/polyphony/", f"{tmp_path}/hs/")
        + f"\nDataDirectory {tmp_path}/data\n"
    )
    return subprocess.run(  # noqa: S603 - our own binary and file
        [tor, "--verify-config", "-f", str(conf), "--defaults-torrc", os.devnull],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_tor_accepts_the_shipped_torrc(tmp_path):
    tor = need("tor", "tor")
    text = TORRC.read_text()
    result = verify_torrc(tor, text, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Configuration was valid" in result.stdout
    # A v3 service, forwarded to the nginx onion listener, and nothing else this machine offers.
    assert re.search(r"^HiddenServiceVersion 3$", text, re.M)
    listen = re.search(
        r"listen (127\.0\.0\.1:\d+);", (SITE_NGINX / "polyphony-onion.conf").read_text()
    )
    assert re.search(rf"^HiddenServicePort 80 {re.escape(listen.group(1))}$", text, re.M)
    assert re.search(r"^SocksPort 0$", text, re.M)


def test_the_check_would_catch_a_broken_torrc(tmp_path):
    tor = need("tor", "tor")
    result = verify_torrc(tor, TORRC.read_text() + "\nHiddenServicePort eighty\n", tmp_path)
    assert result.returncode != 0


def test_nginx_accepts_the_onion_server_and_gzip(tmp_path):
    nginx = need("nginx", "nginx")
    onion = (SITE_NGINX / "polyphony-onion.conf").read_text()
    assert "return 301" not in onion and "add_header Strict-Transport-Security" not in onion
    assert "proxy_hide_header Strict-Transport-Security;" in onion
    for sub in ("cache", "work"):
        (tmp_path / sub).mkdir()
    module = (
        f"load_module {servers.NGINX_PURGE_MODULE};\n"
        if servers.NGINX_PURGE_MODULE.exists()
        else ""
    )
    conf = tmp_path / "nginx.conf"
    server = onion.replace("/etc/nginx/polyphony/", f"{SITE_NGINX}/")
    server = server.replace("/var/log/nginx/", f"{tmp_path}/")
    conf.write_text(
        f"""{module}pid {tmp_path}/nginx.pid;
error_log {tmp_path}/error.log warn;
events {{}}
http {{
    include /etc/nginx/mime.types;
    proxy_temp_path {tmp_path}/work;
    client_body_temp_path {tmp_path}/work;
    proxy_cache_path {tmp_path}/cache keys_zone=polyphony:1m;
    include {SITE_NGINX}/polyphony-cache-map.conf;
    include {SITE_NGINX}/polyphony-gzip.conf;
    upstream polyphony {{ server 127.0.0.1:9; }}
    {server}
}}
"""
    )
    result = subprocess.run(  # noqa: S603 - our own binary and file
        [nginx, "-t", "-p", str(tmp_path), "-c", str(conf)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
