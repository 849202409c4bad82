-- Published events that matched a member's subscriptions, waiting for the member's next digest
-- (digest_key NULL) or already put in one (digest_key = the outbox key of that digest).
-- subscription_digests holds when each member's last digest was made: at most one an hour.

CREATE TABLE subscription_matches (
    id           ${id_column},
    user_key     TEXT   NOT NULL,
    community_id BIGINT NOT NULL REFERENCES communities (id),
    event_id     BIGINT NOT NULL,
    display_name TEXT   NOT NULL,
    language     TEXT   NOT NULL,
    matched_ms   BIGINT NOT NULL,
    digest_key   TEXT,
    digested_ms  BIGINT,
    UNIQUE (user_key, event_id)
);

CREATE INDEX subscription_matches_digest ON subscription_matches (digest_key, user_key);

CREATE TABLE subscription_digests (
    user_key     TEXT   NOT NULL PRIMARY KEY,
    last_sent_ms BIGINT NOT NULL
);
