"""Wagtail's bakerydemo beside Polyphony, for `python -m bench.run --bakerydemo PATH`.

PATH is a bakerydemo checkout whose Python has its requirements installed (the checkout's own
`.venv`, or `--bakerydemo-python`); it is never installed by the bench and never committed. For
example, with a Python 3.12 (bakerydemo needs Django 6):

    git clone https://github.com/wagtail/bakerydemo /tmp/bakerydemo
    python3.12 -m venv /tmp/bakerydemo/.venv
    /tmp/bakerydemo/.venv/bin/pip install -r /tmp/bakerydemo/requirements/base.txt \\
        "psycopg[binary]" whitenoise gunicorn

The bench gives it a fresh PostgreSQL database (polyphony_bench_bakerydemo), its own demo data
(`load_initial_data`), DEBUG off (its production settings, with its in-process cache: it has no
Redis here) and the same gunicorn as Polyphony (site/gunicorn.conf.py, the same number of sync
workers, no worker recycling). Its contact form and a blog post are then measured in the same
interleaved rounds as Polyphony's pages.
"""

import re
import secrets
import subprocess
import urllib.request
from pathlib import Path

from bench import servers

DATABASE = "polyphony_bench_bakerydemo"
CONTACT_FORM = "/contact-us/"
BLOG_POST = re.compile(r'href="(/blog/[a-z0-9-]+/)"')


def python_of(checkout, python=None):
    if python:
        return Path(python)
    for candidate in (Path(checkout) / ".venv/bin/python", Path(checkout) / "venv/bin/python"):
        if candidate.exists():
            return candidate
    raise FileNotFoundError(
        f"no Python with bakerydemo's requirements in {checkout}: give --bakerydemo-python"
    )


def environment(workdir):
    return {
        "DJANGO_SETTINGS_MODULE": "bakerydemo.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "localhost,127.0.0.1",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        "STATIC_ROOT": str(Path(workdir) / "static"),
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        # Loopback HTTP, as Polyphony in the bench (SECURE_SSL_REDIRECT=false there too).
        "SECURE_SSL_REDIRECT": "false",
    }


def prepare(checkout, python, workdir, log):
    """A fresh database with bakerydemo's demo content, and its static files collected."""
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {DATABASE}")
    env = {**_base_env(), **environment(workdir)}
    for argv in (
        ["manage.py", "migrate", "--noinput", "--verbosity", "0"],
        ["manage.py", "load_initial_data"],
        ["manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
    ):
        with open(log, "a") as out:
            subprocess.run(
                [str(python), *argv], cwd=checkout, env=env, check=True, stdout=out, stderr=out
            )
    return env


def _base_env():
    import os

    return {key: os.environ[key] for key in ("PATH", "HOME", "LANG") if key in os.environ}


def gunicorn(checkout, python, port, env, workdir, workers):
    """bakerydemo under the same gunicorn configuration as Polyphony."""
    argv = servers.gunicorn_argv(python, port, workers, "bakerydemo.wsgi:application")
    service = servers.Service("bakerydemo", argv, port, env=env, workdir=workdir, cwd=checkout)
    # Not Polyphony's environment: only what bakerydemo needs.
    service.env = {**_base_env(), **env}
    return service


def urls(port):
    """The contact form and the first blog post the blog index links to."""
    found = {"contact_form": CONTACT_FORM}
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/blog/", headers={"Host": "localhost"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
        match = BLOG_POST.search(response.read().decode(errors="replace"))
    if match:
        found["blog_post"] = match.group(1)
    return found
