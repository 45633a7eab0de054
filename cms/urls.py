from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.core import blocked, favicon, routing, sitemaps, views

# A database outage gets a clear 503 page, not the generic error (cms/core/views.py).
handler500 = "cms.core.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("captcha/", include("captcha.urls")),
    path("api/v2/", include("campaigns.api")),
    path("sitemap.xml", sitemaps.index, name="cms_sitemap_index"),
    path("sitemap-<str:section>.xml", sitemaps.language_sitemap, name="cms_sitemap_language"),
    path("robots.txt", sitemaps.robots_txt, name="robots_txt"),
    path("favicon.ico", favicon.favicon, name="favicon"),
    path("", views.root_redirect, name="root"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page carries its language in the path: /en/, /ru/, ... Wagtail's own front-end
# patterns (password-protected pages, front-end login), chosen by name, then its serve view behind
# our remembered routes (cms/core/routing.py), under the same name and last: it matches any path.
urlpatterns += i18n_patterns(
    # Before Wagtail's serve view, which matches every path (cms/core/blocked.py).
    path("if-blocked/", blocked.if_blocked, name="if_blocked"),
    *(pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)
