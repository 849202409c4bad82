-- The event catalog: single events and recurring series (recurrence is an RRULE, or NULL).
-- Tags are one comma-separated text column; instants are epoch milliseconds.

CREATE TABLE events (
    id           ${id_column},
    community_id BIGINT  NOT NULL REFERENCES communities (id),
    title        TEXT    NOT NULL,
    family       TEXT    NOT NULL,
    slot         TEXT    NOT NULL,
    city         TEXT,
    venue        TEXT,
    address      TEXT,
    start_ms     BIGINT  NOT NULL,
    end_ms       BIGINT  NOT NULL,
    description  TEXT,
    link         TEXT,
    organiser    TEXT,
    tags         TEXT    NOT NULL,
    free         BOOLEAN NOT NULL,
    status       TEXT    NOT NULL,
    source       TEXT    NOT NULL,
    recurrence   TEXT,
    author       TEXT,
    created_ms   BIGINT  NOT NULL,
    updated_ms   BIGINT  NOT NULL
);

-- Listing a community's events in a window (findSingles) range-scans this index.
CREATE INDEX events_by_community_start ON events (community_id, start_ms);

-- Series are few; this partial index finds a community's series without touching its singles.
CREATE INDEX series_by_community_start ON events (community_id, start_ms) WHERE recurrence IS NOT NULL;
