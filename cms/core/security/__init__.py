"""Security and privacy hardening shared by the whole site (issue 6).

- headers.py: Content-Security-Policy (django-csp), Permissions-Policy, CORP, and no-store +
  noindex for pages that carry a form, a receipt or a status.
- otp/: mandatory TOTP for everyone who can open the Wagtail admin, with recovery codes.
- throttle.py: staff login throttling keyed by username and a keyed hash of the address.
- audit.py: a Wagtail log entry whenever private submission data is viewed or exported.
- logging.py: a filter that scrubs addresses and user agents from every log record, and an
  error-report filter that drops request headers and bodies of public pages.
"""
