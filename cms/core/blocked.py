"""The "If this site is blocked" page: the onion address, the mirrors, Tor Browser and bridges,
and how to tell the real site from a look-alike. A plain view in every language (no page model,
no migration): its addresses come from the environment (cms/core/hosts.py), not from editors."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http.request import split_domain_port
from django.template.response import TemplateResponse

from .hosts import mirror_hosts, primary_host, reader_origin


def clearnet_address(host, request):
    """https://host/, except for the door the reader is on: its own origin, which works by
    definition (under `make run` that is http://127.0.0.1:PORT/, where https:// has nothing)."""
    origin = reader_origin(request)
    if origin and split_domain_port(urlsplit(origin).netloc)[0] == host:
        return f"{origin}/"
    return f"https://{host}/"


def if_blocked(request):
    onion = getattr(settings, "ONION_HOST", "")
    return TemplateResponse(
        request,
        "cms/if_blocked.html",
        {
            "onion_url": f"http://{onion}/" if onion else "",
            "mirror_urls": [
                clearnet_address(host, request)
                for host in [primary_host(), *mirror_hosts()]
                if host
            ],
        },
    )
