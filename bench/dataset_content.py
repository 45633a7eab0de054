"""What the bench dataset's pages contain: the demo's own words, topics, campaign body and
vacancies, repeated with numbered titles, spread over languages and dates."""

from __future__ import annotations

from datetime import timedelta
from itertools import cycle

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Page, TaskState, Workflow, WorkflowState

from bench.dataset import (
    BENCH_PREFIX,
    CAMPAIGN_LANGUAGES,
    STORY_WEIGHTS,
    publication_date,
    random_digest,
    spread,
)
from bench.dataset_tree import BATCH, Progress, add_pages, insert_rows, reserve_ids
from cms.core.workflows import STORY_MODERATION


def _next_number(index, kind):
    return index.get_children().filter(slug__startswith=f"{BENCH_PREFIX}{kind}-").count() + 1


# --- stories ---------------------------------------------------------------------------------


def _story_specs(language):
    from stories.demo_content import IN_MODERATION, PUBLISHED

    specs = [spec for spec in PUBLISHED + IN_MODERATION if spec["language"] == language]
    return specs or PUBLISHED


def _topics(locale):
    from stories.demo import ensure_topics
    from stories.models import StoryTopic

    topics = list(StoryTopic.objects.filter(locale=locale).order_by("pk"))
    if not topics:
        ensure_topics()
        topics = list(StoryTopic.objects.filter(locale=locale).order_by("pk"))
    return topics


def _build_stories(index, count, rng, *, live, kind):
    from stories.models import REGION_CHOICES, StoryPage

    specs = cycle(_story_specs(index.locale.language_code))
    topics = _topics(index.locale)
    regions = [code for code, _label in REGION_CHOICES]
    first = _next_number(index, kind)
    pages = []
    for number in range(first, first + count):
        spec = next(specs)
        page = StoryPage(
            title=f"{spec['title']} ({number})",
            slug=f"{BENCH_PREFIX}{kind}-{number}",
            locale=index.locale,
            owner=None,  # contributors have no account
            body=[("paragraph", text) for text in spec["body"]],
            region=rng.choice(regions),
            credit=spec.get("credit", "anonymous"),
            pseudonym=spec.get("pseudonym", ""),
        )
        chosen = rng.sample(topics, k=min(len(topics), rng.randint(1, 2)))
        page.topics.set(chosen)  # in memory: the revision's content records it
        page._bench_topics = chosen
        if live:
            page.first_published_at = publication_date(rng)
            page.last_published_at = page.latest_revision_created_at = page.first_published_at
        pages.append(page)
    return pages


def _insert_topics(pages):
    from stories.models import StoryPage

    through = StoryPage.topics.through
    rows = [
        through(storypage_id=page.pk, storytopic_id=topic.pk)
        for page in pages
        for topic in page._bench_topics
    ]
    insert_rows(through, rows)


def _add_story_pages(indexes, total, rng, stream, *, live, kind, label):
    counts = spread(total, STORY_WEIGHTS, indexes)
    progress = Progress(label, total, stream)
    added = []
    for language, count in counts.items():
        index = indexes[language]
        for start in range(0, count, BATCH):
            pages = _build_stories(index, min(BATCH, count - start), rng, live=live, kind=kind)
            add_pages(index, pages, live=live)
            _insert_topics(pages)
            added.extend(pages)
            progress.advance(len(pages))
    progress.finish()
    return added


def add_stories(indexes, total, rng, stream):
    return len(
        _add_story_pages(indexes, total, rng, stream, live=True, kind="story", label="Stories")
    )


