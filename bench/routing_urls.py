"""cms/urls.py with Wagtail's own serve view in place of cms/core/routing.py's remembered routes:
the "without" side of bench/routing_profile.py. Only the benchmark uses it."""

from django.conf.urls.i18n import i18n_patterns
from django.urls.resolvers import LocalePrefixPattern
from wagtail import urls as wagtail_urls

from cms import urls as project_urls

urlpatterns = [
    *(p for p in project_urls.urlpatterns if not isinstance(p.pattern, LocalePrefixPattern)),
    *i18n_patterns(*wagtail_urls.urlpatterns, prefix_default_language=True),
]
