-- The claim takes the due pending rows in the order (not_before_ms, id). With the id in the index,
-- it reads its batch from the index and stops; without it, on PostgreSQL, a burst due at one
-- moment (100,000 reminders) made every claim read and sort the whole burst. (SQLite's indexes
-- end with the rowid, which is the id, so it already could.)
DROP INDEX outbox_due;
CREATE INDEX outbox_due ON outbox (status, not_before_ms, id);
