"""`{{ page|validated_query:request }}`: the part of the query string a cached fragment may key
on, and `using=page|fragment_cache:request`: the cache such a fragment goes to
(cms/core/fragments.py, validated_query and fragment_cache)."""

from django import template

from cms.core.fragments import fragment_cache as _fragment_cache
from cms.core.fragments import validated_query as _validated_query

register = template.Library()


@register.filter
def validated_query(page, request):
    return _validated_query(page, request)


@register.filter
def fragment_cache(page, request):
    return _fragment_cache(page, request)
