"""What a story no longer uses is deleted: contributors' photos, and wagtail-localize's copies of
its text.

Photos: a contributor's photo is an image that only its story uses (stories/pipeline.py files
it in "Submitted photos"; a moderator may upload a blurred copy). Deleting the image row makes
Wagtail delete its renditions (a cascade) and both files (its post_delete handlers, once the
transaction commits). We delete:

- at publication, the images that only the revisions forgotten then used (a moderator removed
  or replaced them): `forget_unused_photos`;
- when a story is deleted (by hand, or by the purge of a rejected or withdrawn story), all of
  its images: `photos_of` before the delete, `delete_photos` after it.

An image that any other object still references (Wagtail's reference index) is kept: a library
image placed in a story as well as elsewhere stays the library's.

wagtail-localize: "Translate this page" copies a page into a TranslationSource (content_json,
object_repr) and extracts Strings, StringSegments and Templates from it; localize keeps them
when the page changes or is deleted (strings are shared, a translation memory). For a story that
memory is the pre-redaction text, so:

- at publication, every source of the story is re-read from the live page and the strings and
  templates that only its old segments used are deleted (their StringTranslations cascade):
  `refresh_translation_sources`;
- at deletion, its sources go too (`forget_translation_sources`), and the same orphans.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex, Revision


def _photo_ids_in(body):
    ids = set()
    for block in body or ():
        if block.block_type == "photo" and block.value.get("image"):
            ids.add(block.value["image"].pk)
    return ids


def photos_of(page, revisions=None):
    """Ids of the images `page` or any of its revisions use."""
    ids = _photo_ids_in(page.specific.body)
    for revision in revisions if revisions is not None else Revision.objects.for_instance(page):
        ids |= _photo_ids_in(revision.as_object().body)
    return ids


def delete_photos(image_ids, page_pk):
    """Delete the images among `image_ids` that nothing but page `page_pk` uses."""
    page_type = ContentType.objects.get_for_model(Page)
    deleted = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        others = ReferenceIndex.get_references_to(image).exclude(
            base_content_type=page_type, object_id=str(page_pk)
        )
        if not others.exists():
            image.delete()
            deleted += 1
    return deleted


def forget_unused_photos(page, used_before):
    """After publication: delete the photos in `used_before` the live story no longer uses."""
    return delete_photos(set(used_before) - photos_of(page), page.pk)


def _localize():
    from wagtail_localize import models as localize

    return localize


def _sources(translation_key, locale_id):
    return _localize().TranslationSource.objects.filter(
        object_id=translation_key, locale_id=locale_id
    )


def translation_data_of(translation_key, locale_id):
    """(string ids, template ids) that the segments of the story's sources use."""
    localize = _localize()
    sources = _sources(translation_key, locale_id)
    strings = set(
        localize.StringSegment.objects.filter(source__in=sources).values_list(
            "string_id", flat=True
        )
    )
    templates = set(
        localize.TemplateSegment.objects.filter(source__in=sources).values_list(
            "template_id", flat=True
        )
    )
    return strings, templates


def delete_orphans(string_ids, template_ids):
    """Delete the strings and templates among these ids that no segment uses any more."""
    localize = _localize()
    localize.String.objects.filter(pk__in=string_ids).exclude(
        pk__in=localize.StringSegment.objects.values("string_id")
    ).delete()
    localize.Template.objects.filter(pk__in=template_ids).exclude(
        pk__in=localize.TemplateSegment.objects.values("template_id")
    ).delete()


@transaction.atomic
def refresh_translation_sources(page):
    """Re-read the story's translation sources from the live page; drop what only the old text
    used."""
    strings, templates = translation_data_of(page.translation_key, page.locale_id)
    for source in _sources(page.translation_key, page.locale_id):
        source.update_from_db()
    delete_orphans(strings, templates)


@transaction.atomic
def forget_translation_sources(translation_key, locale_id, strings, templates):
    """After the story in `locale_id` is deleted: its sources (with their segments and
    translations, by cascade) and what only they used."""
    localize = _localize()
    sources = _sources(translation_key, locale_id)
    if sources.exists():
        # The translations made of this story's text (other objects' translations of the same
        # strings stay theirs).
        localize.StringTranslation.objects.filter(
            context__object_id=translation_key, translation_of_id__in=strings
        ).delete()
        for model in (
            localize.StringSegment,
            localize.TemplateSegment,
            localize.RelatedObjectSegment,
            localize.OverridableSegment,
        ):
            # Segments hold their context with PROTECT: delete them before their source.
            model.objects.filter(source__in=sources).delete()
        sources.delete()
    # localize's own delete handler may have removed the sources already; never their strings.
    delete_orphans(strings, templates)


def hide_photos(page):
    """When a story leaves public view (unpublished, rejected): every URL of its photos handed
    out so far stops working, the photos themselves stay for the reviewers (stories/
    photo_files.py)."""
    from .photo_files import rotate

    page_type = ContentType.objects.get_for_model(Page)
    for image in get_image_model().objects.filter(pk__in=photos_of(page)):
        others = ReferenceIndex.get_references_to(image).exclude(
            base_content_type=page_type, object_id=str(page.pk)
        )
        if not others.exists():
            rotate(image)
