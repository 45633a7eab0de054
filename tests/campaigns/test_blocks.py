"""Every block of a campaign body, rendered over HTTP as a reader sees it."""

import pytest
from django.apps import apps

from campaigns.blocks import CallToActionBlock
from campaigns.blocks import TestimonyBlock as QuoteOrStoryBlock
from campaigns.formatting import format_number
from campaigns.media import make_document, make_image
from campaigns.models import PartnerOrganisation
from tests.builders import make_page

from .conftest import block, html, items, translate

NNBSP = "\u202f"


def key_figures(value="1234567"):
    return block(
        "key_figures",
        {
            "heading": "In numbers",
            "figures": items(
                [
                    {
                        "value": value,
                        "unit": "people",
                        "label": "detained for anti-war statements",
                        "as_of": "2026-03-01",
                        "source": "OVD-Info",
                        "source_url": "https://ovd.info/",
                    }
                ]
            ),
        },
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1,234,567"),
        ("ru", f"1{NNBSP}234{NNBSP}567"),
        ("fr", f"1{NNBSP}234{NNBSP}567"),
        ("uk", f"1{NNBSP}234{NNBSP}567"),
        ("cs", f"1{NNBSP}234{NNBSP}567"),
        ("de", "1.234.567"),
    ],
)
def test_numbers_are_formatted_for_the_language(language, expected):
    assert format_number("1234567", language) == expected


def test_decimals_keep_their_digits_with_the_local_separator():
    assert format_number("1234.5", "de") == "1.234,5"
    assert format_number("1234.50", "en") == "1,234.5"
    assert format_number("0.75", "ru") == "0,75"


def test_key_figures_are_formatted_per_locale_on_translated_pages(make_campaign):
    page = make_campaign(body=[key_figures()])
    ru = translate(page, "ru", {"detained for anti-war statements": "задержаны за антивоенные"})
    de = translate(page, "de")

    en_html = html(page_get(page))
    assert "1,234,567" in en_html and "people" in en_html
    assert "March 1, 2026" in en_html and '<a href="https://ovd.info/">OVD-Info</a>' in en_html
    ru_html = html(page_get(ru))
    assert f"1{NNBSP}234{NNBSP}567" in ru_html and "задержаны за антивоенные" in ru_html
    assert "1 марта 2026" in ru_html
    assert "1.234.567" in html(page_get(de))


def page_get(page, client=None):
    from django.test import Client

    return (client or Client()).get(page.url)


def test_demands_render_as_an_ordered_list(make_campaign, client):
    demands = ["Release everyone held for words.", "Stop torture in detention."]
    page = make_campaign(body=[block("demands", {"heading": "We demand", "demands": demands})])
    content = html(client.get(page.url))
    assert (
        '<ol class="demands__list">\n        <li>Release everyone held for words.</li>'
        "<li>Stop torture in detention.</li>" in content
    )


def test_call_to_action_leads_to_the_readers_language_version_of_a_page(make_campaign, client):
    target = make_campaign("Write letters")
    target_ru = translate(target, "ru", {"Write letters": "Пишите письма"})
    cta = block(
        "call_to_action", {"text": "Write to them.", "label": "Write a letter", "page": target.pk}
    )
    page = make_campaign(body=[cta])
    page_ru = translate(page, "ru")
    assert f'<a class="button" href="{target.url}">Write a letter</a>' in html(client.get(page.url))
    assert f'href="{target_ru.url}"' in html(client.get(page_ru.url))


def test_call_to_action_to_an_outside_url(make_campaign, client):
    cta = block("call_to_action", {"label": "Sign", "url": "https://example.org/sign"})
    content = html(client.get(make_campaign(body=[cta]).url))
    assert '<a class="button" href="https://example.org/sign">Sign</a>' in content


@pytest.mark.parametrize("both", [False, True])
def test_call_to_action_needs_exactly_one_target(world, both):
    from django.core.exceptions import ValidationError

    block_ = CallToActionBlock()
    raw = {"label": "Go", "text": "", "page": None, "url": ""}
    if both:
        raw |= {"page": world.homes["en"].pk, "url": "https://example.org/"}
    with pytest.raises(ValidationError):
        block_.clean(block_.to_python(raw))


