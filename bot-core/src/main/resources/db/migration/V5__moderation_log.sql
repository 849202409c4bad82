-- Every moderation action (suggest, approve, reject, edit, cancel, settings, link), never deleted.

CREATE TABLE moderation_log (
    id           ${id_column},
    community_id BIGINT NOT NULL REFERENCES communities (id),
    actor_key    TEXT   NOT NULL,
    actor_name   TEXT   NOT NULL,
    action       TEXT   NOT NULL,
    event_id     BIGINT,
    detail       TEXT,
    at_ms        BIGINT NOT NULL
);

CREATE INDEX moderation_log_by_community ON moderation_log (community_id, at_ms);

-- Per-member limits count a member's recent and pending suggestions.
CREATE INDEX events_by_author ON events (community_id, author, created_ms);
