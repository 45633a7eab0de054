"""The press kit: downloadable documents (with format and size) and a press contact.

The contact is a role ("Press office") with a shared address, never a person's name: people in
this network can be targeted, and a role survives staff changes.
"""

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock


class PressDocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    description = blocks.CharBlock(required=False, max_length=160)

    class Meta:
        icon = "doc-full"


class PressKitBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    documents = blocks.ListBlock(PressDocumentBlock(), min_num=1)
    contact_role = blocks.CharBlock(
        max_length=80,
        default="Press office",
        help_text="A role, never a person's name, e.g. 'Press office'.",
    )
    contact_email = blocks.EmailBlock(required=False)
    contact_phone = blocks.CharBlock(required=False, max_length=40)

    class Meta:
        icon = "download"
        template = "components/blocks/campaigns_press_kit.html"
        description = "Documents for journalists, with format and size, and a press contact role."
