"""The blocks of a campaign page's body, split by concept: figures, content (demands, call to
action, testimony, partners), press kit and donation."""

from wagtail import blocks

from cms.core.blocks import RICH_TEXT_FEATURES, HeadingBlock, ImageBlock

from .content import CallToActionBlock, DemandsBlock, PartnersBlock, TestimonyBlock
from .donation import DonationBlock
from .figures import KeyFigureBlock, KeyFiguresBlock
from .press import PressKitBlock


class CampaignStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, template="components/blocks/paragraph_block.html"
    )
    image = ImageBlock()
    key_figures = KeyFiguresBlock()
    demands = DemandsBlock()
    call_to_action = CallToActionBlock()
    testimony = TestimonyBlock()
    partners = PartnersBlock()
    donation = DonationBlock()
    press_kit = PressKitBlock()


__all__ = [
    "CallToActionBlock",
    "CampaignStreamBlock",
    "DemandsBlock",
    "DonationBlock",
    "KeyFigureBlock",
    "KeyFiguresBlock",
    "PartnersBlock",
    "PressKitBlock",
    "TestimonyBlock",
]
