"""Links that every reader page shows in its footer, given by the content apps.

The core names no content app, so each app that has something every reader must be able to
find (the story form and the receipt check) registers a `register_site_links` hook:
``fn(request, language) -> [(text, url), ...]``. Rendered in a cached fragment (base.html).
"""

from django import template
from django.utils.translation import get_language
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def get_site_links(context):
    """{% get_site_links as links %}: [(text, url), ...] for the current language."""
    request, language = context.get("request"), get_language()
    return [
        link for hook in hooks.get_hooks("register_site_links") for link in hook(request, language)
    ]
