"""Security settings that are plain declarations: the content security policies of the public
site and the admin, and logging that identifies nobody. Imported by base.py, whose INSTALLED_APPS
and MIDDLEWARE lists hold the apps and middleware that apply them (cms/core/security)."""

from csp.constants import NONCE

from .env import env

# Public site. No 'unsafe-inline' script: an inline script needs request.csp_nonce. Images may be
# data: URIs (QR codes); no third-party origin anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "media-src": ["'self'"],
        "object-src": ["'none'"],
        "frame-src": ["'none'"],
        "worker-src": ["'none'"],
        "manifest-src": ["'self'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin still renders some inline scripts and styles, and its preview frames the
# site's own pages; everything stays same-origin.
POLYPHONY_ADMIN_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "media-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'self'"],
}

# Logs identify nobody: every handler scrubs addresses and user agents
# (cms/core/security/logging.py),
# and error reports of public pages carry no headers, cookies, form data or local variables.
DEFAULT_EXCEPTION_REPORTER_FILTER = "cms.core.security.logging.PrivacyExceptionReporterFilter"
DEFAULT_EXCEPTION_REPORTER = "cms.core.security.logging.PrivacyExceptionReporter"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "scrub": {"()": "cms.core.security.logging.ScrubFilter"},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "formatters": {
        "django.server": {
            "()": "django.utils.log.ServerFormatter",
            "format": "[{server_time}] {message}",
            "style": "{",
        }
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["scrub"]},
        "django.server": {
            "class": "logging.StreamHandler",
            "formatter": "django.server",
            "filters": ["scrub"],
        },
        "mail_admins": {
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["require_debug_false", "scrub"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        # Replace Django's default handlers for these loggers with the scrubbing ones; "django"
        # reaches the console through the root logger.
        "django": {"handlers": ["mail_admins"], "level": env("LOG_LEVEL", "WARNING")},
        "django.server": {"handlers": ["django.server"], "level": "INFO", "propagate": False},
    },
}
