"""What a story no longer uses is gone: the photos a moderator removed (rows, files, renditions)
at publication; all its photos when it is deleted or its rejection is purged; and
wagtail-localize's copies of text the live story no longer has."""

import datetime
import json
from unittest import mock

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail_localize import models as localize
from wagtail_localize.models import StringTranslation, TranslationSource

from stories.models import StoryPage
from tests.stories.conversation_helpers import contributor_approves
from tests.stories.sealing_helpers import ingest_and_draft
from tests.stories.story_builders import workflow_action_url
from tests.stories.submission_helpers import jpeg_bytes, submit_story, upload

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("story_form_env")]

CANARY = "Zhuravlyov"  # a name a moderator must take out


@pytest.fixture
def story(client, form_pages):
    """A story sent through the form with two photos, ingested, in Safety review."""
    submit_story(
        client,
        "/en/stories/tell/",
        files={
            "photo_1": upload(jpeg_bytes(colour=(200, 0, 0)), "one.jpg"),
            "photo_2": upload(jpeg_bytes(colour=(0, 0, 200)), "two.jpg"),
        },
        title="What happened on our street",
        text=f"My neighbour {CANARY} reported us.\n\nThen they came.",
    )
    ingest_and_draft()
    return StoryPage.objects.get()


def photos(story):
    return [block.value["image"] for block in story.body if block.block_type == "photo"]


def files_of(image):
    """(storage, name) of the image's original and each of its renditions."""
    found = [(image.file.storage, image.file.name)]
    found += [(r.file.storage, r.file.name) for r in image.renditions.all()]
    return found


def with_renditions(image):
    image.get_rendition("fill-80x60")
    image.get_rendition("max-165x165")  # the admin's thumbnail
    return files_of(image)


def gone(image, files):
    Image = get_image_model()
    return (
        not Image.objects.filter(pk=image.pk).exists()
        and not Image.get_rendition_model().objects.filter(image_id=image.pk).exists()
        and not any(storage.exists(name) for storage, name in files)
    )


def kept(image, files):
    return get_image_model().objects.filter(pk=image.pk).exists() and all(
        storage.exists(name) for storage, name in files
    )


def as_user(client, user):
    client.logout()
    client.force_login(user)


def approve(client, story, user):
    as_user(client, user)
    story.refresh_from_db()
    return client.post(
        workflow_action_url(story, "approve", story.current_workflow_task_state), {"comment": ""}
    )


def redact(story, user, keep_photo, text):
    """The moderator's edit (set-up; the behaviour under test is what publication does)."""
    story.refresh_from_db()
    story.body = [
        ("paragraph", text),
        ("photo", {"image": keep_photo, "alt_text": "A street"}),
    ]
    story.title = "The report"
    story.save_revision(user=user)


def publish_through_the_workflow(client, story, users, capture):
    approve(client, story, users["moderator"])
    contributor_approves(story)
    with capture(execute=True):
        approve(client, story, users["publisher"])
    story.refresh_from_db()
    assert story.live


def test_publication_deletes_the_photo_a_moderator_removed_with_its_files_and_renditions(
    client, users, story, django_capture_on_commit_callbacks
):
    kept_photo, removed_photo = photos(story)
    kept_files, removed_files = with_renditions(kept_photo), with_renditions(removed_photo)
    assert all(storage.exists(name) for storage, name in removed_files)
    redact(story, users["moderator"], kept_photo, "A neighbour reported us.")

    publish_through_the_workflow(client, story, users, django_capture_on_commit_callbacks)

    assert gone(removed_photo, removed_files)
    assert kept(kept_photo, kept_files)
    public = client.get(story.url).content.decode()
    assert kept_photo.renditions.exists() and removed_photo.file.name not in public


def test_deleting_a_story_deletes_all_its_photos(
    client, users, story, django_capture_on_commit_callbacks
):
    first, second = photos(story)
    files = with_renditions(first) + with_renditions(second)
    as_user(client, users["admin"])

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{story.pk}/delete/")

    assert response.status_code == 302
    assert not StoryPage.objects.filter(pk=story.pk).exists()
    assert gone(first, files[:3]) and gone(second, files[3:])