def add_waiting(indexes, total, rng, stream):
    """Draft stories in the "Story moderation" workflow, as ingestion leaves them."""
    from stories.models import StoryPage, StoryPrivateRecord

    if total <= 0:
        return 0
    pages = _add_story_pages(
        indexes, total, rng, stream, live=False, kind="waiting", label="Stories in moderation"
    )
    workflow = Workflow.objects.get(name=STORY_MODERATION.name, active=True)
    task = workflow.workflow_tasks.filter(task__active=True).order_by("sort_order").first().task
    task = task.specific
    if task.get_task_state_class() is not TaskState:
        raise NotImplementedError("bench: the first story task needs a TaskState of its own")
    now = timezone.now()
    oldest = now - timedelta(days=30)
    step = (now - oldest) / max(len(pages), 1)
    page_ct = ContentType.objects.get_for_model(Page)
    story_ct = ContentType.objects.get_for_model(StoryPage)
    task_state_ct = ContentType.objects.get_for_model(TaskState)
    state_ids = reserve_ids(WorkflowState, len(pages))
    task_state_ids = reserve_ids(TaskState, len(pages))
    states, task_states, records = [], [], []
    for position, (page, state_id, task_state_id) in enumerate(
        zip(pages, state_ids, task_state_ids, strict=True)
    ):
        submitted = oldest + step * position
        states.append(
            WorkflowState(
                id=state_id,
                content_type=story_ct,
                base_content_type=page_ct,
                object_id=str(page.pk),
                workflow=workflow,
                status=WorkflowState.STATUS_IN_PROGRESS,
                created_at=submitted,
                requested_by=None,
                current_task_state_id=task_state_id,
            )
        )
        task_states.append(
            TaskState(
                id=task_state_id,
                content_type=task_state_ct,
                workflow_state_id=state_id,
                revision_id=page.latest_revision_id,
                task=task,
                status=TaskState.STATUS_IN_PROGRESS,
                started_at=submitted,
                comment="",
            )
        )
        records.append(
            StoryPrivateRecord(
                page_id=page.pk,
                receipt_digest=random_digest(),
                contact="",
                consent_publication=True,
                consent_translation=rng.random() < 0.5,
                submitted_on=timezone.localtime(submitted).date(),
            )
        )
    insert_rows(WorkflowState, states)
    insert_rows(TaskState, task_states)
    insert_rows(StoryPrivateRecord, records)
    return len(pages)


# --- campaigns -------------------------------------------------------------------------------


def _campaign_template(index):
    from campaigns.models import CampaignPage

    return (
        CampaignPage.objects.child_of(index)
        .live()
        .exclude(slug__startswith=BENCH_PREFIX)
        .order_by("status", "path")
        .first()
    )


def _campaign_fields(page):
    if page is None:
        return {
            "title": "A campaign",
            "standfirst": "What we demand and how you can help.",
            "body": [("paragraph", "<p>Free the political prisoners.</p>")],
        }
    return {
        "title": page.title,
        "standfirst": page.standfirst,
        "hero_image_id": page.hero_image_id,
        "hero_alt": page.hero_alt,
        "hero_credit": page.hero_credit,
        "licence": page.licence,
        "body": page.body.raw_data,
    }


