"""`make bench`: the whole benchmark in one bounded run, on this machine's loopback.

1. A fresh PostgreSQL database (polyphony_bench): migrate, the demo site, then the large dataset
   (bench/dataset.py: 10,000 stories, 10,000 waiting in moderation, 200 translated campaigns,
   500 vacancies), and an inbox key for every moderator (bench/sealed.py).
2. gunicorn (4 sync workers) under cms.settings.production (DEBUG off, PostgreSQL, Redis cache,
   the sealed-submission spool in a Redis of its own started from site/redis/spool.conf), the
   edge cache (nginx with site/nginx/*.conf) in front, and the floors of the same run: a
   constant WSGI app under the same gunicorn, and nginx serving a saved copy of the page.
   With --bakerydemo, Wagtail's bakerydemo under the same gunicorn (bench/bakerydemo.py).
3. wrk against every reader page type, directly and through the edge, the floor and
   bakerydemo's pages in the same interleaved rounds (8 connections); the form pages again at
   32; the edge-cached campaign against nginx static (64).
4. SQL queries and page weight per page, the moderation listing's render time, bursts of
   sealed story submissions (the last with PostgreSQL restarted in the middle).
5. Prints a table and the budgets (each naming its issue target) and writes everything to
   bench/results/bench-<time>.json.

    python -m bench.run [--quick] [--seconds 4] [--rounds 3] [--no-restart]
                        [--bakerydemo CHECKOUT [--bakerydemo-python PYTHON]]
"""

import argparse
import contextlib
import json
import os
import secrets
import signal
import sys
import time
import traceback
from datetime import UTC, datetime
from pathlib import Path

from bench import servers
from bench.progress import step
from bench.reader_pages import count_queries, pages, save_copy, throughput

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DATABASE = "polyphony_bench"
FULL = {"stories": 10_000, "waiting": 10_000, "campaigns": 200, "vacancies": 500}
# gunicorn's sync workers for Polyphony, the constant floor and bakerydemo alike.
WORKERS = 4
QUICK = {"stories": 600, "waiting": 600, "campaigns": 20, "vacancies": 50}


def production_env(workdir, edge_port, spool_port=None):
    from bench.sealed import spool_env

    return {
        # Sealed submissions wait in a Redis spool of their own (site/redis/spool.conf).
        **spool_env(spool_port),
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(40),
        # testserver: the in-process measurements (queries, moderation listing) use Django's client.
        "ALLOWED_HOSTS": "localhost,127.0.0.1,testserver",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{DATABASE}",
        # Persistent connections, checked before reuse: what a production host runs.
        "DB_CONN_MAX_AGE": "60",
        "REDIS_URL": "redis://127.0.0.1:6379/7",
        "CACHE_KEY_PREFIX": f"bench-{os.getpid()}",
        # Loopback HTTP: no TLS to redirect to.
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "FRONTEND_CACHE_PURGE_URLS": f"http://127.0.0.1:{edge_port}",
        # Raised for the bursts, as an operator would for a known campaign day.
        "STORY_RATE_LIMIT_PER_ADDRESS": "100000",
        "STORY_RATE_LIMIT_GLOBAL_PER_MINUTE": "100000",
        "LOG_LEVEL": "ERROR",
        # Workflow notifications of 1,000 submissions: kept in memory, not sent.
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    }


def fresh_database():
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as db:
        db.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        db.execute(f"CREATE DATABASE {DATABASE}")


