"""The bench's bursts measure real sealed submissions (issue #16, stories/sealing/).

- The spool is a Redis server of its own, started from the shipped site/redis/spool.conf
  (append-only, `appendfsync always`, no snapshots) with only its port and folder changed: every
  receipt the bursts get was fsynced first, as in production.
- Every moderator of the bench site has an inbox key, set up through `manage.py inbox_keys
  setup` as an operator would; with nobody to seal to, the form would answer 503.
- After a burst, the ingester runs (as its timer would) and every receipted code is looked up:
  it must now be a sealed item in PostgreSQL with at least one sealed key, and gone from the
  spool.
"""

import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bench import servers

ROOT = Path(__file__).resolve().parent.parent
SPOOL_CONF = ROOT / "site" / "redis" / "spool.conf"
BENCH_PASSPHRASE_ENV = "POLYPHONY_BENCH_INBOX_PASSPHRASE"


def redis_spool(port, workdir):
    """redis-server with site/redis/spool.conf, on loopback:port, its files in workdir."""
    binary = shutil.which("redis-server") or "/usr/bin/redis-server"
    if not Path(binary).exists():
        raise servers.ServiceError("redis-server is needed: apt-get install redis-server")
    workdir = Path(workdir)
    (workdir / "data").mkdir(parents=True, exist_ok=True)
    # The shipped file with its port and folder replaced (redis applies `dir` while reading the
    # file, before any command-line option could change it).
    lines = []
    for line in SPOOL_CONF.read_text().splitlines():
        if line.startswith("dir "):
            line = f"dir {workdir / 'data'}"
        elif line.startswith("port "):
            line = f"port {port}"
        lines.append(line)
    conf = workdir / "spool.conf"
    conf.write_text("\n".join(lines) + "\n")
    argv = [binary, str(conf), "--daemonize", "no"]
    return servers.Service("spool", argv, port, workdir=workdir)


def ensure_inbox_keys(setup_env, log):
    """An inbox key for every inbox member (the Moderators) who has none, through the operators'
    command; returns {"members_with_key": n, "made": [...]}. A random passphrase: nobody opens
    the bench's items, they only have to be sealed to someone."""
    from django.contrib.auth import get_user_model

    from stories.sealing import keyring

    made = []
    members = [
        user
        for user in get_user_model().objects.filter(is_active=True)
        if keyring.is_inbox_member(user)
    ]
    env = {**setup_env, BENCH_PASSPHRASE_ENV: secrets.token_urlsafe(24)}
    for user in members:
        if keyring.key_of(user) is not None:
            continue
        with open(log, "a") as out:
            subprocess.run(
                [sys.executable, "manage.py", "inbox_keys", "setup", user.get_username()]
                + ["--passphrase-env", BENCH_PASSPHRASE_ENV],
                cwd=ROOT,
                env=env,
                check=True,
                stdout=out,
            )
        made.append(user.get_username())
    recipients = keyring.recipients().count()
    if not recipients:
        raise RuntimeError("no moderator has an inbox key: every story form POST would 503")
    return {"recipients": recipients, "made": made}


def ingest_and_check(result):
    """Run the ingester, then check every receipted code: a sealed item with a sealed key in
    PostgreSQL, no longer in the spool. Replaces the list of receipts in `result` by counts."""
    from stories.models import SealedKey, SealedSubmission
    from stories.pipeline import ingest_all
    from stories.privacy.receipts import normalise_receipt_code, receipt_digest
    from stories.sealing.spool import get_spool

    spool = get_spool()
    digests = [receipt_digest(normalise_receipt_code(code)) for code in result.pop("receipts")]
    result["spooled_before_ingest"] = spool.count()
    started = time.perf_counter()
    result["moved_by_ingest"] = ingest_all()
    result["ingest_seconds"] = round(time.perf_counter() - started, 2)
    items = SealedSubmission.objects.filter(receipt_digest__in=digests)
    with_key = (
        SealedKey.objects.filter(submission__in=items).values("submission").distinct().count()
    )
    result["after_ingest"] = {
        "receipted": len(digests),
        "sealed_items": items.count(),
        "sealed_items_with_a_key": with_key,
        "still_in_spool": sum(1 for digest in digests if spool.contains(digest)),
        "spool_left": spool.count(),
    }
    return result


def all_sealed(after):
    """Every receipted code became a sealed item that someone can open, none is left behind."""
    return (
        after["sealed_items"] == after["receipted"]
        and after["sealed_items_with_a_key"] == after["receipted"]
        and after["still_in_spool"] == 0
    )


def spool_url(port):
    return f"redis://127.0.0.1:{port}/0"


def spool_env(port):
    return {"STORY_SPOOL_URL": spool_url(port)} if port else {}


def environment_ready():
    """What the sealed bursts need that this machine lacks."""
    return (
        []
        if shutil.which("redis-server") or os.path.exists("/usr/bin/redis-server")
        else ["redis-server"]
    )
