"""Text blocks of a campaign: demands, a call to action, a testimony, partner organisations."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.snippets.blocks import SnippetChooserBlock


def _live_localized(page):
    """The reader's-language version of a chosen page if it is live, else the page if it is
    live, else None: a reader must never be sent to a draft."""
    if page is None:
        return None
    localized = page.localized
    if localized.live:
        return localized.specific
    return page.specific if page.live else None


class DemandsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    demands = blocks.ListBlock(blocks.TextBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "components/blocks/campaigns_demands.html"
        description = "What the campaign demands, as a numbered list in order of priority."
        preview_value = {
            "heading": "We demand",
            "demands": ["Release all political prisoners.", "End torture in detention."],
        }


class CallToActionBlock(blocks.StructBlock):
    text = blocks.TextBlock(required=False)
    label = blocks.CharBlock(max_length=60, help_text="The button text, e.g. 'Sign the letter'.")
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="Or a link")

    class Meta:
        icon = "link"
        template = "components/blocks/campaigns_call_to_action.html"
        description = "A button leading to a page of this site or to another site."
        preview_value = {
            "text": "Write to the prisoners.",
            "label": "Write a letter",
            "url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = ValidationError(_("Choose a page or give a link, not both."))
            raise StructBlockValidationError(block_errors={"page": message})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = _live_localized(value.get("page"))
        context["href"] = page.url if page else value.get("url")
        return context


class TestimonyBlock(blocks.StructBlock):
    quote = blocks.TextBlock(required=False)
    attribution = blocks.CharBlock(required=False, max_length=120)
    # A string, not an import: the campaigns app never imports the stories app.
    story = blocks.PageChooserBlock(
        page_type="stories.StoryPage",
        required=False,
        help_text="Or link a published story instead of (or as well as) quoting.",
    )

    class Meta:
        icon = "openquote"
        template = "components/blocks/campaigns_testimony.html"
        description = "A quotation with its attribution, or a link to a published story."
        preview_value = {"quote": "They took him for a post.", "attribution": "His sister"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("quote") and not value.get("story"):
            message = ValidationError(_("Write a quotation or choose a story."))
            raise StructBlockValidationError(block_errors={"quote": message})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["story"] = _live_localized(value.get("story"))
        return context


class PartnersBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    partners = blocks.ListBlock(SnippetChooserBlock("campaigns.PartnerOrganisation"), min_num=1)

    class Meta:
        icon = "group"
        template = "components/blocks/campaigns_partners.html"
        description = "The organisations running the campaign with us: logo, name and link."