def build_site(env, sizes, workdir):
    """Migrate, build the demo site and add the dataset: set-up, not the thing measured, so it
    runs under the development settings (load_demo_content refuses production ones) against the
    same database, with nothing purged and no debug query log."""
    import subprocess

    from django.core.management import call_command

    setup_env = {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.dev", "DEBUG": "false"}
    setup_env.pop("FRONTEND_CACHE_PURGE_URLS")

    log = workdir / "setup.log"

    def run(*argv):
        with open(log, "a") as out:
            subprocess.run([sys.executable, *argv], cwd=ROOT, env=setup_env, check=True, stdout=out)

    step("migrating and building the demo site (six languages, through wagtail-localize)")
    run("manage.py", "migrate", "--verbosity", "0")
    run("manage.py", "load_demo_content", "--verbosity", "0")
    step(f"loading the dataset: {sizes}")
    started = time.perf_counter()
    run("-m", "bench.dataset", *(f"--{name}={count}" for name, count in sizes.items()))
    call_command("collectstatic", verbosity=0, interactive=False)
    seconds = round(time.perf_counter() - started, 1)
    step("inbox keys for the moderators (manage.py inbox_keys setup), so that POSTs can seal")
    from bench.sealed import ensure_inbox_keys

    return {**sizes, "seconds": seconds, "inbox": ensure_inbox_keys(setup_env, log)}


BURST_SPREAD_SECONDS = 10


def _ingest_and_check(result):
    """Run the ingester (as its timer would), then check every receipt: a sealed item now."""
    from bench.sealed import ingest_and_check

    return ingest_and_check(result)


def bursts(app_port, restart):
    """Three bursts of 500 story submissions through gunicorn's 4 workers:

    - burst_500: 500 contributors send within 10 s (3,000 a minute: a hundred times the
      default global limit): 500 receipts, p99 < 300 ms, 500 sealed items after ingestion;
    - burst_at_once: all 500 POSTs in the same instant (each waits for those ahead of it):
      500 receipts, p99 <= 2 s, 500 sealed items;
    - burst_with_restart: as the first, with PostgreSQL restarted 3 s in.
    """
    from django.db import connections

    from bench import burst

    results = {}
    step(f"burst: 500 contributors send their story within {BURST_SPREAD_SECONDS} s")
    results["burst_500"] = _ingest_and_check(
        burst.burst(app_port, count=500, spread_seconds=BURST_SPREAD_SECONDS, run="a")
    )
    step("burst: 500 contributors send their story in the same instant")
    results["burst_at_once"] = _ingest_and_check(
        burst.burst(app_port, count=500, spread_seconds=0, run="b")
    )
    if restart:
        step("burst: 500 contributors within 10 s, PostgreSQL restarted 3 s in")
        restart_after = burst.postgres_restart()
        second = burst.burst(
            app_port,
            count=500,
            spread_seconds=BURST_SPREAD_SECONDS,
            run="c",
            during=lambda: restart_after(3.0),
        )
        connections.close_all()
        results["burst_with_restart"] = _ingest_and_check(second)
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small dataset, short runs")
    parser.add_argument("--seconds", type=int, default=None, help="seconds per wrk round")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds per target")
    parser.add_argument("--no-restart", action="store_true", help="don't restart PostgreSQL")
    parser.add_argument("--max-minutes", type=int, default=40, help="give up after this long")
    parser.add_argument(
        "--bakerydemo",
        metavar="CHECKOUT",
        help="a bakerydemo checkout to measure side by side (bench/bakerydemo.py)",
    )
    parser.add_argument(
        "--bakerydemo-python", metavar="PYTHON", help="its Python (default: CHECKOUT/.venv)"
    )
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    seconds = args.seconds or (2 if args.quick else 4)

    def give_up(*_):
        raise TimeoutError(f"the benchmark took longer than {args.max_minutes} minutes")

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(args.max_minutes * 60)

    from bench import sealed

    missing = servers.missing_tools() + ([] if servers.shutil.which("wrk") else ["wrk"])
    missing += sealed.environment_ready()
    if missing:
        sys.exit(f"bench needs: apt-get install {' '.join(missing)}")
    bakery_python = None
    if args.bakerydemo:
        from bench import bakerydemo

        bakery_python = bakerydemo.python_of(args.bakerydemo, args.bakerydemo_python)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    workdir = RESULTS / f"work-{stamp}"
    names = ("app", "edge", "static", "constant", "spool", "bakerydemo")
    ports = {name: servers.free_port() for name in names}
    env = production_env(workdir, ports["edge"], ports["spool"])
    os.environ.update(env)
    import django

    django.setup()
    from bench.moderation import measure as moderation
    from bench.report import evaluate, print_table

    started = time.perf_counter()
    load_before = os.getloadavg()
    fresh_database()
    workdir.mkdir(parents=True, exist_ok=True)
    spool = sealed.redis_spool(ports["spool"], workdir / "spool")
    with spool:
        loaded = build_site(env, sizes, workdir)
        bakery_env = None
        if args.bakerydemo:
            step(f"bakerydemo: a fresh database and its demo content ({args.bakerydemo})")
            bakery_env = bakerydemo.prepare(
                args.bakerydemo, bakery_python, workdir / "bakerydemo", workdir / "setup.log"
            )
        urls = pages()
        step(f"serving: gunicorn on {ports['app']}, edge cache on {ports['edge']}")
        with servers.gunicorn(ports["app"], env, workers=WORKERS, workdir=workdir / "app"):
            saved = save_copy(ports["app"], urls["campaign"], workdir / "saved")
            constant_env = {**env, "BENCH_CONSTANT_BODY": str(saved)}
            constant = servers.gunicorn(
                ports["constant"],
                constant_env,
                workers=WORKERS,
                app="bench.constant_app:application",
                name="constant",
                workdir=workdir / "constant",
            )
            edge = servers.nginx(
                workdir / "nginx",
                ports["edge"],
                [ports["app"]],
                static_root=workdir / "static",
                saved_root=saved.parent,
                saved_port=ports["static"],
            )
            bakery = contextlib.nullcontext()
            if bakery_env:
                bakery = bakerydemo.gunicorn(
                    args.bakerydemo,
                    bakery_python,
                    ports["bakerydemo"],
                    bakery_env,
                    workdir / "bakerydemo",
                    WORKERS,
                )
            with constant, edge, bakery:
                bakery_urls = bakerydemo.urls(ports["bakerydemo"]) if bakery_env else None
                runs = throughput(urls, ports, seconds, args.rounds, bakery_urls)
            step("SQL queries per page, moderation listing")
            queries = count_queries(urls)
            from bench.weight import page_weights  # bytes and requests per page type, locale

            weights = page_weights(urls)
            listing = moderation(repeats=10)
            try:
                burst_results = bursts(ports["app"], restart=not args.no_restart)
            except Exception:  # noqa: BLE001 - the page figures are kept and the miss reported
                step("the bursts failed:\n" + traceback.format_exc())
                burst_results = {"bursts_failed": traceback.format_exc()}
    result = {
        "when": stamp,
        "machine": {
            "cpus": os.cpu_count(),
            "load_average_before": load_before,
            "load_average_after": os.getloadavg(),
        },
        "dataset": loaded,
        "urls": urls,
        "bakerydemo_urls": bakery_urls,
        "throughput": runs,
        "queries": queries,
        "page_weight": weights,
        "moderation_listing": listing,
        **burst_results,
        "total_seconds": round(time.perf_counter() - started, 1),
    }
    result["budgets"] = evaluate(result)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"bench-{stamp}.json"
    out.write_text(json.dumps(result, indent=2, default=str))
    print_table(result)
    print(f"\nWritten: {out.relative_to(ROOT)}")
    return 0 if all(b["met"] for b in result["budgets"].values()) else 1


if __name__ == "__main__":
    sys.exit(main())
