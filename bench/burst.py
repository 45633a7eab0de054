"""Bursts of story submissions, the way a viral story or an attack brings them.

Each simulated contributor does what a browser without JavaScript does: GET the form (a CSRF
cookie, the signed start time, a captcha), wait the minimum fill time, POST, read the receipt.
The captcha answer is read from the database by its key, standing in for the person who reads
the picture. Every contributor has its own address (X-Real-IP, as nginx sets it).

Latency is measured per POST, from the first byte sent to the last byte of the receipt page.
"""

import asyncio
import random
import re
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HASHKEY = re.compile(
    r'name="captcha_0"[^>]*value="([0-9a-f]+)"|value="([0-9a-f]+)"[^>]*name="captcha_0"'
)
STARTED = re.compile(r'name="form_started" value="([^"]+)"')
RECEIPT = re.compile(r'<p class="receipt__code"><code[^>]*>([0-9A-Z-]+)</code>')
LANGUAGES = ("en", "ru", "uk", "de", "fr", "cs")


@dataclass
class Answer:
    status: int
    headers: list
    body: str
    seconds: float = 0.0


async def http(port, method, path, *, headers=None, body=b"", host="localhost", timeout=60):
    """One HTTP/1.1 request on a new connection (as gunicorn's sync workers close them)."""
    started = time.perf_counter()
    reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), timeout)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}", "Connection: close"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
    await writer.drain()
    raw = await asyncio.wait_for(reader.read(), timeout)
    writer.close()
    seconds = time.perf_counter() - started
    head, _, content = raw.partition(b"\r\n\r\n")
    if not head:
        return Answer(0, [], "", seconds)
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    pairs = [tuple(part.strip() for part in line.split(":", 1)) for line in header_lines]
    return Answer(int(status_line.split()[1]), pairs, content.decode(errors="replace"), seconds)


@dataclass
class Contributor:
    number: int
    address: str
    cookie: str = ""
    fields: dict = field(default_factory=dict)
    answer: Answer | None = None
    error: str = ""

    @property
    def receipt(self):
        if self.answer is None or self.answer.status != 200:
            return None
        match = RECEIPT.search(self.answer.body)
        return match.group(1) if match else None


async def open_form(port, path, contributor):
    answer = await http(port, "GET", path, headers={"X-Real-IP": contributor.address})
    if answer.status != 200:
        raise RuntimeError(f"the form answered {answer.status}")
    for name, value in answer.headers:
        if name.lower() == "set-cookie" and "csrftoken=" in value:
            contributor.cookie = value.split(";", 1)[0]
    key = HASHKEY.search(answer.body)
    contributor.fields = {
        "csrfmiddlewaretoken": CSRF_INPUT.search(answer.body).group(1),
        "form_started": STARTED.search(answer.body).group(1),
        "captcha_0": key.group(1) or key.group(2),
        "website": "",
    }


def solve_captchas(contributors):
    from captcha.models import CaptchaStore

    keys = [c.fields["captcha_0"] for c in contributors if c.fields]
    answers = dict(CaptchaStore.objects.filter(hashkey__in=keys).values_list("hashkey", "response"))
    for contributor in contributors:
        if contributor.fields:
            contributor.fields["captcha_1"] = answers.get(contributor.fields["captcha_0"], "")


def story_fields(contributor, run):
    language = LANGUAGES[contributor.number % len(LANGUAGES)]
    return {
        "title": f"Burst {run} story {contributor.number}",
        "text": "What happened, in a few paragraphs.\n\n" * 8,
        "language": language,
        "region": "",
        "credit": "anonymous",
        "pseudonym": "",
        "consent_publication": "on",
        "consent_translation": "on",
        "contact": "",
    }


async def send(port, path, contributor, run, delay):
    await asyncio.sleep(delay)
    body = urlencode({**contributor.fields, **story_fields(contributor, run)}).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        # What every browser sends with a form POST: public forms are checked by it, with no
        # CSRF cookie (cms/core/security/csrf.py).
        "Origin": "http://localhost",
        "X-Real-IP": contributor.address,
    }
    if contributor.cookie:
        headers["Cookie"] = contributor.cookie
    try:
        contributor.answer = await http(port, "POST", path, headers=headers, body=body)
    except (TimeoutError, OSError) as error:
        contributor.error = f"{error.__class__.__name__}: {error}"


