"""The directory's filters, defined once: the listing, the numbers beside each filter and the
tests all use these, so they cannot disagree."""

import datetime
from dataclasses import dataclass

from django.db.models import Q

from letters.conf import setting
from letters.counts import counts_by_key, this_year


def birthday_soon_q(today=None, days=None):
    """Birthdays from today to `days` - 1 days ahead, across the turn of the year (29 February
    counts on 28 February in other years)."""
    today = today or datetime.date.today()
    days = days or setting("LETTERS_BIRTHDAY_DAYS")
    q = Q()
    for offset in range(days):
        day = today + datetime.timedelta(days=offset)
        q |= Q(birthday__month=day.month, birthday__day=day.day)
        if day.month == 2 and day.day == 28:
            q |= Q(birthday__month=2, birthday__day=29)
    return q


def few_letters_keys(prisoners):
    """Translation keys of the people in `prisoners` with many letters this year: the rest have
    few."""
    threshold = setting("LETTERS_FEW_THRESHOLD")
    counts = counts_by_key(prisoners.values_list("translation_key", flat=True))
    return [key for key, count in counts.items() if count >= threshold]


@dataclass(frozen=True)
class Filters:
    campaign: int | None = None
    region: str = ""
    birthday_soon: bool = False
    few_letters: bool = False

    @classmethod
    def from_query(cls, query):
        campaign = query.get("campaign", "")
        return cls(
            campaign=int(campaign) if campaign.isdigit() else None,
            region=query.get("region", "")[:100],
            birthday_soon=query.get("birthday") == "soon",
            few_letters=query.get("few") == "1",
        )

    @property
    def active(self):
        return bool(self.campaign or self.region or self.birthday_soon or self.few_letters)


def apply(prisoners, filters):
    if filters.campaign:
        prisoners = prisoners.filter(campaign_id=filters.campaign)
    if filters.region:
        prisoners = prisoners.filter(prison__region=filters.region)
    if filters.birthday_soon:
        prisoners = prisoners.filter(birthday_soon_q())
    if filters.few_letters:
        prisoners = prisoners.exclude(translation_key__in=few_letters_keys(prisoners))
    return prisoners


def options(prisoners):
    """Each filter's choices with how many people of the whole directory it shows, and the
    letters sent this year to each campaign's people: three queries, however many people."""
    from letters.models import PrisonerPage

    people = list(prisoners.select_related("campaign"))
    counts = counts_by_key(person.translation_key for person in people)
    threshold = setting("LETTERS_FEW_THRESHOLD")
    campaigns, regions = {}, {}
    for person in people:
        sent = counts.get(person.translation_key, 0)
        if person.campaign_id:
            entry = campaigns.setdefault(person.campaign_id, [person.campaign, 0, 0])
            entry[1] += 1
            entry[2] += sent
        region = person.prison.region
        regions[region] = regions.get(region, 0) + 1
    soon = PrisonerPage.objects.filter(pk__in=[person.pk for person in people])
    return {
        "campaigns": [tuple(entry) for entry in campaigns.values()],
        "regions": sorted(regions.items()),
        "birthday_soon": soon.filter(birthday_soon_q()).count(),
        # The same rule as apply(): "few" is fewer than the threshold this year.
        "few_letters": sum(counts.get(p.translation_key, 0) < threshold for p in people),
        "year": this_year(),
    }
