-- A suggestion may wait for its family: a moderator (or its author) picks it before it is listed.
-- Neither SQLite nor a portable ALTER drops a NOT NULL, so the column is replaced by a nullable one
-- (no index or key uses it). Published and cancelled events keep theirs: the code requires one.
ALTER TABLE events ADD COLUMN family_key TEXT;
UPDATE events SET family_key = family;
ALTER TABLE events DROP COLUMN family;
ALTER TABLE events RENAME COLUMN family_key TO family;
