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


def wrk(url, *, seconds=8, connections=16, threads=2, host="localhost", timeout="5s"):
    """Run wrk against `url` (keep-alive where the server allows it) and return its figures:
    requests/s, p50/p90/p99 in milliseconds, and every kind of error it counted (a non-2xx/3xx
    answer is an error)."""
    argv = [
        wrk_path(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        f"--timeout={timeout}",
        "-H",
        f"Host: {host}",
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
        "errors": errors,
        "error_detail": {k: raw[k] for k in raw if k.endswith("errors") or k == "timeouts"},
        "connections": connections,
        "seconds": seconds,
    }
