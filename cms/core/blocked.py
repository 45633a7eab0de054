"""The "If this site is blocked" page: the onion address, the mirrors, Tor Browser and bridges,
and how to tell the real site from a look-alike. A plain view in every language (no page model,
no migration): its addresses come from the environment (cms/core/hosts.py), not from editors."""

from django.conf import settings
from django.template.response import TemplateResponse

from .hosts import mirror_hosts, primary_host


def if_blocked(request):
    onion = getattr(settings, "ONION_HOST", "")
    return TemplateResponse(
        request,
        "cms/if_blocked.html",
        {
            "onion_url": f"http://{onion}/" if onion else "",
            "mirror_urls": [
                f"https://{host}/" for host in [primary_host(), *mirror_hosts()] if host
            ],
        },
    )
