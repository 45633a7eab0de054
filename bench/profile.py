"""Where a page's time goes: cProfile over a few hundred requests of one URL, in process.

    python -m bench.profile [--database polyphony_bench] [--requests 300] /en/ /en/stories/tell/

Requests go through Django's WSGI handler directly (not the test client, whose template
signals would be profiled too), under cms.settings.production with the bench's environment
(DEBUG off, Redis cache, persistent connections), against a database the bench (or
`python -m bench.dataset`) has loaded. The first requests warm what a production worker keeps
warm and are not profiled. Prints, per URL, the time per request, the SQL queries per request,
and the functions with the most time of their own and cumulatively (bench/README.md quotes
these).
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time
from pathlib import Path

WARM_UP = 20


def environ_for(path, host="localhost"):
    path, _, query = path.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SCRIPT_NAME": "",
        "SERVER_NAME": host,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_X_REAL_IP": "10.1.2.3",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }


def request(handler, path):
    status = []
    body = handler(environ_for(path), lambda s, h, *a: status.append(s))
    size = sum(len(chunk) for chunk in body)
    if hasattr(body, "close"):
        body.close()
    return status[0], size


def profile(handler, path, requests, top=25, dump=None):
    from django.db import connection, reset_queries

    for _ in range(WARM_UP):
        status, size = request(handler, path)
    connection.force_debug_cursor = True
    reset_queries()
    request(handler, path)
    queries = len(connection.queries)
    connection.force_debug_cursor = False
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(requests):
        request(handler, path)
    profiler.disable()
    elapsed = time.perf_counter() - started
    if dump:
        profiler.dump_stats(dump)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return {
        "path": path,
        "status": status,
        "bytes": size,
        "requests": requests,
        "ms_per_request_profiled": round(elapsed / requests * 1000, 2),
        "queries": queries,
        "stats": out.getvalue(),
    }


def timed(handler, path, requests):
    """Milliseconds per request without the profiler's overhead."""
    for _ in range(WARM_UP):
        request(handler, path)
    started = time.perf_counter()
    for _ in range(requests):
        request(handler, path)
    return round((time.perf_counter() - started) / requests * 1000, 2)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--database", default="polyphony_bench")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--media-root", help="where the loaded site's images are (MEDIA_ROOT)")
    parser.add_argument("--out", type=Path, help="write the statistics here instead of stdout")
    parser.add_argument("--dump-dir", type=Path, help="a .prof file per URL here (for pstats)")
    args = parser.parse_args(argv)

    from bench.run import production_env

    workdir = Path("/tmp/polyphony-profile")
    env = production_env(workdir, 1)
    env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{args.database}"
    env.pop("FRONTEND_CACHE_PURGE_URLS")
    if args.media_root:
        env["MEDIA_ROOT"] = args.media_root
    os.environ.update(env)
    import django

    django.setup()
    from django.core.handlers.wsgi import WSGIHandler
    from django.core.management import call_command

    if not (workdir / "static" / "staticfiles.json").exists():
        call_command("collectstatic", verbosity=0, interactive=False)

    handler = WSGIHandler()
    report = []
    for path in args.paths:
        plain = timed(handler, path, args.requests)
        dump = None
        if args.dump_dir:
            args.dump_dir.mkdir(parents=True, exist_ok=True)
            dump = args.dump_dir / f"{path.strip('/').replace('/', '_') or 'root'}.prof"
        found = profile(handler, path, args.requests, args.top, dump)
        report.append(
            f"== {path}: {found['status']}, {found['bytes']} bytes, {plain} ms per request "
            f"({found['ms_per_request_profiled']} ms profiled), {found['queries']} queries, "
            f"{args.requests} requests\n{found['stats']}"
        )
        print(report[-1].split("\n", 1)[0])
    text = "\n".join(report)
    if args.out:
        args.out.write_text(text)
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
