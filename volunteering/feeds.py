"""Atom feeds of open vacancies, one per language and per filter (the listing's own GET
parameters), so someone can follow "design roles in German" in a feed reader."""

from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from volunteering import choices
from volunteering.filters import querystring


def atom_response(index, request, vacancies, selected):
    query = querystring(selected)
    index_url = index.get_full_url(request)
    feed_url = index_url + index.reverse_subpage("feed").lstrip("/")
    if query:
        index_url, feed_url = f"{index_url}?{query}", f"{feed_url}?{query}"
    feed = Atom1Feed(
        title=_("Open volunteer positions: %(title)s") % {"title": index.title},
        link=index_url,
        description=index.search_description or "",
        language=index.locale.language_code,
        feed_url=feed_url,
        feed_guid=feed_url,
    )
    for vacancy in vacancies:
        url = vacancy.get_full_url(request)
        facts = [str(choices.Team(vacancy.team).label), choices.hours_text(vacancy.hours_per_week)]
        if vacancy.deadline:
            facts.append(_("Apply by %(date)s") % {"date": vacancy.deadline.isoformat()})
        feed.add_item(
            title=vacancy.title,
            link=url,
            unique_id=url,
            # Atom summaries are HTML here: escape the editor's plain text.
            description=linebreaks(vacancy.summary, autoescape=True)
            + linebreaks(" · ".join(facts), autoescape=True),
            pubdate=vacancy.first_published_at,
            updateddate=vacancy.last_published_at or vacancy.first_published_at,
            categories=[vacancy.get_team_display(), *vacancy.skill_names()],
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
