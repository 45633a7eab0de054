"""Mandatory two-factor authentication (TOTP) for everyone who can open the Wagtail admin."""
