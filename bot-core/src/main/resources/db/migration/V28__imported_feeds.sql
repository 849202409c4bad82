-- Calendars a community follows (/import): each feed's address and what its last fetch left.
-- etag / last_modified: the validators of the last answer, sent back so an unchanged feed costs a
--   304. last_fetch_ms: when it was last fetched (NULL before the first time); last_status: ok,
--   unchanged or failed; last_error: what went wrong the last time, for /import list.
-- added_by: the moderator who added it (a ChatUser key).

CREATE TABLE imported_feeds (
    id            ${id_column},
    community_id  BIGINT NOT NULL REFERENCES communities (id),
    url           TEXT   NOT NULL,
    added_by      TEXT   NOT NULL,
    added_ms      BIGINT NOT NULL,
    etag          TEXT,
    last_modified TEXT,
    last_fetch_ms BIGINT,
    last_status   TEXT,
    last_error    TEXT,
    UNIQUE (community_id, url)
);

-- Which event each VEVENT of a feed became: uid, and recurrence_id ('' for the event or series
-- itself; the date it overrides, yyyy-mm-dd, for a RECURRENCE-ID override of one date), so that a
-- later fetch updates that event instead of adding another. fingerprint: a digest of the entry as
-- last brought in, so that only an entry the feed changed is applied again (a moderator's own edit
-- of an imported event is not undone by the next fetch of an unchanged feed).

CREATE TABLE imported_events (
    feed_id       BIGINT NOT NULL REFERENCES imported_feeds (id),
    uid           TEXT   NOT NULL,
    recurrence_id TEXT   NOT NULL,
    event_id      BIGINT NOT NULL REFERENCES events (id),
    fingerprint   TEXT   NOT NULL,
    PRIMARY KEY (feed_id, uid, recurrence_id)
);
