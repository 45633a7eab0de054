"""`{% translation_editor as editor %}`: what our override of wagtail-localize's editor
(templates/wagtail_localize/admin/edit_translation.html) shows around the React app, and the
props it feeds it (cms/core/translation/editor.py)."""

from django import template

from cms.core.translation.editor import editor_context
from cms.core.translation.review import translation_page

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_editor(context):
    translation = context.get("translation")
    request = context.get("request")
    props = context.get("props")
    page = translation_page(translation) if translation is not None else None
    if page is None or request is None or not context.get("is_page"):
        return {"show": False, "props": props}
    return {"show": True, **editor_context(request, translation, page.specific, props)}
