"""{% page_meta %}: the meta description and OpenGraph tags of the page being rendered
(cms/core/seo.py). A page whose context brings its own `og` (a campaign, with its hero image)
renders its OpenGraph tags itself, from the same include."""

from django import template

from cms.core import hosts, seo

register = template.Library()


@register.inclusion_tag("components/page_meta.html", takes_context=True)
def page_meta(context):
    from cms.core.models import SiteSettings

    page, request = context.get("page"), context.get("request")
    site_settings = SiteSettings.for_request(request) if request is not None else SiteSettings()
    description = seo.description(page, site_settings.organisation_name)
    og = None
    if getattr(page, "pk", None) and "og" not in context:
        og = seo.opengraph(page, request, description)
    # On the primary host and mirrors: the primary address; on the onion: none (cms/core/hosts.py).
    canonical = hosts.canonical_url(page, request) if getattr(page, "pk", None) and request else ""
    return {
        "description": description,
        "og": og,
        "canonical": canonical,
        "settings": context.get("settings"),
    }
