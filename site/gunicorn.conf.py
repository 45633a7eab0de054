"""gunicorn for Polyphony: `gunicorn -c site/gunicorn.conf.py cms.wsgi`.

The access log format leaves out the client address (%(h)s), the user agent (%(a)s) and the
referrer (%(f)s): contributors' safety depends on our logs holding nothing that identifies them.
The request line %(U)s is the path without the query string (a search or a filter can say more
about a reader than a path). Every worker loads the Django app (no preload), whose
cms.core.security.logging scrubs addresses and user agents from every record, gunicorn's included.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2))
worker_class = "sync"
timeout = 30
graceful_timeout = 30
max_requests = 2000
max_requests_jitter = 200
# Uploads are read into memory and re-encoded; keep request bodies bounded (nginx does too).
limit_request_field_size = 8190
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
access_log_format = '"%(m)s %(U)s" %(s)s %(b)s %(M)sms'
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
preload_app = False
forwarded_allow_ips = "127.0.0.1"
proxy_allow_ips = "127.0.0.1"
