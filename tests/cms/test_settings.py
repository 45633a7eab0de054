"""Production settings: refuse to start without their environment, pass the deploy check."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k3y-" + "x7Qz9" * 12,
    "ALLOWED_HOSTS": "polyphony.example.org",
    "DATABASE_URL": "postgres://polyphony@127.0.0.1:5432/polyphony",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, env):
    # A production-like environment: nothing the test run itself set (the browser tests allow
    # async-unsafe calls in this process, which check --deploy rightly warns about).
    leave_out = {*PRODUCTION_ENV, "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leave_out}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_is_clean_with_a_sample_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"])
def test_production_refuses_to_start_without(missing):
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != missing}
    result = manage("check", env=env)
    assert result.returncode != 0
    assert f"{missing} must be set" in result.stderr


def test_demo_content_is_refused_under_production_settings():
    result = manage("load_demo_content", env=PRODUCTION_ENV)
    assert result.returncode != 0
    assert "Refusing to load demo content" in result.stderr


@pytest.mark.parametrize(("value", "expected"), [(None, "True 3"), ("false", "False 7")])
def test_the_consent_policy_comes_from_the_environment(value, expected):
    env = {**PRODUCTION_ENV, "STORY_COME_BACK_DAYS": "7" if value else ""}
    if value is not None:
        env["STORY_CONSENT_REQUIRED"] = value
    printed = (
        "from django.conf import settings as s; "
        "print(s.STORY_CONSENT_REQUIRED, s.STORY_COME_BACK_DAYS)"
    )
    result = manage("shell", "-c", printed, env=env)
    assert result.stdout.strip().splitlines()[-1] == expected, result.stderr
