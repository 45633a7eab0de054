"""The demo campaigns, as the black-box check will see them: translated, one translation
outdated, and donation codes a banking app reads as the demo accounts."""

from decimal import Decimal

import pytest
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from campaigns import demo
from campaigns.models import BankAccount, CampaignPage
from campaigns.payments import epc_payload, spd_payload
from cms.core.demo import DemoContext

from .conftest import html
from .test_donation import decoded


@pytest.fixture
def built(world):
    ctx = DemoContext(homes=world.homes, users=world.users, log=lambda message: None)
    demo.build(ctx)
    return ctx


def campaign_in(language, slug="free-the-voices"):
    return CampaignPage.objects.get(slug=slug, locale__language_code=language)


def test_active_campaign_is_live_in_en_ru_uk_de_with_de_outdated(built, client):
    source_page = campaign_in("en")
    source = TranslationSource.objects.get(object_id=source_page.translation_key)
    pages = {lang: campaign_in(lang) for lang in ("en", "ru", "uk", "de")}
    assert all(page.live for page in pages.values())
    assert "безопасный выезд" in pages["ru"].standfirst
    assert "safe passage" not in pages["de"].standfirst
    assert source_page.last_published_at <= source.last_updated_at
    outdated = {
        lang
        for lang in ("ru", "uk", "de")
        if pages[lang].last_published_at < source.last_updated_at
    }
    assert outdated == {"de"}
    assert "Свободу голосам" in html(client.get(pages["ru"].url))


def test_concluded_campaign_is_listed_apart(built, client):
    content = html(client.get("/en/campaigns/"))
    active, concluded = content.split('id="campaigns-concluded"')
    assert "Free the Voices" in active
    assert "Justice for the Letter Writers" in concluded


def test_demo_donation_codes_decode_to_the_demo_accounts(built, client, zbarimg, tmp_path):
    content = html(client.get(campaign_in("ru").url))
    name, iban, bic = "Polyphony & Friends e.V.", "DE89370400440532013000", "COBADEFFXXX"
    reference = "Pozhertvovanie Svobodu golosam"

    def epc(amount, **kw):
        return epc_payload(
            name=kw.get("name", name),
            iban=kw.get("iban", iban),
            bic=kw.get("bic", bic),
            amount=amount,
            remittance=reference,
        )

    def spd(amount):
        return spd_payload(
            iban="CZ6508000000192000145399",
            bic="GIBACZPX",
            amount=amount,
            name="Polyfonie, z. s.",
            message=reference,
        )

    # One code per account: the open amount by default, a preset when the reader picks it; the
    # koruna account never shows a euro (EPC) code.
    assert decoded(zbarimg, content, tmp_path) == [epc(None), spd(None)]
    picked = html(client.get(campaign_in("ru").url, {"amount": "25"}))
    assert decoded(zbarimg, picked, tmp_path) == [epc(Decimal("25")), spd(None)]
    picked = html(client.get(campaign_in("ru").url, {"amount": "500"}))
    assert decoded(zbarimg, picked, tmp_path) == [epc(None), spd(Decimal("500"))]


def test_running_the_demo_again_changes_nothing(built):
    before = (Page.objects.count(), BankAccount.objects.count(), campaign_in("de").standfirst)
    demo.build(built)
    after = (Page.objects.count(), BankAccount.objects.count(), campaign_in("de").standfirst)
    assert before == after