async def _prepare(port, path, count, concurrency=32):
    contributors = [
        Contributor(n, f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}") for n in range(count)
    ]
    gate = asyncio.Semaphore(concurrency)

    async def one(contributor):
        async with gate:
            await open_form(port, path, contributor)

    await asyncio.gather(*(one(c) for c in contributors))
    return contributors


async def _fire(port, path, contributors, run, spread_seconds, during=None):
    rng = random.Random(run)
    delays = [rng.uniform(0, spread_seconds) if spread_seconds else 0 for _ in contributors]
    tasks = [send(port, path, c, run, d) for c, d in zip(contributors, delays, strict=True)]
    if during is not None:
        tasks.append(during())
    started = time.perf_counter()
    await asyncio.gather(*tasks)
    return time.perf_counter() - started


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return None
    return ordered[min(len(ordered) - 1, int(round(share / 100 * (len(ordered) - 1))))]


def burst(port, *, count=500, spread_seconds=0.0, run="a", path="/en/stories/tell/", during=None):
    """GET `count` forms, then POST them all: at once, or spread uniformly over `spread_seconds`.
    `during`: a coroutine function run alongside the POSTs (a database restart)."""
    from django.conf import settings

    contributors = asyncio.run(_prepare(port, path, count))
    solve_captchas(contributors)
    # The form refuses answers faster than a person (FORM_MIN_FILL_SECONDS).
    time.sleep(settings.FORM_MIN_FILL_SECONDS + 0.2)
    wall = asyncio.run(_fire(port, path, contributors, run, spread_seconds, during))
    return summarise(contributors, wall, spread_seconds)


def classify(contributor):
    if contributor.receipt:
        return "receipt"
    answer = contributor.answer
    if answer is None:
        return "no answer"
    if answer.status == 503 and 'class="quick-exit"' in answer.body:
        return "clear error page (503)"
    if answer.status == 429:
        return "rate limited (429)"
    return f"other ({answer.status})"


def summarise(contributors, wall, spread_seconds):
    outcomes = {}
    for contributor in contributors:
        kind = classify(contributor)
        outcomes[kind] = outcomes.get(kind, 0) + 1
    receipted = [c for c in contributors if c.receipt]
    latencies = [c.answer.seconds * 1000 for c in receipted]
    return {
        "submissions": len(contributors),
        "spread_seconds": spread_seconds,
        "wall_seconds": round(wall, 2),
        "answered_per_second": round(len(contributors) / wall, 1) if wall else None,
        "outcomes": outcomes,
        "receipts": [c.receipt for c in receipted],
        "p50_ms": round(percentile(latencies, 50) or 0, 1),
        "p99_ms": round(percentile(latencies, 99) or 0, 1),
        "max_ms": round(max(latencies, default=0), 1),
        "other_samples": [
            (c.answer.status if c.answer else None, (c.answer.body if c.answer else c.error)[:200])
            for c in contributors
            if classify(c).startswith(("other", "no answer"))
        ][:5],
    }


def postgres_restart():
    """A coroutine function restarting the local PostgreSQL cluster (Debian's pg_ctlcluster)."""
    version = sorted(p.name for p in Path("/etc/postgresql").iterdir())[-1]

    async def restart(after_seconds):
        await asyncio.sleep(after_seconds)
        started = time.perf_counter()
        process = await asyncio.create_subprocess_exec(
            "pg_ctlcluster",
            "--skip-systemctl-redirect",
            version,
            "main",
            "restart",
            "-m",
            "fast",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        await process.wait()
        return time.perf_counter() - started

    return restart


def ingested(receipts):
    """How many of these receipt codes the moderation side now knows, by state."""
    from stories.privacy.receipts import normalise_receipt_code, receipt_digest
    from stories.status import status_for_digest

    states = {}
    for code in receipts:
        status = status_for_digest(receipt_digest(normalise_receipt_code(code)))
        state = status.state if status else "unknown"
        states[state] = states.get(state, 0) + 1
    return states
