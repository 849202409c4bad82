-- A member's preferences in a community: whether others see them in "who is going", their default
-- reminder offsets (1d,2h; 'off'; NULL for the community's) and quiet hours (HH:MM, local time of
-- the community; both NULL for none).

CREATE TABLE member_preferences (
    community_id   BIGINT  NOT NULL,
    member_key     TEXT    NOT NULL,
    visible        INTEGER NOT NULL,
    remind_offsets TEXT,
    quiet_start    TEXT,
    quiet_end      TEXT,
    PRIMARY KEY (community_id, member_key)
);
