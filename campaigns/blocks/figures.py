"""Key figures: a sourced number, its unit and label, and the date it was true.

The number is a DecimalBlock so wagtail-localize never sends it to translators (a translated
"1,234" could silently become another number); it is formatted for each reader at render time.
"""

import datetime
from decimal import Decimal

from wagtail import blocks


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.DecimalBlock(max_digits=15, decimal_places=2, help_text="Digits only.")
    unit = blocks.CharBlock(required=False, max_length=30, help_text="e.g. %, people, years")
    label = blocks.CharBlock(max_length=160)
    as_of = blocks.DateBlock(required=False, label="As of")
    source = blocks.CharBlock(max_length=160, help_text="Who counted it.")
    source_url = blocks.URLBlock(required=False, label="Source link")

    class Meta:
        icon = "order"
        template = "components/blocks/campaigns_key_figure.html"


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1)

    class Meta:
        icon = "table"
        template = "components/blocks/campaigns_key_figures.html"
        description = "Sourced numbers, each with its unit, label, date and source."
        preview_value = {
            "heading": "In numbers",
            "figures": [
                {
                    "value": Decimal("1234567"),
                    "unit": "",
                    "label": "people affected",
                    "as_of": datetime.date(2026, 1, 1),
                    "source": "OVD-Info",
                }
            ],
        }
