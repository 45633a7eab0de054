"""The stories demo: published stories in several languages, three in moderation, re-runnable."""

import pytest
from wagtail.models import WorkflowState

from cms.core.demo import DemoContext
from cms.core.workflows import STORY_MODERATION
from stories import demo
from stories.models import StoryPage, StoryPrivateRecord

pytestmark = pytest.mark.django_db


def run_demo(world):
    demo.build(DemoContext(homes=world.homes, users=world.users, log=lambda message: None))


def test_demo_builds_published_and_waiting_stories_and_can_run_twice(client, world):
    run_demo(world)
    run_demo(world)

    published = StoryPage.objects.live()
    assert published.count() == len(demo.PUBLISHED) >= 6
    assert len({page.locale_id for page in published}) >= 4
    waiting = StoryPage.objects.filter(live=False)
    assert waiting.count() == 3
    assert StoryPrivateRecord.objects.filter(page__in=waiting).count() == 3
    assert (
        WorkflowState.objects.filter(
            object_id__in=[str(page.pk) for page in waiting],
            status=WorkflowState.STATUS_IN_PROGRESS,
            workflow__name=STORY_MODERATION.name,
        ).count()
        == 3
    )
    story = published.get(slug="granica-noch")
    html = client.get(story.url).content.decode()
    assert "Мы стояли в очереди" in html
    assert "Эмиграция" in html
