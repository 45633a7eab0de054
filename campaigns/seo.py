"""What a campaign page tells machines: OpenGraph tags per locale and schema.org JSON-LD.

Both are built from the page and SiteSettings only, with same-origin URLs (the hero rendition
is served by this site), so sharing a campaign never points a reader at a third party.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from cms.core import seo as core_seo

# What json_script escapes: text inside <script> must not be able to close the element.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def hero_image_url(page, request):
    """Absolute URL of a 1200×630 rendition of the hero (what link previews expect), or "".

    On the page's own origin, the one its hreflang URLs use (the reader's host, cms/core/hosts.py),
    so previews never fetch the image from anywhere else.
    """
    if not page.hero_image_id:
        return ""
    rendition = page.hero_image.get_rendition("fill-1200x630|format-jpeg")
    if rendition.url.startswith(("http://", "https://")):
        return rendition.url  # storage with its own public URL (object storage in production)
    # The page's own origin: the reader's door when it is a configured host (cms/core/hosts.py).
    parts = page.get_url_parts(request)
    root = parts[1] if parts and parts[1] else request.build_absolute_uri("/").rstrip("/")
    return root + rendition.url


def opengraph(page, request, description):
    """Every page's OpenGraph data (cms/core/seo.py), with the campaign's hero image."""
    return core_seo.opengraph(
        page,
        request,
        description,
        image=hero_image_url(page, request),
        image_alt=page.hero_alt,
        kind="article",
    )


def organisation(site_settings):
    data = {"@type": "Organization", "name": site_settings.organisation_name}
    if site_settings.organisation_url:
        data["url"] = site_settings.organisation_url
    return data


def json_ld(page, request, site_settings, licence):
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": page.title,
        "description": page.standfirst,
        "inLanguage": page.locale.language_code,
        "url": page.get_full_url(request),
        "license": licence.url,
        "author": organisation(site_settings),
        "publisher": organisation(site_settings),
    }
    if page.first_published_at:
        data["datePublished"] = page.first_published_at.isoformat()
    if page.last_published_at:
        data["dateModified"] = page.last_published_at.isoformat()
    if image := hero_image_url(page, request):
        data["image"] = image
    text = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308 - escaped above
