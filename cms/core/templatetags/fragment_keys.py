"""`{{ page|validated_query:request }}`: the part of the query string a cached fragment may key
on (cms/core/fragments.py, validated_query)."""

from django import template

from cms.core.fragments import validated_query as _validated_query

register = template.Library()


@register.filter
def validated_query(page, request):
    return _validated_query(page, request)
