"""Privacy building blocks for the anonymous story pipeline.

Small, dependency-light modules that the submission form, the queue and the status check use to
keep the invariants in ARCHITECTURE.md ("The anonymous story pipeline"):

- ``images``: re-encode uploaded photos from pixels only, so no EXIF/GPS/XMP/ICC/text survives.
- ``receipts``: random receipt codes shown once and stored only as a keyed hash.
- ``ratelimit``: rate limits that never keep a raw or plainly hashed address.

None of them touches the database, the filesystem or the logs.
"""
