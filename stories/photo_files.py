"""Old addresses of a contributor's photo stop working when its story leaves public view.

Media files are served by the web server from MEDIA_ROOT (site/nginx.conf.example, `/media/`)
or by signed URLs from a private bucket (cms/settings/media.py), without asking Django: whoever
holds a file's URL can fetch it. Contributors' photos have unguessable names (128 random bits,
stories/privacy/images.py), so a URL is only known to whom the site showed it: reviewers in the
admin while the story is in review, and every reader once it is live.

So the rule "served only while the story is live, or to signed-in reviewers" is kept by names:

- a photo removed at publication, or of a deleted or purged story, is deleted with its
  renditions, files included (stories/cleanup.py);
- when a story is unpublished or rejected, each of its photos gets a fresh random file name and
  its renditions are deleted (`rotate`): every URL a reader (or anyone they passed it to) holds
  now answers 404. Reviewers opening the story in the admin get new renditions under the new
  name, which nobody outside the admin has seen.
"""

import os

from django.core.files.base import ContentFile
from django.db import transaction

from .privacy.images import random_image_name


def rotate(image):
    """Move `image`'s original to a new random name and drop its renditions."""
    storage = image.file.storage
    old_name = image.file.name
    with storage.open(old_name, "rb") as original:
        content = original.read()
    # Wagtail deletes each rendition's file once the transaction commits.
    image.renditions.all().delete()
    extension = os.path.splitext(old_name)[1].lower()
    new_name = image.file.field.generate_filename(image, random_image_name(extension))
    image.file.name = storage.save(new_name, ContentFile(content))
    image.save(update_fields=["file"])
    transaction.on_commit(lambda: storage.delete(old_name))
