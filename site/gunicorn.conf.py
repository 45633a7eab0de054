"""gunicorn for Polyphony: `gunicorn -c site/gunicorn.conf.py cms.wsgi`.

Nothing here records a reader's or a contributor's request (site/README.md, "What is never
kept"):

- No access log: a line per request, stamped to the microsecond by journald, would keep the time,
  size and status of every story sent (a receipt page is easy to tell from a refused form). Even
  if someone turns it on (`--access-logfile`), `PrivateLogger` writes only staff requests under
  /admin/, without address, agent, referrer or query string.
- The error log keeps gunicorn's own events (workers starting, timing out) and loses the request
  line of a failed request. Every worker loads the Django app (no preload), whose
  cms.core.security.logging scrubs addresses and user agents from every record, gunicorn's too.
- The rate limiter's host secret is made here, in the master, in memory, and inherited by every
  worker, so the workers of this host count together (cms/core/ratelimit.py). It is never read
  from the environment file: a secret on disk would let anyone holding Redis test addresses.
"""

import multiprocessing
import os
import secrets

from gunicorn.glogging import Logger

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
# Uploads are read into memory and re-encoded; keep request bodies bounded (nginx does too).
limit_request_field_size = 8190
accesslog = None
# Used only if an access log is turned on anyway, and then only for /admin/ (PrivateLogger).
access_log_format = '"%(m)s %(U)s" %(s)s'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
preload_app = False
forwarded_allow_ips = "127.0.0.1"
proxy_allow_ips = "127.0.0.1"

STAFF_PREFIX = "/admin/"
# Replaced, not kept from the environment (see the docstring); a new one at every (re)start.
os.environ["POLYPHONY_RATE_LIMIT_HOST_SECRET"] = secrets.token_hex(32)


class PrivateLogger(Logger):
    """gunicorn's logger, minus the public site's requests."""

    def access(self, resp, req, environ, request_time):
        if not (environ.get("PATH_INFO") or "").startswith(STAFF_PREFIX):
            return
        super().access(resp, req, environ, request_time)

    def exception(self, msg, *args, **kwargs):
        # "Error handling request POST /en/stories/tell/": the traceback is what helps.
        if str(msg).startswith("Error handling request"):
            msg, args = "Error handling a request", ()
        super().exception(msg, *args, **kwargs)


logger_class = PrivateLogger
