from django import template

from campaigns.formatting import format_money, format_number

register = template.Library()


@register.filter
def figure(value):
    """{{ value|figure }}: a key figure in the reader's language (1,234,567 / 1.234.567)."""
    return format_number(value)


@register.filter
def money(amount, currency):
    """{{ amount|money:"EUR" }}: an amount and its currency in the reader's language."""
    return format_money(amount, currency)
