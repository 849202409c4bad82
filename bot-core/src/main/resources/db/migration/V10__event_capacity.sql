-- Per-event RSVP rules, for every occurrence of a series alike: how many seats (members going plus
-- their guests; NULL for no limit) and how many guests a member may bring.

CREATE TABLE event_capacity (
    event_id    BIGINT  NOT NULL PRIMARY KEY,
    seats       INTEGER,
    guest_limit INTEGER NOT NULL
);
