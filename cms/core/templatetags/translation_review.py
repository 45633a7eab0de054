"""`{% translation_review_panel %}`: the review bar in wagtail-localize's editor (our override of
wagtail_localize/admin/edit_translation.html), with the "Submit for review" button."""

from django import template

from cms.core.translation import status
from cms.core.translation.review import review_state, translation_page

register = template.Library()


@register.inclusion_tag("cms/translation/review_panel.html", takes_context=True)
def translation_review_panel(context):
    translation = context.get("translation")
    request = context.get("request")
    page = translation_page(translation) if translation is not None else None
    if page is None or request is None:
        return {"show": False}
    row = page.get_translations().filter(locale=translation.source.locale).first()
    cell = None
    if row is not None:
        cell = status.compute([row], [translation.target_locale])[
            row.pk, translation.target_locale_id
        ]
    return {
        "show": True,
        "translation": translation,
        "page": page,
        "state": review_state(translation, page, request.user),
        "cell": cell,
        "csrf_token": context.get("csrf_token"),
        "request": request,
    }
