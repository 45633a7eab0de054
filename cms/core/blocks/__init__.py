"""StreamField blocks shared by the content apps.

Every Char/Text/RichText value here is sent to translators by wagtail-localize; values that must
not be translated belong in non-text blocks (see STYLE.md).
"""

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

# Rich text without embeds or anything that could pull in third-party content.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "H2"), ("h3", "H3")], default="h2")

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        description = "A section heading; level 2 for main sections, 3 below them."
        preview_value = {"text": "Why we speak up", "level": "h2"}


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    # Alt text is per use, not per image: the same photo says different things in two places.
    alt_text = blocks.CharBlock(
        max_length=250, help_text="Describe the image for people who cannot see it."
    )
    caption = blocks.CharBlock(required=False, max_length=250)
    credit = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        description = "An image with alt text, an optional caption and credit."


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        description = "A quotation with its attribution."
        preview_value = {"quote": "We will not be silent.", "attribution": "A volunteer"}


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="components/blocks/paragraph_block.html"
    )
    image = ImageBlock()
    quote = QuoteBlock()
