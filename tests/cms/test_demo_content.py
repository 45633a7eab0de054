"""load_demo_content: every section's demo, idempotent, one user per role."""

from io import StringIO

from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, WorkflowState

from cms.core.demo.base import DEMO_USERS


def counts():
    return {
        "pages": Page.objects.count(),
        "live": Page.objects.filter(live=True).count(),
        "workflows": WorkflowState.objects.count(),
    }


@override_settings(DEMO_PASSWORD="a-demo-password-for-tests")
def test_demo_content_loads_twice_to_the_same_site(db, client):
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    first = counts()
    call_command("load_demo_content", stdout=StringIO())
    assert counts() == first

    printed = out.getvalue()
    for username in DEMO_USERS:
        assert username in printed
        assert authenticate(username=username, password="a-demo-password-for-tests")
    for language in ("en", "ru", "uk", "de", "fr", "cs"):
        for path in ("", "stories/", "campaigns/", "volunteer/"):
            assert client.get(f"/{language}/{path}").status_code == 200, f"/{language}/{path}"

    call_command("load_demo_content", "--force", stdout=StringIO())
    assert counts()["pages"] == first["pages"]