def test_purging_a_rejected_story_deletes_all_its_photos(
    client, users, story, django_capture_on_commit_callbacks
):
    first, second = photos(story)
    files = with_renditions(first) + with_renditions(second)
    as_user(client, users["moderator"])
    story.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            workflow_action_url(story, "reject", story.current_workflow_task_state),
            {"comment": "Cannot be made safe.", "confirm": "on"},
        )
    first.refresh_from_db()
    second.refresh_from_db()
    # Renamed at the rejection (the next test); the photos themselves wait for the purge.
    files += with_renditions(first) + with_renditions(second)
    assert kept(first, files[6:9]), "nothing goes before the retention period"

    later = timezone.now() + datetime.timedelta(days=31)
    with (
        mock.patch.object(timezone, "now", return_value=later),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("purge_submissions", verbosity=0)

    assert not StoryPage.objects.filter(pk=story.pk).exists()
    assert gone(first, files[:3] + files[6:9]) and gone(second, files[3:6] + files[9:])


def test_a_photo_another_page_uses_is_kept(
    client, users, story, world, django_capture_on_commit_callbacks
):
    shared, _other = photos(story)
    files = with_renditions(shared)
    elsewhere = StoryPage(title="Uses it too", live=False, locale=story.locale)
    elsewhere.body = [("photo", {"image": shared, "alt_text": "A square"})]
    world.sections["stories"]["en"].add_child(instance=elsewhere)
    as_user(client, users["admin"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{story.pk}/delete/")

    assert kept(shared, files)


def localize_text():
    """Everything wagtail-localize stores that can hold a story's words."""
    return json.dumps(
        [
            list(localize.String.objects.values_list("data", flat=True)),
            list(StringTranslation.objects.values_list("data", flat=True)),
            list(TranslationSource.objects.values_list("content_json", "object_repr")),
            list(localize.Template.objects.values_list("template", flat=True)),
            list(localize.SegmentOverride.objects.values_list("data_json", flat=True)),
        ],
        ensure_ascii=False,
    )


def translated_before_redaction(story, users, world):
    """localize's source and a translator's Russian string, made from the unredacted text."""
    source, _created = TranslationSource.get_or_create_from_instance(
        story.get_latest_revision_as_object()
    )
    segment = localize.StringSegment.objects.filter(
        source=source, string__data__contains=CANARY
    ).get()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=world.homes["ru"].locale,
        context=segment.context,
        data=f"Мой сосед {CANARY} донёс на нас.",
    )
    assert CANARY in localize_text()
    return source


def test_publication_of_the_redacted_version_leaves_no_old_text_in_localize(
    client, users, story, world, django_capture_on_commit_callbacks
):
    source = translated_before_redaction(story, users, world)
    kept_photo, _removed = photos(story)
    redact(story, users["moderator"], kept_photo, "A neighbour reported us.")

    publish_through_the_workflow(client, story, users, django_capture_on_commit_callbacks)

    assert CANARY not in localize_text()
    source.refresh_from_db()
    assert "A neighbour reported us." in source.content_json
    assert source.object_repr == "The report"
    assert localize.StringSegment.objects.filter(
        source=source, string__data="A neighbour reported us."
    ).exists()


def test_deleting_a_story_leaves_nothing_of_it_in_localize(
    client, users, story, world, django_capture_on_commit_callbacks
):
    translated_before_redaction(story, users, world)
    as_user(client, users["admin"])

    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{story.pk}/delete/")

    assert CANARY not in localize_text()
    assert not TranslationSource.objects.filter(object_id=story.translation_key).exists()


def test_unpublishing_a_story_makes_every_url_of_its_photos_stop_working(
    client, users, story, django_capture_on_commit_callbacks
):
    photo, _second = photos(story)
    publish_through_the_workflow(client, story, users, django_capture_on_commit_callbacks)
    client.logout()
    assert client.get(story.url).status_code == 200
    photo.refresh_from_db()
    handed_out = with_renditions(photo)
    assert all(storage.exists(name) for storage, name in handed_out)

    as_user(client, users["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{story.pk}/unpublish/")

    assert response.status_code == 302
    story.refresh_from_db()
    assert not story.live
    assert not any(storage.exists(name) for storage, name in handed_out)
    # Reviewers still have the photo, under a name nobody outside the admin has seen.
    photo.refresh_from_db()
    assert photo.file.storage.exists(photo.file.name)
    assert photo.file.name not in [name for _storage, name in handed_out]
    assert photo.get_rendition("max-165x165").file.name not in [n for _s, n in handed_out]


def test_rejecting_a_story_makes_the_urls_reviewers_saw_stop_working(
    client, users, story, django_capture_on_commit_callbacks
):
    photo, _second = photos(story)
    seen = with_renditions(photo)
    as_user(client, users["moderator"])
    story.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            workflow_action_url(story, "reject", story.current_workflow_task_state),
            {"comment": "Cannot be made safe.", "confirm": "on"},
        )

    assert not any(storage.exists(name) for storage, name in seen)
    photo.refresh_from_db()
    assert photo.file.storage.exists(photo.file.name)
