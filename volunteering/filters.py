"""Listing filters: plain GET parameters, combinable, each option a link with its count.

Filtering happens in Python over one index's open vacancies. That list is small (tens of rows)
and comes from `VacancyPage.objects.open()`, so the count, the options' numbers, the results and
the feed are all computed from the same rows and agree by construction. Counts are the usual
faceted kind: an option's number is how many results there would be after following its link
(the other active filters kept, this facet set to the option).
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from volunteering import choices

FACETS = ("team", "skill", "language", "hours", "remote")
FACET_LABELS = {
    "team": _("Team"),
    "skill": _("Skill"),
    "language": _("Language"),
    "hours": _("Hours per week"),
    "remote": _("Where"),
}
REMOTE_LABELS = {"yes": _("Remote"), "no": _("In person")}


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool
    query: str


@dataclass
class Facet:
    name: str
    label: str
    options: list
    selected: str | None
    clear_query: str


def selected_filters(params):
    """The active filters from a QueryDict or dict: one value a facet, other keys ignored."""
    selected = {}
    for name in FACETS:
        value = params.get(name)
        if value:
            selected[name] = value.strip()[:100]
    return selected


def values_of(vacancy, facet):
    if facet == "team":
        return {vacancy.team}
    if facet == "skill":
        return {tag.slug for tag in vacancy.skills.all()}
    if facet == "language":
        return set(vacancy.languages or ())
    if facet == "hours":
        return {vacancy.hours_range()}
    if facet == "remote":
        return {"yes" if vacancy.remote else "no"}
    raise ValueError(facet)


def apply_filters(vacancies, selected, skip=None):
    return [
        vacancy
        for vacancy in vacancies
        if all(
            value in values_of(vacancy, name) for name, value in selected.items() if name != skip
        )
    ]


def querystring(selected, **changes):
    """The filters as a query string, with some changed (None removes one). Facets keep a fixed
    order so the same filters always make the same URL (one cache entry, one feed address)."""
    merged = {**selected, **changes}
    return urlencode([(name, merged[name]) for name in FACETS if merged.get(name)])


def _labels(vacancies, facet):
    if facet == "team":
        return dict(choices.Team.choices)
    if facet == "skill":
        names = {tag.slug: tag.name for vacancy in vacancies for tag in vacancy.skills.all()}
        return dict(sorted(names.items(), key=lambda item: item[1].lower()))
    if facet == "language":
        return {code: choices.language_name(code) for code in choices.LANGUAGE_CODES}
    if facet == "hours":
        return {key: label for key, label, _low, _high in choices.HOURS_RANGES}
    return dict(REMOTE_LABELS)


def build_facets(vacancies, selected):
    facets = []
    for name in FACETS:
        pool = apply_filters(vacancies, selected, skip=name)
        counts = {}
        for vacancy in pool:
            for value in values_of(vacancy, name):
                counts[value] = counts.get(value, 0) + 1
        options = []
        for value, label in _labels(vacancies, name).items():
            is_selected = selected.get(name) == value
            if not counts.get(value) and not is_selected:
                continue
            options.append(
                Option(
                    value=value,
                    label=str(label),
                    count=counts.get(value, 0),
                    selected=is_selected,
                    # Following a selected option's link removes it again.
                    query=querystring(selected, **{name: None if is_selected else value}),
                )
            )
        facets.append(
            Facet(
                name=name,
                label=str(FACET_LABELS[name]),
                options=options,
                selected=selected.get(name),
                clear_query=querystring(selected, **{name: None}),
            )
        )
    return facets
