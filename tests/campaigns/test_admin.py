"""Editing a campaign in the Wagtail admin: the form has every block, and a donation block
whose QR code could not be built is refused with the reason, before anything is saved."""

from decimal import Decimal

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from campaigns.models import CampaignPage


def add_url(world):
    return f"/admin/pages/add/campaigns/campaignpage/{world.sections['campaigns']['en'].pk}/"


def list_items(values):
    data = {
        str(i): {"value": value, "deleted": "", "order": str(i)} for i, value in enumerate(values)
    }
    return data | {"count": str(len(values))}


def form(account, remittance):
    donation = {
        "heading": "Donate",
        "text": "",
        "account": str(account.pk),
        "amounts": list_items(["10", "25"]),
        "open_amount": "on",
        "remittance": remittance,
    }
    return nested_form_data(
        {
            "title": "Free them all",
            "slug": "free-them-all",
            "standfirst": "Held for words.",
            "hero_image": "",
            "hero_alt": "",
            "hero_credit": "",
            "status": "active",
            "licence": "",
            "body": streamfield([("donation", donation)]),
            "comments": inline_formset([]),
        }
    )


def test_the_add_form_offers_every_campaign_block(client, world):
    client.force_login(world.users["publisher"])
    content = client.get(add_url(world)).content.decode()
    for name in ("key_figures", "demands", "call_to_action", "testimony", "partners"):
        assert f"&quot;{name}&quot;" in content or f'"{name}"' in content, name
    assert "donation" in content and "press_kit" in content


def test_a_campaign_with_a_donation_block_is_saved_from_the_admin(client, world, eur_account):
    client.force_login(world.users["publisher"])
    response = client.post(add_url(world), form(eur_account, "Spende"))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = CampaignPage.objects.get(slug="free-them-all")
    donation = page.get_latest_revision_as_object().body[0]
    assert donation.block_type == "donation"
    assert donation.value["account"] == eur_account
    assert list(donation.value["amounts"]) == [Decimal("10"), Decimal("25")]


def test_a_donation_code_that_would_not_fit_is_refused(client, world, eur_account):
    eur_account.holder_name = "Я" * 70
    eur_account.save()
    client.force_login(world.users["publisher"])
    response = client.post(add_url(world), form(eur_account, "щ" * 60))
    assert response.status_code == 200
    assert "The EPC QR code would hold" in response.content.decode()
    assert not CampaignPage.objects.filter(slug="free-them-all").exists()


def test_the_ru_translator_opens_a_campaign_with_every_block_in_the_translation_editor(
    client, world, make_campaign, eur_account
):
    from .conftest import block, items, translate
    from .test_blocks import key_figures

    donation = {
        "heading": "Donate",
        "text": "",
        "account": eur_account.pk,
        "amounts": items(["10"]),
        "open_amount": True,
        "remittance": "Donation",
    }
    page = make_campaign(
        body=[
            key_figures(),
            block("demands", {"heading": "We demand", "demands": ["Free them."]}),
            block("testimony", {"quote": "One post.", "attribution": "A sister", "story": None}),
            block("donation", donation),
        ]
    )
    ru = translate(page, "ru")
    client.force_login(world.users["translator_ru"])
    response = client.get(f"/admin/pages/{ru.pk}/edit/")
    assert response.status_code == 200
    content = response.content.decode()
    # Localize's editor lists the strings to translate; the bank account is not among them.
    assert "detained for anti-war statements" in content and "One post." in content
    assert "DE89370400440532013000" not in content
