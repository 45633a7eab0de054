"""Load generation with wrk (Debian's package): throughput and latency of one URL."""

import json
import shutil
import subprocess
from pathlib import Path

REPORT = Path(__file__).with_name("wrk_report.lua")


class LoadError(RuntimeError):
    pass


def wrk_path():
    path = shutil.which("wrk")
    if path is None:
        raise LoadError("wrk is needed: apt-get install wrk")
    return path


# What a browser sends: nginx compresses for it (site/nginx/polyphony-gzip.conf), so the bytes
# on the wire are what readers download.
ACCEPT_ENCODING = "gzip, deflate"


def wrk(url, *, seconds=8, connections=16, threads=2, host="localhost", timeout="5s"):
    """Run wrk against `url` (keep-alive where the server allows it) and return its figures:
    requests/s, p50/p90/p99 in milliseconds, bytes per response on the wire (headers included),
    and every kind of error it counted (a non-2xx/3xx answer is an error)."""
    argv = [
        wrk_path(),
        f"-t{min(threads, connections)}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={timeout}",
        "-H",
        f"Host: {host}",
        "-H",
        f"Accept-Encoding: {ACCEPT_ENCODING}",
        "-s",
        str(REPORT),
        url,
    ]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=seconds + 60)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise LoadError(f"wrk failed ({result.returncode}): {result.stdout}\n{result.stderr}")
    raw = json.loads(lines[-1])
    errors = sum(
        raw[key]
        for key in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
    )
    return {
        "requests_per_second": round(raw["requests"] / (raw["duration_us"] / 1e6), 1),
        "p50_ms": round(raw["p50_us"] / 1000, 2),
        "p90_ms": round(raw["p90_us"] / 1000, 2),
        "p99_ms": round(raw["p99_us"] / 1000, 2),
        "requests": raw["requests"],
        "bytes_per_response": round(raw["bytes"] / raw["requests"]) if raw["requests"] else None,
        "errors": errors,
        "error_detail": {k: raw[k] for k in raw if k.endswith("errors") or k == "timeouts"},
        "connections": connections,
        "seconds": seconds,
    }


def alternating(targets, *, rounds=3, seconds=4, connections=16, warm_seconds=2):
    """Measure the URLs of `targets` ({name: url}) in turn, `rounds` times each, after a warm-up
    of each: a ratio between them is then not decided by what else the machine did during one
    of the runs (on 2 cores a single 8 s run of each moved the edge/static ratio by 10 points).
    Returns per name: requests/s over all its rounds, the median round's p50, the worst round's
    p99, the errors of all rounds, and each round's figures."""
    for url in targets.values():
        wrk(url, seconds=warm_seconds, connections=connections)
    rounds_by_name = {name: [] for name in targets}
    for _ in range(rounds):
        for name, url in targets.items():
            rounds_by_name[name].append(wrk(url, seconds=seconds, connections=connections))
    results = {}
    for name, runs in rounds_by_name.items():
        p50s = sorted(run["p50_ms"] for run in runs)
        results[name] = {
            # Rounds last equally long: their mean rate is the rate of all of them.
            "requests_per_second": round(
                sum(run["requests_per_second"] for run in runs) / len(runs), 1
            ),
            "p50_ms": p50s[len(p50s) // 2],
            "p99_ms": max(run["p99_ms"] for run in runs),
            "requests": sum(run["requests"] for run in runs),
            "bytes_per_response": runs[-1]["bytes_per_response"],
            "errors": sum(run["errors"] for run in runs),
            "error_detail": _summed_details(runs),
            "connections": connections,
            "seconds": sum(run["seconds"] for run in runs),
            "rounds": [run["requests_per_second"] for run in runs],
        }
    return results


def _summed_details(runs):
    total = {}
    for run in runs:
        for key, value in run.get("error_detail", {}).items():
            total[key] = total.get(key, 0) + value
    return total
