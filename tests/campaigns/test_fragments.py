"""A campaign's article is rendered once per change (cms/core/fragments.py): the payment codes
are not recomputed for every reader, a snippet's change shows at once, a preview shows the draft."""

from django.test import Client

from tests.campaigns.conftest import html
from tests.campaigns.test_donation import donation


def test_a_campaign_is_rendered_once_until_something_changes(make_campaign, eur_account):
    page = make_campaign(body=[donation(eur_account)])
    client = Client()
    first = html(client.get(page.url))
    assert "Polyphony &amp; Friends e.V." in first

    # Cached: the same HTML, without rendering the payment codes again.
    from campaigns.payments import render

    calls = []
    original = render.qr_svg
    render.qr_svg = lambda *a, **k: calls.append(a) or original(*a, **k)
    try:
        assert html(client.get(page.url)) == first
    finally:
        render.qr_svg = original
    assert calls == []

    # The bank account is a snippet: saving it shows at once.
    eur_account.holder_name = "Hlas Solidarity e.V."
    eur_account.save()
    again = html(client.get(page.url))
    assert "Hlas Solidarity e.V." in again and "Friends e.V." not in again


def test_a_preview_shows_the_draft_not_the_cached_live_page(make_campaign, users):
    page = make_campaign("Live title")
    assert "Live title" in html(Client().get(page.url))

    page.title = "Draft title"
    page.save_revision(user=users["admin"])

    assert "Draft title" not in html(Client().get(page.url))
    preview = page.make_preview_request()
    assert "Draft title" in preview.render().content.decode()
