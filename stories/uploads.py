"""Keep public uploads in memory, bounded, and never on disk.

Django's default handlers spool any upload over 2.5 MB to a named temporary file. For the story
form that is a leak: the original photo, with its GPS tags, would sit in /tmp until the request
ends — or for ever if the worker is killed mid-request. This handler keeps every public upload in
memory instead, with hard limits so that memory stays bounded:

- a file larger than ``STORY_UPLOAD_MAX_BYTES`` (10 MB) is not kept: its bytes are read and
  dropped, and the form receives an ``OversizedUpload`` marker so it can say "too large" clearly;
- at most ``STORY_UPLOAD_MAX_FILES`` files and ``STORY_UPLOAD_MAX_TOTAL_BYTES`` in total are kept
  per request; anything beyond is dropped the same way.

Requests to the Wagtail admin keep Django's usual handlers (staff upload large documents there and
Wagtail sets its own limits); the handler steps aside for them. It is installed for the whole site
through FILE_UPLOAD_HANDLERS because a per-view handler cannot be set in time: CSRF protection
reads request.POST before any page's serve() runs.
"""

from __future__ import annotations

import io

from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers

from cms.core.security.headers import admin_prefix


def _setting(name, default):
    return getattr(settings, name, default)


def is_staff_path(path: str) -> bool:
    """Admin URLs keep Django's default upload handling."""
    prefixes = (admin_prefix(), "/django-admin/")
    return any(path.startswith(prefix) for prefix in prefixes)


class OversizedUpload(InMemoryUploadedFile):
    """Stands in for a file we refused to keep. It has no content; ``received_bytes`` says how
    much was sent so the form can tell the person why."""

    oversized = True

    def __init__(self, field_name, received_bytes, content_type, charset, extra):
        # The client's file name is not kept: it can carry a name or a place.
        super().__init__(io.BytesIO(), field_name, "upload", content_type, 0, charset, extra)
        self.received_bytes = received_bytes


class PublicMemoryUploadHandler(FileUploadHandler):
    """Every public upload in memory, within limits; nothing is ever written to disk."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.active = self.request is None or not is_staff_path(self.request.path)
        self.max_bytes = _setting("STORY_UPLOAD_MAX_BYTES", 10 * 1024 * 1024)
        self.max_files = _setting("STORY_UPLOAD_MAX_FILES", 3)
        self.max_total = _setting("STORY_UPLOAD_MAX_TOTAL_BYTES", 3 * self.max_bytes)
        self.files_kept = 0
        self.total_kept = 0
        return None  # let the standard multipart parser do the parsing

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if not getattr(self, "active", True):
            return
        self.buffer = io.BytesIO()
        self.received = 0
        self.keeping = self.files_kept < self.max_files
        # The other handlers (memory, then temporary file) must never see this file.
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data, start):
        if not getattr(self, "active", True):
            return raw_data
        self.received += len(raw_data)
        if self.keeping and (
            self.received > self.max_bytes or self.total_kept + self.received > self.max_total
        ):
            # Over a limit: forget what we had and drop the rest as it streams past.
            self.keeping = False
            self.buffer = io.BytesIO()
        if self.keeping:
            self.buffer.write(raw_data)
        return None

    def file_complete(self, file_size):
        if not getattr(self, "active", True):
            return None
        if not self.keeping:
            self.buffer = io.BytesIO()
            return OversizedUpload(
                self.field_name,
                self.received,
                self.content_type,
                self.charset,
                self.content_type_extra,
            )
        self.files_kept += 1
        self.total_kept += self.received
        self.buffer.seek(0)
        upload = InMemoryUploadedFile(
            file=self.buffer,
            field_name=self.field_name,
            name="upload",
            content_type=self.content_type,
            size=self.received,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
        self.buffer = None
        return upload

    def upload_interrupted(self):
        self.buffer = None
