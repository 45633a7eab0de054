"""The moderation queue on a phone (375 px): the admin's main area hides what overflows it, so
the columns a reviewer picks by (photo, contact, who has it open) must scroll into reach within
the table's own region rather than be cut off."""

import pytest
from playwright.sync_api import expect

from tests.browser.site import sign_in

pytestmark = pytest.mark.browser


def test_every_column_of_the_queue_can_be_reached_at_375_px(demo_server, context_factory):
    page = context_factory(viewport={"width": 375, "height": 800}).new_page()
    sign_in(page, demo_server, "moderator")
    page.goto(f"{demo_server}/admin/stories/moderation/")
    expect(page.locator("tr[data-story]").first).to_be_visible()
    last = page.get_by_role("columnheader", name="Open or locked by")
    assert last.bounding_box()["x"] >= 375, "the table is wider than the phone"

    region = page.get_by_role("region", name="Stories waiting in moderation")
    region.evaluate("element => { element.scrollLeft = element.scrollWidth; }")

    box = last.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375, box
    expect(page.locator("tr[data-story] td[data-contact]").first).to_be_in_viewport()