def test_testimony_quotes_and_links_only_a_live_story(make_campaign, world, client):
    story_model = apps.get_model("stories", "StoryPage")
    stories = world.sections["stories"]["en"]
    live = make_page(stories, story_model, "How they took my brother", publish=True)
    draft = make_page(stories, story_model, "A draft nobody may see")
    page = make_campaign(
        body=[
            block("testimony", {"quote": "He wrote one post.", "attribution": "His sister"}),
            block("testimony", {"quote": "", "attribution": "", "story": live.pk}),
            block("testimony", {"quote": "", "attribution": "", "story": draft.pk}),
        ]
    )
    content = html(client.get(page.url))
    assert "<blockquote><p>He wrote one post.</p></blockquote>" in content
    assert "— His sister" in content
    assert f'<a href="{live.url}">How they took my brother</a>' in content
    assert "A draft nobody may see" not in content


def test_testimony_needs_a_quote_or_a_story():
    from django.core.exceptions import ValidationError

    block_ = QuoteOrStoryBlock()
    with pytest.raises(ValidationError):
        block_.clean(block_.to_python({"quote": "", "attribution": "Someone", "story": None}))


def test_partners_show_logo_name_and_link(make_campaign, client):
    logo = make_image("Memorial logo (test)", "memorial.png", size=(300, 150))
    partner = PartnerOrganisation.objects.create(
        name="Memory & Justice", logo=logo, url="https://memory.example/"
    )
    page = make_campaign(
        body=[block("partners", {"heading": "With", "partners": items([partner.pk])})]
    )
    content = html(client.get(page.url))
    assert '<a href="https://memory.example/" rel="noopener">' in content
    assert '<span class="partner__name">Memory &amp; Justice</span>' in content
    assert 'alt=""' in content and "/media/images/memorial" in content


def test_press_kit_lists_documents_with_format_and_size_and_a_contact_role(make_campaign, client):
    document = make_document("Press release (test)", "press-release.pdf", ["Free them all"])
    size = document.get_file_size()
    value = {
        "heading": "",
        "documents": items([{"document": document.pk, "description": "Two pages"}]),
        "contact_role": "Press office",
        "contact_email": "press@polyphony.example",
        "contact_phone": "",
    }
    content = html(client.get(make_campaign(body=[block("press_kit", value)]).url))
    assert f'<a href="{document.url}" download>Press release (test)</a>' in content
    assert f"(PDF, {size}\xa0bytes)" in content
    assert "Press contact: Press office" in content
    assert 'href="mailto:press@polyphony.example"' in content


def test_rich_text_heading_and_image_blocks(make_campaign, client):
    image = make_image("Vigil (test)", "vigil.png")
    page = make_campaign(
        body=[
            block("heading", {"text": "Why now", "level": "h2"}),
            block("paragraph", "<p>They are <b>hostages</b>.</p>"),
            block("image", {"image": image.pk, "alt_text": "Candles", "caption": "", "credit": ""}),
        ]
    )
    content = html(client.get(page.url))
    assert "<h2>Why now</h2>" in content
    assert "They are <b>hostages</b>." in content
    assert 'alt="Candles"' in content


def test_hero_image_with_alt_text_and_credit(make_campaign, client):
    image = make_image("Hero (test)", "hero.png")
    page = make_campaign(hero_image=image, hero_alt="A vigil in Berlin", hero_credit="Anna K.")
    content = html(client.get(page.url))
    assert 'alt="A vigil in Berlin"' in content and "Photo: Anna K." in content


def test_every_stream_block_has_a_template_and_description():
    from campaigns.blocks import CampaignStreamBlock

    for name, child in CampaignStreamBlock().child_blocks.items():
        assert child.meta.template, name
        if name not in {"paragraph", "image"}:
            assert child.meta.description, name


def test_numbers_are_never_sent_to_translators(make_campaign):
    from wagtail_localize.models import StringSegment, TranslationSource

    page = make_campaign(body=[key_figures("1234567")])
    translate(page, "de")
    source = TranslationSource.objects.get(object_id=page.translation_key)
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert "detained for anti-war statements" in texts and "people" in texts
    assert not any("1234567" in text for text in texts)
