"""Two gunicorn instances under production settings, sharing the test database and Redis, behind
the edge nginx (bench/servers.py), and visitors that reach them only through the edge.

Each visitor has a loopback address of its own (127.0.0.x: Linux routes all of 127/8 to the
loopback interface), so nginx sees a different peer and sets X-Real-IP to it, exactly as it would
for readers on the internet.
"""

import http.client
import re
import time
import uuid
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from django.db import connection

from bench import servers

SITE_HOST = "localhost"  # the default Site's hostname (cms/core/demo/base.py)
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ACCESS_LINE = re.compile(r"\"(?P<method>[A-Z]+) (?P<path>\S+)\" (?P<status>\d{3})\b")


@dataclass
class Visitor:
    """One browser at one address: keeps its own cookies (the __Host- ones are Secure, which a
    real browser would not send over plain http; this one does, as TLS ends before nginx)."""

    port: int
    address: str
    cookies: dict = field(default_factory=dict)

    def request(self, method, path, form=None):
        connection_ = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=20, source_address=(self.address, 0)
        )
        headers = {"Host": SITE_HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if method == "POST":
            # A browser's same-origin POST says where it comes from: public forms set no CSRF
            # cookie and are checked by Origin (cms/core/security/csrf.py).
            headers["Origin"] = f"http://{SITE_HOST}"
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection_.request(method, path, body=body, headers=headers)
            response = connection_.getresponse()
            text = response.read().decode(errors="replace")
            for cookie in response.headers.get_all("Set-Cookie") or []:
                name, _, value = cookie.split(";", 1)[0].partition("=")
                self.cookies[name.strip()] = value
            return response.status, text
        finally:
            connection_.close()

    def csrf_token(self, path):
        status, text = self.request("GET", path)
        assert status == 200, text[:500]
        return CSRF_FIELD.search(text).group(1)

    def post(self, path, form):
        return self.request("POST", path, form)[0]


@dataclass
class Stack:
    port: int
    instances: list
    redis_url: str
    key_prefix: str

    def visitor(self, number):
        return Visitor(self.port, f"127.0.0.{number}")

    def answers(self, method, path, *, total):
        """The statuses each instance answered to `method path`, from its own access log (staff
        requests only: gunicorn logs no public request line, site/gunicorn.conf.py).
        gunicorn writes a line just after sending the response: wait for all `total` of them."""
        deadline = time.monotonic() + 10
        while True:
            result = self._answers(method, path)
            if sum(map(len, result)) >= total or time.monotonic() > deadline:
                return result
            time.sleep(0.05)

    def _answers(self, method, path):
        result = []
        for instance in self.instances:
            lines = Path(instance.log_path).read_text(errors="replace").splitlines()
            matches = (ACCESS_LINE.search(line) for line in lines)
            result.append(
                [
                    int(m["status"])
                    for m in matches
                    if m and m["method"] == method and m["path"] == path
                ]
            )
        return result

    def cache(self):
        """The instances' cache as this process can open it: Django's RedisCache, same prefix."""
        from django.core.cache.backends.redis import RedisCache

        return RedisCache(self.redis_url, {"KEY_PREFIX": self.key_prefix})

    def log_tails(self):
        return "\n".join(f"--- {i.name}\n{i.log_tail()}" for i in self.instances)


def database_url():
    """The test database (what this process is connected to), for the instances."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db.get("PASSWORD") else ""
    user = quote(db.get("USER") or "postgres")
    host, port = db.get("HOST") or "127.0.0.1", db.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{db['NAME']}"


def instance_env(redis_url, key_prefix, **extra):
    return {
        "DJANGO_SETTINGS_MODULE": "tests.scale.production_settings",
        "SECRET_KEY": "scale-test-" + uuid.uuid4().hex * 2,
        "ALLOWED_HOSTS": f"{SITE_HOST},127.0.0.1",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        "CACHE_KEY_PREFIX": key_prefix,
        # Plain http on loopback; TLS would end before nginx in production.
        "SECURE_SSL_REDIRECT": "false",
        "RATE_LIMIT_ADDRESS_HEADER": "HTTP_X_REAL_IP",
        "FORM_MIN_FILL_SECONDS": "0",
        "GUNICORN_ACCESS_LOG": "-",
        **{name: str(value) for name, value in extra.items()},
    }


def start(exit_stack: ExitStack, workdir, env, *, redis_url, key_prefix):
    """Two instances and the edge in front of them; stopped when `exit_stack` closes."""
    ports = [servers.free_port(), servers.free_port()]
    instances = [
        servers.gunicorn(port, env, workers=1, name=f"app{n}", workdir=Path(workdir) / f"app{n}")
        for n, port in enumerate(ports, 1)
    ]
    for instance in instances:
        exit_stack.enter_context(instance)
    edge_port = servers.free_port()
    # One nginx worker: its round robin then alternates strictly between the two instances.
    exit_stack.enter_context(servers.nginx(Path(workdir) / "nginx", edge_port, ports, workers=1))
    return Stack(edge_port, instances, redis_url, key_prefix)


def fresh_minute(margin=15):
    """Global limits count per clock minute: start a burst early in one, so it stays in it."""
    if time.time() % 60 > 60 - margin:
        time.sleep(60 - time.time() % 60 + 0.05)
    return int(time.time() // 60)
