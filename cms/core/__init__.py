"""The CMS core app (label ``cms``): shared pages, roles, workflows, publishing rules.

The Django project wiring (settings, urls, wsgi) lives one level up in ``cms/`` and is the only
place allowed to name content apps; this package never imports one (import-linter contracts in
pyproject.toml).
"""
