-- The outbox: every message core sends on its own initiative (reminders, announcements) is written
-- here under a unique delivery key before it is sent, and marked delivered once the platform
-- accepted it. Instants are epoch milliseconds.
--
-- status: PENDING (waiting or being sent), DELIVERED, FAILED (permanently), EXPIRED (too late).
-- A PENDING row is due when not_before_ms <= now and it is not claimed: a worker claims it by
-- setting claimed_by and claimed_until_ms (a lease), so a row whose worker died is due again
-- once claimed_until_ms has passed.

CREATE TABLE outbox (
    id               ${id_column},
    delivery_key     TEXT    NOT NULL UNIQUE,
    platform         TEXT    NOT NULL,
    target_kind      TEXT    NOT NULL,
    target_id        TEXT    NOT NULL,
    community_id     TEXT,
    display_name     TEXT,
    reply_json       TEXT    NOT NULL,
    status           TEXT    NOT NULL,
    not_before_ms    BIGINT  NOT NULL,
    expires_ms       BIGINT,
    attempts         INTEGER NOT NULL,
    claimed_by       TEXT,
    claimed_until_ms BIGINT,
    last_error       TEXT,
    message_id       TEXT,
    created_ms       BIGINT  NOT NULL,
    updated_ms       BIGINT  NOT NULL
);

-- The claim query range-scans the due pending rows in order.
CREATE INDEX outbox_due ON outbox (status, not_before_ms);
