-- Calendar files and feeds. revision counts the edits of an event (and of one changed date of a
-- series): every write that changes a stored event adds one, so a calendar's SEQUENCE grows on each
-- edit and calendar apps replace their copy. calendar_tokens holds the unguessable token in the
-- address of each feed: a community's agenda (feed 'agenda', member_key '') and each member's
-- dates in a community (feed 'member'). Resetting a token replaces its row, so the old address
-- stops answering.

ALTER TABLE events ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

ALTER TABLE series_exceptions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;

CREATE TABLE calendar_tokens (
    token        TEXT   NOT NULL PRIMARY KEY,
    community_id BIGINT NOT NULL REFERENCES communities (id),
    feed         TEXT   NOT NULL,
    member_key   TEXT   NOT NULL,
    created_ms   BIGINT NOT NULL,
    UNIQUE (community_id, feed, member_key)
);
