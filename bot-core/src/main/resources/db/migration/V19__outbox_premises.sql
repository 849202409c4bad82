-- What an outbox message is about, checked by the delivery worker just before it sends it: the
-- occurrence (about_ref, the reference members type: 42, or 42-1127 for one date of series 42) and
-- the start it had when the message was written (about_start_ms), and, for a message to a member
-- about their answer (reminders, "you got a seat"), that member's key (about_member). A message
-- whose occurrence was cancelled or moved, or whose member no longer goes, is dropped unsent.
-- All three are NULL for a message about nothing in particular (an agenda, a moderator notice).
ALTER TABLE outbox ADD COLUMN about_ref TEXT;
ALTER TABLE outbox ADD COLUMN about_member TEXT;
ALTER TABLE outbox ADD COLUMN about_start_ms BIGINT;

-- Dropping a member's pending reminders for an occurrence (on every answer) reads this index
-- instead of comparing a prefix of every pending key.
CREATE INDEX outbox_pending_about ON outbox (about_member, about_ref) WHERE status = 'PENDING';

-- Reminders written before this migration say what they are about in their key only:
-- reminder:<ref>:<member key>:<offset>@<start, epoch seconds>, expiring at the start. The
-- reference holds no colon; a member key may (console:a:b), so the member is the one whose
-- answer to that reference is the longest prefix of the rest of the key.
UPDATE outbox
SET about_ref = substr(delivery_key, 10, ${position_of}(substr(delivery_key, 10), ':') - 1)
WHERE status = 'PENDING'
  AND substr(delivery_key, 1, 9) = 'reminder:'
  AND ${position_of}(substr(delivery_key, 10), ':') > 1;

UPDATE outbox
SET about_member = (
        SELECT r.member_key
        FROM rsvps r
        WHERE r.occurrence_ref = outbox.about_ref
          AND substr(outbox.delivery_key, 1, length(r.occurrence_ref) + length(r.member_key) + 11)
              = 'reminder:' || r.occurrence_ref || ':' || r.member_key || ':'
        ORDER BY length(r.member_key) DESC
        LIMIT 1),
    about_start_ms = expires_ms
WHERE about_ref IS NOT NULL;

-- A reminder whose member answered nothing (none should exist) stays as it was: about nothing.
UPDATE outbox SET about_ref = NULL, about_start_ms = NULL WHERE about_member IS NULL;
