"""The sealed inbox over HTTP, as a moderator uses it: set up a key, unlock it, open an item."""

from django.test import Client

from stories.models import SealedSubmission

INBOX = "/admin/stories/inbox/"
PASSPHRASE = "correct horse battery staple"


def item_url(item, suffix=""):
    return f"{INBOX}{item.pk}/{suffix}"


def moderator_client(user, *, key=True, unlock=True, passphrase=PASSPHRASE):
    """A signed-in (two-factor verified) client of `user`, with an inbox key set up and
    unlocked through the admin's own forms unless told otherwise."""
    client = Client()
    client.force_login(user)
    if key:
        response = client.post(
            f"{INBOX}key/", {"passphrase": passphrase, "passphrase_again": passphrase}
        )
        assert response.status_code == 302
    if unlock:
        response = client.post(f"{INBOX}unlock/", {"passphrase": passphrase})
        assert response.status_code == 302
    return client


def only_item():
    return SealedSubmission.objects.get()


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message,
    and someone who lost admin access with a redirect to the login."""
    return response.status_code == 403 or (
        response.status_code == 302
        and (response["Location"] == "/admin/" or response["Location"].startswith("/admin/login/"))
    )
