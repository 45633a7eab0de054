"""Sealed submissions: what a contributor sends is unreadable at rest until a moderator opens it.

The threat is a seized or copied server: PostgreSQL (tables, WAL, backups), Redis, media, logs,
configuration, next to an ISP's record of who connected when. So:

1. **Sealed on arrival** (`inbox.seal_submission`, in the form's POST, before anything is
   written). Everything the contributor sent — title, text, language, topics, region, credit,
   pseudonym, consents, contact and the already scrubbed photos — is one JSON document, padded to
   a power-of-two bucket and encrypted with a fresh random key; that key is sealed to the public
   key of every active member of the story workflow's first-step groups (the Moderators) who has
   an inbox key, and to the offline recovery key if `STORY_RECOVERY_PUBLIC_KEY` is set
   (`crypto.py`). The server keeps no private key: with nobody to seal to, the form answers 503
   rather than keep something nobody may read.

2. **No durable record of when** (`spool.py`, `inbox.move_batch`). The moment of sending must
   not reach durable storage with better than a day's precision. PostgreSQL stamps every commit
   in its WAL (and `track_commit_timestamp` would keep it in the table files), so the POST does
   not write to PostgreSQL at all in production: the sealed entry goes into a Redis hash
   (append-only file, `appendfsync always`: on disk before the receipt is shown) whose entries
   carry no time and no order — only the receipt digest, the day (UTC) and the ciphertext. The
   random-delay job (`manage.py ingest_submissions`) takes entries at random, shuffles them, and
   writes a whole batch into PostgreSQL in ONE transaction, then deletes them from the spool:
   the WAL shows only the batch's commit time, shared by every item in it, and row ids are
   random UUIDs. A crash between the commit and the spool delete only repeats entries, which
   the next batch skips by digest: nothing with a receipt is lost or doubled. The AOF file's
   order is the arrival order, but it is rewritten (BGREWRITEAOF) and holds ciphertext only;
   site/README.md says how long. `make run` and the tests use a table as the spool
   (`SpooledSubmission`), whose commits the WAL does time: fine for a laptop, not production.

3. **Moderators' keys** (`keyring.py`): an X25519 key pair per moderator, the private half
   wrapped under Argon2id(passphrase). Unlocking re-wraps it under a random key held only by
   the browser (an HttpOnly, Secure, SameSite=Strict cookie on /admin/); the session stores the
   re-wrapped key. Locking, signing out or the session ending makes it unusable.

4. **The sealed inbox** (stories/inbox_views.py): until opened, an item shows its day and state
   only. Opening decrypts in memory (photos are served from memory with no-store) and writes an
   audit entry (who, when, which item; never content). "Start a draft" copies only what the
   moderator keeps (title and text as edited, chosen photos, topics) into a draft StoryPage and
   starts the Story moderation workflow; contact and consents never leave the item.

5. **Crypto-shredding** (`inbox.shred`, `inbox.purge`): an item is destroyed by deleting its
   sealed keys and its ciphertext — when declined, once its draft is published or rejected, and
   STORY_RETENTION_DAYS after it was received if nobody acted. A tombstone (digest, state, day)
   answers the receipt check until the retention period ends.
"""
