-- Members' answers to an event occurrence (Going, Interested, Not going, or waiting for a seat).
-- occurrence_ref is the reference members type (42, or 42-1127 for one date of series 42).
-- A group conversation the member answered from is kept so that the bot can tell them something
-- in the group when their direct messages are closed. Instants are epoch milliseconds.
--
-- status: GOING, INTERESTED, WAITING (going, but no seat yet), NOT_GOING.
-- queue_position orders the waiting list (first come, first served).
-- remind_offsets: the member's own offsets for this occurrence (1d,2h), 'off', or NULL.

CREATE TABLE rsvps (
    community_id    BIGINT  NOT NULL,
    event_id        BIGINT  NOT NULL,
    occurrence_ref  TEXT    NOT NULL,
    member_key      TEXT    NOT NULL,
    platform        TEXT    NOT NULL,
    member_id       TEXT    NOT NULL,
    display_name    TEXT    NOT NULL,
    group_id        TEXT,
    group_community TEXT,
    language        TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    guests          INTEGER NOT NULL,
    queue_position  BIGINT  NOT NULL,
    remind_offsets  TEXT,
    updated_ms      BIGINT  NOT NULL,
    PRIMARY KEY (occurrence_ref, member_key)
);

CREATE INDEX rsvps_event ON rsvps (event_id);
CREATE INDEX rsvps_member ON rsvps (member_key, community_id);
