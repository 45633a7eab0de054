"""{% pages_elsewhere page as others %}: what a section holds only in other languages, so a
reader whose language has nothing here yet is not left at a dead end (cms/core/i18n.py)."""

from django import template

from cms.core.i18n import elsewhere

register = template.Library()


@register.simple_tag
def pages_elsewhere(index, limit=20):
    return elsewhere(index, limit)
