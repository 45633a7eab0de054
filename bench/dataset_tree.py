"""Bulk page creation for the bench dataset: treebeard paths, ids, rows and revisions written
the way Wagtail writes them, thousands at a time.

`add_child` costs ~15 ms a page (a read of the last sibling, a save per table, signals);
here a parent's children get their paths from its last child's step in memory, ids come from
the PostgreSQL sequences in one query, and every table gets one INSERT per thousand rows.
"""

from __future__ import annotations

import sys
import time

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page, Revision

BATCH = 1000


class Progress:
    """`label  done/total  pct` rewritten in place on stderr (plain \\r text, no dependency)."""

    def __init__(self, label, total, stream=None):
        self.label, self.total, self.done = label, total, 0
        self.stream = stream if stream is not None else sys.stderr
        self.started = time.monotonic()
        self._draw()

    def advance(self, count):
        self.done += count
        self._draw()

    def _draw(self):
        if not self.stream:
            return
        percent = 100 * self.done // self.total if self.total else 100
        self.stream.write(f"\r{self.label:<28} {self.done:>6}/{self.total:<6} {percent:>3}%")
        self.stream.flush()

    def finish(self):
        if self.stream:
            self.stream.write(f"  {time.monotonic() - self.started:.1f} s\n")
            self.stream.flush()


def reserve_ids(model, count):
    """`count` fresh primary keys from the model's sequence: rows that point at each other
    (a page and its revision, a workflow state and its task state) can then be built together;
    the foreign keys are DEFERRABLE INITIALLY DEFERRED, checked at commit."""
    if count == 0:
        return []
    table, column = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
            [table, column, count],
        )
        return [row[0] for row in cursor.fetchall()]


def insert_rows(model, objects, fields=None):
    """COPY `objects` into `model`'s own table only (no parent table), values as given (so
    auto_now_add fields keep the dates the dataset chose). COPY, not INSERT: psycopg quotes
    the JSON of thousands of revisions far faster in COPY's format than in an UNNEST array."""
    if fields is None:
        # Rows without a chosen id take the next one from the sequence (the column default).
        fields = [
            field
            for field in model._meta.local_concrete_fields
            if not (field.primary_key and objects and objects[0].pk is None)
        ]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    sql = f"COPY {connection.ops.quote_name(model._meta.db_table)} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for obj in objects:
            copy.write_row(
                [
                    field.get_db_prep_save(getattr(obj, field.attname), connection)
                    for field in fields
                ]
            )


def child_paths(parent, count):
    """Paths for `count` new children of `parent`, after its current last child."""
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = Page._str2int(last[-Page.steplen :]) if last else 0
    return [Page._get_path(parent.path, parent.depth + 1, step + n) for n in range(1, count + 1)]


def add_pages(parent, pages, *, live, revision_user=None):
    """Insert specific page instances (all of one model) as children of `parent`, each with one
    revision as its latest (and live one if `live`), like add_child + save_revision + publish.

    Every page must have title, slug, locale and the model's own fields set; dates default to
    now. Returns the pages with their ids.
    """
    if not pages:
        return pages
    model = type(pages[0])
    now = timezone.now()
    page_ids = reserve_ids(Page, len(pages))
    revision_ids = reserve_ids(Revision, len(pages))
    paths = child_paths(parent, len(pages))
    specific_ct = ContentType.objects.get_for_model(model)
    base_ct = ContentType.objects.get_for_model(Page)
    revisions = []
    for page, page_id, revision_id, path in zip(pages, page_ids, revision_ids, paths, strict=True):
        # A new page has no comments: said in memory, or serializable_data asks the database.
        page.wagtail_admin_comments = []
        page.id = page.page_ptr_id = page_id
        page.path, page.depth, page.numchild = path, parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.draft_title = page.title
        page.content_type = specific_ct
        page.live = live
        page.has_unpublished_changes = not live
        created = page.latest_revision_created_at or now
        page.latest_revision_created_at = created
        if live:
            page.first_published_at = page.first_published_at or created
            page.last_published_at = page.last_published_at or created
            page.live_revision_id = revision_id
        page.latest_revision_id = revision_id
        revisions.append(
            Revision(
                id=revision_id,
                content_type=specific_ct,
                base_content_type=base_ct,
                object_id=str(page_id),
                created_at=created,
                user=revision_user,
                object_str=page.title,
                content=revision_content(page),
            )
        )
    insert_rows(Page, pages)
    insert_rows(model, pages, fields=_own_fields(model))
    insert_rows(Revision, revisions)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def _own_fields(model):
    """The columns of the model's own table (its fields plus the link to Page's row)."""
    return model._meta.local_concrete_fields


def revision_content(page):
    """What Revision.content holds for a page: Page.serializable_data, which reads the
    many-to-many and child objects set in memory on the unsaved instance (no query)."""
    return page.serializable_data()