def add_campaigns(indexes, total, rng, stream):
    """`total` campaigns in en copied from the demo's, each translated (live) into ru, uk and
    de, every second one into fr and every third into cs."""
    from campaigns.models import CampaignPage

    if total <= 0:
        return 0
    source_index = indexes["en"]
    template = _campaign_template(source_index)
    languages = [code for code in (*CAMPAIGN_LANGUAGES, "fr", "cs") if code in indexes]
    translated = {
        code: _campaign_fields(template.get_translation_or_none(indexes[code].locale))
        if template
        else _campaign_fields(None)
        for code in languages
    }
    source_fields = _campaign_fields(template)
    progress = Progress("Campaigns and translations", total, stream)
    first = _next_number(source_index, "campaign")
    for start in range(0, total, BATCH):
        numbers = range(first + start, first + min(total, start + BATCH))
        originals = []
        for number in numbers:
            fields = dict(source_fields, title=f"{source_fields['title']} #{number}")
            page = CampaignPage(
                slug=f"{BENCH_PREFIX}campaign-{number}",
                locale=source_index.locale,
                status="concluded" if number % 5 == 0 else "active",
                **fields,
            )
            page.first_published_at = publication_date(rng)
            page.last_published_at = page.latest_revision_created_at = page.first_published_at
            originals.append(page)
        add_pages(source_index, originals, live=True)
        for code in languages:
            index = indexes[code]
            copies = []
            for number, original in zip(numbers, originals, strict=True):
                if (code == "fr" and number % 2) or (code == "cs" and number % 3):
                    continue
                # A translation with no text of its own reads like its source (localize's
                # fallback), so the source's title goes with the template's translation.
                fields = translated[code] if translated[code]["title"] else source_fields
                fields = dict(fields, title=f"{fields['title']} #{number}")
                copies.append(
                    CampaignPage(
                        slug=original.slug,
                        locale=index.locale,
                        status=original.status,
                        translation_key=original.translation_key,
                        first_published_at=original.first_published_at,
                        last_published_at=original.last_published_at,
                        latest_revision_created_at=original.latest_revision_created_at,
                        **fields,
                    )
                )
            add_pages(index, copies, live=True)
        progress.advance(len(originals))
    progress.finish()
    return total


# --- vacancies -------------------------------------------------------------------------------


def _vacancy_templates(index):
    from volunteering.models import VacancyPage

    templates = list(
        VacancyPage.objects.child_of(index)
        .live()
        .exclude(slug__startswith=BENCH_PREFIX)
        .prefetch_related("skills")
        .order_by("path")
    )
    if templates:
        return templates
    # No demo vacancies (a bare test world): unsaved pages made from the demo's specs.
    from taggit.models import Tag

    from volunteering.demo import vacancy_fields
    from volunteering.demo_vacancies import VACANCIES

    today = timezone.localdate()
    for spec in VACANCIES:
        page = VacancyPage(slug=spec["slug"], locale=index.locale, **vacancy_fields(spec, today))
        page._bench_skills = [Tag.objects.get_or_create(name=name)[0] for name in spec["skills"]]
        templates.append(page)
    return templates


def _skills(template):
    if hasattr(template, "_bench_skills"):
        return template._bench_skills
    return list(template.skills.all())


def add_vacancies(indexes, total, rng, stream):
    """`total` vacancies in en copied from the demo's: nine in ten open (a deadline ahead or
    none), one in ten past its deadline."""
    from volunteering.models import VacancyPage, VacancyTag

    if total <= 0:
        return 0
    index = indexes["en"]
    templates = cycle(_vacancy_templates(index))
    own = [f for f in VacancyPage._meta.local_concrete_fields if f.name != "page_ptr"]
    today = timezone.localdate()
    progress = Progress("Vacancies", total, stream)
    first = _next_number(index, "vacancy")
    for start in range(0, total, BATCH):
        pages = []
        for number in range(first + start, first + min(total, start + BATCH)):
            template = next(templates)
            fields = {field.attname: getattr(template, field.attname) for field in own}
            if number % 10 == 0:
                fields["deadline"] = today - timedelta(days=rng.randint(1, 60))
            elif number % 3 == 0:
                fields["deadline"] = None
            else:
                fields["deadline"] = today + timedelta(days=rng.randint(7, 120))
            fields["status"] = "open"
            page = VacancyPage(
                slug=f"{BENCH_PREFIX}vacancy-{number}",
                locale=index.locale,
                title=f"{template.title} ({number})",
                **fields,
            )
            tags = _skills(template)
            page.skills.add(*tags)
            page._bench_tags = tags
            page.first_published_at = publication_date(rng, days=120)
            page.last_published_at = page.latest_revision_created_at = page.first_published_at
            pages.append(page)
        add_pages(index, pages, live=True)
        tags = [
            VacancyTag(content_object_id=page.pk, tag=tag)
            for page in pages
            for tag in page._bench_tags
        ]
        insert_rows(VacancyTag, tags)
        progress.advance(len(pages))
    progress.finish()
    return total
