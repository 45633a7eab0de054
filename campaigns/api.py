"""A read-only Wagtail API v2 for campaign pages, mounted at /api/v2/ by cms/urls.py.

Only live, public CampaignPages are reachable: not stories (whose privacy rules the API must
never have to enforce), not drafts, not other page types through `?type=`. Filter by language
with `?locale=ru`: `/api/v2/campaigns/?locale=ru`.
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from campaigns.models import CampaignPage


class CampaignPagesAPIViewSet(PagesAPIViewSet):
    model = CampaignPage
    name = "campaigns"

    def get_queryset(self):
        # `type` is ignored on purpose: this endpoint serves campaigns and nothing else.
        public = self.get_base_queryset().values_list("pk", flat=True)
        return CampaignPage.objects.live().public().filter(pk__in=public).order_by("id")


router = WagtailAPIRouter("campaigns_api")
router.register_endpoint("campaigns", CampaignPagesAPIViewSet)

urlpatterns = [path("", router.urls)]
