"""Start and stop the servers a benchmark or a test needs: gunicorn and nginx, each in its own
process group, on loopback ports, with logs in a work folder. Used by bench/ and by the tests
that run the real stack (tests/edge, tests/scale).

The nginx configuration is generated around the include files in site/nginx/, so what is
measured and tested is what production runs (site/nginx.conf.example includes the same files).
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_NGINX = ROOT / "site" / "nginx"
NGINX_PURGE_MODULE = Path("/usr/lib/nginx/modules/ngx_http_cache_purge_module.so")


class ServiceError(RuntimeError):
    pass


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, timeout=30.0, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.05)
    return False


def nginx_path():
    # Debian puts nginx in /usr/sbin, which a non-root PATH often lacks.
    found = shutil.which("nginx") or "/usr/sbin/nginx"
    return found if Path(found).exists() else None


def missing_tools():
    """What this machine lacks to run the stack, as a list of Debian package names."""
    missing = []
    if nginx_path() is None:
        missing.append("nginx")
    if not NGINX_PURGE_MODULE.exists():
        missing.append("libnginx-mod-http-cache-purge")
    return missing


class Service:
    """One server process. `with Service(...) as s:` starts it and waits for its port."""

    def __init__(self, name, argv, port, *, env=None, workdir=None, cwd=ROOT, timeout=60.0):
        self.name, self.argv, self.port = name, list(argv), port
        self.env = {**os.environ, **(env or {})}
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix=f"polyphony-{name}-"))
        self.cwd, self.timeout = cwd, timeout
        self.log_path = self.workdir / f"{name}.log"
        self.process = None

    def start(self):
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child keeps writing to it
        self.process = subprocess.Popen(
            self.argv,
            cwd=self.cwd,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        if not wait_for_port(self.port, self.timeout, self.process):
            tail = self.log_tail()
            self.stop()
            raise ServiceError(f"{self.name} did not start on port {self.port}:\n{tail}")
        return self

    def log_tail(self, lines=40):
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""

    def stop(self, timeout=15.0):
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(5)
        except ProcessLookupError:
            pass

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def gunicorn_argv(python, port, workers, app, access_log="/dev/null"):
    """gunicorn with the project's site/gunicorn.conf.py, bound to loopback:port, for any app
    (Polyphony's, the constant floor, bakerydemo): one command line for all of them."""
    return [
        str(Path(python).with_name("gunicorn")),
        "-c",
        str(ROOT / "site" / "gunicorn.conf.py"),
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        # Benchmarks count every request: recycling workers mid-run would be measured too.
        "--max-requests",
        "0",
        "--access-logfile",
        access_log,
        app,
    ]


def gunicorn(port, env, *, workers=4, app="cms.wsgi:application", name="gunicorn", workdir=None):
    access_log = "-" if env.get("GUNICORN_ACCESS_LOG") else "/dev/null"
    argv = gunicorn_argv(sys.executable, port, workers, app, access_log)
    return Service(name, argv, port, env=env, workdir=workdir)


def edge_conf(
    workdir, port, upstreams, *, static_root=None, saved_root=None, saved_port=None, workers=2
):
    """An nginx.conf for the edge cache in front of `upstreams` (loopback ports), built from the
    include files in site/nginx/. Optionally a second server on `saved_port` serving `saved_root`
    as static files (the benchmark's nginx-static floor)."""
    workdir = Path(workdir)
    for sub in ("cache", "tmp"):
        (workdir / sub).mkdir(parents=True, exist_ok=True)
    as_root = "user root;\n" if os.geteuid() == 0 else ""
    servers = "\n".join(f"        server 127.0.0.1:{up};" for up in upstreams)
    static = ""
    if static_root:
        static = f"""
        location /static/ {{ alias {static_root}/; expires 30d; }}"""
    saved = ""
    if saved_root and saved_port:
        saved = f"""
    server {{
        listen 127.0.0.1:{saved_port} backlog=4096;
        root {saved_root};
        default_type text/html;
        location / {{ try_files $uri $uri/index.html =404; }}
    }}"""
    return f"""# Generated by bench/servers.py from site/nginx/*.conf; do not edit.
load_module {NGINX_PURGE_MODULE};
{as_root}worker_processes {workers};
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    # As Debian's /etc/nginx/nginx.conf: site/nginx/polyphony-cache.conf must cope with it.
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path {workdir}/tmp;
    proxy_temp_path {workdir}/tmp;
    fastcgi_temp_path {workdir}/tmp;
    uwsgi_temp_path {workdir}/tmp;
    scgi_temp_path {workdir}/tmp;
    proxy_cache_path {workdir}/cache levels=1:2 keys_zone=polyphony:16m max_size=1g
                     inactive=7d use_temp_path=off;
    include {SITE_NGINX}/polyphony-cache-map.conf;
    include {SITE_NGINX}/polyphony-gzip.conf;
    upstream polyphony {{
{servers}
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port} backlog=4096;
        server_name _;
        client_max_body_size 32m;
        client_body_buffer_size 32m;
        include {SITE_NGINX}/polyphony-purge.conf;{static}
        location / {{
            proxy_pass http://polyphony;
            include {SITE_NGINX}/polyphony-proxy.conf;
            include {SITE_NGINX}/polyphony-cache.conf;
        }}
    }}{saved}
}}
"""


def nginx(workdir, port, upstreams, **kwargs):
    """nginx in the foreground with the edge configuration above."""
    binary = nginx_path()
    if binary is None or not NGINX_PURGE_MODULE.exists():
        raise ServiceError(
            "nginx with the cache purge module is needed: "
            "apt-get install nginx libnginx-mod-http-cache-purge"
        )
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    conf = workdir / "nginx.conf"
    conf.write_text(edge_conf(workdir, port, upstreams, **kwargs))
    argv = [binary, "-p", str(workdir), "-c", str(conf), "-g", "daemon off;"]
    return Service("nginx", argv, port, workdir=workdir)
