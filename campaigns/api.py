"""A read-only Wagtail API v2 for campaign pages, mounted at /api/v2/ by cms/urls.py.

Only live, public CampaignPages are reachable: not stories (whose privacy rules the API must
never have to enforce), not drafts, not other page types through `?type=`. Filter by language
with `?locale=ru`: `/api/v2/campaigns/?locale=ru`.
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from campaigns.models import CampaignPage
from cms.core.hosts import current_request, reader_origin


class CampaignPagesAPIViewSet(PagesAPIViewSet):
    model = CampaignPage
    name = "campaigns"

    def get_queryset(self):
        # `type` is ignored on purpose: this endpoint serves campaigns and nothing else.
        public = self.get_base_queryset().values_list("pk", flat=True)
        return CampaignPage.objects.live().public().filter(pk__in=public).order_by("id")

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        whole_numbers(self.request.GET)

    def find_object(self, queryset, request):
        whole_numbers(request.GET)
        return super().find_object(queryset, request)


# Wagtail checks these with int() only: `?offset=99999999999999999999` reached PostgreSQL as
# an out-of-range bigint, and `find/?id=x` raised ValueError (both a 500).
NUMBER_PARAMETERS = ("offset", "limit", "id")
BIGINT_MAX = 2**63 - 1


def whole_numbers(params):
    for name in NUMBER_PARAMETERS:
        value = params.get(name)
        if value is not None and not (
            value.isascii() and value.isdigit() and len(value) < 20 and int(value) <= BIGINT_MAX
        ):
            raise BadRequestError(f"{name} must be a whole number")


class ReaderHostRouter(WagtailAPIRouter):
    """`detail_url` on the reader's host: Wagtail builds it from the Site record's root URL, which
    would send onion and mirror readers to another door (cms/core/hosts.py). A full URL here is
    used as it is (wagtail.api.utils.get_full_url). `html_url` goes through the page's own
    get_full_url, which follows the host already."""

    def get_object_detail_urlpath(self, model, pk):
        path = super().get_object_detail_urlpath(model, pk)
        origin = reader_origin(current_request())
        return origin + path if path and origin else path


router = ReaderHostRouter("campaigns_api")
router.register_endpoint("campaigns", CampaignPagesAPIViewSet)

urlpatterns = [path("", router.urls)]
