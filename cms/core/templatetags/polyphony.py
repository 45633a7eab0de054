import hashlib

from django import template
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils.translation import get_language
from wagtail.models import PageViewRestriction

from cms.core.i18n import language_links, live_homes

register = template.Library()


@register.simple_tag(takes_context=True)
def get_language_links(context):
    """{% get_language_links as languages %}: languages.links and languages.alternates."""
    links, alternates = language_links(
        context.get("request"), context.get("page"), current=get_language()
    )
    return {"links": links, "alternates": alternates}


@register.simple_tag(takes_context=True)
def get_localized_home(context):
    return live_homes(context.get("request")).get(get_language())


@register.simple_tag
def get_nav_sections(home):
    if home is None:
        return []
    # Not .public(): it reads every view restriction in a query of its own first.
    return home.get_children().live().in_menu().filter(~Exists(restriction_above(OuterRef("path"))))


def restriction_above(path):
    """View restrictions on a page at or above `path` (an ancestor's path is its prefix): as
    a subquery, `~Exists(restriction_above(OuterRef("path")))` keeps public pages only."""
    return PageViewRestriction.objects.filter(page__path=Substr(path, 1, Length("page__path")))


@register.filter
def is_within(page, section):
    """True if `page` is `section` or below it (for aria-current in the navigation)."""
    path = getattr(page, "path", None)
    return bool(path) and path.startswith(section.path)


@register.filter
def described(field):
    """Render a bound field with aria-describedby pointing at its help and errors, and
    aria-invalid when it has errors, so screen readers announce them with the field."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-help")
    if field.errors:
        ids.append(f"{field.auto_id}-errors")
    attrs = {}
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    if field.errors:
        attrs["aria-invalid"] = "true"
    return field.as_widget(attrs=attrs)


@register.filter
def unbound_form_key(form):
    """A fragment key for the visible fields of a form nobody has filled in yet, or "" when
    they must be rendered for this request (a bound form shows what was typed and its errors; a
    form given initial values, such as the story form's "New question", shows those).

    The key names the form's class, the active language and everything its fields render from
    (label, help, initial value, required, widget attributes): a setting read at request time,
    such as the story text's maximum length, changes the key. Choices from the database
    (topics) are snippets: publishing one moves `content_version`, which the fragment keys on
    as well. The protection fields (the signed start time, the captcha) are never in it."""
    if form.is_bound or form.initial:
        return ""
    protection = getattr(form, "protection_fields", ("form_started", "captcha"))
    shape = [
        (
            name,
            str(field.label),
            str(field.help_text),
            repr(field.initial),
            field.required,
            sorted((key, str(value)) for key, value in field.widget.attrs.items()),
        )
        for name, field in form.fields.items()
        if name not in protection or name == "website"
    ]
    digest = hashlib.blake2b(repr(shape).encode(), digest_size=12).hexdigest()
    return f"{type(form).__module__}.{type(form).__qualname__}:{get_language()}:{digest}"
