"""Talking to a contributor through their receipt: questions, the edited version, consent,
withdrawal (issue #17, on top of the sealed inbox of stories/sealing/).

E-mail would identify a contributor, so, as GlobaLeaks and SecureDrop do, the receipt code is
the only channel: the contributor types it on the status page and reads and answers there, by
POST, without JavaScript and without any cookie but the form's CSRF one.

**Keys** (`keys.py`). In the form's POST, while the code is known, a salt is drawn and an X25519
key pair derived from Argon2id(HMAC(receipt key, code), salt); the public half and the salt go
into the spool entry beside the sealed item, the code is forgotten. The HMAC under the receipt
key (settings, not the database) means the database alone cannot confirm a found code, as for
the receipt digest. A moderator's message is encrypted with a fresh key, padded like a
submission (`crypto.encrypt_item`), and that key is sealed to the contributor's public key and
to the conversation's public key; the conversation's private key is stored encrypted under the
item's key, which only the moderators open. The contributor's answers are sealed the same way,
so both sides read the whole thread; a Submitter or Translator opens nothing (no item key), and
the publisher sees only the consent state.

**No time with better than a day's precision** (`answers.py`). A moderator's message is staff
work, timed in the audit trail anyway. A contributor's answer is not: committed to PostgreSQL in
its POST, the WAL would time it, to be matched against an ISP's connection times. So, like a
submission, an answer (or a decision) goes into the spool (a Redis hash, field
"<digest>:<random>", no time, no order), and the random-delay pass of `ingest_submissions` moves
a shuffled batch in one transaction. Messages store `sent_on` (a day) and a position in their
thread. Reading writes nothing: "something new for you" is computed (the editors wrote after the
contributor's last answer), never stored as "seen at".

**Consent** (`consent.py`). A version is the draft's title, text, photos and credit as they
would be published, with the fingerprint of that content stored in clear (the draft itself is in
the page tree). Where STORY_CONSENT_REQUIRED (a Django setting, default True) holds, a story
started from a sealed item that has a conversation goes live only if the contributor approved a
version with the fingerprint of the revision being published: the check is a `go_live_refusal`
hook asked by cms/core/publishing.py inside `publish()`, the point every publish path reaches
(workflow approval, scheduled publish, bulk actions, localize). Withdrawal cancels the workflow,
unpublishes and deletes the story in every language with its photos, and shreds the item
(state "withdrawn"); the receipt then says so until the tombstone goes.

**Retention**: the conversation is deleted whenever its item is shredded (`inbox.shred`) or
deleted (CASCADE); answers still in the spool for a shredded item are dropped when moved.
"""
